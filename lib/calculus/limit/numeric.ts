// Numerical side of limits: sampling along sequences that approach the point, the sign of a
// quantity near the point, whether a side of the point lies in the domain, confirmation of a
// symbolic answer (with Aitken extrapolation), and recognition of exact forms of a float.
import { type Expr, cnst, call, dependsOn, div, mul, neg, num, pow } from "../ast";
import { compile, literalFraction, realRootPower } from "../eval";
import { compileMagnitude } from "../magnitude";

/** Where the variable goes: a finite point from one side (`s` = +1 right, -1 left) or +/-infinity. */
export type Approach = { kind: "point"; a: number; s: 1 | -1 } | { kind: "inf"; s: 1 | -1 };

/** Points approaching the target, far to near: 10^(-k/4) away from a point, or 10^(k/4) towards infinity. */
export function approachPoints(t: Approach, from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = from; k <= to; k++) {
    const h = Math.pow(10, k / 4);
    out.push(t.kind === "point" ? t.a + t.s / h : t.s * h);
  }
  return out;
}

export type Sampler = (x: number) => number;

const samplers = new WeakMap<Expr, Sampler>();

/** A compiled function of the one variable `v` (other names evaluate to NaN). */
export function sampler(e: Expr, v: string): Sampler {
  const cached = samplers.get(e);
  if (cached) return cached;
  const c = compile(e, [v]);
  const buf = [0];
  const fn: Sampler = c.ok
    ? (x) => {
        buf[0] = x;
        return c.fn(buf);
      }
    : () => NaN;
  samplers.set(e, fn);
  return fn;
}

/** Sign of `e` near the target: +1, -1, 0 (identically zero there), or NaN (changes sign or unknown). */
export function signNear(e: Expr, v: string, t: Approach): number {
  const f = sampler(e, v);
  const xs = t.kind === "point" ? approachPoints(t, 12, 36) : approachPoints(t, 8, 40);
  let pos = 0;
  let negs = 0;
  let zero = 0;
  for (const x of xs) {
    const y = f(x);
    if (Number.isNaN(y)) continue;
    if (y > 0) pos++;
    else if (y < 0) negs++;
    else zero++;
  }
  // exact zeros among nonzero values of one sign are underflow (e^-x far out), not sign changes
  if (pos + negs + zero < 5) return NaN;
  if (pos >= 3 && negs === 0) return 1;
  if (negs >= 3 && pos === 0) return -1;
  if (pos === 0 && negs === 0) return 0;
  return NaN;
}

/**
 * Whether `x` is outside the real domain of `e`: a logarithm of a non-positive number, a square root of
 * a negative one, asin/acos beyond [-1, 1], asec/acsc inside (-1, 1), a non-integer power of a negative
 * base (odd roots written p/q excepted). Overflow and underflow (inf - inf, 1/0 after underflow) are not
 * domain questions and do not count.
 */
export function outsideDomain(e: Expr, v: string, x: number): boolean {
  let bad = false;
  const ev = (n: Expr): number => {
    switch (n.kind) {
      case "num":
        return n.value;
      case "const":
        return n.name === "pi" ? Math.PI : Math.E;
      case "var":
        return n.name === v ? x : NaN;
      case "add":
        return n.terms.reduce((s, t) => s + ev(t), 0);
      case "mul":
        return n.factors.reduce((s, t) => s * ev(t), 1);
      case "neg":
        return -ev(n.arg);
      case "div": {
        const b = ev(n.den);
        // a denominator that is 0 whatever the variable (underflow of x^50 near 0 is not that)
        if (b === 0 && !dependsOn(n.den, v)) bad = true;
        return ev(n.num) / b;
      }
      case "pow": {
        const b = ev(n.base);
        const frac = literalFraction(n.exp);
        if (frac) {
          if (b < 0 && frac.q % 2 === 0) bad = true;
          return realRootPower(b, frac.p, frac.q);
        }
        const p = ev(n.exp);
        if (b < 0 && !Number.isInteger(p) && Number.isFinite(p)) bad = true;
        return Math.pow(b, p);
      }
      case "logb": {
        const u = ev(n.arg);
        if (u <= 0) bad = true;
        return Math.log(u) / Math.log(n.base);
      }
      case "call": {
        const u = ev(n.arg);
        switch (n.fn) {
          case "ln":
          case "log10":
          case "log2":
            if (u <= 0) bad = true;
            return Math.log(u);
          case "sqrt":
            if (u < 0) bad = true;
            return Math.sqrt(u);
          case "asin":
          case "acos":
            if (Math.abs(u) > 1) bad = true;
            return 0;
          case "asec":
          case "acsc":
            if (Math.abs(u) < 1) bad = true;
            return 0;
          case "tan":
          case "sec":
            if (Math.cos(u) === 0) bad = true;
            return Math.tan(u);
          case "csc":
          case "cot":
            if (Math.sin(u) === 0) bad = true;
            return 1 / Math.tan(u);
          case "sin":
            return Math.sin(u);
          case "cos":
            return Math.cos(u);
          case "exp":
            return Math.exp(u);
          case "abs":
            return Math.abs(u);
          case "sign":
            return Math.sign(u);
          case "atan":
            return Math.atan(u);
          case "acot":
            return Math.PI / 2 - Math.atan(u);
          case "sinh":
            return Math.sinh(u);
          case "cosh":
            return Math.cosh(u);
          case "tanh":
            return Math.tanh(u);
        }
      }
    }
  };
  ev(e);
  return bad;
}

