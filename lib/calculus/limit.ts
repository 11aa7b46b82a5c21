// Limits of expressions in one variable: two-sided, left, right, at a point or at +/-infinity.
//
// Definition (the learner's source text): the limit is taken over the domain of the function, at a
// limit point of the domain. A two-sided limit at a point where the function is defined on one side
// only is the one-sided limit from that side (sqrt(x) at 0 is 0); a point the domain does not come
// near is refused ("not defined near ...", CANNOT_DECIDE).
//
// Method order, for each side separately (a two-sided limit is two one-sided limits):
//  0. Guards: no other free variables, at most MAX_SIZE nodes (counted without walking shared
//     subtrees twice over), the point a constant. Which sides of the point lie in the domain is read
//     from samples (`outsideDomain`: log of a non-positive number, sqrt of a negative one, ...; not
//     overflow): outside everywhere on a side: not in the domain; at some of the nearest points
//     only: "gaps", CANNOT_DECIDE.
//  1. Limit laws, bottom-up over the tree (`lim`): sums, products, quotients, powers and every
//     function, with values finite (carrying an exact Expr when the parts have one), +/-inf, a
//     bounded oscillation with its cluster interval [lo, hi] (sin or cos of something tending to
//     infinity, and continuous images of that), or an unbounded oscillation (limsup +inf and
//     liminf -inf, e.g. x sin x). This is direct substitution when everything is continuous. Signs
//     of quantities tending to 0 (c/0, 0^-k, sign(0), tan at a pole) are read from samples near
//     the point (`signNear`; a change of sign there is unknown).
//     Bounded * (-> 0) is 0 (squeeze); bounded + (-> inf) is inf; bounded / (-> inf) is 0;
//     osc * (-> +/-inf) is +/-inf when the cluster interval excludes 0, an unbounded oscillation when
//     it has 0 strictly inside, else unknown; two oscillations added or multiplied are unknown.
//  2. Indeterminate forms, where they arise (nested at most MAX_DEPTH deep):
//     0/0, inf/inf: (a) algebraic simplification (simplify.ts); (b) at infinity, growth rates: each
//       factor ~ c e^E |x|^a ln|x|^b (series leading terms, exp, a^g, f^g, ln of a power, sinh,
//       cosh, abs, a sum with one unbounded term), decided by the limit of E + a ln|x| + b ln ln|x|,
//       so exponentials beat powers beat logarithms; (c) at infinity, numerator and denominator
//       divided by a term of the denominator, sums term by term; (d) L'Hopital with our own
//       differentiator, accepted only when g' keeps one sign near the point (sampled) and the limit
//       of f'/g' exists, finite or infinite (a cycle guard on the current path, a size cap);
//       (e) series expansion.
//     0*inf: series expansion, growth rates (at infinity), then as a quotient f/(1/g) either way.
//     inf-inf: series expansion; P + N = P(1 + N/P) when lim N/P != -1; sums of logarithms as one
//       logarithm; one common denominator; the conjugate (P^2 - M^2)/(P + M).
//     1^inf, 0^0, inf^0 and every variable power f^g: exp(lim g ln f).
//  3. If the rules leave the answer unknown: the simplified expression, then series expansion of the
//     whole (limit-series.ts: x = a +/- t or +/-1/t, t -> 0+; fails on ln t, e^(1/t), sin(1/t)).
//  4. Numerical confirmation (limit-numeric.ts): values along a sequence approaching the point, with
//     Aitken extrapolation. If they have settled on something the symbolic answer rules out, the
//     methods disagree: CANNOT_DECIDE. Inconclusive numbers (slow logarithms, overflow) do not
//     overrule a symbolic answer. Numbers alone never produce an answer.
// Decision rules: one-sided limits that are equal (finite within 1e-9 relative, or the same
// infinity) give the two-sided limit; different ones give "dne: one-sided limits differ", with both;
// an oscillating side gives "dne: (unbounded) oscillation" (with both sides when two-sided).
// Anything unknown is CANNOT_DECIDE, never a guess. A computed finite value smaller than 1e-13 times
// what it was computed from is taken as 0 (sin(pi), cos(pi/2), 1 - 1 in floats); typed constants
// are kept exactly (0.0000000000001 is not 0).
// The exact form of a finite limit is the simplified exact value carried by the rules, or a short
// recognised form of the float (p/q, p/q pi, p/q e, p/q sqrt(n), e^(p/q), p/q ln n, p/(q ln n),
// p/q pi^2), whichever is shorter; it is returned only when it agrees with the value to 1e-9.
// Never throws (internal errors and stack overflow become CANNOT_DECIDE) and never loops: limit-law
// steps, L'Hopital derivatives and series term operations each spend from a budget per side.
import {
  type Expr,
  type UnaryFunction,
  add,
  call,
  children,
  cnst,
  dependsOn,
  div,
  freeVariables,
  mapCalls,
  mul,
  neg,
  num,
  pow,
} from "./ast";
import { derivative } from "./diff";
import { type CoreError } from "./errors";
import { compile, literalFraction, realRootPower } from "./eval";
import { type Approach, type Claim, confirm, definedNear, recognize, signNear } from "./limit-numeric";
import { type SeriesPool, seriesLeading, seriesLimit } from "./limit-series";
import { parse } from "./parse";
import { toText } from "./print";
import { simplify } from "./simplify";

export type LimitSide = "both" | "left" | "right";
export type LimitTarget = { kind: "point"; at: Expr } | { kind: "+inf" } | { kind: "-inf" };
export type LimitValue =
  | { kind: "finite"; value: number; exact?: Expr }
  | { kind: "+inf" }
  | { kind: "-inf" }
  | {
      kind: "dne";
      reason: "oscillation" | "unbounded oscillation" | "one-sided limits differ";
      left?: LimitValue;
      right?: LimitValue;
    };
export type LimitResult = ({ ok: true; method: string } & LimitValue) | { ok: false; error: CoreError };

const MAX_SIZE = 3000;
const MAX_DEPTH = 8;
const MAX_DERIVED_SIZE = 400;
const WORK = 20_000;
const HEAVY = 60;
const SERIES_WORK = 1_500_000;
/** Relative size below which a computed value is rounding around 0: sin(pi), cos(pi/2), 1 - 1. */
const ZERO_TOL = 1e-13;

// ---------------------------------------------------------------- limit values

type LV =
  | { k: "fin"; v: number; x?: Expr }
  | { k: "inf"; s: 1 | -1 }
  | { k: "osc"; lo: number; hi: number }
  | { k: "uosc" }
  | { k: "unk"; why: string };

const ZERO_LV: LV = { k: "fin", v: 0, x: num(0) };

function fin(v: number, x?: Expr): LV {
  if (!Number.isFinite(v)) return { k: "unk", why: "not finite" };
  if (v === 0) return ZERO_LV;
  return x === undefined ? { k: "fin", v } : { k: "fin", v, x };
}

