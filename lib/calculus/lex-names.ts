// Names in learners' answers: the function names they may type, the problem's vocabulary of
// variables, and how a run of letters splits into variables, constants and function names
// (`xy`, `xsinx`, `asinx`). Used by the tokenizer (lex.ts).
import { type ConstantName, UNARY_FUNCTIONS, type UnaryFunction } from "./ast";
import { EXTRA_FUNCTIONS, type ExtraFunction } from "./extra-functions";

/** A function name as read: one the core knows, or an extra one read as its definition. */
export type FunctionName = UnaryFunction | ExtraFunction;

/** Names of functions a learner may type (lower case), including aliases. */
export const FUNCTION_NAMES: ReadonlyMap<string, FunctionName> = new Map<string, FunctionName>([
  ...UNARY_FUNCTIONS.map((f): [string, FunctionName] => [f, f]),
  ...EXTRA_FUNCTIONS.map((f): [string, FunctionName] => [f, f]),
  ["arsinh", "asinh"],
  ["arcsinh", "asinh"],
  ["arcosh", "acosh"],
  ["arccosh", "acosh"],
  ["artanh", "atanh"],
  ["arctanh", "atanh"],
  ["arcsin", "asin"],
  ["arccos", "acos"],
  ["arctan", "atan"],
  ["arcsec", "asec"],
  ["arccsc", "acsc"],
  ["arccot", "acot"],
  ["log", "ln"],
  ["sgn", "sign"],
  ["cosec", "csc"],
  ["cotan", "cot"],
]);

/**
 * Names taught outside the English-speaking classroom (tg, ctg in much of Europe), read as a function
 * only when the word is not a product of the problem's variables (`tg` with t and g declared is t·g).
 */
export const REGIONAL_FUNCTION_NAMES: ReadonlyMap<string, FunctionName> = new Map<string, FunctionName>([
  ["tg", "tan"],
  ["ctg", "cot"],
  ["arctg", "atan"],
  ["arcctg", "acot"],
]);

/** Letter-only function names, longest first (for "did you mean" inside unknown words). */
export const LETTER_FUNCTION_NAMES = [...FUNCTION_NAMES.keys()]
  .filter((n) => /^[a-z]+$/.test(n))
  .sort((a, b) => b.length - a.length);

/**
 * Greek letters a problem may declare as variables (`theta`, `sigma`, `w1`-style digits allowed:
 * `theta1`), typed as the name or as the letter itself (θ). `pi` stays the constant and `e` Euler's.
 */
export const GREEK_LETTERS: ReadonlyMap<string, number> = new Map([
  ["alpha", 0x3b1],
  ["beta", 0x3b2],
  ["gamma", 0x3b3],
  ["delta", 0x3b4],
  ["epsilon", 0x3b5],
  ["zeta", 0x3b6],
  ["eta", 0x3b7],
  ["theta", 0x3b8],
  ["kappa", 0x3ba],
  ["lambda", 0x3bb],
  ["mu", 0x3bc],
  ["nu", 0x3bd],
  ["xi", 0x3be],
  ["rho", 0x3c1],
  ["sigma", 0x3c3],
  ["tau", 0x3c4],
  ["phi", 0x3c6],
  ["chi", 0x3c7],
  ["psi", 0x3c8],
  ["omega", 0x3c9],
]);

/**
 * Other characters for the same letters, as keyboards and fonts give them: the micro sign µ (mu) and
 * the symbol forms ϕ (phi), ϵ (epsilon), ϑ (theta).
 */
const GREEK_VARIANTS: readonly (readonly [number, string])[] = [
  [0xb5, "mu"],
  [0x3d5, "phi"],
  [0x3f5, "epsilon"],
  [0x3d1, "theta"],
];

/** The Greek letter's name for its character (θ, ϑ -> theta), lower case only. */
export const GREEK_BY_CODE: ReadonlyMap<number, string> = new Map([
  ...[...GREEK_LETTERS].map(([name, code]): [number, string] => [code, name]),
  ...GREEK_VARIANTS,
]);

/** A variable name a problem may declare: a letter, or a Greek letter's name, optionally with digits. */
export const VARIABLE_NAME = new RegExp(`^(?:[A-Za-z]|${[...GREEK_LETTERS.keys()].join("|")})[0-9]*$`);

const isLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

export interface Vocabulary {
  /** Declared variable names, or undefined for "every single ASCII letter except e". */
  readonly vars: ReadonlySet<string> | undefined;
  readonly varList: readonly string[] | undefined;
}

export const isVar = (voc: Vocabulary, name: string): boolean =>
  voc.vars ? voc.vars.has(name) : name.length === 1 && name !== "e" && isLetter(name.charCodeAt(0));

