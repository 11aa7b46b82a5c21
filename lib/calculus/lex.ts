// Tokenizer for learners' answers. See parse.ts for the reading rules; this file turns text into
// tokens and resolves words (runs of ASCII letters) into functions, constants and variables.
// Linear time, never recurses, reports problems by throwing ParseFailure (caught in parse.ts).
// Over 500 lines: the vocabulary tables (function names, unicode forms) are data read by one tokenizer.

import { type ConstantName } from "./ast";
import {
  FUNCTION_NAMES,
  type FunctionName,
  GREEK_BY_CODE,
  REGIONAL_FUNCTION_NAMES,
  type Vocabulary,
  didYouMean,
  gluedReadings,
  isVar,
  showReading,
  splitWord,
  variablesHint,
} from "./lex-names";
import { ParseFailure, failAt } from "./errors";

export { type FunctionName, type Vocabulary, ParseFailure, failAt };

interface Span {
  readonly start: number;
  readonly end: number;
  /** Whitespace between the previous token and this one. */
  readonly sp: boolean;
}

export type OpChar = "+" | "-" | "*" | "/" | "^" | "=" | ",";
export type OpenKind = "(" | "[" | "{";

export type Tok = Span &
  (
    | { readonly t: "num"; readonly value: number }
    | { readonly t: "var"; readonly name: string }
    | { readonly t: "const"; readonly name: ConstantName }
    /** `glued`: log10 / log2 written with letters or digits right after (log2x). */
    | { readonly t: "fn"; readonly fn: FunctionName; readonly glued: boolean }
    | { readonly t: "logb"; readonly base: number }
    | { readonly t: "op"; readonly op: OpChar }
    | { readonly t: "open"; readonly k: OpenKind }
    | { readonly t: "close"; readonly k: OpenKind }
    | { readonly t: "bar" }
    | { readonly t: "sqrt" }
    | { readonly t: "sup"; readonly value: number; readonly negative: boolean }
    | { readonly t: "end" }
  );

const SUPERSCRIPT_DIGITS: ReadonlyMap<number, number> = new Map([
  [0x2070, 0],
  [0x00b9, 1],
  [0x00b2, 2],
  [0x00b3, 3],
  [0x2074, 4],
  [0x2075, 5],
  [0x2076, 6],
  [0x2077, 7],
  [0x2078, 8],
  [0x2079, 9],
]);
const SUP_MINUS = 0x207b;
const SUP_PLUS = 0x207a;

/** Full-width ASCII (U+FF01..U+FF5E, typed by CJK input methods) read as ASCII, one unit each. */
export const normCode = (c: number): number => (c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c);

export function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

const MINUS_CODES = new Set([0x2d, 0x2212, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0xfe63]);
/** Vulgar fractions (½, ⅓, ¾ ...), read as a bracketed quotient: `½x²` is (1/2)·x². */
const VULGAR_FRACTIONS: ReadonlyMap<number, readonly [number, number]> = new Map([
  [0xbd, [1, 2]],
  [0x2153, [1, 3]],
  [0x2154, [2, 3]],
  [0xbc, [1, 4]],
  [0xbe, [3, 4]],
  [0x2155, [1, 5]],
  [0x2156, [2, 5]],
  [0x2157, [3, 5]],
  [0x2158, [4, 5]],
  [0x2159, [1, 6]],
  [0x215a, [5, 6]],
  [0x2150, [1, 7]],
  [0x215b, [1, 8]],
  [0x215c, [3, 8]],
  [0x215d, [5, 8]],
  [0x215e, [7, 8]],
  [0x2151, [1, 9]],
  [0x2152, [1, 10]],
]);

const TIMES_CODES = new Set([0x2a, 0xb7, 0xd7, 0x22c5, 0x2219, 0x2217]);
const DIVIDE_CODES = new Set([0x2f, 0xf7, 0x2215]);
const BAR_CODES = new Set([0x7c, 0x2223]);

type AsciiToken = { t: "op"; op: OpChar } | { t: "open"; k: OpenKind } | { t: "close"; k: OpenKind };