/** A computed value, taken as 0 when it is that small compared with `scale` (what it was computed from). */
const finTidy = (v: number, scale: number, x?: Expr): LV => fin(Math.abs(v) < ZERO_TOL * scale ? 0 : v, x);
const inf = (s: number): LV => ({ k: "inf", s: s > 0 ? 1 : -1 });
const unk = (why: string): LV => ({ k: "unk", why });
function osc(lo: number, hi: number): LV {
  if (!(lo < hi) || !Number.isFinite(lo) || !Number.isFinite(hi)) return unk("oscillation range");
  return { k: "osc", lo, hi };
}
const isZero = (l: LV): boolean => l.k === "fin" && l.v === 0;
const determinate = (l: LV): boolean => l.k !== "unk";

function negLV(l: LV): LV {
  switch (l.k) {
    case "fin":
      return fin(-l.v, l.x && neg(l.x));
    case "inf":
      return inf(-l.s);
    case "osc":
      return osc(-l.hi, -l.lo);
    default:
      return l;
  }
}

/** k * l for a constant k != 0 with exact form kx (or none). */
function scaleLV(l: LV, k: number, kx?: Expr): LV {
  switch (l.k) {
    case "fin":
      return fin(k * l.v, kx && l.x && mul(kx, l.x));
    case "inf":
      return inf(l.s * k);
    case "osc":
      return k > 0 ? osc(k * l.lo, k * l.hi) : osc(k * l.hi, k * l.lo);
    default:
      return l;
  }
}

// ---------------------------------------------------------------- context

interface Ctx {
  readonly v: string;
  readonly t: Approach;
  readonly aExpr: Expr | undefined;
  depth: number;
  work: number;
  /** L'Hopital derivatives left. */
  heavy: number;
  /** Series term operations left. */
  readonly pool: SeriesPool;
  lhop: number;
  readonly used: Set<string>;
  /** Quotients being worked on along the current path of nested steps (a cycle guard). */
  readonly seen: Set<string>;
}

/** Run an attempt; when it does not produce a determinate value, forget the methods it recorded. */
function attempt(c: Ctx, f: () => LV): LV {
  const lhop = c.lhop;
  const used = new Set(c.used);
  const r = f();
  if (!determinate(r)) {
    c.lhop = lhop;
    c.used.clear();
    for (const u of used) c.used.add(u);
  }
  return r;
}

/** The value of a constant part through the same rules (so that 1/sin(pi) is undefined, not 8e15). */
function constValue(e: Expr, c: Ctx): number {
  const l = lim(e, c);
  return l.k === "fin" ? l.v : NaN;
}

function evalConst(e: Expr): number {
  if (e.kind === "num") return e.value;
  const r = compile(e, []);
  return r.ok ? r.fn([]) : NaN;
}

function simplified(e: Expr): Expr {
  const s = simplify(e, 20_000);
  return s.ok ? s.expr : e;
}

function seriesNode(e: Expr, c: Ctx, why: string): LV {
  const s = seriesLimit(e, c.v, c.t, c.pool);
  if (!s) return unk(why);
  c.used.add("series");
  return s.k === "fin" ? fin(s.v) : inf(s.s);
}

// ---------------------------------------------------------------- the rules

function lim(e: Expr, c: Ctx): LV {
  if (--c.work < 0) return unk("work budget");
  switch (e.kind) {
    case "num":
      return fin(e.value, e);
    case "const":
      return fin(e.name === "pi" ? Math.PI : Math.E, e);
    case "var":
      if (e.name !== c.v) return unk("another variable");
      if (c.t.kind === "point") return fin(c.t.a, c.aExpr);
      c.used.add("laws");
      return inf(c.t.s);
    case "neg":
      return negLV(lim(e.arg, c));
    case "add":
      return limSum(e, c);
    case "mul":
      return limProduct(e.factors, e, c);
    case "div":
      return limQuotient(e.num, e.den, e, c);
    case "pow":
      return limPow(e, c);
    case "call":
      return limCall(e.fn, e.arg, c);
    case "logb": {
      const l = limCall("ln", e.arg, c);
      const lnb = Math.log(e.base);
      return scaleLV(l, 1 / lnb, div(num(1), call("ln", num(e.base))));
    }
  }
}

/** Sum rules without resolving inf - inf (unknown then). */
function sumLVs(ls: readonly LV[]): LV {
  let total = 0;
  let scale = 0;
  let exact: Expr[] | null = [];
  let pos = false;
  let negInf = false;
  let oscs = 0;
  let uoscs = 0;
  let lo = 0;
  let hi = 0;
  for (const l of ls) {
    switch (l.k) {
      case "unk":
        return l;
      case "fin":
        total += l.v;
        scale = Math.max(scale, Math.abs(l.v));
        if (exact && l.x) exact.push(l.x);
        else exact = null;
        break;
      case "inf":
        if (l.s > 0) pos = true;
        else negInf = true;
        break;
      case "osc":
        oscs++;
        lo += l.lo;
        hi += l.hi;
        break;
      case "uosc":
        uoscs++;
        break;
    }
  }
  if (pos && negInf) return unk("inf - inf");
  if (pos || negInf) return uoscs ? unk("inf + unbounded oscillation") : inf(pos ? 1 : -1);
  if (uoscs) return uoscs === 1 ? { k: "uosc" } : unk("two unbounded oscillations");
  if (oscs === 1) return osc(lo + total, hi + total);
  if (oscs > 1) return unk("a sum of oscillations");
  return finTidy(total, scale, exact ? add(...exact) : undefined);
}

function limSum(e: Expr & { kind: "add" }, c: Ctx): LV {
  const ls = e.terms.map((t) => lim(t, c));
  const r = sumLVs(ls);
  if (r.k !== "unk") return r;
  const hasPos = ls.some((l) => l.k === "inf" && l.s > 0);
  const hasNeg = ls.some((l) => l.k === "inf" && l.s < 0);
  if (hasPos && hasNeg && !ls.some((l) => l.k === "unk" || l.k === "uosc"))
    return resolveInfMinusInf(e, ls, c);
  return seriesNode(e, c, r.why);
}

