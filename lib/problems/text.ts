// Small helpers for generators that write functions as text (then read back into the canonical form).
import { type Rng } from "./random";

/** A term with its coefficient: 1*x -> x, -1*x -> -x, 0 -> "" (dropped by `sum`). */
export function term(c: number | string, body = ""): string {
  if (c === 0 || c === "0") return "";
  if (body === "") return String(c);
  if (body.startsWith("1/"))
    return `${typeof c === "string" && c.includes("/") ? `(${c})` : c}${body.slice(1)}`;
  if (c === 1 || c === "1") return body;
  if (c === -1 || c === "-1") return `-${body}`;
  return typeof c === "string" && c.includes("/") ? `(${c})*${body}` : `${c}*${body}`;
}

/** Terms joined by + (the parser reads `a + -b` as a - b); empty terms dropped; "0" when none. */
export function sum(...terms: string[]): string {
  const t = terms.filter((s) => s !== "");
  return t.length === 0 ? "0" : t.join(" + ");
}

/** a*v + b */
export function lin(a: number, b: number, v = "x"): string {
  return sum(term(a, v), b === 0 ? "" : String(b));
}

/** (v - a) as text, (v + 3) for a = -3, v for 0. */
export function shift(v: string, a: number): string {
  return a === 0 ? v : a > 0 ? `(${v} - ${a})` : `(${v} + ${-a})`;
}

/** A power of a variable: x, x^2, 1 for 0. */
export function power(v: string, n: number | string): string {
  if (n === 0) return "1";
  if (n === 1) return v;
  return typeof n === "string" || n < 0 ? `${v}^(${n})` : `${v}^${n}`;
}

/** A monomial c * x^i * y^j ... with the zero powers left out. */
export function monomial(c: number, vars: readonly string[], exps: readonly number[]): string {
  const parts = vars.map((v, i) => (exps[i] ? power(v, exps[i]) : "")).filter((s) => s !== "");
  return parts.length === 0 ? String(c) : term(c, parts.join("*"));
}

/** A small rational p/q (q from the list), never 0. */
export function smallRational(r: Rng, maxP = 9, qs: readonly number[] = [1, 1, 1, 2, 3, 4, 5]): string {
  const p = r.nonzero(-maxP, maxP);
  const q = r.pick(qs);
  return fracOf(p, q);
}

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

export function fracOf(p: number, q: number): string {
  const g = gcd(p, q) || 1;
  return q / g === 1 ? String(p / g) : `${p / g}/${q / g}`;
}