/** Single-character ASCII tokens by character code ('*' and '|' need a look at their neighbours). */
const ASCII_TOKENS: (AsciiToken | undefined)[] = (() => {
  const table: (AsciiToken | undefined)[] = [];
  const set = (ch: string, tok: AsciiToken) => (table[ch.charCodeAt(0)] = tok);
  set("+", { t: "op", op: "+" });
  set("-", { t: "op", op: "-" });
  set("/", { t: "op", op: "/" });
  set("^", { t: "op", op: "^" });
  set("=", { t: "op", op: "=" });
  set(",", { t: "op", op: "," });
  set("(", { t: "open", k: "(" });
  set("[", { t: "open", k: "[" });
  set("{", { t: "open", k: "{" });
  set(")", { t: "close", k: "(" });
  set("]", { t: "close", k: "[" });
  set("}", { t: "close", k: "{" });
  return table;
})();

/** How a character is shown in a message (never a lone surrogate or an invisible control). */
export function showChar(input: string, at: number): string {
  const c = input.charCodeAt(at);
  const cp = input.codePointAt(at) ?? c;
  if (c >= 0xd800 && c <= 0xdbff && cp > 0xffff) return String.fromCodePoint(cp);
  if ((c >= 0xd800 && c <= 0xdfff) || c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0xfffd) {
    return `U+${c.toString(16).toUpperCase().padStart(4, "0")}`;
  }
  return String.fromCharCode(c);
}

function gluedDigits(name: string, digits: string, voc: Vocabulary, at: number): never {
  const hint = voc.varList?.some((v) => v.length > 1) ? `; ${variablesHint(voc)}` : "";
  return failAt(
    "UNKNOWN_NAME",
    `unknown name '${name}${digits}' - write ${digits}${name} for a product or ${name}^${digits} for a power${hint}`,
    at,
  );
}

/** Reads a plain decimal number starting at `i`: digits, optional point, digits. */
function scanNumber(src: string, i: number): { value: number; end: number } {
  let j = i;
  while (j < src.length && isDigit(normCode(src.charCodeAt(j)))) j++;
  let digits = j - i;
  if (j < src.length && normCode(src.charCodeAt(j)) === 0x2e) {
    j++;
    const fracStart = j;
    while (j < src.length && isDigit(normCode(src.charCodeAt(j)))) j++;
    digits += j - fracStart;
    if (j < src.length && normCode(src.charCodeAt(j)) === 0x2e) {
      let k = j;
      while (k < src.length && (isDigit(normCode(src.charCodeAt(k))) || normCode(src.charCodeAt(k)) === 0x2e))
        k++;
      failAt(
        "BAD_NUMBER",
        `'${asciiSlice(src, i, k)}' is not a number: it has more than one decimal point`,
        i,
      );
    }
  }
  if (digits === 0) failAt("BAD_NUMBER", "A '.' must be part of a number, like 0.5", i);
  const value = Number(asciiSlice(src, i, j));
  if (!Number.isFinite(value)) failAt("BAD_NUMBER", "This number is too large", i);
  return { value, end: j };
}

/** A slice with full-width characters folded to ASCII (only used on digit / letter runs). */
function asciiSlice(src: string, from: number, to: number): string {
  let plain = true;
  for (let k = from; k < to; k++) {
    if (src.charCodeAt(k) >= 0xff01) {
      plain = false;
      break;
    }
  }
  if (plain) return src.slice(from, to);
  let s = "";
  for (let k = from; k < to; k++) s += String.fromCharCode(normCode(src.charCodeAt(k)));
  return s;
}

