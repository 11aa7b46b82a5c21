// The indeterminate form 0 * inf: series expansion, growth rates at infinity, standard equivalents of
// the factors tending to 0 (ln w ~ w - 1, sin u ~ u: the 1^inf forms), then the product as a quotient
// f/(1/g) either way round.
import { type Expr, add, call, dependsOn, div, mul, neg, num } from "../ast";
import { byGrowthRates } from "./growth";
import { limitOf } from "./laws";
import { absRemoved, logsExpanded } from "./log-expansion";
import { commonDenominator, exponentialsCombined, mentions } from "./rewrites";
import { MAX_DEPTH, type SideSearch, attempt, bySeries, simplified } from "./search";
import { type Tendency, determinate, isZero, productOf, undecided } from "./value";

export function resolveZeroTimesInf(
  factors: readonly Expr[],
  ls: readonly Tendency[],
  c: SideSearch,
): Tendency {
  const zs: Expr[] = [];
  const is: Expr[] = [];
  const rest: Tendency[] = [];
  factors.forEach((f, i) => {
    const l = ls[i]!;
    if (isZero(l)) zs.push(f);
    else if (l.k === "inf") is.push(f);
    else rest.push(l);
  });
  const Z = mul(...zs);
  const I = mul(...is);
  const core = attempt(c, () => {
    const s = bySeries(mul(Z, I), c, "");
    if (determinate(s)) return s;
    if (c.depth >= MAX_DEPTH) return undecided("too many nested steps");
    c.depth++;
    try {
      if (c.approach.kind === "inf") {
        const g = attempt(c, () => byGrowthRates(mul(Z, I), c));
        if (determinate(g)) return g;
      }
      // Standard equivalents of a factor tending to 0: ln(w) ~ w - 1, sin u ~ tan u ~ u.
      const eq = equivalents(zs, c);
      if (eq) {
        const r = attempt(c, () => limitOf(mul(eq, I), c));
        if (r.k === "fin" || r.k === "inf") {
          c.methods.add("standard limits");
          return r;
        }
      }
      // logarithms taken apart (the exponent of 1^inf, 0^0 and inf^0 forms)
      if (mentions(I, ["ln"]) || mentions(Z, ["ln"])) {
        const x = logsExpanded(mul(Z, I), c);
        if (x) {
          const r = attempt(c, () => limitOf(x, c));
          if (r.k === "fin" || r.k === "inf") {
            c.methods.add("logarithm rules");
            return r;
          }
        }
      }
      // |u| as u or -u where u keeps one sign
      if (mentions(mul(Z, I), ["abs"])) {
        const x = absRemoved(mul(Z, I), c);
        if (x) {
          const r = attempt(c, () => limitOf(x, c));
          if (r.k === "fin" || r.k === "inf") return r;
        }
      }
      // exponential factors as one exponential
      const together = exponentialsCombined(factors, c.variable);
      if (together) {
        const r = attempt(c, () => limitOf(together, c));
        if (r.k === "fin" || r.k === "inf") return r;
      }
      // a sum among the factors multiplied out: Z (A + B) = Z A + Z B when each has a limit
      const spread = distributed(factors, c);
      if (spread) {
        const r = attempt(c, () => limitOf(spread, c));
        if (r.k === "fin" || r.k === "inf") return r;
      }
      // a factor tending to 0 that is a sum of fractions, over one denominator
      const zsTogether = zs.map((z) => (z.kind === "add" ? commonDenominator(z.terms) : null));
      if (zsTogether.some((z) => z !== null)) {
        const Z2 = mul(...zs.map((z, i) => zsTogether[i] ?? z));
        const r = attempt(c, () => limitOf(simplified(mul(Z2, I)), c));
        if (r.k === "fin" || r.k === "inf") return r;
      }
      const a = attempt(c, () => limitOf(div(I, simplified(div(num(1), Z))), c));
      if (a.k === "fin" || a.k === "inf") return a;
      const b = attempt(c, () => limitOf(div(Z, simplified(div(num(1), I))), c));
      if (b.k === "fin" || b.k === "inf") return b;
      return undecided("0 * inf");
    } finally {
      c.depth--;
    }
  });
  if (!determinate(core)) return core;
  return productOf([core, ...rest], c);
}