function productLVs(ls: readonly LV[], c: Ctx): LV {
  let k = 1;
  let exact: Expr[] | null = [];
  let zeros = 0;
  let infSign = 0;
  const oscs: { lo: number; hi: number }[] = [];
  let uoscs = 0;
  for (const l of ls) {
    switch (l.k) {
      case "unk":
        return l;
      case "fin":
        if (l.v === 0) zeros++;
        else {
          k *= l.v;
          if (exact && l.x) exact.push(l.x);
          else exact = null;
        }
        break;
      case "inf":
        infSign = (infSign || 1) * l.s;
        break;
      case "osc":
        oscs.push(l);
        break;
      case "uosc":
        uoscs++;
        break;
    }
  }
  if (zeros && infSign) return unk("0 * inf");
  if (uoscs)
    return zeros || infSign || oscs.length || uoscs > 1 ? unk("unbounded oscillation times") : { k: "uosc" };
  if (zeros) {
    if (oscs.length) c.used.add("squeeze");
    return ZERO_LV;
  }
  if (infSign) {
    const s = infSign * Math.sign(k);
    if (oscs.length === 0) return inf(s);
    if (oscs.length > 1) return unk("oscillations times inf");
    const o = oscs[0]!;
    c.used.add("laws");
    if (o.lo > 0) return inf(s);
    if (o.hi < 0) return inf(-s);
    if (o.lo < 0 && o.hi > 0) return { k: "uosc" };
    return unk("oscillation touching 0 times inf");
  }
  const o = oscs[0];
  if (o) return oscs.length > 1 ? unk("a product of oscillations") : scaleLV(osc(o.lo, o.hi), k);
  return fin(k, exact ? mul(...exact) : undefined);
}

function limProduct(factors: readonly Expr[], e: Expr, c: Ctx): LV {
  const ls = factors.map((f) => lim(f, c));
  const r = productLVs(ls, c);
  if (r.k !== "unk") return r;
  if (r.why === "0 * inf" && !ls.some((l) => l.k === "unk")) return resolveZeroTimesInf(factors, ls, c);
  return seriesNode(e, c, r.why);
}

function limQuotient(n: Expr, d: Expr, e: Expr, c: Ctx): LV {
  const a = lim(n, c);
  const b = lim(d, c);
  if (a.k === "unk" || b.k === "unk")
    return seriesNode(e, c, a.k === "unk" ? a.why : b.k === "unk" ? b.why : "");
  if ((isZero(a) && isZero(b)) || (a.k === "inf" && b.k === "inf")) return resolveQuotient(n, d, e, c);
  const r = quotientLVs(a, b, d, c);
  if (r.k !== "unk") return r;
  // (bounded oscillation * f) / g = bounded oscillation * (f / g)
  if (n.kind === "mul") {
    const ls = n.factors.map((f) => lim(f, c));
    const oscs = ls.filter((l) => l.k === "osc");
    const rest = n.factors.filter((_, i) => ls[i]!.k !== "osc");
    if (oscs.length && rest.length) {
      const q = attempt(c, () => productLVs([...oscs, lim(div(mul(...rest), d), c)], c));
      if (determinate(q)) return q;
    }
  }
  return seriesNode(e, c, r.why);
}

function quotientLVs(a: LV, b: LV, d: Expr, c: Ctx): LV {
  const denSign = (): number => {
    c.used.add("laws");
    return signNear(d, c.v, c.t);
  };
  if (b.k === "fin") {
    if (b.v !== 0) {
      if (a.k === "fin") return fin(a.v / b.v, a.x && b.x && div(a.x, b.x));
      if (a.k === "inf") return inf(a.s * b.v);
      if (a.k === "osc") return scaleLV(a, 1 / b.v);
      return a;
    }
    if (!dependsOn(d, c.v)) return unk("division by zero");
    const s = denSign();
    if (s === 0) return unk("the denominator is 0 near the point");
    if (s !== 1 && s !== -1) return unk("the denominator changes sign near the point");
    if (a.k === "fin") return inf(a.v * s);
    if (a.k === "inf") return inf(a.s * s);
    if (a.k === "osc") {
      if (a.lo > 0) return inf(s);
      if (a.hi < 0) return inf(-s);
    }
    return unk("oscillation over 0");
  }
  if (b.k === "inf") {
    if (a.k === "fin") return ZERO_LV;
    if (a.k === "osc") {
      c.used.add("squeeze");
      return ZERO_LV;
    }
    return unk("quotient with infinity");
  }
  if (b.k === "osc" && (b.lo > 0 || b.hi < 0)) {
    if (a.k === "fin")
      return a.v === 0 ? ZERO_LV : a.v > 0 ? osc(a.v / b.hi, a.v / b.lo) : osc(a.v / b.lo, a.v / b.hi);
    if (a.k === "inf") return inf(a.s * (b.lo > 0 ? 1 : -1));
  }
  return unk("quotient of oscillations");
}

function limPow(e: Expr & { kind: "pow" }, c: Ctx): LV {
  const { base, exp } = e;
  if (!dependsOn(exp, c.v)) {
    const frac = literalFraction(exp);
    const r = frac ? frac.p / frac.q : constValue(exp, c);
    if (!Number.isFinite(r)) return unk("exponent undefined");
    return powLV(lim(base, c), r, frac, base, exp, c);
  }
  if (!dependsOn(base, c.v)) {
    const b = constValue(base, c);
    if (!(b > 0)) return unk("a non-positive base");
    const g = lim(exp, c);
    const lnb = Math.log(b);
    return expLV(scaleLV(g, lnb, base.kind === "const" && base.name === "e" ? num(1) : call("ln", base)));
  }
  // f^g = exp(g ln f): 1^inf, 0^0 and inf^0 become a product
  return expLV(lim(mul(exp, call("ln", base)), c));
}

function expLV(l: LV): LV {
  switch (l.k) {
    case "fin":
      return fin(Math.exp(l.v), l.x && call("exp", l.x));
    case "inf":
      return l.s > 0 ? l : ZERO_LV;
    case "osc":
      return osc(Math.exp(l.lo), Math.exp(l.hi));
    case "uosc":
      return unk("exp of an unbounded oscillation");
    case "unk":
      return l;
  }
}

function powLV(b: LV, r: number, frac: { p: number; q: number } | null, base: Expr, exp: Expr, c: Ctx): LV {
  if (r === 0) return fin(1, num(1));
  const integer = Number.isInteger(r);
  const oddRoot = frac !== null && frac.q % 2 === 1;
  const signedOk = integer || oddRoot;
  const oddPower = frac !== null ? Math.abs(frac.p) % 2 === 1 : integer && Math.abs(r) % 2 === 1;
  const rp = (v: number): number => (frac ? realRootPower(v, frac.p, frac.q) : Math.pow(v, r));
  switch (b.k) {
    case "fin": {
      if (b.v > 0) return fin(Math.pow(b.v, r), b.x && pow(b.x, exp));
      if (b.v < 0) return signedOk ? fin(rp(b.v), b.x && pow(b.x, exp)) : unk("a negative base");
      if (r > 0) return ZERO_LV;
      if (!dependsOn(base, c.v)) return unk("division by zero");
      if (signedOk && !oddPower) return inf(1);
      c.used.add("laws");
      const s = signNear(base, c.v, c.t);
      if (s === 1) return inf(1);
      if (s === -1 && signedOk) return inf(-1);
      return unk("sign of the base");
    }
    case "inf":
      if (r < 0) return ZERO_LV;
      if (b.s > 0) return b;
      return signedOk ? inf(oddPower ? -1 : 1) : unk("a negative base");
    case "osc": {
      if (integer && r > 0) {
        if (oddPower || b.lo >= 0) return osc(Math.pow(b.lo, r), Math.pow(b.hi, r));
        if (b.hi <= 0) return osc(Math.pow(b.hi, r), Math.pow(b.lo, r));
        return osc(0, Math.max(Math.pow(b.lo, r), Math.pow(b.hi, r)));
      }
      if (b.lo > 0) {
        const p = Math.pow(b.lo, r);
        const q = Math.pow(b.hi, r);
        return osc(Math.min(p, q), Math.max(p, q));
      }
      return unk("power of an oscillation");
    }
    case "uosc":
      return unk("power of an unbounded oscillation");
    case "unk":
      return b;
  }
}

