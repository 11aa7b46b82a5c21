// Random parameters of a teacher's typed problem, as WeBWorK, STACK and Numbas offer them: named
// numbers drawn from ranges or lists, with conditions that reject degenerate draws.
//
//   a in {2..9}
//   b in {-5..5} \ {0}
//   c in {1, 2, 5}
//   a != b
//   a*c - b^2 != 0
//
// One declaration or condition per line (or separated by `;`). A set is a brace group of whole-number
// ranges `lo..hi` and numbers, optionally minus further groups (`\`). A condition compares two
// expressions in the parameters (`= != < <= > >=`), each read by the calculus reader. This is a small
// recursive-descent reader: nothing here evaluates text as code. Pure; never throws.
import { mulberry32 } from "../calculus/random";
import { parse } from "../calculus/parse";
import { FUNCTION_NAMES } from "../calculus/lex-names";
import type { Expr } from "../calculus/ast";
import { numericValue } from "./exact";

export const MAX_PARAMETERS = 6;
export const MAX_CONDITIONS = 8;
export const MAX_VALUES = 1000;
export const MAX_PARAMETER_TEXT = 600;
/** Draws tried before a problem is declared to have no draw that satisfies its conditions. */
export const MAX_DRAW_ATTEMPTS = 200;

export type Comparison = "=" | "!=" | "<" | "<=" | ">" | ">=";

export interface Parameter {
  readonly name: string;
  /** The values it may take, in increasing order, without repeats. */
  readonly values: readonly number[];
}

export interface Condition {
  readonly text: string;
  readonly left: Expr;
  readonly op: Comparison;
  readonly right: Expr;
}

export interface Parameters {
  readonly params: readonly Parameter[];
  readonly conditions: readonly Condition[];
}

export type ParametersResult = { ok: true; parameters: Parameters } | { ok: false; message: string };
export type Values = Readonly<Record<string, number>>;

/** A parameter's name: one lowercase letter, then up to two digits (docs/teaching.md; e is refused below). */
const NAME = /^[a-z][0-9]{0,2}$/;

const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