/** Reads the base after `log_`: a number, `e`, or either in brackets. */
function scanLogBase(src: string, i: number, voc: Vocabulary): { base: number | "e"; end: number } {
  const bad = (): never =>
    failAt("BAD_LOG_BASE", "The base after 'log_' must be a number, like log_2(x) or log_10(x)", i);
  const c = normCode(src.charCodeAt(i));
  const closer = c === 0x28 ? 0x29 : c === 0x7b ? 0x7d : c === 0x5b ? 0x5d : undefined;
  let j = closer === undefined ? i : i + 1;
  let base: number | "e";
  const d = normCode(src.charCodeAt(j));
  if (isDigit(d) || d === 0x2e) {
    const n = scanNumber(src, j);
    base = n.value;
    j = n.end;
  } else if (d === 0x65 && !isLetter(normCode(src.charCodeAt(j + 1))) && !voc.vars?.has("e")) {
    base = "e";
    j += 1;
  } else return bad();
  if (closer !== undefined) {
    if (normCode(src.charCodeAt(j)) !== closer) return bad();
    j += 1;
  }
  if (base !== "e" && (base <= 0 || base === 1)) {
    failAt("BAD_LOG_BASE", "A logarithm's base must be a positive number other than 1", i);
  }
  return { base, end: j };
}

/** A reading the lexer chose where another was conceivable (shown to the learner as a warning). */
export interface LexNote {
  readonly message: string;
  readonly at: number;
}

export interface LexResult {
  readonly toks: Tok[];
  readonly notes: LexNote[];
}

