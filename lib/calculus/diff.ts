// Symbolic differentiation by a table of rules, with an optional trace of which rule was applied to
// which subexpression (for worked solutions). Results are simplified to textbook form.
import { type Expr, type UnaryFunction, add, call, dependsOn, div, mul, neg, num, pow, sub } from "./ast";
import { fail, type Result } from "./errors";
import { simplify } from "./simplify";

export type DiffRule =
  | "constant"
  | "variable"
  | "sum"
  | "constant multiple"
  | "product"
  | "quotient"
  | "reciprocal"
  | "power"
  | "exponential"
  | "general power"
  | "function"
  | "chain";

/** One step of a worked derivative: `rule` turned d/dvar `expr` into `derivative` (simplified). */
export interface DiffStep {
  readonly rule: DiffRule;
  /** For "function" and "chain": the outer function, e.g. "sin". */
  readonly fn?: UnaryFunction | "log_b";
  readonly expr: Expr;
  readonly derivative: Expr;
  readonly steps: readonly DiffStep[];
}

const ZERO = num(0);
const ONE = num(1);
const TWO = num(2);

const sqr = (u: Expr): Expr => pow(u, TWO);

/** d/du of an outer function, as an expression in u. */
function outer(fn: UnaryFunction, u: Expr): Expr {
  switch (fn) {
    case "sin":
      return call("cos", u);
    case "cos":
      return neg(call("sin", u));
    case "tan":
      return sqr(call("sec", u));
    case "sec":
      return mul(call("sec", u), call("tan", u));
    case "csc":
      return neg(mul(call("csc", u), call("cot", u)));
    case "cot":
      return neg(sqr(call("csc", u)));
    case "asin":
      return div(ONE, call("sqrt", sub(ONE, sqr(u))));
    case "acos":
      return neg(div(ONE, call("sqrt", sub(ONE, sqr(u)))));
    case "atan":
      return div(ONE, add(ONE, sqr(u)));
    case "asec":
      return div(ONE, mul(call("abs", u), call("sqrt", sub(sqr(u), ONE))));
    case "acsc":
      return neg(div(ONE, mul(call("abs", u), call("sqrt", sub(sqr(u), ONE)))));
    case "acot":
      return neg(div(ONE, add(ONE, sqr(u))));
    case "sinh":
      return call("cosh", u);
    case "cosh":
      return call("sinh", u);
    case "tanh":
      return div(ONE, sqr(call("cosh", u)));
    case "exp":
      return call("exp", u);
    case "ln":
      return div(ONE, u);
    case "log10":
      return div(ONE, mul(u, call("ln", num(10))));
    case "log2":
      return div(ONE, mul(u, call("ln", num(2))));
    case "sqrt":
      return div(ONE, mul(TWO, call("sqrt", u)));
    case "abs":
      return div(u, call("abs", u));
    case "sign":
      return ZERO;
  }
}

/**
 * Typical wrong methods, applied everywhere the rule occurs: they give the keys that a wrong answer is
 * compared with to name the mistake (docs/grading.md, "Common-mistake diagnosis").
 */
export type Mistake =
  | "no-inner-derivative"
  | "product-of-derivatives"
  | "reversed-quotient"
  | "quotient-of-derivatives"
  | "exponent-not-lowered";

interface Ctx {
  readonly v: string;
  readonly trace: boolean;
  readonly mistake?: Mistake;
}

/** The inner derivative as the method multiplies it in: forgotten in the chain-rule mistake. */
function innerFactor(ctx: Ctx, inner: Raw): Expr {
  return ctx.mistake === "no-inner-derivative" ? ONE : inner.d;
}

interface Raw {
  readonly d: Expr;
  readonly steps: DiffStep[];
}

function step(ctx: Ctx, rule: DiffRule, expr: Expr, d: Expr, steps: DiffStep[], fn?: DiffStep["fn"]): Raw {
  if (!ctx.trace) return { d, steps };
  const s = simplify(d);
  const derivative = s.ok ? s.expr : d;
  const st: DiffStep =
    fn === undefined ? { rule, expr, derivative, steps } : { rule, fn, expr, derivative, steps };
  return { d, steps: [st] };
}

