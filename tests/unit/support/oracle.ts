// An independent oracle for derivatives: math.js differentiates the same expression, and a central
// finite difference checks both. Used only in tests.
import { derivative as mathDerivative, parse as mathParse } from "mathjs";
import type { Expr } from "../../../lib/calculus/ast";
import { compile } from "../../../lib/calculus/eval";
import { toText } from "../../../lib/calculus/print";

/** Our canonical text in math.js's dialect. */
export function toMathjs(e: Expr): string {
  return toText(e)
    .replace(/\bln\(/g, "log(")
    .replace(/\blog_([0-9.]+)\(([^()]*)\)/g, "log($2, $1)");
}

export type Fn = (x: number[]) => number;

export function ours(e: Expr, vars: readonly string[]): Fn {
  const c = compile(e, vars);
  if (!c.ok) throw new Error(`unknown variable ${c.unknown}`);
  return (x) => c.fn(x);
}

/** math.js's derivative of `e` with respect to `v`, as a function; null when math.js cannot. */
export function mathjsDerivative(e: Expr, v: string, vars: readonly string[]): Fn | null {
  try {
    const d = mathDerivative(mathParse(toMathjs(e)), v).compile();
    return (x) => {
      const scope: Record<string, number> = {};
      vars.forEach((name, i) => (scope[name] = x[i]!));
      const r: unknown = d.evaluate(scope);
      return typeof r === "number" ? r : NaN;
    };
  } catch {
    return null;
  }
}

/** Central difference of f in coordinate i, with a step scaled to the point. */
export function centralDifference(f: Fn, x: number[], i: number): number {
  const h = 1e-5 * Math.max(1, Math.abs(x[i]!));
  const up = [...x];
  const down = [...x];
  up[i] = x[i]! + h;
  down[i] = x[i]! - h;
  return (f(up) - f(down)) / (2 * h);
}

export { mulberry32 as rng } from "@/lib/calculus/random";

export function close(a: number, b: number, rel: number, abs = rel): boolean {
  return Math.abs(a - b) <= abs + rel * Math.max(Math.abs(a), Math.abs(b));
}