/** Tokenizes `src` (already checked for length and emptiness). */
export function lex(src: string, voc: Vocabulary): LexResult {
  const toks: Tok[] = [];
  const notes: LexNote[] = [];
  let i = 0;
  let sp = false;
  const push = (tok: Tok): void => {
    toks.push(tok);
    sp = false;
  };
  const n = src.length;
  while (i < n) {
    const raw = src.charCodeAt(i);
    const c = normCode(raw);
    const start = i;
    if (isSpace(c)) {
      sp = true;
      i++;
      continue;
    }
    if (isDigit(c) || c === 0x2e) {
      const num = scanScientific(src, i, scanNumber(src, i), voc, notes);
      push({ t: "num", value: num.value, start, end: num.end, sp });
      i = num.end;
      continue;
    }
    if (isLetter(c)) {
      i = lexWord(src, i, voc, sp, push, notes);
      continue;
    }
    // The common ASCII operators first, without the table look-ups the rarer characters need.
    if (c < 0x80 && c !== 0x2a && c !== 0x7c) {
      const tok = ASCII_TOKENS[c];
      if (tok) {
        i++;
        push(
          tok.t === "op"
            ? { t: "op", op: tok.op, start, end: i, sp }
            : tok.t === "open"
              ? { t: "open", k: tok.k, start, end: i, sp }
              : { t: "close", k: tok.k, start, end: i, sp },
        );
        continue;
      }
    }
    const sup = SUPERSCRIPT_DIGITS.get(c);
    if (sup !== undefined || c === SUP_MINUS || c === SUP_PLUS) {
      let j = i;
      let negative = false;
      if (c === SUP_MINUS || c === SUP_PLUS) {
        negative = c === SUP_MINUS;
        j++;
      }
      let value = 0;
      let digits = 0;
      for (
        let d = SUPERSCRIPT_DIGITS.get(src.charCodeAt(j));
        d !== undefined;
        d = SUPERSCRIPT_DIGITS.get(src.charCodeAt(j))
      ) {
        value = value * 10 + d;
        digits++;
        j++;
      }
      if (digits === 0)
        failAt(
          "UNEXPECTED_TOKEN",
          `'${showChar(src, i)}' must be followed by a superscript digit, like x⁻¹`,
          i,
        );
      push({ t: "sup", value, negative, start, end: j, sp });
      i = j;
      continue;
    }
    i++;
    if (c === 0x2b) push({ t: "op", op: "+", start, end: i, sp });
    else if (MINUS_CODES.has(c)) push({ t: "op", op: "-", start, end: i, sp });
    else if (c === 0x2a && normCode(src.charCodeAt(i)) === 0x2a) {
      i++;
      push({ t: "op", op: "^", start, end: i, sp });
    } else if (TIMES_CODES.has(c)) push({ t: "op", op: "*", start, end: i, sp });
    else if (DIVIDE_CODES.has(c)) push({ t: "op", op: "/", start, end: i, sp });
    else if (c === 0x5e) push({ t: "op", op: "^", start, end: i, sp });
    else if (c === 0x3d) push({ t: "op", op: "=", start, end: i, sp });
    else if (c === 0x2c) push({ t: "op", op: ",", start, end: i, sp });
    else if (c === 0x28) push({ t: "open", k: "(", start, end: i, sp });
    else if (c === 0x5b) push({ t: "open", k: "[", start, end: i, sp });
    else if (c === 0x7b) push({ t: "open", k: "{", start, end: i, sp });
    else if (c === 0x29) push({ t: "close", k: "(", start, end: i, sp });
    else if (c === 0x5d) push({ t: "close", k: "[", start, end: i, sp });
    else if (c === 0x7d) push({ t: "close", k: "{", start, end: i, sp });
    else if (BAR_CODES.has(c)) push({ t: "bar", start, end: i, sp });
    else if (c === 0x221a) push({ t: "sqrt", start, end: i, sp });
    else if (VULGAR_FRACTIONS.has(c)) {
      const [top, bottom] = VULGAR_FRACTIONS.get(c)!;
      const before = toks[toks.length - 1];
      if (before?.t === "num")
        failAt(
          "UNEXPECTED_TOKEN",
          `'${src.slice(before.start, i)}' reads as a mixed number; type ${before.value} + ${top}/${bottom} or a single fraction`,
          before.start,
        );
      push({ t: "open", k: "(", start, end: i, sp });
      push({ t: "num", value: top, start, end: i, sp: false });
      push({ t: "op", op: "/", start, end: i, sp: false });
      push({ t: "num", value: bottom, start, end: i, sp: false });
      push({ t: "close", k: "(", start, end: i, sp: false });
    } else if (c === 0x221b || c === 0x221c) {
      const index = c === 0x221b ? 3 : 4;
      failAt(
        "UNEXPECTED_CHARACTER",
        `'${showChar(src, start)}' is not read; type a power instead, like (x+1)^(1/${index})`,
        start,
      );
    } else if (c === 0x3c0) push({ t: "const", name: "pi", start, end: i, sp });
    else if (c === 0x212f) push({ t: "const", name: "e", start, end: i, sp });
    else if (GREEK_BY_CODE.has(c)) {
      const name = GREEK_BY_CODE.get(c)!;
      if (!isVar(voc, name)) {
        const hint = variablesHint(voc);
        failAt(
          "UNKNOWN_NAME",
          `unknown name '${showChar(src, start)}' (${name})${hint ? ` - ${hint}` : ""}`,
          start,
        );
      }
      push({ t: "var", name, start, end: i, sp });
    } else if (c === 0x221e) {
      failAt(
        "SPECIAL_NOT_ALLOWED",
        "'∞' can only be given as the whole answer, where the problem allows infinity",
        start,
      );
    } else if (c === 0x5c) {
      failAt(
        "UNEXPECTED_CHARACTER",
        "LaTeX commands like \\frac or \\sqrt are not read: type the plain form, like (x^2)/(x+1) or sqrt(x)",
        start,
      );
    } else if (c === 0x5f) {
      failAt("UNEXPECTED_CHARACTER", "'_' is only used for a logarithm's base, like log_2(x)", start);
    } else {
      failAt("UNEXPECTED_CHARACTER", `The character '${showChar(src, start)}' cannot be used here`, start);
    }
  }
  toks.push({ t: "end", start: n, end: n, sp });
  return { toks, notes };
}

/**
 * Scientific notation after a number: `1.479e1`, `2E-3`, `1.5e-3` (a mantissa with a point), read as
 * one number. `e` with digits right after it can mean nothing else; with a sign after it, a whole
 * mantissa keeps Euler's number (`2e-1` = 2e - 1) and says so. A declared `e` or `E` is left alone.
 */
