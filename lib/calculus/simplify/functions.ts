// Functions of simplified arguments: exact values folded (trigonometric functions at multiples of
// pi, inverse ones at their textbook values, logarithms of powers), and the value of a constant tree.
import { type Q, ONE, addQ, isExact, isNegative, isZero, negQ, value } from "../rational";
import { type InnerFunction, type N, type Run, N_MINUS_ONE, N_ONE, N_ZERO, nq, spend } from "./internal";
import { makeMul, makePow } from "./products";

const ZERO_AT_ZERO = new Set<InnerFunction>(["sin", "tan", "asin", "atan", "sinh", "tanh"]);

/** arg as k*pi with k rational, or null. */
function piMultiple(arg: N): Q | null {
  if (arg.k === "const" && arg.name === "pi") return ONE;
  if (arg.k === "mul" && arg.factors.length === 2) {
    const [c, p] = arg.factors;
    if (c?.k === "num" && isExact(c.q) && !c.q.dec && p?.k === "const" && p.name === "pi") return c.q;
  }
  return null;
}

const HALF: Q = { n: 1, d: 2 };

/** sin(k*pi) exactly for k a multiple of 1/6 or 1/4, else null. */
function exactSin(k: Q, b: Run): N | null {
  if (!(k.d === 1 || k.d === 2 || k.d === 3 || k.d === 4 || k.d === 6)) return null;
  // Reduce to [0, 2) and then to a reference angle in [0, 1/2] with a sign.
  const twelfths = ((Math.round((k.n * 12) / k.d) % 24) + 24) % 24;
  const sign = twelfths >= 12 ? -1 : 1;
  let r = twelfths % 12;
  if (r > 6) r = 12 - r;
  const sqrtOf = (n: number): N => ({ k: "pow", base: nq({ n, d: 1 }), exp: nq(HALF) });
  let v: N;
  switch (r) {
    case 0:
      return N_ZERO;
    case 2:
      v = nq(HALF);
      break;
    case 3:
      v = makeMul([nq(HALF), sqrtOf(2)], b);
      break;
    case 4:
      v = makeMul([nq(HALF), sqrtOf(3)], b);
      break;
    case 6:
      v = N_ONE;
      break;
    default:
      return null;
  }
  return sign < 0 ? makeMul([N_MINUS_ONE, v], b) : v;
}

/** Trigonometric functions at rational multiples of pi with textbook values, or null. */
function specialTrig(fn: InnerFunction, arg: N, b: Run): N | null {
  const k = piMultiple(arg);
  if (!k) return null;
  const sin = exactSin(k, b);
  const cos = exactSin(addQ(k, HALF), b);
  if (!sin || !cos) return null;
  const over = (a: N, c: N): N | null =>
    c.k === "num" && isZero(c.q) ? null : makeMul([a, makePow(c, N_MINUS_ONE, b)], b);
  switch (fn) {
    case "sin":
      return sin;
    case "cos":
      return cos;
    case "tan":
      return over(sin, cos);
    case "cot":
      return over(cos, sin);
    case "sec":
      return over(N_ONE, cos);
    case "csc":
      return over(N_ONE, sin);
    default:
      return null;
  }
}

const INVERSE_TRIG = new Set<InnerFunction>(["asin", "acos", "atan", "acot", "asec", "acsc"]);

/** An inverse trigonometric function of a constant whose value is a multiple of pi/12, as k*pi. */
function specialInverseTrig(fn: InnerFunction, arg: N, b: Run): N | null {
  if (!INVERSE_TRIG.has(fn) || !isConstantNode(arg)) return null;
  const u = numericValue(arg);
  if (!Number.isFinite(u)) return null;
  const v =
    fn === "asin"
      ? Math.asin(u)
      : fn === "acos"
        ? Math.acos(u)
        : fn === "atan"
          ? Math.atan(u)
          : fn === "acot"
            ? Math.PI / 2 - Math.atan(u)
            : fn === "asec"
              ? Math.acos(1 / u)
              : Math.asin(1 / u);
  if (!Number.isFinite(v)) return null;
  const twelfths = (v / Math.PI) * 12;
  const k = Math.round(twelfths);
  if (Math.abs(twelfths - k) > 1e-12) return null;
  if (k === 0) return N_ZERO;
  const pi: N = { k: "const", name: "pi" };
  return makeMul([nq({ n: k, d: 12 }), pi], b);
}

