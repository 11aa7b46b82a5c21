// Limit laws over the expression tree (method step 1): each node's limit from its parts' limits,
// handing indeterminate forms to their strategies and whatever stays undecided to series expansion.
import { type Expr, add, call, dependsOn, div, mul, neg, num } from "../ast";
import { literalFraction } from "../eval";
import { limitOfCall } from "./functions";
import { resolveInfMinusInf } from "./infinity-minus-infinity";
import { resolveQuotient } from "./quotient";
import { signNear } from "./numeric";
import { commonFactor } from "./rewrites";
import { MAX_DEPTH, type SideSearch, attempt, bySeries } from "./search";
import {
  type Tendency,
  ZERO,
  determinate,
  expOf,
  finite,
  infinite,
  isZero,
  negated,
  powerOf,
  productOf,
  quotientOf,
  scaled,
  settled,
  sumOf,
  undecided,
} from "./value";
import { resolveZeroTimesInf } from "./zero-times-infinity";

/** The limit of `e` on the side `c` searches, a value near 0 decided exactly (`settled`). */
export function limitOf(e: Expr, c: SideSearch): Tendency {
  return settled(limitOfNode(e, c));
}

function limitOfNode(e: Expr, c: SideSearch): Tendency {
  if (--c.stepsLeft < 0) return undecided("work budget");
  switch (e.kind) {
    case "num":
      return finite(e.value, e);
    case "const":
      return finite(e.name === "pi" ? Math.PI : Math.E, e);
    case "var":
      if (e.name !== c.variable) return undecided("another variable");
      if (c.approach.kind === "point") return finite(c.approach.a, c.pointExpr);
      c.methods.add("laws");
      return infinite(c.approach.s);
    case "neg":
      return negated(limitOf(e.arg, c));
    case "add":
      return limitOfSum(e, c);
    case "mul":
      return limitOfProduct(e.factors, e, c);
    case "div":
      return limitOfQuotient(e.num, e.den, e, c);
    case "pow":
      return limitOfPower(e, c);
    case "call":
      return limitOfCall(e.fn, e.arg, c);
    case "logb": {
      const l = limitOfCall("ln", e.arg, c);
      const lnb = Math.log(e.base);
      return scaled(l, 1 / lnb, div(num(1), call("ln", num(e.base))));
    }
  }
}

/** The value of a constant part through the same rules (so that 1/sin(pi) is undefined, not 8e15). */
export function constValue(e: Expr, c: SideSearch): number {
  const l = limitOf(e, c);
  return l.k === "fin" ? l.v : NaN;
}

function limitOfSum(e: Expr & { kind: "add" }, c: SideSearch): Tendency {
  const ls = e.terms.map((t) => limitOf(t, c));
  const r = sumOf(ls);
  if (r.k !== "unk") return r;
  const hasPos = ls.some((l) => l.k === "inf" && l.s > 0);
  const hasNeg = ls.some((l) => l.k === "inf" && l.s < 0);
  if (hasPos && hasNeg && !ls.some((l) => l.k === "unk" || l.k === "uosc"))
    return resolveInfMinusInf(e, ls, c);
  if (!ls.some((l) => l.k === "unk")) {
    const o = attempt(c, () => oscillatingSum(e, ls, hasPos !== hasNeg, c));
    if (determinate(o)) return o;
  }
  return bySeries(e, c, r.why);
}

/**
 * Sums with oscillating terms: a factor shared by every term taken out (then the squeeze), or, when
 * the infinite terms all have one sign, P + R = P (1 + R/P) with R/P tending to a limit > -1
 * (`x^2 + x sin x + cos x`: growth beats a bounded or slower oscillation).
 */