const PI2: Expr = div(cnst("pi"), num(2));

/** The image of an interval under sin. */
function sinInterval(lo: number, hi: number): [number, number] {
  if (hi - lo >= 2 * Math.PI) return [-1, 1];
  const has = (p: number): boolean => {
    const k = Math.ceil((lo - p) / (2 * Math.PI));
    return p + 2 * k * Math.PI <= hi;
  };
  const a = Math.sin(lo);
  const b = Math.sin(hi);
  return [has(-Math.PI / 2) ? -1 : Math.min(a, b), has(Math.PI / 2) ? 1 : Math.max(a, b)];
}

const CONTINUOUS: Partial<Record<UnaryFunction, (u: number) => number>> = {
  sin: Math.sin,
  cos: Math.cos,
  atan: Math.atan,
  acot: (u) => Math.PI / 2 - Math.atan(u),
  sinh: Math.sinh,
  cosh: Math.cosh,
  tanh: Math.tanh,
  exp: Math.exp,
  abs: Math.abs,
};

const INCREASING: Partial<Record<UnaryFunction, (u: number) => number>> = {
  exp: Math.exp,
  atan: Math.atan,
  sinh: Math.sinh,
  tanh: Math.tanh,
  sqrt: Math.sqrt,
  ln: Math.log,
  log10: Math.log10,
  log2: Math.log2,
  asin: Math.asin,
};

function limCall(fn: UnaryFunction, arg: Expr, c: Ctx): LV {
  const a = lim(arg, c);
  if (a.k === "unk") return seriesNode(call(fn, arg), c, a.why);
  const exact = (y: number): LV => fin(y, a.k === "fin" && a.x ? call(fn, a.x) : undefined);
  if (fn === "tan" || fn === "sec" || fn === "csc" || fn === "cot") {
    if (a.k === "fin") {
      const s = Math.sin(a.v);
      const k = Math.cos(a.v);
      const den = fn === "tan" || fn === "sec" ? k : s;
      if (Math.abs(den) > 1e-9) {
        const y = fn === "tan" ? s / k : fn === "sec" ? 1 / k : fn === "csc" ? 1 / s : k / s;
        return exact(y);
      }
    }
    const sin = call("sin", arg);
    const cos = call("cos", arg);
    const q =
      fn === "tan"
        ? div(sin, cos)
        : fn === "sec"
          ? div(num(1), cos)
          : fn === "csc"
            ? div(num(1), sin)
            : div(cos, sin);
    return lim(q, c);
  }
  switch (a.k) {
    case "fin": {
      const v = a.v;
      const f = CONTINUOUS[fn];
      if (f) return finTidy(f(v), Math.abs(v), a.x && call(fn, a.x));
      switch (fn) {
        case "ln":
        case "log10":
        case "log2":
          if (v > 0) return exact(fn === "ln" ? Math.log(v) : fn === "log10" ? Math.log10(v) : Math.log2(v));
          if (v === 0) {
            if (!dependsOn(arg, c.v)) return unk("log of 0");
            c.used.add("laws");
            return inf(-1);
          }
          return unk("log of a negative number");
        case "sqrt":
          return v >= 0 ? exact(Math.sqrt(v)) : unk("sqrt of a negative number");
        case "sign": {
          if (v !== 0) return fin(Math.sign(v), num(Math.sign(v)));
          if (!dependsOn(arg, c.v)) return ZERO_LV;
          c.used.add("laws");
          const s = signNear(arg, c.v, c.t);
          return Number.isNaN(s) ? unk("sign changes near the point") : fin(s, num(s));
        }
        case "asin":
        case "acos": {
          if (Math.abs(v) > 1 + 1e-12) return unk("outside the domain");
          const u = Math.max(-1, Math.min(1, v));
          return exact(fn === "asin" ? Math.asin(u) : Math.acos(u));
        }
        case "asec":
        case "acsc": {
          if (Math.abs(v) < 1 - 1e-12) return unk("outside the domain");
          const u = Math.max(-1, Math.min(1, 1 / v));
          return exact(fn === "asec" ? Math.acos(u) : Math.asin(u));
        }
        default:
          return unk("function");
      }
    }
    case "inf": {
      const s = a.s;
      c.used.add("laws");
      switch (fn) {
        case "exp":
          return s > 0 ? inf(1) : ZERO_LV;
        case "ln":
        case "log10":
        case "log2":
        case "sqrt":
          return s > 0 ? inf(1) : unk("outside the domain");
        case "abs":
        case "cosh":
          return inf(1);
        case "sinh":
          return inf(s);
        case "sign":
        case "tanh":
          return fin(s, num(s));
        case "atan":
          return fin((s * Math.PI) / 2, s > 0 ? PI2 : neg(PI2));
        case "acot":
          return s > 0 ? ZERO_LV : fin(Math.PI, cnst("pi"));
        case "asec":
          return fin(Math.PI / 2, PI2);
        case "acsc":
          return ZERO_LV;
        case "sin":
        case "cos":
          return osc(-1, 1);
        default:
          return unk("function at infinity");
      }
    }
    case "osc": {
      const { lo, hi } = a;
      const inc = INCREASING[fn];
      if (inc) {
        const y0 = inc(lo);
        const y1 = inc(hi);
        return Number.isFinite(y0) && Number.isFinite(y1) ? osc(y0, y1) : unk("outside the domain");
      }
      switch (fn) {
        case "sin":
          return osc(...sinInterval(lo, hi));
        case "cos":
          return osc(...sinInterval(lo + Math.PI / 2, hi + Math.PI / 2));
        case "acos":
        case "acot": {
          const f = fn === "acos" ? Math.acos : (u: number) => Math.PI / 2 - Math.atan(u);
          const y0 = f(hi);
          const y1 = f(lo);
          return Number.isFinite(y0) && Number.isFinite(y1) ? osc(y0, y1) : unk("outside the domain");
        }
        case "abs":
        case "cosh": {
          const m = lo >= 0 ? [lo, hi] : hi <= 0 ? [-hi, -lo] : [0, Math.max(-lo, hi)];
          return fn === "abs" ? osc(m[0]!, m[1]!) : osc(Math.cosh(m[0]!), Math.cosh(m[1]!));
        }
        case "sign":
          return lo > 0 ? fin(1, num(1)) : hi < 0 ? fin(-1, num(-1)) : unk("sign of an oscillation");
        default:
          return unk("function of an oscillation");
      }
    }
    case "uosc":
      return unk("function of an unbounded oscillation");
  }
}

