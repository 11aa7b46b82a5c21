// Exact rational numbers for constant folding, with a fall-back to floating point when the integers
// would leave the safe range. `dec` marks a value that was typed as a decimal: it stays a decimal in
// exponents, where x^0.2 and x^(1/5) have different real domains (docs/grading.md).
import type { Expr } from "./ast";

export interface Q {
  /** Numerator; when `d` is 0 the value is inexact and `n` holds it as a float. */
  readonly n: number;
  readonly d: number;
  readonly dec?: boolean;
}

export const ZERO: Q = { n: 0, d: 1 };
export const ONE: Q = { n: 1, d: 1 };
export const MINUS_ONE: Q = { n: -1, d: 1 };

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

export function isExact(q: Q): boolean {
  return q.d !== 0;
}

export function value(q: Q): number {
  return q.d === 0 ? q.n : q.n / q.d;
}

export function float(v: number, dec = false): Q {
  return dec ? { n: v, d: 0, dec } : { n: v, d: 0 };
}

/** n/d in lowest terms, or a float when out of the safe integer range. */
export function rat(n: number, d = 1, dec = false): Q {
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d) || d === 0) return float(n / d, dec);
  if (d < 0) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d) || 1;
  const r = { n: n / g, d: d / g };
  return dec ? { ...r, dec } : r;
}

/** The exact value of a number as typed: `0.1` is 1/10, `2.0001` is 20001/10000. */
export function fromNumber(v: number): Q {
  if (Number.isInteger(v)) return Number.isSafeInteger(v) ? { n: v, d: 1 } : float(v);
  const s = String(Math.abs(v));
  const m = /^(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m || (m[2]?.length ?? 0) > 15) return float(v, true);
  const frac = m[2] ?? "";
  const scale = 10 ** frac.length;
  const whole = Number(m[1]! + frac);
  if (!Number.isSafeInteger(whole)) return float(v, true);
  return rat(v < 0 ? -whole : whole, scale, true);
}

const anyDec = (a: Q, b: Q): boolean => Boolean(a.dec || b.dec);

export function addQ(a: Q, b: Q): Q {
  if (a.d === 0 || b.d === 0) return float(value(a) + value(b), anyDec(a, b));
  return rat(a.n * b.d + b.n * a.d, a.d * b.d, anyDec(a, b));
}

export function mulQ(a: Q, b: Q): Q {
  if (a.d === 0 || b.d === 0) return float(value(a) * value(b), anyDec(a, b));
  return rat(a.n * b.n, a.d * b.d, anyDec(a, b));
}

export function negQ(a: Q): Q {
  if (a.d === 0) return float(-a.n, a.dec);
  return a.dec ? { n: -a.n, d: a.d, dec: true } : { n: -a.n, d: a.d };
}

export function invQ(a: Q): Q {
  if (a.d === 0) return float(1 / a.n, a.dec);
  return rat(a.d, a.n, a.dec);
}

export function isZero(q: Q): boolean {
  return q.n === 0;
}

export function isOne(q: Q): boolean {
  return q.d === 0 ? q.n === 1 : q.n === 1 && q.d === 1;
}

export function isInteger(q: Q): boolean {
  return q.d === 1 || (q.d === 0 && Number.isInteger(q.n));
}

export function isNegative(q: Q): boolean {
  return q.n < 0;
}

export function eqQ(a: Q, b: Q): boolean {
  return value(a) === value(b);
}

/** An integer power, exact when it fits; null when it would be huge or undefined. */
export function powInt(a: Q, k: number): Q | null {
  if (!Number.isInteger(k) || Math.abs(k) > 1024) return null;
  if (k < 0) {
    if (a.n === 0) return null;
    const p = powInt(a, -k);
    return p && invQ(p);
  }
  if (a.d === 0) {
    const v = Math.pow(a.n, k);
    return Number.isFinite(v) ? float(v, a.dec) : null;
  }
  const n = Math.pow(a.n, k);
  const d = Math.pow(a.d, k);
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d)) {
    const v = n / d;
    return Number.isFinite(v) && Math.abs(v) < 1e300 ? float(v, a.dec) : null;
  }
  return rat(n, d, a.dec);
}

/** The exact q-th root of an integer, or null. */
function exactRoot(n: number, q: number): number | null {
  if (n < 0) {
    if (q % 2 === 0) return null;
    const r = exactRoot(-n, q);
    return r === null ? null : -r;
  }
  const r = Math.round(Math.pow(n, 1 / q));
  for (const c of [r - 1, r, r + 1]) if (c >= 0 && Math.pow(c, q) === n) return c;
  return null;
}

/** a^(p/q) when it is rational (8^(2/3) = 4), else null. */
export function powRational(a: Q, e: Q): Q | null {
  if (e.d === 1) return powInt(a, e.n);
  if (a.d === 0 || e.d === 0 || e.d > 64) return null;
  const rn = exactRoot(a.n, e.d);
  const rd = exactRoot(a.d, e.d);
  if (rn === null || rd === null) return null;
  return powInt(rat(rn, rd, a.dec), e.n);
}

/** Comparison key for numbers inside structural keys. */
export function keyQ(q: Q): string {
  return q.d === 0 ? `f${q.n}` : q.d === 1 ? `${q.n}` : `${q.n}/${q.d}`;
}

/**
 * The exact value of a tree that is a rational constant (numbers as typed, -, *, /), or null: 3/400
 * is 3/400, pi/3.14159265358979 is not rational, nor is a number too large to hold exactly.
 */
export function rationalOf(e: Expr): Q | null {
  switch (e.kind) {
    case "num": {
      const q = fromNumber(e.value);
      return isExact(q) ? q : null;
    }
    case "neg": {
      const a = rationalOf(e.arg);
      return a && negQ(a);
    }
    case "mul": {
      let q: Q | null = ONE;
      for (const f of e.factors) {
        const a = rationalOf(f);
        q = a && q && mulQ(q, a);
      }
      return q && isExact(q) ? q : null;
    }
    case "div": {
      const a = rationalOf(e.num);
      const b = rationalOf(e.den);
      if (!a || !b || b.n === 0) return null;
      const q = mulQ(a, invQ(b));
      return isExact(q) ? q : null;
    }
    default:
      return null;
  }
}
