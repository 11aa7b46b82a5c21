// What a part of the expression tends to on one side of the point, and the algebra of those values:
// sums, products, quotients, exp and powers of limits, following the limit laws (and the squeeze
// theorem for bounded oscillations), without resolving indeterminate forms (they come out undecided).
import { type Expr, add, call, dependsOn, div, freeVariables, mul, neg, num, pow } from "../ast";
import { compile, realRootPower } from "../eval";
import { simplify } from "../simplify";
import { exactlyZero } from "./exact-zero";
import { signNear } from "./numeric";
import type { SideSearch } from "./search";

/**
 * The limit of a part on one side: finite (`v`, with the exact form `x` when the parts had one),
 * infinite (sign `s`), a bounded oscillation with its cluster interval [lo, hi], an unbounded
 * oscillation (limsup +inf and liminf -inf), or undecided (`why`).
 */
export type Tendency =
  | { k: "fin"; v: number; x?: Expr }
  | { k: "inf"; s: 1 | -1 }
  | { k: "osc"; lo: number; hi: number }
  | { k: "uosc" }
  | { k: "unk"; why: string };

/** Relative size below which a computed value is rounding around 0: sin(pi), cos(pi/2), 1 - 1. */
const ZERO_TOL = 1e-13;

export const ZERO: Tendency = { k: "fin", v: 0, x: num(0) };

export function finite(v: number, x?: Expr): Tendency {
  if (!Number.isFinite(v)) return { k: "unk", why: "not finite" };
  if (v === 0) return ZERO;
  return x === undefined ? { k: "fin", v } : { k: "fin", v, x };
}

/**
 * A computed value that may be rounding around 0 when it is that small compared with `scale` (what
 * it was computed from: sin(pi), cos(pi/2), 1 - 1): then decided exactly from its exact form, never
 * from the float (pi - 3.14159265358979 is not 0).
 */
export function finiteTidy(v: number, scale: number, x?: Expr): Tendency {
  // an exact 0 made of non-zero parts is rounding too (e - 2.718281828459045 is 0 in floats)
  if (scale === 0 || Math.abs(v) >= ZERO_TOL * scale) return finite(v, x);
  if (x) return exactNearZero(x);
  // parts known only as floats (series values): 0 as a value, but no exact form, so that nothing
  // divides by it or takes its logarithm (`roundedZero`)
  return { k: "fin", v: 0 };
}

/** A 0 that is only rounding of floats (no exact form): never a denominator, a log argument or a base. */
export const roundedZero = (l: Tendency): boolean => l.k === "fin" && l.v === 0 && !l.x;

/** Below this, a computed finite value may be rounding around 0 (tan(2pi) = -2.4e-16 in floats). */
const NEAR_ZERO = 1e-9;
const SETTLE_BUDGET = 5000;

const isRationalConstant = (e: Expr): boolean =>
  e.kind === "num" ||
  (e.kind === "neg" && isRationalConstant(e.arg)) ||
  (e.kind === "div" && isRationalConstant(e.num) && isRationalConstant(e.den));

/**
 * A finite value near 0 decided exactly, never from its float: its exact form simplified to 0 is 0
 * (the special values the core knows: tan(2pi), cot(3pi/2), ln 1); to a non-zero rational it stands;
 * anything else that small is undecided (a refusal, never a confident wrong limit).
 */
export function settled(l: Tendency): Tendency {
  if (l.k !== "fin" || l.v === 0 || Math.abs(l.v) >= NEAR_ZERO) return l;
  return exactNearZero(l.x);
}

/**
 * Why a part is undecided when its value is too close to 0 to tell from rounding. Series expansion,
 * made of floats too, is not asked to decide what the exact forms could not (search.ts).
 */
export const ROUNDING = "a value too close to 0 to tell from rounding";

/** A value too small to tell from rounding, decided by its exact form `x` (undecided without one). */
function exactNearZero(x: Expr | undefined): Tendency {
  if (!x) return undecided(ROUNDING);
  if (exactlyZero(x)) return ZERO;
  const s = simplify(x, SETTLE_BUDGET);
  if (!s.ok) return undecided(ROUNDING);
  if (isRationalConstant(s.expr) && freeVariables(s.expr).length === 0) {
    const c = compile(s.expr, []);
    const v = c.ok ? c.fn([]) : NaN;
    if (v !== 0 && Number.isFinite(v)) return finite(v, s.expr);
  }
  return undecided(ROUNDING);
}