// ---------------------------------------------------------------- indeterminate forms

function resolveQuotient(n: Expr, d: Expr, e: Expr, c: Ctx): LV {
  if (c.depth >= MAX_DEPTH) return seriesNode(e, c, "too many nested steps");
  c.depth++;
  // keys of the attempts on the current path (a cycle guard, not a cache)
  const mine: string[] = [];
  const mark = (k: string): boolean => {
    if (c.seen.has(k)) return false;
    c.seen.add(k);
    mine.push(k);
    return true;
  };
  try {
    const text = toText(e);
    // 1. algebraic simplification
    const s = simplified(e);
    if (mark("s:" + text)) {
      const st = toText(s);
      if (st !== text && !c.seen.has("s:" + st)) {
        const r = attempt(c, () => lim(s, c));
        if (determinate(r)) {
          c.used.add("simplification");
          return r;
        }
      }
    }
    if (c.t.kind === "inf") {
      // 2. growth rates
      const g = attempt(c, () => growthLimit(div(n, d), c));
      if (determinate(g)) return g;
      // 3. numerator and denominator divided by a term of the denominator, sums term by term
      if (mark("t:" + text)) {
        const r = attempt(c, () => dividedByDominantTerm(n, d, c));
        if (r.k === "fin" || r.k === "inf") {
          c.used.add("dominant term");
          return r;
        }
      }
    }
    // 4. L'Hopital (after the series when abs or sign is inside: their derivatives go round in circles)
    if (mentions(e, ["abs", "sign"])) {
      const r = attempt(c, () => seriesNode(e, c, ""));
      if (determinate(r)) return r;
    }
    if (mark("l:" + text) && --c.heavy >= 0) {
      const dn = derivative(n, c.v);
      const dd = derivative(d, c.v);
      if (dn.ok && dd.ok && !(dd.expr.kind === "num" && dd.expr.value === 0)) {
        const q = simplified(div(dn.expr, dd.expr));
        // the hypothesis of the rule: g' != 0 near the point (read from samples)
        const gSign = signNear(dd.expr, c.v, c.t);
        if (!tooLarge(q, MAX_DERIVED_SIZE) && (gSign === 1 || gSign === -1)) {
          const r = attempt(c, () => lim(q, c));
          if (r.k === "fin" || r.k === "inf") {
            c.lhop++;
            return r;
          }
        }
      }
    }
    // 5. series
    return seriesNode(e, c, "indeterminate quotient");
  } finally {
    c.depth--;
    for (const k of mine) c.seen.delete(k);
  }
}

/** n/d as (n/T)/(d/T) for a term T of d, each sum divided term by term; the first that decides. */
function dividedByDominantTerm(n: Expr, d: Expr, c: Ctx): LV {
  const over = (s: Expr, t: Expr): Expr =>
    s.kind === "add" ? add(...s.terms.map((u) => simplified(div(u, t)))) : simplified(div(s, t));
  const candidates = d.kind === "add" ? d.terms.slice(0, 4) : [d];
  for (const t of candidates) {
    const b = attempt(c, () => lim(over(d, t), c));
    if (b.k !== "fin" || b.v === 0) continue;
    const a = attempt(c, () => lim(over(n, t), c));
    if (a.k === "fin" || a.k === "inf" || a.k === "osc") return quotientLVs(a, b, d, c);
  }
  return unk("no dominant term");
}

function resolveZeroTimesInf(factors: readonly Expr[], ls: readonly LV[], c: Ctx): LV {
  const zs: Expr[] = [];
  const is: Expr[] = [];
  const rest: LV[] = [];
  factors.forEach((f, i) => {
    const l = ls[i]!;
    if (isZero(l)) zs.push(f);
    else if (l.k === "inf") is.push(f);
    else rest.push(l);
  });
  const Z = mul(...zs);
  const I = mul(...is);
  const core = attempt(c, () => {
    const s = seriesNode(mul(Z, I), c, "");
    if (determinate(s)) return s;
    if (c.depth >= MAX_DEPTH) return unk("too many nested steps");
    c.depth++;
    try {
      if (c.t.kind === "inf") {
        const g = attempt(c, () => growthLimit(mul(Z, I), c));
        if (determinate(g)) return g;
      }
      const a = attempt(c, () => lim(div(I, simplified(div(num(1), Z))), c));
      if (a.k === "fin" || a.k === "inf") return a;
      const b = attempt(c, () => lim(div(Z, simplified(div(num(1), I))), c));
      if (b.k === "fin" || b.k === "inf") return b;
      return unk("0 * inf");
    } finally {
      c.depth--;
    }
  });
  if (!determinate(core)) return core;
  return productLVs([core, ...rest], c);
}

function resolveInfMinusInf(e: Expr & { kind: "add" }, ls: readonly LV[], c: Ctx): LV {
  const pos: Expr[] = [];
  const negs: Expr[] = [];
  const rest: LV[] = [];
  e.terms.forEach((t, i) => {
    const l = ls[i]!;
    if (l.k === "inf" && l.s > 0) pos.push(t);
    else if (l.k === "inf") negs.push(t);
    else rest.push(l);
  });
  const P = add(...pos);
  const N = add(...negs);
  const core = attempt(c, () => {
    const s = seriesNode(add(P, N), c, "");
    if (determinate(s)) return s;
    if (c.depth >= MAX_DEPTH) return unk("too many nested steps");
    c.depth++;
    try {
      // P + N = P (1 + N/P)
      const ratio = attempt(c, () => lim(div(N, P), c));
      if (ratio.k === "inf") return inf(-1);
      if (ratio.k === "fin" && Math.abs(1 + ratio.v) > 1e-9) {
        c.used.add("dominant term");
        return inf(1 + ratio.v);
      }
      // a sum of logarithms is the logarithm of a product
      const logs = combinedLogarithm([...pos, ...negs]);
      if (logs) {
        const r = attempt(c, () => lim(logs, c));
        if (determinate(r)) {
          c.used.add("logarithm rules");
          return r;
        }
      }
      // hyperbolic functions as exponentials
      if (mentions(e, ["sinh", "cosh", "tanh"])) {
        const r = attempt(c, () => lim(simplified(hyperbolicAsExp(add(P, N))), c));
        if (determinate(r)) {
          c.used.add("simplification");
          return r;
        }
      }
      // one common denominator
      const together = commonDenominator([...pos, ...negs]);
      if (together) {
        const r = attempt(c, () => lim(together, c));
        if (determinate(r)) {
          c.used.add("common denominator");
          return r;
        }
      }
      // the conjugate: P - M = (P^2 - M^2) / (P + M)
      const M = simplified(neg(N));
      const numer = simplified(add(pow(P, num(2)), neg(pow(M, num(2)))));
      const r = attempt(c, () => lim(div(numer, add(P, M)), c));
      if (determinate(r)) {
        c.used.add("conjugate");
        return r;
      }
      return unk("inf - inf");
    } finally {
      c.depth--;
    }
  });
  if (!determinate(core)) return core;
  return sumLVs([core, ...rest]);
}

