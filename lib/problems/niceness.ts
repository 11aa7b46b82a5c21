// What makes a generated problem "nice" (docs/curriculum.md): small numbers, answers of reasonable size,
// nothing degenerate. Generators redraw until a problem passes; the tests assert it for every seed.
import { type Expr, children } from "../calculus/ast";
import { numericValue, substitute } from "./exact";
import { readExpr, readProblem } from "./read";
import type { Problem } from "./types";

export const NICE = {
  /** Longest key text (one component). */
  keyChars: 120,
  /** Longest exact form of a number answer. */
  numberChars: 40,
  /** Largest number answer in size. */
  maxValue: 400,
  /** Largest number written in the function. */
  maxLiteral: 150,
  /** Longest function text. */
  functionChars: 110,
} as const;

function literals(e: Expr, out: number[] = []): number[] {
  if (e.kind === "num") out.push(e.value);
  for (const c of children(e)) literals(c, out);
  return out;
}

/** The ways `p` falls short of nice; empty when it is nice. */
export function niceProblemViolations(p: Problem): string[] {
  if (p.answerKind === "grid") return gridViolations(p);
  if (p.answerKind === "matrix") return matrixViolations(p);
  const out: string[] = [];
  const keys = typeof p.answer === "string" ? [p.answer] : p.answer.flat();
  for (const k of keys) if (k.length > NICE.keyChars) out.push(`key longer than ${NICE.keyChars}: ${k}`);
  const { f, fvars, point, inner } = readProblem(p);
  if (!f) return [...out, "function does not read back"];
  const fText = typeof p.given.f === "string" ? p.given.f : "";
  if (fText.length > NICE.functionChars) out.push(`function text too long: ${fText}`);
  for (const n of literals(f)) {
    if (n > NICE.maxLiteral || (!Number.isInteger(n) && !Number.isInteger(n * 60)))
      out.push(`awkward number ${n} in the function`);
  }
  const values = p.value === undefined ? [] : Array.isArray(p.value) ? p.value : [p.value];
  for (const v of values)
    if (!Number.isFinite(v) || Math.abs(v) > NICE.maxValue) out.push(`number answer out of range: ${v}`);
  if (p.answerKind === "number" || (p.kind === "limit" && typeof p.value === "number")) {
    for (const k of keys) if (k.length > NICE.numberChars) out.push(`exact value too long: ${k}`);
  }
  if (p.kind !== "steepest_direction") {
    // A key that a short decimal expresses exactly must be typed exactly (docs/grading.md); keep such keys
    // to at most 4 significant figures, so that the usual 4-figure decimal is the exact value.
    for (const v of values) {
      if (Number(v.toPrecision(6)) === v && Number(v.toPrecision(4)) !== v)
        out.push(`decimal key with more than 4 figures: ${v}`);
    }
  }
  // Exponentials in a number key stay small (no e^39 beside an integer).
  if (p.answerKind === "number" || p.kind === "limit" || (p.answerKind === "vector" && values.length > 0)) {
    for (const k of keys) {
      const e = readExpr(k, []);
      if (e && bigExponential(e)) out.push(`exponential with a large exponent in ${k}`);
    }
  }
  // No term of an expression key that vanishes identically (a hidden 0 the learner cannot see).
  if (p.answerKind === "expression" || (p.answerKind === "vector" && values.length === 0)) {
    for (const k of keys) {
      const e = readExpr(k, p.vars);
      if (e && e.kind === "add" && e.terms.some((t) => vanishes(t, p)))
        out.push(`a term of the key is identically zero: ${k}`);
    }
  }
  // Defined where it is evaluated.
  if (point && p.kind !== "limit") {
    const where = p.kind === "chain" && inner ? substitute(f, inner) : f;
    if (!Number.isFinite(numericValue(substitute(where, point)))) out.push("function undefined at the point");
  }
  // Non-degenerate.
  if (p.kind === "limit" && p.skill === "limit-direct-substitution") {
    const at = readExpr(p.given.to, []);
    const v = typeof p.given.var === "string" ? p.given.var : "x";
    if (!at || !Number.isFinite(numericValue(substitute(f, { [v]: at }))))
      out.push("substitution point is not in the domain");
  }
  if (
    (p.kind === "derivative" || p.kind === "partial" || p.kind === "chain" || p.kind === "directional") &&
    p.answer === "0"
  ) {
    out.push("zero answer where the skill is about a non-zero one");
  }
  if (
    (p.kind === "steepest_direction" || p.kind === "max_rate" || p.kind === "gradient") &&
    values.length > 0 &&
    values.every((v) => v === 0)
  ) {
    out.push("zero gradient");
  }
  if (p.kind === "directional") {
    const dir = Array.isArray(p.given.direction) ? (p.given.direction as unknown[]) : [];
    if (dir.length !== fvars.length || dir.every((d) => d === 0)) out.push("bad direction vector");
  }
  return out;
}

function bigExponential(e: Expr): boolean {
  if (e.kind === "pow" && e.base.kind === "const" && e.base.name === "e" && Math.abs(numericValue(e.exp)) > 3)
    return true;
  if (e.kind === "call" && e.fn === "exp" && Math.abs(numericValue(e.arg)) > 3) return true;
  return children(e).some(bigExponential);
}

const SAMPLES = [0.37, 1.21, 2.13, 0.83, 1.77];

function vanishes(t: Expr, p: Problem): boolean {
  let seen = 0;
  for (const [j, s] of SAMPLES.entries()) {
    const scope: Record<string, number> = {};
    p.vars.forEach((v, i) => {
      const [lo, hi] = p.domain?.[v] ?? [-3, 3];
      scope[v] = lo + ((s + 0.29 * i + 0.11 * j) % 1) * (hi - lo);
    });
    const value = numericValue(t, scope);
    if (!Number.isFinite(value)) continue;
    seen++;
    if (Math.abs(value) > 1e-9) return false;
  }
  return seen > 0;
}

export function isNice(p: Problem): boolean {
  return niceProblemViolations(p).length === 0;
}

/** A grid problem: the key has the grid's shape, its cells are short, its numbers small. */
function gridViolations(p: Problem): string[] {
  const out: string[] = [];
  const g = p.grid;
  const key = p.answer;
  if (!g || !Array.isArray(key) || key.length !== g.rows) return ["grid and key disagree"];
  for (const [i, row] of key.entries()) {
    if (!Array.isArray(row) || row.length !== g.cols) return ["grid and key disagree"];
    for (const [j, cell] of row.entries()) {
      if (cell.length > NICE.keyChars) out.push(`key cell longer than ${NICE.keyChars}: ${cell}`);
      if (g.kinds[i]?.[j] !== "number") continue;
      const e = readExpr(cell, []);
      const v = e ? numericValue(e) : NaN;
      if (!Number.isFinite(v) || Math.abs(v) > NICE.maxValue) out.push(`number out of range: ${cell}`);
      if (cell.length > NICE.numberChars) out.push(`exact value too long: ${cell}`);
    }
  }
  if (p.statement.length > 600) out.push("statement too long");
  return out;
}

/** A symbolic matrix problem: a key and a function short enough to read at a glance. */
function matrixViolations(p: Problem): string[] {
  const out: string[] = [];
  const key = typeof p.answer === "string" ? p.answer : "";
  if (key.length === 0 || key.length > NICE.keyChars)
    out.push(`key empty or longer than ${NICE.keyChars}: ${key}`);
  const f = typeof p.given.f === "string" ? p.given.f : "";
  if (f.length === 0 || f.length > NICE.functionChars) out.push(`function text empty or too long: ${f}`);
  return out;
}