export const infinite = (s: number): Tendency => ({ k: "inf", s: s > 0 ? 1 : -1 });

export const undecided = (why: string): Tendency => ({ k: "unk", why });

export function oscillating(lo: number, hi: number): Tendency {
  if (!(lo < hi) || !Number.isFinite(lo) || !Number.isFinite(hi)) return undecided("oscillation range");
  return { k: "osc", lo, hi };
}

export const isZero = (l: Tendency): boolean => l.k === "fin" && l.v === 0;

export const determinate = (l: Tendency): boolean => l.k !== "unk";

export function negated(l: Tendency): Tendency {
  switch (l.k) {
    case "fin":
      return finite(-l.v, l.x && neg(l.x));
    case "inf":
      return infinite(-l.s);
    case "osc":
      return oscillating(-l.hi, -l.lo);
    default:
      return l;
  }
}

/** k * l for a constant k with exact form kx (or none). */
export function scaled(l: Tendency, k: number, kx?: Expr): Tendency {
  // 0 times anything that has a limit, finite, infinite or oscillating, is identically 0 (1^x).
  if (k === 0 && l.k !== "unk" && l.k !== "uosc") return ZERO;
  switch (l.k) {
    case "fin":
      return finite(k * l.v, kx && l.x && mul(kx, l.x));
    case "inf":
      return infinite(l.s * k);
    case "osc":
      return k > 0 ? oscillating(k * l.lo, k * l.hi) : oscillating(k * l.hi, k * l.lo);
    default:
      return l;
  }
}

/** Sum rules without resolving inf - inf (unknown then). */
export function sumOf(ls: readonly Tendency[]): Tendency {
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
  if (pos && negInf) return undecided("inf - inf");
  if (pos || negInf) return uoscs ? undecided("inf + unbounded oscillation") : infinite(pos ? 1 : -1);
  if (uoscs) return uoscs === 1 ? { k: "uosc" } : undecided("two unbounded oscillations");
  if (oscs === 1) return oscillating(lo + total, hi + total);
  if (oscs > 1) return undecided("a sum of oscillations");
  return finiteTidy(total, scale, exact ? add(...exact) : undefined);
}

export function productOf(ls: readonly Tendency[], c: SideSearch): Tendency {
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
  if (zeros && infSign) return undecided("0 * inf");
  if (uoscs)
    return zeros || infSign || oscs.length || uoscs > 1
      ? undecided("unbounded oscillation times")
      : { k: "uosc" };
  if (zeros) {
    if (oscs.length) c.methods.add("squeeze");
    return ZERO;
  }
  if (infSign) {
    const s = infSign * Math.sign(k);
    if (oscs.length === 0) return infinite(s);
    if (oscs.length > 1) return undecided("oscillations times inf");
    const o = oscs[0]!;
    c.methods.add("laws");
    if (o.lo > 0) return infinite(s);
    if (o.hi < 0) return infinite(-s);
    if (o.lo < 0 && o.hi > 0) return { k: "uosc" };
    return undecided("oscillation touching 0 times inf");
  }
  const o = oscs[0];
  if (o) return oscs.length > 1 ? undecided("a product of oscillations") : scaled(oscillating(o.lo, o.hi), k);
  return finite(k, exact ? mul(...exact) : undefined);
}

export function quotientOf(a: Tendency, b: Tendency, d: Expr, c: SideSearch): Tendency {
  const denSign = (): number => {
    c.methods.add("laws");
    return signNear(d, c.variable, c.approach);
  };
  if (b.k === "fin") {
    if (b.v !== 0) {
      if (a.k === "fin") return finite(a.v / b.v, a.x && b.x && div(a.x, b.x));
      if (a.k === "inf") return infinite(a.s * b.v);
      if (a.k === "osc") return scaled(a, 1 / b.v);
      return a;
    }
    if (!dependsOn(d, c.variable)) return undecided("division by zero");
    if (roundedZero(b)) return undecided(ROUNDING);
    const s = denSign();
    if (s === 0) return undecided("the denominator is 0 near the point");
    if (s !== 1 && s !== -1) return undecided("the denominator changes sign near the point");
    if (a.k === "fin") return infinite(a.v * s);
    if (a.k === "inf") return infinite(a.s * s);
    if (a.k === "osc") {
      if (a.lo > 0) return infinite(s);
      if (a.hi < 0) return infinite(-s);
    }
    return undecided("oscillation over 0");
  }
  if (b.k === "inf") {
    if (a.k === "fin") return ZERO;
    if (a.k === "osc") {
      c.methods.add("squeeze");
      return ZERO;
    }
    return undecided("quotient with infinity");
  }
  if (b.k === "osc" && (b.lo > 0 || b.hi < 0)) {
    if (a.k === "fin")
      return a.v === 0
        ? ZERO
        : a.v > 0
          ? oscillating(a.v / b.hi, a.v / b.lo)
          : oscillating(a.v / b.lo, a.v / b.hi);
    if (a.k === "inf") return infinite(a.s * (b.lo > 0 ? 1 : -1));
  }
  return undecided("quotient of oscillations");
}

