// Limits of function calls: continuous functions by substitution, logarithms and roots at the edge of
// their domain, the trigonometric poles, every function at +/-infinity, and images of oscillations.
import { type Expr, type UnaryFunction, call, cnst, dependsOn, div, neg, num } from "../ast";
import { limitOf } from "./laws";
import { signNear } from "./numeric";
import { type SideSearch, bySeries } from "./search";
import {
  ROUNDING,
  type Tendency,
  ZERO,
  finite,
  finiteTidy,
  infinite,
  oscillating,
  roundedZero,
  undecided,
} from "./value";

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

export function limitOfCall(fn: UnaryFunction, arg: Expr, c: SideSearch): Tendency {
  const a = limitOf(arg, c);
  if (a.k === "unk") return bySeries(call(fn, arg), c, a.why);
  const exact = (y: number): Tendency => finite(y, a.k === "fin" && a.x ? call(fn, a.x) : undefined);
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
    return limitOf(q, c);
  }
  switch (a.k) {
    case "fin": {
      const v = a.v;
      const f = CONTINUOUS[fn];
      if (f) return finiteTidy(f(v), Math.abs(v), a.x && call(fn, a.x));
      switch (fn) {
        case "ln":
        case "log10":
        case "log2":
          if (v > 0) return exact(fn === "ln" ? Math.log(v) : fn === "log10" ? Math.log10(v) : Math.log2(v));
          if (v === 0) {
            if (!dependsOn(arg, c.variable)) return undecided("log of 0");
            if (roundedZero(a)) return undecided(ROUNDING);
            c.methods.add("laws");
            return infinite(-1);
          }
          return undecided("log of a negative number");
        case "sqrt":
          return v >= 0 ? exact(Math.sqrt(v)) : undecided("sqrt of a negative number");
        case "sign": {
          if (v !== 0) return finite(Math.sign(v), num(Math.sign(v)));
          if (!dependsOn(arg, c.variable)) return ZERO;
          c.methods.add("laws");
          const s = signNear(arg, c.variable, c.approach);
          return Number.isNaN(s) ? undecided("sign changes near the point") : finite(s, num(s));
        }
        case "asin":
        case "acos": {
          if (Math.abs(v) > 1 + 1e-12) return undecided("outside the domain");
          const u = Math.max(-1, Math.min(1, v));
          return exact(fn === "asin" ? Math.asin(u) : Math.acos(u));
        }
        case "asec":
        case "acsc": {
          if (Math.abs(v) < 1 - 1e-12) return undecided("outside the domain");
          const u = Math.max(-1, Math.min(1, 1 / v));
          return exact(fn === "asec" ? Math.acos(u) : Math.asin(u));
        }
        default:
          return undecided("function");
      }
    }
    case "inf": {
      const s = a.s;
      c.methods.add("laws");
      switch (fn) {
        case "exp":
          return s > 0 ? infinite(1) : ZERO;
        case "ln":
        case "log10":
        case "log2":
        case "sqrt":
          return s > 0 ? infinite(1) : undecided("outside the domain");
        case "abs":
        case "cosh":
          return infinite(1);
        case "sinh":
          return infinite(s);
        case "sign":
        case "tanh":
          return finite(s, num(s));
        case "atan":
          return finite((s * Math.PI) / 2, s > 0 ? PI2 : neg(PI2));
        case "acot":
          return s > 0 ? ZERO : finite(Math.PI, cnst("pi"));
        case "asec":
          return finite(Math.PI / 2, PI2);
        case "acsc":
          return ZERO;
        case "sin":
        case "cos":
          return oscillating(-1, 1);
        default:
          return undecided("function at infinity");
      }
    }
    case "osc": {
      const { lo, hi } = a;
      const inc = INCREASING[fn];
      if (inc) {
        const y0 = inc(lo);
        const y1 = inc(hi);
        return Number.isFinite(y0) && Number.isFinite(y1)
          ? oscillating(y0, y1)
          : undecided("outside the domain");
      }
      switch (fn) {
        case "sin":
          return oscillating(...sinInterval(lo, hi));
        case "cos":
          return oscillating(...sinInterval(lo + Math.PI / 2, hi + Math.PI / 2));
        case "acos":
        case "acot": {
          const f = fn === "acos" ? Math.acos : (u: number) => Math.PI / 2 - Math.atan(u);
          const y0 = f(hi);
          const y1 = f(lo);
          return Number.isFinite(y0) && Number.isFinite(y1)
            ? oscillating(y0, y1)
            : undecided("outside the domain");
        }
        case "abs":
        case "cosh": {
          const m = lo >= 0 ? [lo, hi] : hi <= 0 ? [-hi, -lo] : [0, Math.max(-lo, hi)];
          return fn === "abs" ? oscillating(m[0]!, m[1]!) : oscillating(Math.cosh(m[0]!), Math.cosh(m[1]!));
        }
        case "sign":
          return lo > 0
            ? finite(1, num(1))
            : hi < 0
              ? finite(-1, num(-1))
              : undecided("sign of an oscillation");
        default:
          return undecided("function of an oscillation");
      }
    }
    case "uosc":
      return undecided("function of an unbounded oscillation");
  }
}