/** Whether `e` calls one of `fns`. */
function mentions(e: Expr, fns: readonly UnaryFunction[]): boolean {
  if (e.kind === "call" && fns.includes(e.fn)) return true;
  return children(e).some((ch) => mentions(ch, fns));
}

/** sinh, cosh and tanh written with exp. */
function hyperbolicAsExp(e: Expr): Expr {
  return mapCalls(e, (fn, u) => {
    const p = call("exp", u);
    const m = call("exp", neg(u));
    if (fn === "sinh") return div(add(p, neg(m)), num(2));
    if (fn === "cosh") return div(add(p, m), num(2));
    if (fn === "tanh") return div(add(p, neg(m)), add(p, m));
    return call(fn, u);
  });
}

/** sum k_i ln(u_i) as ln(prod u_i^k_i) (on the domain every u_i > 0), or null when a term is not of that form. */
function combinedLogarithm(terms: readonly Expr[]): Expr | null {
  const factors: Expr[] = [];
  for (const t of terms) {
    let k = 1;
    let u = t;
    if (u.kind === "neg") {
      k = -1;
      u = u.arg;
    }
    if (u.kind === "mul" && u.factors.length === 2 && u.factors[0]!.kind === "num") {
      k *= u.factors[0].value;
      u = u.factors[1]!;
    }
    if (u.kind !== "call" || u.fn !== "ln") return null;
    factors.push(k === 1 ? u.arg : pow(u.arg, num(k)));
  }
  return call("ln", simplified(mul(...factors)));
}

/** sum n_i/d_i as one fraction, or null when no term is a fraction. */
function commonDenominator(terms: readonly Expr[]): Expr | null {
  const parts = terms.map((t) => {
    let sign = false;
    let u = t;
    if (u.kind === "neg") {
      sign = true;
      u = u.arg;
    }
    const nd = u.kind === "div" ? { n: u.num, d: u.den } : { n: u, d: num(1) };
    return { n: sign ? neg(nd.n) : nd.n, d: nd.d };
  });
  if (!parts.some((p) => !(p.d.kind === "num" && p.d.value === 1))) return null;
  const numer = add(...parts.map((p, i) => mul(p.n, ...parts.filter((_, j) => j !== i).map((q) => q.d))));
  const den = mul(...parts.map((p) => p.d));
  return div(simplified(numer), simplified(den));
}

// ---------------------------------------------------------------- growth rates at infinity

/** e ~ c * exp(E) * |x|^a * ln|x|^b as x -> +/-inf (E null: no exponential part). */
interface Growth {
  readonly c: number;
  readonly E: Expr | null;
  readonly a: number;
  readonly b: number;
}

const addE = (p: Expr | null, q: Expr | null): Expr | null => (p === null ? q : q === null ? p : add(p, q));

function growth(e: Expr, c: Ctx, depth = 0): Growth | null {
  if (depth > 40 || c.t.kind !== "inf") return null;
  if (--c.work < 0) return null;
  if (!dependsOn(e, c.v)) {
    const y = constValue(e, c);
    return Number.isFinite(y) && y !== 0 ? { c: y, E: null, a: 0, b: 0 } : null;
  }
  const lead = seriesLeading(e, c.v, c.t, c.pool);
  if (lead) return { c: lead.c, E: null, a: -lead.e, b: 0 };
  const g = (x: Expr): Growth | null => growth(x, c, depth + 1);
  switch (e.kind) {
    case "neg": {
      const p = g(e.arg);
      return p && { ...p, c: -p.c };
    }
    case "mul": {
      let acc: Growth = { c: 1, E: null, a: 0, b: 0 };
      for (const f of e.factors) {
        const p = g(f);
        if (!p) return null;
        acc = { c: acc.c * p.c, E: addE(acc.E, p.E), a: acc.a + p.a, b: acc.b + p.b };
      }
      return acc;
    }
    case "div": {
      const p = g(e.num);
      const q = g(e.den);
      if (!p || !q) return null;
      return { c: p.c / q.c, E: q.E === null ? p.E : addE(p.E, neg(q.E)), a: p.a - q.a, b: p.b - q.b };
    }
    case "pow": {
      if (!dependsOn(e.exp, c.v)) {
        const r = constValue(e.exp, c);
        const p = g(e.base);
        if (!p || !Number.isFinite(r)) return null;
        if (p.c < 0 && !Number.isInteger(r)) return null;
        return { c: Math.pow(p.c, r), E: p.E && mul(num(r), p.E), a: p.a * r, b: p.b * r };
      }
      if (!dependsOn(e.base, c.v)) {
        const b = constValue(e.base, c);
        if (!(b > 0)) return null;
        return { c: 1, E: b === Math.E ? e.exp : mul(num(Math.log(b)), e.exp), a: 0, b: 0 };
      }
      return { c: 1, E: mul(e.exp, call("ln", e.base)), a: 0, b: 0 };
    }
    case "call": {
      if (e.fn === "exp") return { c: 1, E: e.arg, a: 0, b: 0 };
      if (e.fn === "sinh" || e.fn === "cosh") {
        // sinh u ~ e^u / 2 and cosh u ~ e^|u| / 2 as u -> +/-inf
        const l = lim(e.arg, c);
        if (l.k !== "inf") return null;
        return { c: e.fn === "sinh" ? l.s / 2 : 0.5, E: l.s > 0 ? e.arg : neg(e.arg), a: 0, b: 0 };
      }
      if (e.fn === "sqrt") return g(pow(e.arg, num(0.5)));
      if (e.fn === "abs") {
        const p = g(e.arg);
        return p && { ...p, c: Math.abs(p.c) };
      }
      if (e.fn === "ln" || e.fn === "log10" || e.fn === "log2") {
        const p = g(e.arg);
        if (!p || p.E !== null || p.b !== 0 || p.a === 0 || !(p.c > 0)) return null;
        const k = e.fn === "ln" ? 1 : e.fn === "log10" ? 1 / Math.LN10 : 1 / Math.LN2;
        return { c: p.a * k, E: null, a: 0, b: 1 };
      }
      break;
    }
    case "add": {
      // one term tending to infinity, the others bounded: the sum grows like that term
      const ls = e.terms.map((t) => lim(t, c));
      const big = e.terms.filter((_, i) => ls[i]!.k === "inf");
      const bounded = ls.every((l) => l.k === "inf" || l.k === "fin" || l.k === "osc");
      return big.length === 1 && bounded ? g(big[0]!) : null;
    }
    case "logb": {
      const p = g(call("ln", e.arg));
      return p && { ...p, c: p.c / Math.log(e.base) };
    }
    default:
      break;
  }
  const l = lim(e, c);
  return l.k === "fin" && l.v !== 0 ? { c: l.v, E: null, a: 0, b: 0 } : null;
}