/** The product with its first factor that is a sum multiplied out, term by term; null without one. */
function distributed(factors: readonly Expr[], c: SideSearch): Expr | null {
  const i = factors.findIndex((f) => f.kind === "add" && dependsOn(f, c.variable));
  const sum = factors[i];
  if (!sum || sum.kind !== "add") return null;
  const others = factors.filter((_, j) => j !== i);
  return add(...sum.terms.map((t) => mul(...others, t)));
}

/**
 * The factors tending to 0 with each ln(w) (w -> 1) written w - 1 and each sin u, tan u, asin u,
 * atan u, sinh u, tanh u (u -> 0) written u: the ratio of each to its replacement tends to 1, so the
 * product keeps its limit. Null when no factor has such a form.
 */
function equivalents(zs: readonly Expr[], c: SideSearch): Expr | null {
  let changed = false;
  const out = zs.map((z) => {
    const d = differenceEquivalent(z, c) ?? minusOneEquivalent(z, c);
    if (d) {
      changed = true;
      return d;
    }
    if (z.kind !== "call") return z;
    if (z.fn === "ln") {
      const w = limitOf(z.arg, c);
      if (w.k === "fin" && w.v === 1) {
        changed = true;
        return add(z.arg, num(-1));
      }
      return z;
    }
    if (["sin", "tan", "asin", "atan", "sinh", "tanh"].includes(z.fn)) {
      const u = limitOf(z.arg, c);
      if (u.k === "fin" && u.v === 0) {
        changed = true;
        return z.arg;
      }
    }
    return z;
  });
  return changed ? mul(...out) : null;
}

/**
 * f(A) - f(B) with A - B tending to 0, for f = exp, sin, cos, by an exact identity and then the
 * equivalent of the factor that tends to 0: e^A - e^B = e^B (e^(A - B) - 1) ~ e^B (A - B);
 * sin A - sin B = 2 cos((A + B)/2) sin((A - B)/2) ~ cos((A + B)/2) (A - B);
 * cos A - cos B = -2 sin((A + B)/2) sin((A - B)/2) ~ -sin((A + B)/2) (A - B). Null otherwise.
 */
function differenceEquivalent(z: Expr, c: SideSearch): Expr | null {
  if (z.kind !== "add" || z.terms.length !== 2) return null;
  const [p, q] = z.terms as [Expr, Expr];
  const pair = (a: Expr, b: Expr): { fn: string; A: Expr; B: Expr } | null => {
    // e^u - 1 is e^u - e^0
    const minusOne =
      (b.kind === "num" && b.value === -1) || (b.kind === "neg" && b.arg.kind === "num" && b.arg.value === 1);
    if (a.kind === "call" && a.fn === "exp" && minusOne) return { fn: "exp", A: a.arg, B: num(0) };
    if (a.kind !== "call" || b.kind !== "neg" || b.arg.kind !== "call" || a.fn !== b.arg.fn) return null;
    if (a.fn !== "exp" && a.fn !== "sin" && a.fn !== "cos") return null;
    return { fn: a.fn, A: a.arg, B: b.arg.arg };
  };
  const m = pair(p, q) ?? pair(q, p);
  if (!m) return null;
  const { fn, A, B } = m;
  const diff = simplified(add(A, neg(B)));
  const w = attempt(c, () => limitOf(diff, c));
  if (w.k !== "fin" || w.v !== 0) return null;
  // z = f(A) - f(B) whichever order the terms come in
  const half = div(add(A, B), num(2));
  const body =
    fn === "exp"
      ? mul(call("exp", B), diff)
      : fn === "sin"
        ? mul(call("cos", half), diff)
        : neg(mul(call("sin", half), diff));
  return body;
}

/** R - 1 with R tending to 1 (not an exponential) by its equivalent ln R; null otherwise. */
function minusOneEquivalent(z: Expr, c: SideSearch): Expr | null {
  if (z.kind !== "add" || z.terms.length !== 2) return null;
  const isMinusOne = (t: Expr): boolean =>
    (t.kind === "num" && t.value === -1) || (t.kind === "neg" && t.arg.kind === "num" && t.arg.value === 1);
  const R = isMinusOne(z.terms[1]!) ? z.terms[0]! : isMinusOne(z.terms[0]!) ? z.terms[1]! : null;
  if (!R || (R.kind !== "mul" && R.kind !== "div" && R.kind !== "pow")) return null;
  const l = attempt(c, () => limitOf(R, c));
  return l.k === "fin" && l.v === 1 ? call("ln", R) : null;
}
