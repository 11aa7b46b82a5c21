// Series expansion for limits: with x = a + t, a - t, 1/t or -1/t, an expression becomes a truncated
// generalised power series sum c_i t^(e_i) + O(t^upto) as t -> 0+, with float coefficients and
// rational exponents (denominators dividing 5040). Covers + - * /, constant powers (binomial series),
// exp, ln, the trigonometric, inverse trigonometric and hyperbolic functions, abs and sign, and f^g as
// exp(g ln f). Fails (returns null) on logarithmic or essential terms (ln t, e^(1/t), sin(1/t)): the
// rules (laws.ts and the strategies beside it) handle those.
//
// Each coefficient carries a magnitude `m` (the size of what was added to make it): a coefficient
// below 1e-10 m is rounding left over from a cancellation and is dropped.
import { type Expr, dependsOn } from "../ast";
import type { Approach } from "./numeric";
import { literalFraction } from "../eval";

interface Term {
  readonly e: number;
  readonly c: number;
  readonly m: number;
}

interface Series {
  readonly terms: readonly Term[];
  readonly upto: number;
}

class SeriesFailure extends Error {}

const GRID = 5040;
const MAX_TERMS = 160;
const CANCEL = 1e-10;

/** Work shared by every expansion of one limit (term operations). */
export interface SeriesPool {
  left: number;
}

interface SCtx {
  readonly v: string;
  readonly x: Series;
  readonly ord: number;
  readonly pool: SeriesPool;
}

const failS = (why: string): never => {
  throw new SeriesFailure(why);
};

function snap(e: number): number {
  const k = Math.round(e * GRID);
  if (Math.abs(e * GRID - k) > 1e-6) failS("exponent not rational");
  return k / GRID;
}

function spend(ctx: SCtx, n: number): void {
  ctx.pool.left -= n;
  if (ctx.pool.left < 0) failS("budget");
}

const constant = (c: number): Series =>
  c === 0 ? { terms: [], upto: Infinity } : { terms: [{ e: 0, c, m: Math.abs(c) }], upto: Infinity };

function finish(acc: Map<number, { c: number; m: number }>, upto: number): Series {
  const terms: Term[] = [];
  for (const [e, { c, m }] of acc) {
    if (e >= upto) continue;
    if (!Number.isFinite(c) || !Number.isFinite(m)) failS("overflow");
    if (c === 0 || Math.abs(c) <= CANCEL * m) continue;
    terms.push({ e, c, m });
  }
  if (terms.length > MAX_TERMS) failS("too many terms");
  terms.sort((p, q) => p.e - q.e);
  return { terms, upto };
}

function put(acc: Map<number, { c: number; m: number }>, e: number, c: number, m: number): void {
  const g = acc.get(e);
  if (g) {
    g.c += c;
    g.m = Math.max(g.m, m);
  } else acc.set(e, { c, m });
}

function addS(list: readonly Series[], cap: number, ctx: SCtx): Series {
  let upto = cap;
  for (const s of list) upto = Math.min(upto, s.upto);
  const acc = new Map<number, { c: number; m: number }>();
  for (const s of list) {
    spend(ctx, s.terms.length);
    for (const t of s.terms) if (t.e < upto) put(acc, t.e, t.c, t.m);
  }
  return finish(acc, upto);
}

const lead = (s: Series): number => (s.terms.length ? s.terms[0]!.e : s.upto);

function mulS(a: Series, b: Series, cap: number, ctx: SCtx): Series {
  const upto = Math.min(cap, a.upto + lead(b), b.upto + lead(a));
  spend(ctx, a.terms.length * b.terms.length + 1);
  const acc = new Map<number, { c: number; m: number }>();
  for (const p of a.terms)
    for (const q of b.terms) {
      const e = snap(p.e + q.e);
      if (e < upto) put(acc, e, p.c * q.c, p.m * q.m);
    }
  return finish(acc, upto);
}

function scaleS(a: Series, k: number): Series {
  if (k === 0) return constant(0);
  return { terms: a.terms.map((t) => ({ e: t.e, c: t.c * k, m: t.m * Math.abs(k) })), upto: a.upto };
}

function shiftS(a: Series, d: number): Series {
  return { terms: a.terms.map((t) => ({ ...t, e: snap(t.e + d) })), upto: a.upto + d };
}