/**
 * The exact form of e^x: b^a when x is a ln b (e^(3 ln 2) is 2^3, which simplifies to 8 and so
 * cancels against 8 exactly), b when x is ln b, else exp(x). ln b in a finite exact form has b > 0.
 */
function expForm(x: Expr): Expr {
  if (x.kind === "call" && x.fn === "ln") return x.arg;
  if (x.kind === "mul") {
    const logs = x.factors.filter((f) => f.kind === "call" && f.fn === "ln");
    const lnb = logs[0];
    if (logs.length === 1 && lnb?.kind === "call")
      return pow(lnb.arg, mul(...x.factors.filter((f) => f !== lnb)));
  }
  return call("exp", x);
}

export function expOf(l: Tendency): Tendency {
  switch (l.k) {
    case "fin":
      return finite(Math.exp(l.v), l.x && expForm(l.x));
    case "inf":
      return l.s > 0 ? l : ZERO;
    case "osc":
      return oscillating(Math.exp(l.lo), Math.exp(l.hi));
    case "uosc":
      return undecided("exp of an unbounded oscillation");
    case "unk":
      return l;
  }
}

export function powerOf(
  b: Tendency,
  r: number,
  frac: { p: number; q: number } | null,
  base: Expr,
  exp: Expr,
  c: SideSearch,
): Tendency {
  if (r === 0) return finite(1, num(1));
  const integer = Number.isInteger(r);
  const oddRoot = frac !== null && frac.q % 2 === 1;
  const signedOk = integer || oddRoot;
  const oddPower = frac !== null ? Math.abs(frac.p) % 2 === 1 : integer && Math.abs(r) % 2 === 1;
  const rp = (v: number): number => (frac ? realRootPower(v, frac.p, frac.q) : Math.pow(v, r));
  switch (b.k) {
    case "fin": {
      if (b.v > 0) return finite(Math.pow(b.v, r), b.x && pow(b.x, exp));
      if (b.v < 0) return signedOk ? finite(rp(b.v), b.x && pow(b.x, exp)) : undecided("a negative base");
      if (r > 0) return ZERO;
      if (!dependsOn(base, c.variable)) return undecided("division by zero");
      if (roundedZero(b)) return undecided(ROUNDING);
      if (signedOk && !oddPower) return infinite(1);
      c.methods.add("laws");
      const s = signNear(base, c.variable, c.approach);
      if (s === 1) return infinite(1);
      if (s === -1 && signedOk) return infinite(-1);
      return undecided("sign of the base");
    }
    case "inf":
      if (r < 0) return ZERO;
      if (b.s > 0) return b;
      return signedOk ? infinite(oddPower ? -1 : 1) : undecided("a negative base");
    case "osc": {
      if (integer && r > 0) {
        if (oddPower || b.lo >= 0) return oscillating(Math.pow(b.lo, r), Math.pow(b.hi, r));
        if (b.hi <= 0) return oscillating(Math.pow(b.hi, r), Math.pow(b.lo, r));
        return oscillating(0, Math.max(Math.pow(b.lo, r), Math.pow(b.hi, r)));
      }
      if (b.lo > 0) {
        const p = Math.pow(b.lo, r);
        const q = Math.pow(b.hi, r);
        return oscillating(Math.min(p, q), Math.max(p, q));
      }
      return undecided("power of an oscillation");
    }
    case "uosc":
      return undecided("power of an unbounded oscillation");
    case "unk":
      return b;
  }
}
