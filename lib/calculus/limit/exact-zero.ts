// Whether a constant whose float is within rounding of 0 is exactly 0, decided without trusting that
// float: the simplified or expanded form is 0 (sin(4pi), ((sqrt 5 - 1)/2)^2 + (sqrt 5 - 1)/2 - 1);
// or the constant is a rational function of pi that vanishes identically (12pi^2/(24pi - 2) -
// pi/(24pi - 2) - pi/2), checked with pi replaced by a variable at several unrelated points; or it is
// sin, tan or cos of such a constant at a multiple of pi (of pi/2 for cos); or it is a rational
// combination of logarithms of positive rationals whose factors cancel (ln 2 + ln 3 - ln 6).
import { type Expr, add, cnst, mul, neg, num } from "../ast";
import { compileMagnitude } from "../magnitude";
import { type Q, ONE, ZERO, addQ, invQ, isExact, mulQ, negQ, rationalOf } from "../rational";
import { expand, simplify } from "../simplify";

const BUDGET = 5000;
const P = "p";
/** Points where a non-zero rational function of low degree is far from 0. */
const PROBES = [0.8173, 1.3719, 2.9113, 4.1357, 5.7731, 7.3079, 11.213];

const isZeroNum = (e: Expr): boolean => e.kind === "num" && e.value === 0;

/** pi written as a variable; null when anything but numbers, pi, + - * / and integer powers appears. */
function piAsVariable(e: Expr): Expr | null {
  switch (e.kind) {
    case "num":
      return e;
    case "const":
      return e.name === "pi" ? { kind: "var", name: P } : null;
    case "var":
    case "call":
    case "logb":
      return null;
    case "neg": {
      const a = piAsVariable(e.arg);
      return a && neg(a);
    }
    case "add": {
      const ts = e.terms.map(piAsVariable);
      return ts.every((t) => t !== null) ? add(...ts) : null;
    }
    case "mul": {
      const fs = e.factors.map(piAsVariable);
      return fs.every((f) => f !== null) ? mul(...fs) : null;
    }
    case "div": {
      const n = piAsVariable(e.num);
      const d = piAsVariable(e.den);
      return n && d && { kind: "div", num: n, den: d };
    }
    case "pow": {
      if (e.exp.kind !== "num" || !Number.isInteger(e.exp.value)) return null;
      const b = piAsVariable(e.base);
      return b && { kind: "pow", base: b, exp: e.exp };
    }
  }
}

/** A rational function of pi that is 0 for every value of pi (so at pi too). */
function vanishesAsFunctionOfPi(e: Expr): boolean {
  const r = piAsVariable(e);
  if (!r) return false;
  const f = compileMagnitude(r, [P]);
  const out = { m: 0 };
  for (const p of PROBES) {
    const y = f([p], out);
    if (!Number.isFinite(y) || !Number.isFinite(out.m)) return false;
    if (Math.abs(y) > 1e-11 * Math.max(out.m, 1e-300)) return false;
  }
  return true;
}

/** A term q ln r (r a positive rational) or, with `r` null, a rational q. */
interface LogTerm {
  readonly q: Q;
  readonly r: Q | null;
}

function logTerm(e: Expr): LogTerm | null {
  const q = rationalOf(e);
  if (q) return { q, r: null };
  switch (e.kind) {
    case "call": {
      if (e.fn !== "ln") return null;
      const r = rationalOf(e.arg);
      return r && r.n > 0 ? { q: ONE, r } : null;
    }
    case "neg": {
      const t = logTerm(e.arg);
      return t && { q: negQ(t.q), r: t.r };
    }
    case "mul": {
      let q = ONE;
      let r: Q | null = null;
      for (const f of e.factors) {
        const t = logTerm(f);
        if (!t || (t.r && r)) return null;
        q = mulQ(q, t.q);
        r = t.r ?? r;
      }
      return { q, r };
    }
    case "div": {
      const t = logTerm(e.num);
      const d = rationalOf(e.den);
      return t && d && d.n !== 0 ? { q: mulQ(t.q, invQ(d)), r: t.r } : null;
    }
    default:
      return null;
  }
}

/** Trial division stops here; what is left is one factor of its own (sound, not always prime). */
const TRIAL_LIMIT = 1000;

/** n > 0 as factors with their exponents (primes below TRIAL_LIMIT, then what is left). */
function factors(n: number): Map<number, number> {
  const out = new Map<number, number>();
  for (let p = 2; p <= TRIAL_LIMIT && p * p <= n; p++) {
    while (n % p === 0) {
      out.set(p, (out.get(p) ?? 0) + 1);
      n /= p;
    }
  }
  if (n > 1) out.set(n, (out.get(n) ?? 0) + 1);
  return out;
}

/**
 * A sum of rationals and rational multiples of logarithms of positive rationals that is exactly 0:
 * every ln r written as the sum of e ln p over the factors p^e of r, each factor's coefficients add
 * up to 0 and so do the rationals (ln 2 + ln 3 - ln 6, 2 ln 2 - ln 4). Writing r through any
 * factors, prime or not, is an identity, so a 0 found this way is exact.
 */
function vanishesAsLogarithms(e: Expr): boolean {
  const terms = e.kind === "add" ? e.terms : [e];
  let rational = ZERO;
  const coefficients = new Map<number, Q>();
  const addTo = (p: number, q: Q) => coefficients.set(p, addQ(coefficients.get(p) ?? ZERO, q));
  for (const term of terms) {
    const t = logTerm(term);
    if (!t) return false;
    if (!t.r) {
      rational = addQ(rational, t.q);
      continue;
    }
    for (const [p, k] of factors(t.r.n)) addTo(p, mulQ(t.q, { n: k, d: 1 }));
    for (const [p, k] of factors(t.r.d)) addTo(p, mulQ(t.q, { n: -k, d: 1 }));
  }
  const zero = (q: Q) => isExact(q) && q.n === 0;
  return zero(rational) && [...coefficients.values()].every(zero);
}

function simplest(e: Expr): Expr[] {
  const out: Expr[] = [];
  const s = simplify(e, BUDGET);
  if (s.ok) out.push(s.expr);
  const x = expand(e, BUDGET);
  if (x.ok) {
    const t = simplify(x.expr, BUDGET);
    out.push(t.ok ? t.expr : x.expr);
  }
  return out;
}

/** True only when the constant `e` is exactly 0 (false means unknown, not non-zero). */
export function exactlyZero(e: Expr): boolean {
  for (const s of simplest(e)) {
    if (isZeroNum(s)) return true;
    if (vanishesAsFunctionOfPi(s)) return true;
    if (vanishesAsLogarithms(s)) return true;
    if (s.kind === "call" && (s.fn === "sin" || s.fn === "tan" || s.fn === "cos")) {
      // the argument at k pi (k + 1/2 for cos), k read from its float and then checked exactly
      const a = s.arg;
      const compiled = compileMagnitude(a, []);
      const av = compiled([], { m: 0 });
      if (!Number.isFinite(av)) continue;
      const half = s.fn === "cos" ? 0.5 : 0;
      const k = Math.round(av / Math.PI - half) + half;
      const rest = add(a, neg(mul(num(k), cnst("pi"))));
      if (simplest(rest).some((r) => isZeroNum(r) || vanishesAsFunctionOfPi(r))) return true;
    }
  }
  return false;
}