/** The lines of the text: newlines and `;` separate, blank lines are skipped. */
function statements(text: string): string[] {
  return text
    .split(/[\n;]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** A cursor over one set's text, for the recursive-descent reader below. */
class Reader {
  i = 0;
  constructor(readonly s: string) {}
  space(): void {
    while (this.i < this.s.length && /\s/.test(this.s.charAt(this.i))) this.i++;
  }
  peek(): string {
    this.space();
    return this.s.charAt(this.i);
  }
  eat(token: string): boolean {
    this.space();
    if (!this.s.startsWith(token, this.i)) return false;
    this.i += token.length;
    return true;
  }
  done(): boolean {
    this.space();
    return this.i >= this.s.length;
  }
  /** A number: optional sign (- or −), digits, optional decimal part. */
  number(): number | null {
    this.space();
    const m = /^[-−]?\s*\d+(\.\d+)?/.exec(this.s.slice(this.i));
    if (!m) return null;
    this.i += m[0].length;
    return Number(m[0].replace(/[−\s]/g, (c) => (c === "−" ? "-" : "")));
  }
}

type SetResult = { ok: true; values: number[] } | { ok: false; message: string };

/** `{...}`: ranges `lo..hi` and numbers, separated by commas. */
function group(r: Reader, name: string): SetResult {
  const start = r.i;
  if (!r.eat("{"))
    return fail(`The values of ${name} go in braces, e.g. ${name} in {2..9} or ${name} in {1, 2, 5}.`);
  const values: number[] = [];
  if (r.peek() === "}") return fail(`The set {} of ${name} is empty: list at least one value.`);
  for (;;) {
    const lo = r.number();
    if (lo === null)
      return fail(
        `The values of ${name} cannot be read at '${r.s.slice(r.i, r.i + 12)}': write numbers or a range such as {2..9}.`,
      );
    if (r.eat("..")) {
      const hi = r.number();
      if (hi === null) return fail(`The range of ${name} needs an end: write it as {2..9}.`);
      if (!Number.isInteger(lo) || !Number.isInteger(hi))
        return fail(`A range runs over whole numbers: {${lo}..${hi}} of ${name} has a decimal end.`);
      if (hi < lo)
        return fail(
          `The range {${lo}..${hi}} of ${name} is empty: write the smaller number first ({${hi}..${lo}}).`,
        );
      if (hi - lo + 1 > MAX_VALUES)
        return fail(
          `The range {${lo}..${hi}} of ${name} has ${hi - lo + 1} values; at most ${MAX_VALUES} are allowed.`,
        );
      for (let v = lo; v <= hi; v++) values.push(v);
    } else values.push(lo);
    if (values.length > MAX_VALUES)
      return fail(`${name} has more than ${MAX_VALUES} values; at most ${MAX_VALUES} are allowed.`);
    if (r.eat(",")) continue;
    if (r.eat("}")) break;
    return fail(
      `The set of ${name} is not closed: '${r.s
        .slice(start, r.i + 1)
        .trim()
        .slice(-30)}' needs a comma between values or a closing brace.`,
    );
  }
  return { ok: true, values };
}

/** `{...} \ {...} \ ...`: the first group without the values of the others. */
function valueSet(text: string, name: string): SetResult {
  const r = new Reader(text);
  const first = group(r, name);
  if (!first.ok) return first;
  let values = first.values;
  while (r.eat("\\") || r.eat("∖")) {
    const minus = group(r, name);
    if (!minus.ok) return minus;
    const out = new Set(minus.values);
    values = values.filter((v) => !out.has(v));
  }
  if (!r.done())
    return fail(
      `'${text.slice(r.i, r.i + 20)}' after the set of ${name} cannot be read: remove values with \\ {…}, e.g. {-5..5} \\ {0}.`,
    );
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  if (distinct.length === 0) return fail(`The set of ${name} is empty: every value is removed.`);
  return { ok: true, values: distinct };
}

const COMPARISONS: readonly [string, Comparison][] = [
  ["!=", "!="],
  ["≠", "!="],
  ["<>", "!="],
  ["<=", "<="],
  ["≤", "<="],
  [">=", ">="],
  ["≥", ">="],
  ["==", "="],
  ["=", "="],
  ["<", "<"],
  [">", ">"],
];

/** The first comparison operator in the text, longest spelling first at each position. */
function splitComparison(text: string): { left: string; op: Comparison; right: string } | null {
  for (let i = 0; i < text.length; i++) {
    for (const [spelling, op] of COMPARISONS) {
      if (text.startsWith(spelling, i))
        return { left: text.slice(0, i), op, right: text.slice(i + spelling.length) };
    }
  }
  return null;
}

/**
 * The parameters and conditions of `text`, checked against the problem's variables (a parameter may
 * not have a variable's name). Empty text: no parameters.
 */
export function readParameters(text: string, variables: readonly string[] = []): ParametersResult {
  if (text.length > MAX_PARAMETER_TEXT)
    return fail(`The parameters are too long (${MAX_PARAMETER_TEXT} characters at most).`);
  const params: Parameter[] = [];
  const conditionTexts: string[] = [];
  for (const line of statements(text)) {
    const decl = /^(\w+)\s+in(?=[\s{])\s*(.*)$/.exec(line) ?? /^(\w+)\s*∈\s*(.*)$/.exec(line);
    if (decl) {
      const [, name, rest] = decl as unknown as [string, string, string];
      if (!NAME.test(name) || name === "e" || FUNCTION_NAMES.has(name))
        return fail(
          `'${name.slice(0, 20)}' cannot be a parameter: name it with one lowercase letter, optionally followed by up to two digits (a, b, k1), other than e.`,
        );
      if (variables.includes(name))
        return fail(
          `'${name}' is a variable of the problem and cannot also be a parameter: choose another letter.`,
        );
      if (params.some((p) => p.name === name)) return fail(`The parameter ${name} is declared twice.`);
      if (params.length >= MAX_PARAMETERS) return fail(`At most ${MAX_PARAMETERS} parameters.`);
      const set = valueSet(rest, name);
      if (!set.ok) return set;
      params.push({ name, values: set.values });
    } else if (splitComparison(line)) {
      conditionTexts.push(line);
    } else
      return fail(`'${line.slice(0, 30)}' is neither a parameter (a in {2..9}) nor a condition (a != b).`);
  }
  if (conditionTexts.length > MAX_CONDITIONS) return fail(`At most ${MAX_CONDITIONS} conditions.`);
  if (conditionTexts.length > 0 && params.length === 0)
    return fail("A condition needs parameters: declare them first, e.g. a in {2..9}.");
  const names = params.map((p) => p.name);
  const conditions: Condition[] = [];
  for (const line of conditionTexts) {
    const split = splitComparison(line)!;
    const sides: Expr[] = [];
    for (const side of [split.left, split.right]) {
      if (side.trim() === "")
        return fail(`The condition '${line.slice(0, 40)}' needs an expression on each side.`);
      const r = parse(side, { vars: names });
      if (!r.ok)
        return fail(
          `The condition '${line.slice(0, 40)}' cannot be read: ${r.error.message.replace(/this problem's variables? (is|are)/, "the parameters are")}.`,
        );
      sides.push(r.expr);
    }
    conditions.push({ text: line, left: sides[0]!, op: split.op, right: sides[1]! });
  }
  return { ok: true, parameters: { params, conditions } };
}

const TOLERANCE = 1e-9;

function holds(c: Condition, values: Values): boolean {
  const l = numericValue(c.left, values);
  const r = numericValue(c.right, values);
  // A side undefined for these values (1/(a-b) with a = b) fails the condition: the draw is degenerate.
  if (!Number.isFinite(l) || !Number.isFinite(r)) return false;
  const scale = TOLERANCE * Math.max(1, Math.abs(l), Math.abs(r));
  const eq = Math.abs(l - r) <= scale;
  switch (c.op) {
    case "=":
      return eq;
    case "!=":
      return !eq;
    case "<":
      return l < r && !eq;
    case "<=":
      return l < r || eq;
    case ">":
      return l > r && !eq;
    case ">=":
      return l > r || eq;
  }
}

/** Whether the values satisfy every condition. */
export function satisfies(p: Parameters, values: Values): boolean {
  return p.conditions.every((c) => holds(c, values));
}

/**
 * The values drawn from `seed`: the first of at most MAX_DRAW_ATTEMPTS uniform draws that satisfies
 * every condition, or null when none does. The same seed always gives the same values.
 */
export function drawParameters(p: Parameters, seed: number): Values | null {
  const next = mulberry32(seed);
  for (let attempt = 0; attempt < MAX_DRAW_ATTEMPTS; attempt++) {
    const values: Record<string, number> = {};
    for (const param of p.params)
      values[param.name] = param.values[Math.floor(next() * param.values.length)]!;
    if (satisfies(p, values)) return values;
  }
  return null;
}

/** How many combinations of values there are (before conditions); Infinity past `cap`. */
export function combinationCount(p: Parameters, cap = 1e6): number {
  let n = 1;
  for (const param of p.params) {
    n *= param.values.length;
    if (n > cap) return Infinity;
  }
  return n;
}

/** Every combination of values that satisfies the conditions (only for a small `combinationCount`). */
export function allDraws(p: Parameters): Values[] {
  let out: Record<string, number>[] = [{}];
  for (const param of p.params)
    out = out.flatMap((v) => param.values.map((x) => ({ ...v, [param.name]: x })));
  return out.filter((v) => satisfies(p, v));
}

/** "a = 3, b = -2", for messages and the teacher's views. */
export function valuesText(values: Values): string {
  return Object.entries(values)
    .map(([k, v]) => `${k} = ${v}`)
    .join(", ");
}