function isZero(e: Expr): boolean {
  return e.kind === "num" && e.value === 0;
}

/** Raw (unsimplified) derivative with its trace. */
function d(e: Expr, ctx: Ctx): Raw {
  const { v } = ctx;
  if (!dependsOn(e, v)) return step(ctx, "constant", e, ZERO, []);
  switch (e.kind) {
    case "num":
    case "const":
      return step(ctx, "constant", e, ZERO, []);
    case "var":
      return step(ctx, "variable", e, ONE, []);
    case "add": {
      const parts = e.terms.map((t) => d(t, ctx));
      return step(
        ctx,
        "sum",
        e,
        add(...parts.map((p) => p.d)),
        parts.flatMap((p) => p.steps),
      );
    }
    case "neg": {
      const inner = d(e.arg, ctx);
      return step(ctx, "constant multiple", e, neg(inner.d), inner.steps);
    }
    case "mul": {
      const varying = e.factors.filter((f) => dependsOn(f, v));
      if (varying.length === 1) {
        const inner = d(varying[0]!, ctx);
        const constants = e.factors.filter((f) => !dependsOn(f, v));
        return step(ctx, "constant multiple", e, mul(...constants, inner.d), inner.steps);
      }
      if (varying.length > 8 && !ctx.trace) {
        // Many varying factors: collect like ones first (x*x*...*x is x^n), so the product rule does
        // not write n terms of n factors.
        const collected = simplify(e);
        if (collected.ok && collected.expr.kind !== "mul") return d(collected.expr, ctx);
        if (
          collected.ok &&
          collected.expr.kind === "mul" &&
          collected.expr.factors.length < e.factors.length
        ) {
          return d(collected.expr, ctx);
        }
      }
      if (varying.length * e.factors.length > 40_000) throw new RangeError("product too large");
      const parts = e.factors.map((f) => (dependsOn(f, v) ? d(f, ctx) : null));
      if (ctx.mistake === "product-of-derivatives") {
        return step(ctx, "product", e, mul(...e.factors.map((f, i) => parts[i]?.d ?? f)), []);
      }
      const terms: Expr[] = [];
      e.factors.forEach((_, i) => {
        const p = parts[i];
        if (!p) return;
        terms.push(mul(...e.factors.map((g, j) => (j === i ? p.d : g))));
      });
      return step(
        ctx,
        "product",
        e,
        add(...terms),
        parts.flatMap((p) => p?.steps ?? []),
      );
    }
    case "div": {
      const topVaries = dependsOn(e.num, v);
      const bottomVaries = dependsOn(e.den, v);
      if (!bottomVaries) {
        const inner = d(e.num, ctx);
        return step(ctx, "constant multiple", e, div(inner.d, e.den), inner.steps);
      }
      const g = d(e.den, ctx);
      if (!topVaries) {
        // c/g: the reciprocal rule, -c g' / g^2
        return step(ctx, "reciprocal", e, neg(div(mul(e.num, g.d), sqr(e.den))), g.steps);
      }
      const f = d(e.num, ctx);
      if (ctx.mistake === "quotient-of-derivatives") return step(ctx, "quotient", e, div(f.d, g.d), []);
      const numerator =
        ctx.mistake === "reversed-quotient"
          ? sub(mul(e.num, g.d), mul(f.d, e.den))
          : sub(mul(f.d, e.den), mul(e.num, g.d));
      return step(ctx, "quotient", e, div(numerator, sqr(e.den)), [...f.steps, ...g.steps]);
    }
    case "pow": {
      const baseVaries = dependsOn(e.base, v);
      const expVaries = dependsOn(e.exp, v);
      if (!expVaries) {
        const inner = d(e.base, ctx);
        // The power rule with the exponent brought down but not lowered: n u^n instead of n u^(n-1).
        const lowered = ctx.mistake === "exponent-not-lowered" ? e.exp : sub(e.exp, ONE);
        const outerD = mul(e.exp, pow(e.base, lowered));
        const rule: DiffRule = e.base.kind === "var" ? "power" : "chain";
        return step(ctx, rule, e, mul(outerD, innerFactor(ctx, inner)), inner.steps);
      }
      const inner = d(e.exp, ctx);
      if (!baseVaries) {
        // 0^u and 1^u are constant wherever they are defined.
        if (e.base.kind === "num" && (e.base.value === 0 || e.base.value === 1))
          return step(ctx, "constant", e, ZERO, []);
        const lnBase = e.base.kind === "const" && e.base.name === "e" ? ONE : call("ln", e.base);
        return step(ctx, "exponential", e, mul(e, lnBase, innerFactor(ctx, inner)), inner.steps);
      }
      // f^g = e^(g ln f): (f^g)' = f^g (g' ln f + g f'/f)
      const f = d(e.base, ctx);
      const dd = mul(e, add(mul(inner.d, call("ln", e.base)), div(mul(e.exp, f.d), e.base)));
      return step(ctx, "general power", e, dd, [...inner.steps, ...f.steps]);
    }
    case "call": {
      const inner = d(e.arg, ctx);
      const o = outer(e.fn, e.arg);
      const rule: DiffRule = e.arg.kind === "var" ? "function" : "chain";
      return step(ctx, rule, e, isZero(o) ? ZERO : mul(o, innerFactor(ctx, inner)), inner.steps, e.fn);
    }
    case "logb": {
      const inner = d(e.arg, ctx);
      const o = div(ONE, mul(e.arg, call("ln", num(e.base))));
      const rule: DiffRule = e.arg.kind === "var" ? "function" : "chain";
      return step(ctx, rule, e, mul(o, innerFactor(ctx, inner)), inner.steps, "log_b");
    }
  }
}