/** sum_k coef(k) r^k for a series r of positive order, truncated below `cap`. */
function compose(r: Series, coef: (k: number) => number, cap: number, ctx: SCtx): Series {
  const upto = Math.min(cap, r.upto);
  const c0 = coef(0);
  if (r.terms.length === 0) return { terms: c0 === 0 ? [] : [{ e: 0, c: c0, m: Math.abs(c0) }], upto };
  const r0 = r.terms[0]!.e;
  if (!(r0 > 0)) failS("compose needs positive order");
  if (!Number.isFinite(upto)) failS("unbounded order");
  const K = Math.ceil(upto / r0);
  if (K > 64) failS("too many powers");
  const parts: Series[] = [constant(c0)];
  let p: Series = constant(1);
  for (let k = 1; k <= K; k++) {
    p = mulS(p, r, upto, ctx);
    const ck = coef(k);
    if (ck !== 0) parts.push(scaleS(p, ck));
  }
  return addS(parts, upto, ctx);
}

/** Split s = c t^q (1 + r): the leading term and the relative rest. */
function split(s: Series): { c: number; q: number; r: Series } {
  const first = s.terms[0];
  if (!first) return failS("order unknown");
  const r: Series = {
    terms: s.terms
      .slice(1)
      .map((t) => ({ e: snap(t.e - first.e), c: t.c / first.c, m: t.m / Math.abs(first.c) })),
    upto: s.upto - first.e,
  };
  return { c: first.c, q: first.e, r };
}

function powS(s: Series, p: number, oddRoot: boolean, ctx: SCtx): Series {
  if (s.terms.length === 0) {
    if (s.upto === Infinity && p > 0) return constant(0);
    return failS("power of unknown order");
  }
  const { c, q, r } = split(s);
  let cp: number;
  if (c > 0) cp = Math.pow(c, p);
  else if (Number.isInteger(p)) cp = Math.pow(c, p);
  else if (oddRoot) cp = -Math.pow(-c, p);
  else return failS("power of a negative base");
  const qp = snap(q * p);
  const binom = (k: number): number => {
    let b = 1;
    for (let i = 0; i < k; i++) b *= (p - i) / (i + 1);
    return b;
  };
  // at least a few orders relative to the leading term, however high that is: x^50 at a zero of x
  const body = compose(r, binom, Math.max(ctx.ord - qp, 4), ctx);
  return shiftS(scaleS(body, cp), qp);
}

/** Parts of a series of non-negative order: its constant term and the rest. */
function constantAndRest(s: Series): { c0: number; rest: Series } {
  if (s.upto <= 0) failS("constant term unknown");
  let c0 = 0;
  const terms: Term[] = [];
  for (const t of s.terms) {
    if (t.e < 0) failS("essential singularity");
    if (t.e === 0) c0 = t.c;
    else terms.push(t);
  }
  return { c0, rest: { terms, upto: s.upto } };
}

const fact = (k: number): number => {
  let f = 1;
  for (let i = 2; i <= k; i++) f *= i;
  return f;
};
const EXP = (k: number): number => 1 / fact(k);
const SIN = (k: number): number => (k % 2 === 1 ? (((k - 1) / 2) % 2 === 0 ? 1 / fact(k) : -1 / fact(k)) : 0);
const COS = (k: number): number => (k % 2 === 0 ? ((k / 2) % 2 === 0 ? 1 / fact(k) : -1 / fact(k)) : 0);
const ATAN = (k: number): number => (k % 2 === 1 ? (((k - 1) / 2) % 2 === 0 ? 1 / k : -1 / k) : 0);
const LOG1P = (k: number): number => (k === 0 ? 0 : k % 2 === 1 ? 1 / k : -1 / k);

/** A value that should be 0 (sin(pi), cos(pi/2)) but is rounding. */
const tidy = (y: number, scale: number): number =>
  Math.abs(y) < 1e-13 * Math.max(1, Math.abs(scale)) ? 0 : y;

function expS(s: Series, ctx: SCtx): Series {
  const { c0, rest } = constantAndRest(s);
  if (Math.abs(c0) > 700) failS("overflow");
  return scaleS(compose(rest, EXP, ctx.ord, ctx), Math.exp(c0));
}

function lnS(s: Series, ctx: SCtx): Series {
  const { c, q, r } = split(s);
  if (q !== 0) failS("logarithmic term");
  if (!(c > 0)) failS("log of a negative number");
  return addS([constant(Math.log(c)), compose(r, LOG1P, ctx.ord, ctx)], ctx.ord, ctx);
}

