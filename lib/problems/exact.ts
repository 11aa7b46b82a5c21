// Exact arithmetic helpers for keys: parsing generator text, substituting points, and exact values of
// expressions at points (special angles of trigonometric functions included), always confirmed
// against floating-point evaluation.
import { type Expr, call, div, freeVariables, mapCalls, num, substitute } from "../calculus/ast";
import { compile } from "../calculus/eval";
import { parse } from "../calculus/parse";
import { toText } from "../calculus/print";
import { simplify } from "../calculus/simplify";

/** Thrown by generators for a draft that is not nice; the generator draws again. */
export class Reject extends Error {}

export function reject(why: string): never {
  throw new Reject(why);
}

/** Parse text written by a generator (never learner text); a failure is a generator bug. */
export function P(text: string, vars: readonly string[] = ["x", "y", "z", "t"]): Expr {
  const r = parse(text, { vars });
  if (!r.ok) throw new Error(`generator wrote unreadable text '${text}': ${r.error.message}`);
  return r.expr;
}

export function simp(e: Expr): Expr {
  const s = simplify(e);
  if (!s.ok) reject("too large");
  return s.expr;
}

export const T = toText;

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

/** p/q in lowest terms as text: "3/2", "-1/4", "5". */
export function fracText(p: number, q = 1): string {
  if (q === 0) throw new Error("zero denominator");
  if (q < 0) [p, q] = [-p, -q];
  const g = gcd(p, q) || 1;
  p /= g;
  q /= g;
  return q === 1 ? String(p) : `${p}/${q}`;
}

/** A constant expression from a point coordinate: 2, "1/2", "pi/4". */
export function pointExpr(v: number | string): Expr {
  return P(String(v), []);
}

export function numericValue(e: Expr, scope: Record<string, number> = {}): number {
  const vars = Object.keys(scope);
  const c = compile(e, vars);
  if (!c.ok) return NaN;
  return c.fn(vars.map((v) => scope[v]!));
}

export { substitute };

// sin at multiples of 15 degrees that have short exact forms (multiples of 30 and 45 degrees).
const SIN: Record<number, string> = {
  0: "0",
  30: "1/2",
  45: "sqrt(2)/2",
  60: "sqrt(3)/2",
  90: "1",
  120: "sqrt(3)/2",
  135: "sqrt(2)/2",
  150: "1/2",
  180: "0",
};

function sinDegrees(d: number): string | null {
  d = ((d % 360) + 360) % 360;
  if (d <= 180) return SIN[d] ?? null;
  const s = SIN[d - 180];
  return s === undefined ? null : s === "0" ? "0" : `-(${s})`;
}

/** Trigonometric functions of special constant angles replaced by their exact values. */
export function specialValues(e: Expr): Expr {
  return mapCalls(e, (fn, arg) => {
    const trig = ["sin", "cos", "tan", "sec", "csc", "cot"].includes(fn);
    if (!trig || freeVariables(arg).length > 0) return call(fn, arg);
    const deg = (numericValue(arg) * 180) / Math.PI;
    const r = Math.round(deg);
    if (!Number.isFinite(deg) || Math.abs(deg - r) > 1e-9 || (r % 30 !== 0 && r % 45 !== 0))
      return call(fn, arg);
    const s = sinDegrees(r);
    const c = sinDegrees(r + 90);
    if (s === null || c === null) return call(fn, arg);
    const S = P(s, []);
    const C = P(c, []);
    const zero = (t: string): boolean => t === "0";
    switch (fn) {
      case "sin":
        return S;
      case "cos":
        return C;
      case "tan":
        return zero(c) ? call(fn, arg) : div(S, C);
      case "cot":
        return zero(s) ? call(fn, arg) : div(C, S);
      case "sec":
        return zero(c) ? call(fn, arg) : div(num(1), C);
      case "csc":
        return zero(s) ? call(fn, arg) : div(num(1), S);
      default:
        return call(fn, arg);
    }
  });
}

const NOT_EXACT = /\b(sin|cos|tan|sec|csc|cot|asin|acos|atan|asec|acsc|acot|sinh|cosh|tanh|abs|sign)\(/;

/**
 * The exact value of `e` at a point: substituted, special angles replaced, simplified, and confirmed
 * against floating point. Rejects the draft when the value is undefined or has no short exact form.
 */
export function exactAt(e: Expr, point: Readonly<Record<string, Expr>>): { exact: Expr; value: number } {
  const scope: Record<string, number> = {};
  for (const [k, v] of Object.entries(point)) scope[k] = numericValue(v);
  const value = numericValue(e, scope);
  if (!Number.isFinite(value)) reject("undefined at the point");
  const exact = simp(specialValues(simp(substitute(e, point))));
  const text = toText(exact);
  if (freeVariables(exact).length > 0 || NOT_EXACT.test(text) || text.length > 40)
    reject("no short exact value");
  const check = numericValue(exact);
  if (!(Math.abs(check - value) <= 1e-9 * Math.max(1, Math.abs(value)))) reject("exact value disagrees");
  return { exact, value: Math.abs(value) < 1e-12 ? 0 : value };
}

export function pointExprs(at: Readonly<Record<string, number | string>>): Record<string, Expr> {
  const out: Record<string, Expr> = {};
  for (const [k, v] of Object.entries(at)) out[k] = pointExpr(v);
  return out;
}
