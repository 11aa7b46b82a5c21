// Typical wrong variants of a key expression (docs/core.md, "Matrix calculus", mistakes): each is the
// key with one subexpression replaced the way a learner gets it wrong. Diagnosis evaluates them at
// the graded samples; one is named only when it matches the answer and differs from the key.
import { type MExpr, add, bin, children, had, mul, num, sameTree, sub, transpose, withChildren } from "./ast";
import type { Typed } from "./types";

export interface Variant {
  readonly code: string;
  readonly message: string;
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
  const push = (code: string, message: string, target: MExpr, by: MExpr) =>
    out.push({ code, message, expr: replace(root, target, by) });
  const walk = (n: MExpr) => {
    switch (n.k) {
      case "add": {
        const [a, b] = [n.a, n.b];
        if ((b.k === "transpose" && sameTree(b.a, a)) || (a.k === "transpose" && sameTree(a.a, b))) {
          const m = a.k === "transpose" ? b : a;
          push(
            "symmetric_part",
            "2A equals A + Aᵀ only when A is symmetric; here A is not, so the answer keeps A + Aᵀ.",
            n,
            mul(num(2), m),
          );
          push(
            "symmetric_part",
            "The derivative of xᵀAx is (A + Aᵀ)x: both A and Aᵀ appear unless A is symmetric.",
            n,
            m,
          );
        }
        break;
      }
      case "ind":
        push(
          "gate_dropped",
          "The ReLU gate is missing: the derivative of max(0, z) is [z > 0], which is 0 where z < 0.",
          n,
          num(1),
        );
        break;
      case "had":
      case "mul": {
        const [a, b] = [n.a, n.b];
        const sig = isSigmoid(a) ? a : isSigmoid(b) ? b : null;
        const other = sig === a ? b : a;
        if (sig && other.k === "sub" && isNum(other.a, 1) && sameTree(other.b, sig)) {
          push("sigmoid_derivative", "σ'(z) is σ(z)(1 − σ(z)), not σ(z).", n, sig);
          push(
            "sigmoid_derivative",
            "σ'(z) is σ(z)(1 − σ(z)); 1 − σ(z)² is the derivative of tanh.",
            n,
            sub(num(1), had(sig, sig)),
          );
        }
        if (n.k === "mul") {
          if (isNum(a, 2))
            push("missing_factor", "A factor 2 is missing (the derivative of a square is 2 times …).", n, b);
          if (isHalf(a)) {
            if (quadratic(root))
              push(
                "taylor_half",
                "The second-order term of a Taylor expansion has the factor ½: ½ dᵀHd.",
                n,
                b,
              );
            else push("missing_factor", "A factor ½ is missing.", n, b);
          }
          if (a.k === "div" && isNum(a.a, 1) && a.b.k === "dim") {
            push("missing_mean", `The factor 1/${a.b.name} of the mean is missing.`, n, b);
          }
          if (a.k !== "num" && b.k !== "num") {
            push(
              "chain_order",
              "The factors are in the wrong order: matrix products do not commute (and in the chain rule the outer derivative comes first, on the left).",
              n,
              mul(b, a),
            );
          }
        }
        break;
      }
      case "div":
        if (isNum(n.b, 2) && quadratic(n.a)) {
          push(
            "taylor_half",
            "The second-order term of a Taylor expansion has the factor ½: ½ dᵀHd.",
            n,
            n.a,
          );
        }
        if (n.b.k === "dim") push("missing_mean", `The factor 1/${n.b.name} of the mean is missing.`, n, n.a);
        break;
      case "sub": {
        const [a, b] = [n.a, n.b];
        if ((b.k === "mul" || b.k === "dot") && isInverse(b.a)) {
          push(
            "newton_step",
            "A Newton step moves against the gradient: x₀ − H⁻¹∇f, not x₀ + H⁻¹∇f.",
            n,
            add(a, b),
          );
          const h = b.a.k === "inv" || b.a.k === "pow" ? b.a.a : b.a;
          push(
            "newton_step",
            "A Newton step uses the inverse Hessian: x₀ − H⁻¹∇f, not x₀ − H∇f.",
            n,
            sub(a, bin(b.k, h, b.b)),
          );
        }
        push(
          "reversed_difference",
          "A difference is reversed (such as y − ŷ where ŷ − y belongs).",
          n,
          sub(b, a),
        );
        break;
      }
      case "sum":
        if (typed.shapeOf(n.a).rows !== 1 && typeof typed.shapeOf(n.a).rows === "string") {
          const d = typed.shapeOf(n.a).rows as string;
          push(
            "n_for_sum",
            `You wrote ${d} where sum(…) belongs: ${d} is the answer only when every entry is 1 (as in ∂sum(x + z)/∂z).`,
            n,
            { k: "dim", name: d },
          );
        }
        break;
      case "transpose":
        push("layout", "A transpose is missing in your answer (a layout mistake).", n, n.a);
        break;
      default:
        break;
    }
    if (activation(n)) {
      push(
        "preactivation",
        "You used the pre-activation z where the activation f(z) belongs.",
        n,
        (n as { a: MExpr }).a,
      );
    }
    if (n.k === "sym" || n.k === "mul") {
      // A transpose too many on a factor (Wᵀ where W belongs).
      if (n.k === "sym")
        push("layout", "A transpose is extra in your answer (a layout mistake).", n, transpose(n));
    }
    children(n).forEach(walk);
  };
  walk(root);
  return out;
}