function sinCos(s: Series, ctx: SCtx): { sin: Series; cos: Series } {
  const { c0, rest } = constantAndRest(s);
  const sr = compose(rest, SIN, ctx.ord, ctx);
  const cr = compose(rest, COS, ctx.ord, ctx);
  const s0 = tidy(Math.sin(c0), c0);
  const k0 = tidy(Math.cos(c0), c0);
  return {
    sin: addS([scaleS(cr, s0), scaleS(sr, k0)], ctx.ord, ctx),
    cos: addS([scaleS(cr, k0), scaleS(sr, -s0)], ctx.ord, ctx),
  };
}

function invS(s: Series, ctx: SCtx): Series {
  return powS(s, -1, false, ctx);
}

function atanS(s: Series, ctx: SCtx, depth = 0): Series {
  if (depth > 2) failS("atan");
  const first = s.terms[0];
  if (first && first.e < 0) {
    // atan u = sign(u) pi/2 - atan(1/u) for large |u|
    return addS(
      [constant(Math.sign(first.c) * (Math.PI / 2)), scaleS(atanS(invS(s, ctx), ctx, depth + 1), -1)],
      ctx.ord,
      ctx,
    );
  }
  const { c0, rest } = constantAndRest(s);
  if (c0 === 0) return compose(rest, ATAN, ctx.ord, ctx);
  // atan(c0 + r) = atan(c0) + atan(r / (1 + c0^2 + c0 r))
  const den = addS([constant(1 + c0 * c0), scaleS(rest, c0)], ctx.ord, ctx);
  const inner = mulS(rest, invS(den, ctx), ctx.ord, ctx);
  return addS([constant(Math.atan(c0)), atanS(inner, ctx, depth + 1)], ctx.ord, ctx);
}

function asinS(s: Series, ctx: SCtx): Series {
  // asin u = atan(u / sqrt(1 - u^2)), and the atan of a large argument is handled above
  const oneMinus = addS([constant(1), scaleS(mulS(s, s, ctx.ord, ctx), -1)], ctx.ord, ctx);
  return atanS(mulS(s, powS(oneMinus, -0.5, false, ctx), ctx.ord, ctx), ctx);
}

function callS(fn: string, a: Series, ctx: SCtx): Series {
  const ord = ctx.ord;
  const sub = (p: Series, q: Series): Series => addS([p, scaleS(q, -1)], ord, ctx);
  switch (fn) {
    case "sin":
      return sinCos(a, ctx).sin;
    case "cos":
      return sinCos(a, ctx).cos;
    case "tan": {
      const sc = sinCos(a, ctx);
      return mulS(sc.sin, invS(sc.cos, ctx), ord, ctx);
    }
    case "cot": {
      const sc = sinCos(a, ctx);
      return mulS(sc.cos, invS(sc.sin, ctx), ord, ctx);
    }
    case "sec":
      return invS(sinCos(a, ctx).cos, ctx);
    case "csc":
      return invS(sinCos(a, ctx).sin, ctx);
    case "exp":
      return expS(a, ctx);
    case "ln":
      return lnS(a, ctx);
    case "log10":
      return scaleS(lnS(a, ctx), 1 / Math.LN10);
    case "log2":
      return scaleS(lnS(a, ctx), 1 / Math.LN2);
    case "sqrt":
      return powS(a, 0.5, false, ctx);
    case "abs":
    case "sign": {
      const first = a.terms[0];
      if (!first && a.upto === Infinity) return constant(0);
      if (!first) return failS("sign unknown");
      if (fn === "sign") return constant(Math.sign(first.c));
      return first.c < 0 ? scaleS(a, -1) : a;
    }
    case "atan":
      return atanS(a, ctx);
    case "acot":
      return sub(constant(Math.PI / 2), atanS(a, ctx));
    case "asin":
      return asinS(a, ctx);
    case "acos":
      return sub(constant(Math.PI / 2), asinS(a, ctx));
    case "asec":
      return sub(constant(Math.PI / 2), asinS(invS(a, ctx), ctx));
    case "acsc":
      return asinS(invS(a, ctx), ctx);
    case "sinh":
    case "cosh":
    case "tanh": {
      const p = expS(a, ctx);
      const m = expS(scaleS(a, -1), ctx);
      if (fn === "sinh") return scaleS(sub(p, m), 0.5);
      if (fn === "cosh") return scaleS(addS([p, m], ord, ctx), 0.5);
      return mulS(sub(p, m), invS(addS([p, m], ord, ctx), ctx), ord, ctx);
    }
    default:
      return failS("function");
  }
}

/** The value of a constant part, expanded by the same rules (1/sin(pi) fails rather than being 8e15). */
function constValue(e: Expr, ctx: SCtx): number {
  if (e.kind === "num") return e.value;
  const s = build(e, ctx);
  if (s.upto <= 0 || s.terms.some((t) => t.e !== 0)) return failS("constant not finite");
  return s.terms[0]?.c ?? 0;
}

