// The indeterminate form inf - inf: series expansion; P + N = P(1 + N/P) when lim N/P != -1; sums of
// logarithms as one logarithm; hyperbolic functions as exponentials; one common denominator; the
// conjugate (P^2 - M^2)/(P + M).
import { type Expr, add, call, dependsOn, div, mul, neg, num, pow } from "../ast";
import { limitOf } from "./laws";
import { logsExpanded } from "./log-expansion";
import { combinedLogarithm, commonDenominator, commonFactor, hyperbolicAsExp, mentions } from "./rewrites";
import { MAX_DEPTH, type SideSearch, attempt, bySeries, simplified } from "./search";
import { type Tendency, determinate, infinite, sumOf, undecided } from "./value";

export function resolveInfMinusInf(
  e: Expr & { kind: "add" },
  ls: readonly Tendency[],
  c: SideSearch,
): Tendency {
  const pos: Expr[] = [];
  const negs: Expr[] = [];
  const rest: Tendency[] = [];
  e.terms.forEach((t, i) => {
    const l = ls[i]!;
    if (l.k === "inf" && l.s > 0) pos.push(t);
    else if (l.k === "inf") negs.push(t);
    else rest.push(l);
  });
  const P = add(...pos);
  const N = add(...negs);
  const core = attempt(c, () => {
    const s = bySeries(add(P, N), c, "");
    if (determinate(s)) return s;
    if (c.depth >= MAX_DEPTH) return undecided("too many nested steps");
    c.depth++;
    try {
      // P + N = P (1 + N/P)
      const ratio = attempt(c, () => limitOf(div(N, P), c));
      if (ratio.k === "inf") return infinite(-1);
      if (ratio.k === "fin" && Math.abs(1 + ratio.v) > 1e-9) {
        c.methods.add("dominant term");
        return infinite(1 + ratio.v);
      }
      // a factor shared by every term taken out: x ln(2 + 6x) - x ln(6x) = x (ln(2 + 6x) - ln(6x))
      const shared = commonFactor([...pos, ...negs], (f) => dependsOn(f, c.variable));
      if (shared) {
        const r = attempt(c, () => limitOf(shared, c));
        if (determinate(r)) {
          c.methods.add("common factor");
          return r;
        }
      }
      // e^A - e^B = e^B (e^(A - B) - 1), exactly
      const ip = pos.findIndex((t) => exponent(t) !== null);
      const jn = negs.findIndex((t) => t.kind === "neg" && exponent(t.arg) !== null);
      if (ip >= 0 && jn >= 0) {
        const A = exponent(pos[ip]!)!;
        const nb = negs[jn]!;
        const B = exponent(nb.kind === "neg" ? nb.arg : null)!;
        const others = [...pos.filter((_, i) => i !== ip), ...negs.filter((_, j) => j !== jn)];
        const r = attempt(c, () =>
          limitOf(
            add(mul(call("exp", B), add(call("exp", simplified(add(A, neg(B)))), num(-1))), ...others),
            c,
          ),
        );
        if (determinate(r)) return r;
      }
      // logarithms taken apart
      if (mentions(e, ["ln"])) {
        const x = logsExpanded(add(P, N), c);
        if (x) {
          const r = attempt(c, () => limitOf(x, c));
          if (determinate(r)) {
            c.methods.add("logarithm rules");
            return r;
          }
        }
      }
      // a sum of logarithms is the logarithm of a product
      const logs = combinedLogarithm([...pos, ...negs]);
      if (logs) {
        const r = attempt(c, () => limitOf(logs, c));
        if (determinate(r)) {
          c.methods.add("logarithm rules");
          return r;
        }
      }
      // hyperbolic functions as exponentials
      if (mentions(e, ["sinh", "cosh", "tanh"])) {
        const r = attempt(c, () => limitOf(simplified(hyperbolicAsExp(add(P, N))), c));
        if (determinate(r)) {
          c.methods.add("simplification");
          return r;
        }
      }
      // one common denominator
      const together = commonDenominator([...pos, ...negs]);
      if (together) {
        const r = attempt(c, () => limitOf(together, c));
        if (determinate(r)) {
          c.methods.add("common denominator");
          return r;
        }
      }
      // the conjugate: P - M = (P^2 - M^2) / (P + M)
      const M = simplified(neg(N));
      const numer = simplified(add(pow(P, num(2)), neg(pow(M, num(2)))));
      const r = attempt(c, () => limitOf(div(numer, add(P, M)), c));
      if (determinate(r)) {
        c.methods.add("conjugate");
        return r;
      }
      return undecided("inf - inf");
    } finally {
      c.depth--;
    }
  });
  if (!determinate(core)) return core;
  return sumOf([core, ...rest]);
}

/** u when `e` is e^u, else null. */
function exponent(e: Expr | null): Expr | null {
  if (!e) return null;
  if (e.kind === "call" && e.fn === "exp") return e.arg;
  if (e.kind === "pow" && e.base.kind === "const" && e.base.name === "e") return e.exp;
  return null;
}