export function isConstantNode(n: N): boolean {
  switch (n.k) {
    case "num":
    case "const":
      return true;
    case "var":
      return false;
    case "add":
      return n.terms.every(isConstantNode);
    case "mul":
      return n.factors.every(isConstantNode);
    case "pow":
      return isConstantNode(n.base) && isConstantNode(n.exp);
    case "call":
    case "logb":
      return isConstantNode(n.arg);
  }
}

/** The value of a constant internal tree (NaN where undefined). */
function numericValue(n: N): number {
  switch (n.k) {
    case "num":
      return value(n.q);
    case "const":
      return n.name === "pi" ? Math.PI : Math.E;
    case "var":
      return NaN;
    case "add":
      return n.terms.reduce((s, t) => s + numericValue(t), 0);
    case "mul":
      return n.factors.reduce((s, t) => s * numericValue(t), 1);
    case "pow": {
      const base = numericValue(n.base);
      if (n.exp.k === "num" && isExact(n.exp.q) && !n.exp.q.dec && n.exp.q.d % 2 === 1 && base < 0) {
        const m = Math.pow(-base, value(n.exp.q));
        return n.exp.q.n % 2 === 0 ? m : -m;
      }
      return Math.pow(base, numericValue(n.exp));
    }
    case "call":
    case "logb":
      return NaN;
  }
}

/** A function applied to a simplified argument, with exact values folded. */
export function makeCall(fn: InnerFunction, arg: N, b: Run): N {
  spend(b);
  const special = specialTrig(fn, arg, b) ?? specialInverseTrig(fn, arg, b);
  if (special) return special;
  if (arg.k === "num" && isExact(arg.q)) {
    const v = value(arg.q);
    if (v === 0) {
      if (ZERO_AT_ZERO.has(fn)) return N_ZERO;
      if (fn === "cos" || fn === "cosh" || fn === "sec") return N_ONE;
      if (fn === "abs" || fn === "sign") return N_ZERO;
      if (fn === "acot" || fn === "acos") return makeMul([nq({ n: 1, d: 2 }), { k: "const", name: "pi" }], b);
    }
    if (v === 1) {
      if (fn === "ln" || fn === "log10" || fn === "log2" || fn === "acos" || fn === "asec") return N_ZERO;
    }
    if (fn === "abs") return nq(isNegative(arg.q) ? negQ(arg.q) : arg.q);
    if (fn === "sign") return nq({ n: Math.sign(v), d: 1 });
    if (fn === "log10" && v > 0) {
      const l = Math.log10(v);
      if (Number.isInteger(l) && Math.pow(10, l) === v) return nq({ n: l, d: 1 });
    }
    if (fn === "log2" && v > 0) {
      const l = Math.log2(v);
      if (Number.isInteger(l) && Math.pow(2, l) === v) return nq({ n: l, d: 1 });
    }
  }
  if (fn === "ln") {
    if (arg.k === "const" && arg.name === "e") return N_ONE;
    if (arg.k === "pow" && arg.base.k === "const" && arg.base.name === "e") return arg.exp;
  }
  if (fn === "abs") {
    if (arg.k === "pow" && arg.base.k === "const" && arg.base.name === "e") return arg;
    if (arg.k === "call" && arg.fn === "abs") return arg;
    if (arg.k === "mul" && arg.factors[0]?.k === "num") {
      const c = arg.factors[0].q;
      const rest =
        arg.factors.length === 2 ? arg.factors[1]! : { k: "mul" as const, factors: arg.factors.slice(1) };
      return makeMul([nq(isNegative(c) ? negQ(c) : c), { k: "call", fn: "abs", arg: rest }], b);
    }
  }
  return { k: "call", fn, arg };
}