function scanScientific(
  src: string,
  start: number,
  num: { value: number; end: number },
  voc: Vocabulary,
  notes: LexNote[],
): { value: number; end: number } {
  const at = num.end;
  const c = normCode(src.charCodeAt(at));
  if (c !== 0x65 && c !== 0x45) return num;
  const letter = String.fromCharCode(c);
  if (voc.vars && [...voc.vars].some((v) => v.startsWith(letter))) return num;
  let j = at + 1;
  const s = normCode(src.charCodeAt(j));
  const signed = s === 0x2b || MINUS_CODES.has(s);
  if (signed) j++;
  const digitsStart = j;
  while (j < src.length && isDigit(normCode(src.charCodeAt(j)))) j++;
  if (j === digitsStart || normCode(src.charCodeAt(j)) === 0x2e || isLetter(normCode(src.charCodeAt(j)))) {
    return num;
  }
  const mantissa = asciiSlice(src, start, at);
  if (signed && c === 0x65 && !mantissa.includes(".")) {
    const exp = asciiSlice(src, digitsStart, j);
    notes.push({
      message: `read as ${mantissa}e ${s === 0x2b ? "+" : "-"} ${exp} (e is Euler's number); type ${mantissa}*10^${s === 0x2b ? "" : "-"}${exp} for a number in scientific notation`,
      at: start,
    });
    return num;
  }
  const value = Number(
    `${mantissa}e${s === 0x2b ? "+" : signed ? "-" : ""}${asciiSlice(src, digitsStart, j)}`,
  );
  if (!Number.isFinite(value)) failAt("BAD_NUMBER", "This number is too large", start);
  return { value, end: j };
}