export interface Derivative {
  readonly expr: Expr;
  readonly steps: readonly DiffStep[];
}

/** d/d`v` of `e`, simplified; with `trace`, the rule applied at each step. */
export function derivative(
  e: Expr,
  v: string,
  options: { trace?: boolean; mistake?: Mistake } = {},
): Result<Derivative> {
  let raw: Raw;
  try {
    const ctx: Ctx = options.mistake
      ? { v, trace: false, mistake: options.mistake }
      : { v, trace: options.trace ?? false };
    raw = d(e, ctx);
  } catch (err) {
    if (err instanceof RangeError)
      return fail("RESULT_TOO_LARGE", "This expression is too large to differentiate.");
    throw err;
  }
  const s = simplify(raw.d);
  if (!s.ok) return fail("RESULT_TOO_LARGE", "The derivative is too large to write out.");
  return { ok: true, expr: s.expr, steps: raw.steps };
}

/** The gradient: one partial derivative per variable, in order. */
export function gradient(e: Expr, vars: readonly string[]): Result<{ exprs: Expr[] }> {
  const exprs: Expr[] = [];
  for (const v of vars) {
    const r = derivative(e, v);
    if (!r.ok) return r;
    exprs.push(r.expr);
  }
  return { ok: true, exprs };
}

/** The Jacobian: row i holds the gradient of component i. */
export function jacobian(es: readonly Expr[], vars: readonly string[]): Result<{ rows: Expr[][] }> {
  const rows: Expr[][] = [];
  for (const e of es) {
    const g = gradient(e, vars);
    if (!g.ok) return g;
    rows.push(g.exprs);
  }
  return { ok: true, rows };
}

/** The Hessian: entry (i, j) is d^2 e / d vars[i] d vars[j]. */
export function hessian(e: Expr, vars: readonly string[]): Result<{ rows: Expr[][] }> {
  const g = gradient(e, vars);
  if (!g.ok) return g;
  return jacobian(g.exprs, vars);
}
