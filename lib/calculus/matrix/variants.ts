// Typical wrong variants of a key expression (docs/core.md, "Matrix calculus", mistakes): each is the
// key with one subexpression replaced the way a learner gets it wrong, named by a code and sentence
// of the one catalogue of mistakes (lib/calculus/mistakes.ts). Diagnosis evaluates them at the graded
// samples; one is named only when it matches the answer and differs from the key.
import { type Diagnosis, MATRIX_SAID, diagnosisOf } from "../mistakes";
import { type MExpr, add, bin, children, had, mul, num, sameTree, sub, transpose, withChildren } from "./ast";
import type { Typed } from "./types";

export interface Variant {
  readonly diagnosis: Diagnosis;
  readonly expr: MExpr;
}

const isNum = (e: MExpr, v: number) => e.k === "num" && e.value === v;
const isHalf = (e: MExpr) =>
  (e.k === "num" && e.value === 0.5) || (e.k === "div" && isNum(e.a, 1) && isNum(e.b, 2));
const activation = (e: MExpr) => e.k === "fn" && (e.fn === "sigmoid" || e.fn === "relu" || e.fn === "tanh");
const isSigmoid = (e: MExpr): e is Extract<MExpr, { k: "fn" }> => e.k === "fn" && e.fn === "sigmoid";
const isInverse = (e: MExpr) => e.k === "inv" || (e.k === "pow" && e.b.k === "neg" && isNum(e.b.a, 1));
const quadratic = (e: MExpr): boolean => {
  let t = false;
  let m = false;
  const walk = (n: MExpr) => {
    if (n.k === "transpose") t = true;
    if (n.k === "mul" || n.k === "dot") m = true;
    children(n).forEach(walk);
  };
  walk(e);
  return t && m;
};

/** A product whose first factor is ½ (`1/2 dᵀ H d` reads as ((½ dᵀ) H) d). */
const startsWithHalf = (e: MExpr): boolean => (e.k === "mul" ? startsWithHalf(e.a) : isHalf(e));

/** `root` with the node `target` replaced by `by`. */
function replace(root: MExpr, target: MExpr, by: MExpr): MExpr {
  if (root === target) return by;
  const cs = children(root);
  if (cs.length === 0) return root;
  const next = cs.map((c) => replace(c, target, by));
  return next.every((c, i) => c === cs[i]) ? root : withChildren(root, next);
}

/** The variants of a key, most specific first. */
export function keyVariants(typed: Typed): Variant[] {
  const root = typed.expr;
  const out: Variant[] = [];
  const push = (diagnosis: Diagnosis, target: MExpr, by: MExpr) =>
    out.push({ diagnosis, expr: replace(root, target, by) });
  const walk = (n: MExpr) => {
    switch (n.k) {
      case "add": {
        const [a, b] = [n.a, n.b];
        // a second-order Taylor term dropped: the linear approximation
        const halfTerm =
          (b.k === "mul" && startsWithHalf(b) && quadratic(b)) ||
          (b.k === "div" && isNum(b.b, 2) && quadratic(b.a));
        if (halfTerm) push(diagnosisOf("taylor_first_order"), n, a);
        if ((b.k === "transpose" && sameTree(b.a, a)) || (a.k === "transpose" && sameTree(a.a, b))) {
          const m = a.k === "transpose" ? b : a;
          push(MATRIX_SAID.symmetricTwice, n, mul(num(2), m));
          push(MATRIX_SAID.symmetricHalf, n, m);
        }
        break;
      }
      case "ind":
        push(diagnosisOf("gate_dropped"), n, num(1));
        break;
      case "had":
      case "mul": {
        const [a, b] = [n.a, n.b];
        const sig = isSigmoid(a) ? a : isSigmoid(b) ? b : null;
        const other = sig === a ? b : a;
        if (sig && other.k === "sub" && isNum(other.a, 1) && sameTree(other.b, sig)) {
          push(MATRIX_SAID.sigmoidAsSigmoid, n, sig);
          push(MATRIX_SAID.sigmoidAsTanh, n, sub(num(1), had(sig, sig)));
        }
        if (n.k === "mul") {
          if (isNum(a, 2)) push(MATRIX_SAID.missingTwo, n, b);
          if (isHalf(a)) {
            if (quadratic(root)) push(diagnosisOf("taylor_half"), n, b);
            else push(MATRIX_SAID.missingHalf, n, b);
          }
          if (a.k === "div" && isNum(a.a, 1) && a.b.k === "dim") {
            push(MATRIX_SAID.meanMissing(a.b.name), n, b);
          }
          if (a.k !== "num" && b.k !== "num") {
            push(diagnosisOf("chain_order"), n, mul(b, a));
          }
        }
        break;
      }
      case "div":
        if (isNum(n.b, 2) && quadratic(n.a)) {
          push(diagnosisOf("taylor_half"), n, n.a);
        }
        if (n.b.k === "dim") push(MATRIX_SAID.meanMissing(n.b.name), n, n.a);
        break;
      case "sub": {
        const [a, b] = [n.a, n.b];
        if ((b.k === "mul" || b.k === "dot") && isInverse(b.a)) {
          push(diagnosisOf("newton_step"), n, add(a, b));
          const h = b.a.k === "inv" || b.a.k === "pow" ? b.a.a : b.a;
          push(MATRIX_SAID.newtonTimesH, n, sub(a, bin(b.k, h, b.b)));
          push(MATRIX_SAID.newtonAsGradientStep, n, sub(a, b.b));
        }
        push(diagnosisOf("reversed_difference"), n, sub(b, a));
        break;
      }
      case "sum":
        if (typed.shapeOf(n.a).rows !== 1 && typeof typed.shapeOf(n.a).rows === "string") {
          const d = typed.shapeOf(n.a).rows as string;
          push(diagnosisOf("n_for_sum"), n, { k: "dim", name: d });
        }
        break;
      case "transpose":
        push(MATRIX_SAID.transposeMissing, n, n.a);
        break;
      default:
        break;
    }
    if (activation(n)) {
      push(diagnosisOf("preactivation"), n, (n as { a: MExpr }).a);
    }
    if (n.k === "sym" || n.k === "mul") {
      // A transpose too many on a factor (Wᵀ where W belongs).
      if (n.k === "sym") push(MATRIX_SAID.transposeExtra, n, transpose(n));
    }
    children(n).forEach(walk);
  };
  walk(root);
  return out;
}