/** Reads the word at `i` (a maximal run of letters, plus digits right after it); returns the end. */
function lexWord(
  src: string,
  i: number,
  voc: Vocabulary,
  sp: boolean,
  push: (tok: Tok) => void,
  notes: LexNote[],
): number {
  const n = src.length;
  let j = i;
  while (j < n && isLetter(normCode(src.charCodeAt(j)))) j++;
  const word = asciiSlice(src, i, j);
  let k = j;
  while (k < n && isDigit(normCode(src.charCodeAt(k)))) k++;
  const digits = asciiSlice(src, j, k);
  const lower = word.toLowerCase();

  // 1. A declared variable with digits (x1, w2).
  if (digits && voc.vars?.has(word + digits)) {
    push({ t: "var", name: word + digits, start: i, end: k, sp });
    return k;
  }
  // 2. log_b, log10, log2.
  if (lower === "log" && normCode(src.charCodeAt(j)) === 0x5f) {
    const b = scanLogBase(src, j + 1, voc);
    const end = b.end;
    if (b.base === "e") push({ t: "fn", fn: "ln", glued: false, start: i, end, sp });
    else if (b.base === 10) push({ t: "fn", fn: "log10", glued: false, start: i, end, sp });
    else if (b.base === 2) push({ t: "fn", fn: "log2", glued: false, start: i, end, sp });
    else push({ t: "logb", base: b.base, start: i, end, sp });
    return end;
  }
  if (lower === "log" && digits) {
    if (digits === "10" || digits === "2") {
      const next = normCode(src.charCodeAt(k));
      const glued = isLetter(next) || isDigit(next) || next === 0x2e || next === 0x3c0;
      push({ t: "fn", fn: digits === "10" ? "log10" : "log2", glued, start: i, end: k, sp });
      return k;
    }
    return failAt(
      "UNKNOWN_NAME",
      `unknown name '${word}${digits}' - write log_${digits}(x) for a base-${digits} logarithm, or log(${digits}x)`,
      i,
    );
  }
  // 3. One whole name: a function (any case), pi (any case), e, or a declared variable.
  const fn = FUNCTION_NAMES.get(lower);
  if (fn !== undefined) {
    push({ t: "fn", fn, glued: false, start: i, end: j, sp });
    return j; // digits after a function name start its argument: sin2x = sin(2x)
  }
  // (Tokens are built field by field: an object spread here is the slowest step of parsing.)
  if (isVar(voc, word)) {
    if (digits) gluedDigits(word, digits, voc, i);
    push({ t: "var", name: word, start: i, end: j, sp });
    return j;
  }
  if (lower === "pi" || word === "e") {
    if (digits) gluedDigits(word, digits, voc, i);
    push({ t: "const", name: lower === "pi" ? "pi" : "e", start: i, end: j, sp });
    return j;
  }
  const regional = REGIONAL_FUNCTION_NAMES.get(lower);
  if (regional !== undefined && !Array.isArray(splitWord(word, voc))) {
    push({ t: "fn", fn: regional, glued: false, start: i, end: j, sp });
    return j;
  }
  if (lower === "lg" && !Array.isArray(splitWord(word, voc))) {
    return failAt(
      "UNKNOWN_NAME",
      "'lg' means a base-10 logarithm in some books and base 2 in others: type log10(x) or log2(x)",
      i,
    );
  }
  // 4. A function name inside a longer word: sinx, xsin(x), 2xcos(x^2), lnx. Read as the product
  //    of the word's pieces when that is its only reading (warned); otherwise say what to type.
  const suggestion = didYouMean(word);
  if (suggestion !== undefined) {
    const readings = gluedReadings(word, voc);
    if (readings.length !== 1) {
      const message =
        readings.length === 0
          ? `unknown name '${word}' - did you mean ${suggestion}?`
          : `'${word}' can be read as ${showReading(readings[0]!)} or as ${showReading(readings[1]!)}: type the one you mean, with brackets`;
      return failAt("UNKNOWN_NAME", message, i);
    }
    const pieces = readings[0]!;
    const last = pieces[pieces.length - 1]!;
    if (digits && last.t !== "fn") gluedDigits(last.name, digits, voc, i + word.length - last.len);
    if (digits && last.name === "log") {
      return failAt(
        "UNKNOWN_NAME",
        `unknown name '${word}${digits}' - write ${showReading(pieces.slice(0, -1))} log_${digits}(x) for a base-${digits} logarithm`,
        i,
      );
    }
    notes.push({ message: `read '${word}' as ${showReading(pieces)}`, at: i });
    let at = i;
    pieces.forEach((p, idx) => {
      const first = idx === 0 ? sp : false;
      if (p.t === "fn") push({ t: "fn", fn: p.fn, glued: false, start: at, end: at + p.len, sp: first });
      else if (p.t === "var") push({ t: "var", name: p.name, start: at, end: at + p.len, sp: first });
      else push({ t: "const", name: p.name, start: at, end: at + p.len, sp: first });
      at += p.len;
    });
    return j; // digits after a final function name start its argument: xsin2x = x*sin(2x)
  }
  // 5. A product of variables and the constants pi and e: xy, xe, pix; digits may finish a
  //    declared variable (ax1 with a and x1 declared).
  let lastWithDigits: string | undefined;
  let body = word;
  if (digits && voc.vars?.has(word.slice(-1) + digits)) {
    lastWithDigits = word.slice(-1) + digits;
    body = word.slice(0, -1);
  }
  const split = splitWord(body, voc);
  if (!Array.isArray(split)) {
    const letter = body.charAt(split.bad);
    const hint = variablesHint(voc);
    const what = word.length === 1 ? `'${word}${digits}'` : `'${letter}' in '${word}${digits}'`;
    const euler = letter === "E" ? " (Euler's number is a lower-case e)" : "";
    return failAt("UNKNOWN_NAME", `unknown name ${what}${hint ? ` - ${hint}` : ""}${euler}`, i + split.bad);
  }
  let at = i;
  const last = split.length - 1;
  split.forEach((p, idx) => {
    const len = p.t === "const" && p.name === "pi" ? 2 : p.name.length;
    if (idx === last && !lastWithDigits && digits) gluedDigits(p.name, digits, voc, at);
    const first = idx === 0 ? sp : false;
    if (p.t === "var") push({ t: "var", name: p.name, start: at, end: at + len, sp: first });
    else push({ t: "const", name: p.name, start: at, end: at + len, sp: first });
    at += len;
  });
  if (lastWithDigits) {
    push({ t: "var", name: lastWithDigits, start: at, end: k, sp: split.length === 0 ? sp : false });
    return k;
  }
  return j;
}
