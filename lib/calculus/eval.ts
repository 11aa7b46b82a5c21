// Compiled evaluation over the reals: a tree becomes nested closures once, then runs many times.
// No eval or new Function: the closures come from a closed set of operations.
//
// Domain rules (docs/grading.md): outside a function's real domain the value is NaN (ln of a negative
// number, sqrt of a negative number, asin(2)); division by zero gives a non-finite value, which
// callers treat as undefined. `x^(p/q)` whose exponent is written as a fraction of integers with odd
// q is the real root for negative x (so `x^(1/3)` and `x^(2/3)` are defined for x < 0); a decimal
// exponent (`x^0.2`) is not, and neither is any other non-integer exponent of a negative base.
// Inverse cofunctions: asec(u) = acos(1/u), acsc(u) = asin(1/u), acot(u) = pi/2 - atan(u) (continuous,
// range (0, pi)).
import type { Expr, UnaryFunction } from "./ast";

export type Compiled = (values: ArrayLike<number>) => number;

export type CompileResult = { ok: true; fn: Compiled } | { ok: false; unknown: string };

/** Each function over the reals (NaN outside its domain), shared by every evaluator. */
export const FUNCTIONS: Record<UnaryFunction, (u: number) => number> = {
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  sec: (u) => 1 / Math.cos(u),
  csc: (u) => 1 / Math.sin(u),
  cot: (u) => Math.cos(u) / Math.sin(u),
  asin: Math.asin,
  acos: Math.acos,
  atan: Math.atan,
  asec: (u) => Math.acos(1 / u),
  acsc: (u) => Math.asin(1 / u),
  acot: (u) => Math.PI / 2 - Math.atan(u),
  sinh: Math.sinh,
  cosh: Math.cosh,
  tanh: Math.tanh,
  exp: Math.exp,
  ln: (u) => (u > 0 ? Math.log(u) : NaN),
  log10: (u) => (u > 0 ? Math.log10(u) : NaN),
  log2: (u) => (u > 0 ? Math.log2(u) : NaN),
  sqrt: Math.sqrt,
  abs: Math.abs,
  sign: Math.sign,
};

/** An exponent written as a fraction of integers, `p/q` in lowest terms, or null. */
export function literalFraction(e: Expr): { p: number; q: number } | null {
  if (e.kind === "num") return Number.isInteger(e.value) ? { p: e.value, q: 1 } : null;
  if (e.kind === "neg") {
    const inner = literalFraction(e.arg);
    return inner && { p: -inner.p, q: inner.q };
  }
  if (e.kind === "div") {
    const a = literalFraction(e.num);
    const b = literalFraction(e.den);
    if (!a || !b || a.q !== 1 || b.q !== 1 || b.p === 0) return null;
    let p = a.p;
    let q = b.p;
    if (q < 0) {
      p = -p;
      q = -q;
    }
    const g = gcd(Math.abs(p), q);
    return { p: p / g, q: q / g };
  }
  return null;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a || 1;
}

/** Real power with the odd-root rule for a literal fraction exponent p/q. */
export function realRootPower(base: number, p: number, q: number): number {
  if (base >= 0 || q % 2 === 0) return Math.pow(base, p / q);
  const magnitude = Math.pow(-base, p / q);
  return p % 2 === 0 ? magnitude : -magnitude;
}

/** Compile `e` for the variables in `vars` (values are passed in that order). */
export function compile(e: Expr, vars: readonly string[]): CompileResult {
  const index = new Map<string, number>();
  vars.forEach((v, i) => index.set(v, i));
  let unknown: string | null = null;
  const build = (n: Expr): Compiled => {
    switch (n.kind) {
      case "num": {
        const v = n.value;
        return () => v;
      }
      case "const": {
        const v = n.name === "pi" ? Math.PI : Math.E;
        return () => v;
      }
      case "var": {
        const i = index.get(n.name);
        if (i === undefined) {
          unknown ??= n.name;
          return () => NaN;
        }
        return (x) => x[i]!;
      }
      case "add": {
        const parts = n.terms.map(build);
        if (parts.length === 2) {
          const [a, b] = parts as [Compiled, Compiled];
          return (x) => a(x) + b(x);
        }
        return (x) => {
          let s = 0;
          for (const p of parts) s += p(x);
          return s;
        };
      }
      case "mul": {
        const parts = n.factors.map(build);
        if (parts.length === 2) {
          const [a, b] = parts as [Compiled, Compiled];
          return (x) => a(x) * b(x);
        }
        return (x) => {
          let s = 1;
          for (const p of parts) s *= p(x);
          return s;
        };
      }
      case "neg": {
        const a = build(n.arg);
        return (x) => -a(x);
      }
      case "div": {
        const a = build(n.num);
        const b = build(n.den);
        return (x) => a(x) / b(x);
      }
      case "pow": {
        const base = build(n.base);
        const frac = literalFraction(n.exp);
        if (frac) {
          const { p, q } = frac;
          if (q === 1) {
            if (p === 2)
              return (x) => {
                const b = base(x);
                return b * b;
              };
            return (x) => Math.pow(base(x), p);
          }
          return (x) => realRootPower(base(x), p, q);
        }
        const exp = build(n.exp);
        if (n.base.kind === "const" && n.base.name === "e") return (x) => Math.exp(exp(x));
        return (x) => Math.pow(base(x), exp(x));
      }
      case "call": {
        const a = build(n.arg);
        // Direct calls for the common functions keep each call site monomorphic (and fast).
        switch (n.fn) {
          case "sin":
            return (x) => Math.sin(a(x));
          case "cos":
            return (x) => Math.cos(a(x));
          case "tan":
            return (x) => Math.tan(a(x));
          case "exp":
            return (x) => Math.exp(a(x));
          case "sqrt":
            return (x) => Math.sqrt(a(x));
          case "abs":
            return (x) => Math.abs(a(x));
          case "ln":
            return (x) => {
              const u = a(x);
              return u > 0 ? Math.log(u) : NaN;
            };
          default: {
            const f = FUNCTIONS[n.fn];
            return (x) => f(a(x));
          }
        }
      }
      case "logb": {
        const a = build(n.arg);
        const lnb = Math.log(n.base);
        return (x) => {
          const u = a(x);
          return u > 0 ? Math.log(u) / lnb : NaN;
        };
      }
    }
  };
  const fn = build(e);
  return unknown === null ? { ok: true, fn } : { ok: false, unknown };
}

/** Evaluate once with named values (slower than compile; for tests and one-off use). */
export function evaluate(e: Expr, scope: Readonly<Record<string, number>>): number {
  const vars = Object.keys(scope);
  const c = compile(e, vars);
  if (!c.ok) return NaN;
  return c.fn(vars.map((v) => scope[v]!));
}