function growthLimit(e: Expr, c: Ctx): LV {
  if (c.t.kind !== "inf") return unk("growth rates apply at infinity");
  const g = growth(e, c);
  if (!g || !Number.isFinite(g.c) || g.c === 0) return unk("no growth form");
  c.used.add("growth");
  if (g.E === null) {
    if (g.a > 0 || (g.a === 0 && g.b > 0)) return inf(g.c);
    if (g.a < 0 || (g.a === 0 && g.b < 0)) return ZERO_LV;
    return fin(g.c);
  }
  const absX = c.t.s > 0 ? { kind: "var" as const, name: c.v } : neg({ kind: "var", name: c.v });
  let T: Expr = g.E;
  if (g.a !== 0) T = add(T, mul(num(g.a), call("ln", absX)));
  if (g.b !== 0) T = add(T, mul(num(g.b), call("ln", call("ln", absX))));
  const lt = lim(simplified(T), c);
  if (lt.k === "inf") return lt.s > 0 ? inf(g.c) : ZERO_LV;
  if (lt.k === "fin") return fin(g.c * Math.exp(lt.v));
  return unk("exponent of the growth form");
}

// ---------------------------------------------------------------- one side, two sides

function methodOf(c: Ctx): string {
  if (c.lhop > 0) return `L'Hopital (${c.lhop} ${c.lhop === 1 ? "time" : "times"})`;
  if (c.used.has("growth")) return "growth rates";
  if (c.used.has("series")) return "series expansion";
  if (c.used.has("conjugate")) return "conjugate";
  if (c.used.has("common denominator")) return "common denominator";
  if (c.used.has("dominant term")) return "dominant term";
  if (c.used.has("simplification")) return "algebraic simplification";
  if (c.used.has("squeeze")) return "squeeze theorem";
  if (c.used.has("laws")) return "limit laws";
  return "substitution";
}

type Side = { ok: true; l: LV; method: string } | { ok: false; error: CoreError };

const cannot = (message: string): { ok: false; error: CoreError } => ({
  ok: false,
  error: { code: "CANNOT_DECIDE", message },
});

function oneSided(e: Expr, v: string, t: Approach, aExpr: Expr | undefined): Side {
  const c: Ctx = {
    v,
    t,
    aExpr,
    depth: 0,
    work: WORK,
    heavy: HEAVY,
    pool: { left: SERIES_WORK },
    lhop: 0,
    used: new Set(),
    seen: new Set(),
  };
  let l = lim(e, c);
  if (l.k === "unk") {
    const s = simplified(e);
    if (toText(s) !== toText(e)) {
      const r = attempt(c, () => lim(s, c));
      if (determinate(r)) {
        c.used.add("simplification");
        l = r;
      }
    }
  }
  if (l.k === "unk") {
    const s = seriesNode(e, c, l.why);
    if (determinate(s)) l = s;
  }
  if (l.k === "unk") return cannot(`Cannot decide this limit (${l.why}).`);
  const claim: Claim =
    l.k === "fin" ? { k: "fin", v: l.v } : l.k === "inf" ? { k: "inf", s: l.s } : { k: l.k };
  if (confirm(e, v, t, claim) === "disagree") {
    return cannot("Cannot decide this limit: the symbolic and numerical methods disagree.");
  }
  return { ok: true, l, method: methodOf(c) };
}

function exactOf(l: LV & { k: "fin" }): { value: number; exact?: Expr } {
  const ok = (x: Expr): number | null => {
    const y = evalConst(x);
    return Number.isFinite(y) && Math.abs(y - l.v) <= 1e-9 * Math.abs(l.v) ? y : null;
  };
  let best: { x: Expr; text: string; y: number } | null = null;
  if (l.x) {
    const s = simplify(l.x, 20_000);
    if (s.ok) {
      const y = ok(s.expr);
      const text = toText(s.expr);
      if (y !== null && text.length <= 120) best = { x: s.expr, text, y };
    }
  }
  const r = recognize(l.v);
  if (r) {
    const y = ok(r);
    const text = toText(r);
    if (y !== null && (!best || text.length <= best.text.length)) best = { x: r, text, y };
  }
  if (!best) return { value: l.v };
  return { value: best.y === 0 ? 0 : best.y, exact: best.x };
}

function toValue(l: LV): LimitValue {
  switch (l.k) {
    case "fin":
      return { kind: "finite", ...exactOf(l) };
    case "inf":
      return { kind: l.s > 0 ? "+inf" : "-inf" };
    case "osc":
      return { kind: "dne", reason: "oscillation" };
    case "uosc":
      return { kind: "dne", reason: "unbounded oscillation" };
    case "unk":
      throw new Error("unknown limit value");
  }
}

function sameLimit(p: LV, q: LV): boolean {
  if (p.k === "fin" && q.k === "fin")
    return Math.abs(p.v - q.v) <= 1e-9 * Math.max(Math.abs(p.v), Math.abs(q.v)) + 1e-15;
  return p.k === "inf" && q.k === "inf" && p.s === q.s;
}

/** Whether `e` has more than `max` nodes, counted without walking further than that (shared subtrees count each time). */
function tooLarge(e: Expr, max: number): boolean {
  let left = max;
  const stack: Expr[] = [e];
  while (stack.length) {
    const n = stack.pop()!;
    if (--left < 0) return true;
    for (const ch of children(n)) stack.push(ch);
  }
  return false;
}

function describe(at: Expr): string {
  return toText(at);
}

