// Evaluation that also returns the magnitude of what was combined on the way to a value: a forward
// bound on the rounding error, in units of the unit roundoff. Equivalence uses it to scale its
// tolerance, so that forms that lose digits to cancellation or to large terms still agree, while
// 2x and 2.0001x do not (docs/grading.md, "Tolerance").
import type { Expr, UnaryFunction } from "./ast";
import { FUNCTIONS, literalFraction, realRootPower } from "./eval";

export type MagnitudeFn = (values: ArrayLike<number>, out: { m: number }) => number;

/** |f'(u)| for each function, to carry an argument's uncertainty through the function. */
const SLOPE: Record<UnaryFunction, (u: number, v: number) => number> = {
  sin: (u) => Math.abs(Math.cos(u)),
  cos: (u) => Math.abs(Math.sin(u)),
  tan: (u) => 1 / (Math.cos(u) * Math.cos(u)),
  sec: (u, v) => Math.abs(v * Math.tan(u)),
  csc: (u, v) => Math.abs(v / Math.tan(u)),
  cot: (u) => 1 / (Math.sin(u) * Math.sin(u)),
  asin: (u) => 1 / Math.sqrt(Math.abs(1 - u * u)),
  acos: (u) => 1 / Math.sqrt(Math.abs(1 - u * u)),
  atan: (u) => 1 / (1 + u * u),
  asec: (u) => 1 / (Math.abs(u) * Math.sqrt(Math.abs(u * u - 1))),
  acsc: (u) => 1 / (Math.abs(u) * Math.sqrt(Math.abs(u * u - 1))),
  acot: (u) => 1 / (1 + u * u),
  sinh: (u) => Math.cosh(u),
  cosh: (u) => Math.abs(Math.sinh(u)),
  tanh: (u) => 1 / (Math.cosh(u) * Math.cosh(u)),
  exp: (_u, v) => v,
  ln: (u) => 1 / Math.abs(u),
  log10: (u) => 1 / Math.abs(u * Math.LN10),
  log2: (u) => 1 / Math.abs(u * Math.LN2),
  sqrt: (_u, v) => 1 / (2 * v),
  abs: () => 1,
  sign: () => 0,
};

const FN = FUNCTIONS;

/** Compile `e` to a function returning its value and, in `out.m`, its magnitude. */
export function compileMagnitude(e: Expr, vars: readonly string[]): MagnitudeFn {
  const index = new Map<string, number>();
  vars.forEach((v, i) => index.set(v, i));
  const build = (n: Expr): MagnitudeFn => {
    switch (n.kind) {
      case "num": {
        const v = n.value;
        const m = Number.isInteger(v) ? 0 : Math.abs(v);
        return (_x, out) => {
          out.m = m;
          return v;
        };
      }
      case "const": {
        const v = n.name === "pi" ? Math.PI : Math.E;
        return (_x, out) => {
          out.m = v;
          return v;
        };
      }
      case "var": {
        const i = index.get(n.name);
        return (x, out) => {
          const v = i === undefined ? NaN : x[i]!;
          out.m = Math.abs(v);
          return v;
        };
      }
      case "add": {
        const parts = n.terms.map(build);
        return (x, out) => {
          let s = 0;
          let m = 0;
          for (const p of parts) {
            const v = p(x, out);
            s += v;
            m += out.m + Math.abs(v);
          }
          out.m = m;
          return s;
        };
      }
      case "mul": {
        const parts = n.factors.map(build);
        return (x, out) => {
          let s = 1;
          let m = 0;
          for (const p of parts) {
            const v = p(x, out);
            m = m * Math.abs(v) + Math.abs(s) * out.m;
            s *= v;
          }
          out.m = m + Math.abs(s);
          return s;
        };
      }
      case "neg": {
        const a = build(n.arg);
        return (x, out) => -a(x, out);
      }
      case "div": {
        const a = build(n.num);
        const b = build(n.den);
        return (x, out) => {
          const va = a(x, out);
          const ma = out.m;
          const vb = b(x, out);
          const mb = out.m;
          const v = va / vb;
          out.m = ma / Math.abs(vb) + (Math.abs(va) * mb) / (vb * vb) + Math.abs(v);
          return v;
        };
      }
      case "pow": {
        const base = build(n.base);
        const frac = literalFraction(n.exp);
        const exp = build(n.exp);
        return (x, out) => {
          const vb = base(x, out);
          const mb = out.m;
          const ve = exp(x, out);
          const me = frac ? 0 : out.m;
          const v =
            frac && frac.q !== 1 ? realRootPower(vb, frac.p, frac.q) : Math.pow(vb, frac ? frac.p : ve);
          const e = frac ? frac.p / frac.q : ve;
          const dBase = vb === 0 ? 0 : Math.abs((v * e) / vb);
          const dExp = vb > 0 ? Math.abs(v * Math.log(vb)) : 0;
          out.m = dBase * mb + dExp * me + Math.abs(v);
          return v;
        };
      }
      case "call": {
        const a = build(n.arg);
        const f = FN[n.fn];
        const slope = SLOPE[n.fn];
        return (x, out) => {
          const u = a(x, out);
          const v = f(u);
          out.m = slope(u, v) * out.m + Math.abs(v);
          return v;
        };
      }
      case "logb": {
        const a = build(n.arg);
        const lnb = Math.log(n.base);
        return (x, out) => {
          const u = a(x, out);
          const v = u > 0 ? Math.log(u) / lnb : NaN;
          out.m = out.m / Math.abs(u * lnb) + Math.abs(v);
          return v;
        };
      }
    }
  };
  return build(e);
}