/** Whether the function is defined at points approaching the target: "yes", "no", or "gaps". */
export function definedNear(e: Expr, v: string, t: Approach): "yes" | "no" | "gaps" {
  const xs = t.kind === "point" ? approachPoints(t, 8, 36) : approachPoints(t, 4, 40);
  const ok = xs.map((x) => !outsideDomain(e, v, x));
  if (ok.every(Boolean)) return "yes";
  if (!ok.some(Boolean)) return "no";
  // Only the nearer points matter for a limit.
  const near = ok.slice(-12);
  if (near.every(Boolean)) return "yes";
  if (!near.some(Boolean)) return "no";
  return "gaps";
}

/** What the numbers say about a claimed one-sided limit. */
export type Verdict = "agree" | "disagree" | "inconclusive";

export type Claim = { k: "fin"; v: number } | { k: "inf"; s: 1 | -1 } | { k: "osc" } | { k: "uosc" };

function aitken(a: number, b: number, c: number): number {
  const d = c - b - (b - a);
  if (d === 0 || !Number.isFinite(d)) return c;
  return c - ((c - b) * (c - b)) / d;
}

const spread = (w: readonly number[]): number => Math.max(...w) - Math.min(...w);

/**
 * Compare a claim with values along a sequence approaching the target (not too close to a point, where
 * cancellation makes the values meaningless). "disagree" only when the numbers have visibly settled
 * on something the claim rules out.
 */
export function confirm(e: Expr, v: string, t: Approach, claim: Claim): Verdict {
  // values computed through an overflow (e^x far out), or with fewer than 6 digits left after
  // cancellation (their magnitude bounds the rounding error), say nothing about the limit
  const g = compileMagnitude(e, [v]);
  const out = { m: 0 };
  const f = (x: number): number => {
    const y = g([x], out);
    // an infinite magnitude: some value on the way overflowed
    return Number.isFinite(out.m) && out.m * 1.2e-16 <= 1e-6 * Math.abs(y) ? y : NaN;
  };
  const xs = t.kind === "point" ? approachPoints(t, 4, 24) : approachPoints(t, 4, 32);
  const ys = xs.map(f).filter((y) => Number.isFinite(y));
  if (ys.length < 4) return "inconclusive";
  const windows: number[][] = [];
  for (let i = 0; i + 3 <= ys.length; i++) windows.push(ys.slice(i, i + 3));
  const last = windows[windows.length - 1]!;
  const lastMean = (last[0]! + last[1]! + last[2]!) / 3;
  const settled = spread(last) <= 1e-7 * Math.abs(lastMean);
  switch (claim.k) {
    case "fin": {
      const L = claim.v;
      const tol = 1e-6 * Math.max(1, Math.abs(L));
      for (const w of windows) {
        if (w.every((y) => Math.abs(y - L) <= tol)) return "agree";
        if (Math.abs(aitken(w[0]!, w[1]!, w[2]!) - L) <= tol) return "agree";
      }
      // Closer in (x^99999999 at 1 settles only within 1e-9), for agreement only: there cancellation
      // can make values meaningless, so they never count against the claim.
      const closer = (t.kind === "point" ? approachPoints(t, 25, 48) : approachPoints(t, 33, 60))
        .map(f)
        .filter((y) => Number.isFinite(y));
      for (let i = 0; i + 3 <= closer.length; i++) {
        if (closer.slice(i, i + 3).every((y) => Math.abs(y - L) <= tol)) return "agree";
      }
      if (settled && Math.abs(lastMean - L) > 1e-4 * Math.max(1, Math.abs(L))) return "disagree";
      return "inconclusive";
    }
    case "inf": {
      if (settled && Math.abs(lastMean) < 1e6) return "disagree";
      // the wrong sign, and heading the wrong way fast
      const [y0, , y2] = last as [number, number, number];
      if (last.every((y) => y * claim.s < -1) && Math.abs(y2) > 2 * Math.abs(y0)) return "disagree";
      if (last.every((y) => y * claim.s > 1e3)) return "agree";
      return "inconclusive";
    }
    case "osc":
    case "uosc":
      return settled ? "disagree" : "inconclusive";
  }
}