function limitUnsafe(expr: Expr, v: string, target: LimitTarget, side: LimitSide): LimitResult {
  if (tooLarge(expr, MAX_SIZE)) return cannot("This expression is too large to analyse.");
  const others = freeVariables(expr).filter((n) => n !== v);
  if (others.length) {
    return cannot(
      `The limit depends on ${others.join(", ")}: give ${others.length === 1 ? "it a value" : "them values"}.`,
    );
  }
  if (target.kind !== "point") {
    const t: Approach = { kind: "inf", s: target.kind === "+inf" ? 1 : -1 };
    const d = definedNear(expr, v, t);
    if (d !== "yes") {
      return cannot(
        d === "no"
          ? `The function is not defined for large ${t.s > 0 ? "positive" : "negative"} ${v}.`
          : `The function is undefined at points arbitrarily far out, so this limit cannot be decided.`,
      );
    }
    const r = oneSided(expr, v, t, undefined);
    return r.ok ? { ok: true, method: r.method, ...toValue(r.l) } : r;
  }
  if (tooLarge(target.at, MAX_SIZE)) return cannot("The point is too large an expression.");
  if (freeVariables(target.at).length) {
    return {
      ok: false,
      error: { code: "BAD_REQUEST", message: "The point must be a number, not an expression in a variable." },
    };
  }
  const a = evalConst(target.at);
  if (!Number.isFinite(a))
    return { ok: false, error: { code: "BAD_REQUEST", message: "The point is not a real number." } };
  const where = `${v} = ${describe(target.at)}`;
  const sides: (1 | -1)[] = side === "both" ? [-1, 1] : side === "left" ? [-1] : [1];
  const defined: (1 | -1)[] = [];
  for (const s of sides) {
    const d = definedNear(expr, v, { kind: "point", a, s });
    if (d === "gaps")
      return cannot(
        `The function is undefined at points arbitrarily close to ${where}, so this limit cannot be decided.`,
      );
    if (d === "yes") defined.push(s);
  }
  if (defined.length === 0) {
    const which = side === "both" ? "near" : side === "left" ? "to the left of" : "to the right of";
    return cannot(`The function is not defined ${which} ${where}, so the limit there is not defined.`);
  }
  const results = new Map<number, Side>();
  for (const s of defined) {
    const r = oneSided(expr, v, { kind: "point", a, s }, target.at);
    if (!r.ok) return r;
    results.set(s, r);
  }
  if (defined.length === 1) {
    const r = results.get(defined[0]!)!;
    if (!r.ok) return r;
    return { ok: true, method: r.method, ...toValue(r.l) };
  }
  const left = results.get(-1)!;
  const right = results.get(1)!;
  if (!left.ok) return left;
  if (!right.ok) return right;
  if (sameLimit(left.l, right.l)) {
    const method = left.method === right.method ? left.method : `${left.method}; ${right.method}`;
    const l = right.l.k === "fin" && left.l.k === "fin" && !right.l.x && left.l.x ? left.l : right.l;
    return { ok: true, method, ...toValue(l) };
  }
  const lv = toValue(left.l);
  const rv = toValue(right.l);
  const method = left.method === right.method ? left.method : `${left.method}; ${right.method}`;
  let reason: "oscillation" | "unbounded oscillation" | "one-sided limits differ" = "one-sided limits differ";
  if (lv.kind === "dne") reason = lv.reason;
  else if (rv.kind === "dne") reason = rv.reason;
  return { ok: true, method, kind: "dne", reason, left: lv, right: rv };
}

/** The limit of `expr` as `v` approaches `target` from `side` (ignored at infinity). Never throws. */
export function limit(expr: Expr, v: string, target: LimitTarget, side: LimitSide): LimitResult {
  try {
    return limitUnsafe(expr, v, target, side);
  } catch (err) {
    if (err instanceof RangeError) return cannot("This expression is too deeply nested to analyse.");
    return cannot("Cannot decide this limit (internal error).");
  }
}

// ---------------------------------------------------------------- the command-line request

function errorObject(error: CoreError): { [k: string]: unknown } {
  const e: { [k: string]: unknown } = { code: error.code, message: error.message };
  if (error.at !== undefined) e.at = error.at;
  return { ok: false, error: e };
}

const INFINITY_WORDS: Record<string, "+inf" | "-inf"> = {
  inf: "+inf",
  "+inf": "+inf",
  infinity: "+inf",
  "+infinity": "+inf",
  "∞": "+inf",
  "+∞": "+inf",
  oo: "+inf",
  "-inf": "-inf",
  "-infinity": "-inf",
  "-∞": "-inf",
  "−inf": "-inf",
  "−∞": "-inf",
  "-oo": "-inf",
};

/** A one-sided limit as the CLI reports it: its finite value, or "inf", "-inf", "dne". */
function describeSide(v: LimitValue): string | number {
  if (v.kind === "finite") return v.value;
  return v.kind === "+inf" ? "inf" : v.kind;
}

/**
 * For the CLI: `to` is a number or constant expression ("0", "pi/2", "-1/2") or "inf"/"+inf"/"-inf";
 * side is ignored at infinity. Returns {ok:true, kind, value?, exact?} or {ok:false, error}. Never throws.
 */
export function limitRequest(req: {
  expr: string;
  var: string;
  to: string;
  side: "both" | "left" | "right";
  vars?: string[];
}): { [k: string]: unknown } {
  try {
    const vars = req.vars;
    const isVar = vars ? vars.includes(req.var) : /^[A-Za-df-z]$/.test(req.var) || /^[A-Z]$/.test(req.var);
    if (!isVar) {
      return errorObject({
        code: "NOT_A_VARIABLE",
        message: vars
          ? `'${req.var}' is not one of the variables ${vars.join(", ")}.`
          : `'${req.var}' is not a variable: use a single letter other than e.`,
      });
    }
    if (req.side !== "both" && req.side !== "left" && req.side !== "right") {
      return errorObject({ code: "BAD_REQUEST", message: "'side' must be both, left or right." });
    }
    const p = parse(req.expr, vars ? { vars } : {});
    if (!p.ok) return errorObject(p.error);
    const word = req.to.trim().toLowerCase().replace(/\s+/g, "");
    let target: LimitTarget;
    const infWord = INFINITY_WORDS[word];
    if (infWord) target = { kind: infWord };
    else {
      const q = parse(req.to, { vars: [] });
      if (!q.ok) return errorObject({ ...q.error, message: `The point: ${q.error.message}` });
      target = { kind: "point", at: q.expr };
    }
    const r = limit(p.expr, req.var, target, req.side);
    if (!r.ok) return errorObject(r.error);
    if (r.kind === "finite") {
      const out: { [k: string]: unknown } = { ok: true, kind: "finite", value: r.value };
      if (r.exact) out.exact = toText(r.exact);
      out.method = r.method;
      return out;
    }
    if (r.kind === "dne") {
      const out: { [k: string]: unknown } = { ok: true, kind: "dne", reason: r.reason, method: r.method };
      if (r.left) out.left = describeSide(r.left);
      if (r.right) out.right = describeSide(r.right);
      return out;
    }
    return { ok: true, kind: r.kind, method: r.method };
  } catch {
    return errorObject({ code: "CANNOT_DECIDE", message: "Cannot decide this limit (internal error)." });
  }
}