function build(e: Expr, ctx: SCtx): Series {
  spend(ctx, 1);
  switch (e.kind) {
    case "num":
      return constant(e.value);
    case "const":
      return constant(e.name === "pi" ? Math.PI : Math.E);
    case "var":
      if (e.name !== ctx.v) return failS("another variable");
      return ctx.x;
    case "add":
      return addS(
        e.terms.map((t) => build(t, ctx)),
        ctx.ord,
        ctx,
      );
    case "mul": {
      let acc = build(e.factors[0]!, ctx);
      for (const f of e.factors.slice(1)) acc = mulS(acc, build(f, ctx), ctx.ord, ctx);
      return acc;
    }
    case "neg":
      return scaleS(build(e.arg, ctx), -1);
    case "div":
      return mulS(build(e.num, ctx), invS(build(e.den, ctx), ctx), ctx.ord, ctx);
    case "pow": {
      if (!dependsOn(e.exp, ctx.v)) {
        const frac = literalFraction(e.exp);
        const p = frac ? frac.p / frac.q : constValue(e.exp, ctx);
        const oddRoot = frac !== null && frac.q % 2 === 1;
        if (frac && frac.q === 1 && frac.p >= 0 && frac.p <= 12) {
          const b = build(e.base, ctx);
          let acc = constant(1);
          for (let i = 0; i < frac.p; i++) acc = mulS(acc, b, ctx.ord, ctx);
          return acc;
        }
        return powS(build(e.base, ctx), p, oddRoot, ctx);
      }
      const g = build(e.exp, ctx);
      if (!dependsOn(e.base, ctx.v)) {
        const b = constValue(e.base, ctx);
        if (!(b > 0)) failS("base");
        return expS(scaleS(g, Math.log(b)), ctx);
      }
      return expS(mulS(g, lnS(build(e.base, ctx), ctx), ctx.ord, ctx), ctx);
    }
    case "call":
      return callS(e.fn, build(e.arg, ctx), ctx);
    case "logb":
      return scaleS(lnS(build(e.arg, ctx), ctx), 1 / Math.log(e.base));
  }
}

/** The leading term c * t^e of the expansion (t = x - a, a - x, 1/x or -1/x), or null. */
export function seriesLeading(
  e: Expr,
  v: string,
  t: Approach,
  pool: SeriesPool,
): { c: number; e: number } | null {
  const x = variableSeries(t);
  for (const ord of [4, 8, 14]) {
    try {
      const s = build(e, { v, x, ord, pool });
      const first = s.terms[0];
      if (first) return { c: first.c, e: first.e };
    } catch (err) {
      if (err instanceof SeriesFailure && RETRY.has(err.message)) continue;
      if (err instanceof SeriesFailure || err instanceof RangeError) return null;
      throw err;
    }
  }
  return null;
}

const RETRY = new Set(["order unknown", "constant term unknown", "power of unknown order", "sign unknown"]);

function variableSeries(t: Approach): Series {
  if (t.kind === "inf") return { terms: [{ e: -1, c: t.s, m: 1 }], upto: Infinity };
  const terms: Term[] = [];
  if (t.a !== 0) terms.push({ e: 0, c: t.a, m: Math.abs(t.a) });
  terms.push({ e: 1, c: t.s, m: 1 });
  return { terms, upto: Infinity };
}

/** The limit as read from a series: a number, or an infinity with its sign. */
export type SeriesLimit = { k: "fin"; v: number } | { k: "inf"; s: 1 | -1 };

/** The limit of `e` as `v` approaches the target, by series expansion, or null when it does not apply. */
export function seriesLimit(e: Expr, v: string, t: Approach, pool: SeriesPool): SeriesLimit | null {
  const x = variableSeries(t);
  for (const ord of [4, 8, 14]) {
    const ctx: SCtx = { v, x, ord, pool };
    let s: Series;
    try {
      s = build(e, ctx);
    } catch (err) {
      if (err instanceof SeriesFailure) {
        if (RETRY.has(err.message)) continue;
        return null;
      }
      if (err instanceof RangeError) return null;
      throw err;
    }
    const first = s.terms[0];
    if (first) {
      if (first.e < 0) return { k: "inf", s: first.c > 0 ? 1 : -1 };
      if (first.e === 0) return { k: "fin", v: first.c };
      return { k: "fin", v: 0 };
    }
    if (s.upto > 0) return { k: "fin", v: 0 };
  }
  return null;
}