// ---------------------------------------------------------------- exact forms of a float

function rationalOf(v: number, maxDen: number, maxNum: number): { p: number; q: number } | null {
  for (let q = 1; q <= maxDen; q++) {
    const p = Math.round(v * q);
    if (Math.abs(p) > maxNum) continue;
    if (p !== 0 && Math.abs(v - p / q) <= 1e-10 * Math.abs(v)) return { p, q };
  }
  return null;
}

/** c * x as an Expr: `x`, `3*x`, `x/4`, `3*x/4`, with a leading minus. */
function scaled(p: number, q: number, x: Expr | null): Expr {
  const a = Math.abs(p);
  let top: Expr;
  if (x === null) top = num(a);
  else top = a === 1 ? x : mul(num(a), x);
  const e = q === 1 ? top : div(top, num(q));
  return p < 0 ? neg(e) : e;
}

const SQUAREFREE = [
  2, 3, 5, 6, 7, 10, 11, 13, 14, 15, 17, 19, 21, 22, 23, 26, 29, 30, 31, 33, 34, 35, 37, 38, 39,
];

/**
 * A simple exact form whose value is `v` to about 1e-10 relative: p/q, p/q * pi, p/q * e, p/q * sqrt(n),
 * e^(p/q), p/q * ln(n), p/q * pi^2, or undefined.
 */
export function recognize(v: number): Expr | undefined {
  if (!Number.isFinite(v)) return undefined;
  if (v === 0) return num(0);
  if (Number.isSafeInteger(v)) return num(v);
  const r = rationalOf(v, 100, 100000);
  if (r) return scaled(r.p, r.q, null);
  const rp = rationalOf(v / Math.PI, 24, 1000);
  if (rp) return scaled(rp.p, rp.q, cnst("pi"));
  const re = rationalOf(v / Math.E, 24, 1000);
  if (re) return scaled(re.p, re.q, cnst("e"));
  for (const n of SQUAREFREE) {
    const rs = rationalOf(v / Math.sqrt(n), 24, 1000);
    if (rs) return scaled(rs.p, rs.q, call("sqrt", num(n)));
  }
  if (v > 0) {
    const rl = rationalOf(Math.log(v), 12, 100);
    if (rl) {
      const k = rl.p < 0 ? neg(scaled(-rl.p, rl.q, null)) : scaled(rl.p, rl.q, null);
      return pow(cnst("e"), k);
    }
  }
  for (const n of [2, 3, 5, 6, 7, 10]) {
    const rn = rationalOf(v / Math.log(n), 12, 100);
    if (rn) return scaled(rn.p, rn.q, call("ln", num(n)));
    const ri = rationalOf(v * Math.log(n), 12, 100);
    if (ri) {
      const d = div(
        num(Math.abs(ri.p)),
        ri.q === 1 ? call("ln", num(n)) : mul(num(ri.q), call("ln", num(n))),
      );
      return ri.p < 0 ? neg(d) : d;
    }
  }
  const rpp = rationalOf(v / (Math.PI * Math.PI), 12, 100);
  if (rpp) return scaled(rpp.p, rpp.q, pow(cnst("pi"), num(2)));
  return undefined;
}