export function variablesHint(voc: Vocabulary): string {
  if (!voc.varList) return "";
  const list = voc.varList;
  if (list.length === 0) return "this problem has no variables";
  if (list.length === 1) return `this problem's variable is ${list[0]}`;
  return `this problem's variables are ${list.join(", ")}`;
}

export type Piece =
  { readonly t: "var"; readonly name: string } | { readonly t: "const"; readonly name: ConstantName };

/** Splits a run of letters into declared variables and the constants pi and e; undefined if it cannot. */
export function splitWord(word: string, voc: Vocabulary): Piece[] | { bad: number } {
  const pieces: Piece[] = [];
  let k = 0;
  const longNames = voc.varList?.filter((v) => v.length > 1 && /^[a-z]+$/.test(v)) ?? [];
  longNames.sort((a, b) => b.length - a.length);
  while (k < word.length) {
    const long = longNames.find((name) => word.startsWith(name, k));
    if (long !== undefined) {
      pieces.push({ t: "var", name: long });
      k += long.length;
      continue;
    }
    if (word.startsWith("pi", k)) {
      pieces.push({ t: "const", name: "pi" });
      k += 2;
      continue;
    }
    const ch = word.charAt(k);
    if (isVar(voc, ch)) pieces.push({ t: "var", name: ch });
    else if (ch === "e") pieces.push({ t: "const", name: "e" });
    else return { bad: k };
    k += 1;
  }
  return pieces;
}

export type GluedPiece =
  | { readonly t: "fn"; readonly fn: FunctionName; readonly name: string; readonly len: number }
  | { readonly t: "var"; readonly name: string; readonly len: number }
  | { readonly t: "const"; readonly name: ConstantName; readonly len: number };

/** Longer words are not searched for readings (they keep the "did you mean" message). */
const MAX_GLUED_WORD = 24;

/**
 * The readings (at most two) of a word as function names and runs of variables and constants,
 * where no run spells a function name (`sinx` is sin x, never s*i*n*x): `xsinx` = x sin x,
 * `asinx` = asin x or, where a is a variable, a sin x.
 */
export function gluedReadings(word: string, voc: Vocabulary): GluedPiece[][] {
  if (word.length > MAX_GLUED_WORD) return [];
  const lower = word.toLowerCase();
  const memo = new Map<number, GluedPiece[][]>();
  const from = (p: number): GluedPiece[][] => {
    const known = memo.get(p);
    if (known) return known;
    const out: GluedPiece[][] = [];
    for (let q = p; q <= word.length && out.length < 2; q++) {
      const run = word.slice(p, q);
      if (LETTER_FUNCTION_NAMES.some((f) => run.toLowerCase().includes(f))) break;
      const split = splitWord(run, voc);
      if (!Array.isArray(split)) continue;
      const head: GluedPiece[] = split.map((piece) =>
        piece.t === "var"
          ? { t: "var", name: piece.name, len: piece.name.length }
          : { t: "const", name: piece.name, len: piece.name === "pi" ? 2 : 1 },
      );
      if (q === word.length) {
        if (p > 0) out.push(head);
        continue;
      }
      for (const f of LETTER_FUNCTION_NAMES) {
        if (!lower.startsWith(f, q)) continue;
        const fn = FUNCTION_NAMES.get(f)!;
        for (const rest of from(q + f.length)) {
          if (out.length < 2) out.push([...head, { t: "fn", fn, name: f, len: f.length }, ...rest]);
        }
      }
    }
    memo.set(p, out);
    return out;
  };
  return from(0);
}

/** A reading as the learner could type it: `x sin(x)`, `asin(x)`, `x cos`. */
export function showReading(pieces: readonly GluedPiece[]): string {
  let out = "";
  let k = 0;
  while (k < pieces.length) {
    const p = pieces[k]!;
    k++;
    if (p.t !== "fn") {
      out += p.name;
      continue;
    }
    let arg = "";
    while (k < pieces.length && pieces[k]!.t !== "fn") arg += pieces[k++]!.name;
    out += `${out ? " " : ""}${p.name}${arg ? `(${arg})` : ""}`;
    if (k < pieces.length) out += " ";
  }
  return out.replace(/ +/g, " ").trim();
}

export function didYouMean(word: string): string | undefined {
  const lower = word.toLowerCase();
  for (let k = 0; k < lower.length; k++) {
    for (const name of LETTER_FUNCTION_NAMES) {
      if (lower.startsWith(name, k)) {
        const prefix = word.slice(0, k);
        const suffix = word.slice(k + name.length);
        return `${prefix ? `${prefix} ` : ""}${name}(${suffix || "..."})`;
      }
    }
  }
  return undefined;
}