function oscillatingSum(
  e: Expr & { kind: "add" },
  ls: readonly Tendency[],
  oneSignedInfinity: boolean,
  c: SideSearch,
): Tendency {
  if (c.depth >= MAX_DEPTH) return undecided("too many nested steps");
  c.depth++;
  try {
    const shared = commonFactor(e.terms, (f) => dependsOn(f, c.variable));
    if (shared) {
      const r = attempt(c, () => limitOf(shared, c));
      if (determinate(r)) {
        c.methods.add("common factor");
        return r;
      }
    }
    if (oneSignedInfinity) {
      const P = add(...e.terms.filter((_, i) => ls[i]!.k === "inf"));
      const R = e.terms.filter((_, i) => ls[i]!.k !== "inf");
      const s = ls.find((l) => l.k === "inf")!;
      const ratio = attempt(c, () =>
        limitOf(add(...R.map((r) => (r.kind === "neg" ? neg(div(r.arg, P)) : div(r, P))), num(0)), c),
      );
      if (ratio.k === "fin" && ratio.v > -1 + 1e-9 && s.k === "inf") {
        c.methods.add("dominant term");
        return infinite(s.s);
      }
    }
    return undecided("a sum with oscillations");
  } finally {
    c.depth--;
  }
}

function limitOfProduct(factors: readonly Expr[], e: Expr, c: SideSearch): Tendency {
  const ls = factors.map((f) => limitOf(f, c));
  const r = productOf(ls, c);
  if (r.k !== "unk") return r;
  if (r.why === "0 * inf" && !ls.some((l) => l.k === "unk")) return resolveZeroTimesInf(factors, ls, c);
  return bySeries(e, c, r.why);
}

function limitOfQuotient(n: Expr, d: Expr, e: Expr, c: SideSearch): Tendency {
  const a = limitOf(n, c);
  const b = limitOf(d, c);
  if (a.k === "unk" || b.k === "unk")
    return bySeries(e, c, a.k === "unk" ? a.why : b.k === "unk" ? b.why : "");
  if ((isZero(a) && isZero(b)) || (a.k === "inf" && b.k === "inf")) return resolveQuotient(n, d, e, c);
  const r = quotientOf(a, b, d, c);
  if (r.k !== "unk") return r;
  // (bounded oscillation * f) / g = bounded oscillation * (f / g)
  if (n.kind === "mul") {
    const ls = n.factors.map((f) => limitOf(f, c));
    const oscs = ls.filter((l) => l.k === "osc");
    const rest = n.factors.filter((_, i) => ls[i]!.k !== "osc");
    if (oscs.length && rest.length) {
      const q = attempt(c, () => productOf([...oscs, limitOf(div(mul(...rest), d), c)], c));
      if (determinate(q)) return q;
    }
  }
  return bySeries(e, c, r.why);
}

function limitOfPower(e: Expr & { kind: "pow" }, c: SideSearch): Tendency {
  const { base, exp } = e;
  if (!dependsOn(exp, c.variable)) {
    const frac = literalFraction(exp);
    const r = frac ? frac.p / frac.q : constValue(exp, c);
    if (!Number.isFinite(r)) return undecided("exponent undefined");
    return powerOf(limitOf(base, c), r, frac, base, exp, c);
  }
  if (!dependsOn(base, c.variable)) {
    const b = constValue(base, c);
    if (b === 0) {
      // 0^g is 0 wherever g > 0 (the base decided exactly 0, never a float near it)
      const g = limitOf(exp, c);
      if ((g.k === "fin" && g.v > 0) || (g.k === "inf" && g.s > 0)) return ZERO;
      if (g.k === "fin" && g.v === 0 && signNear(exp, c.variable, c.approach) === 1) return ZERO;
      return undecided("a zero base");
    }
    if (!(b > 0)) return undecided("a non-positive base");
    const g = limitOf(exp, c);
    const lnb = Math.log(b);
    return expOf(scaled(g, lnb, base.kind === "const" && base.name === "e" ? num(1) : call("ln", base)));
  }
  // f^g = exp(g ln f): 1^inf, 0^0 and inf^0 become a product
  return expOf(limitOf(mul(exp, call("ln", base)), c));
}
