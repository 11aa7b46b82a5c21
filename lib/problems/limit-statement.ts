// How a limit problem is stated, in words and in LaTeX: the one builder used by the generated
// problems (build.ts), the teachers' authored problems (authored.ts) and the worked solution.
import { type Expr, variable } from "../calculus/ast";
import { toLatex, toText } from "../calculus/print";

export type LimitSide = "both" | "left" | "right";

/** Where the variable goes: "inf", "-inf", or a point (`at`, written `to` in text). */
export interface LimitApproach {
  v: string;
  to: string;
  /** The point as an expression; null for "inf" and "-inf". */
  at: Expr | null;
  side: LimitSide;
}

const infinite = (to: string): boolean => to === "inf" || to === "-inf";

/** The side as a superscript of the point, "" at infinity or from both sides. */
function sideSup(a: LimitApproach): string {
  return infinite(a.to) || a.side === "both" ? "" : a.side === "left" ? "^{-}" : "^{+}";
}

/** `\lim_{x \to 2^{-}}`: the limit sign with its approach. */
export function limitSignLatex(a: LimitApproach): string {
  const to = a.to === "inf" ? "\\infty" : a.to === "-inf" ? "-\\infty" : toLatex(a.at ?? variable(a.to));
  return `\\lim_{${a.v} \\to ${to}${sideSup(a)}}`;
}

/** The approach in words after "as": "x -> 2 from the left", "x -> infinity". */
export function limitApproachText(a: LimitApproach): string {
  const to = a.to === "inf" ? "infinity" : a.to === "-inf" ? "-infinity" : a.to;
  const side = sideSup(a) === "" ? "" : a.side === "left" ? " from the left" : " from the right";
  return `${a.v} -> ${to}${side}`;
}

/**
 * What the limit applies to, in LaTeX: in brackets unless it is one fraction, power or function
 * (`\lim_{x \to -6} \left(\frac{6}{(x + 6)^{2}} - 2\right)`, not a limit of the first term minus 2).
 */
export function limitBodyLatex(f: Expr): string {
  const tex = toLatex(f);
  return f.kind === "add" || f.kind === "neg" || f.kind === "mul" ? `\\left(${tex}\\right)` : tex;
}

/** The statement, LaTeX and given of the problem "find the limit of f". */
export function limitStatement(
  f: Expr,
  a: LimitApproach,
): { statement: string; latex: string; given: { f: string; var: string; to: string; side: LimitSide } } {
  const text = toText(f);
  return {
    statement: `Find the limit of ${text} as ${limitApproachText(a)}. (Type DNE if it does not exist, inf or -inf if it is infinite.)`,
    latex: `${limitSignLatex(a)} ${limitBodyLatex(f)}`,
    given: { f: text, var: a.v, to: a.to, side: a.side },
  };
}

/** The approach of a stored limit problem's `given` (the point read back from its text). */
export function approachOfGiven(
  given: Readonly<Record<string, unknown>>,
  readPoint: (text: string) => Expr | null,
): LimitApproach {
  const str = (u: unknown, fallback: string): string => (typeof u === "string" ? u : fallback);
  const to = str(given.to, "0");
  const side = str(given.side, "both");
  return {
    v: str(given.var, "x"),
    to,
    at: readPoint(to) ?? variable(to),
    side: side === "left" || side === "right" ? side : "both",
  };
}
