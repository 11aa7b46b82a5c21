// Reads what a learner typed into an expression tree (ast.ts). docs/grading.md
// ("What learners may type") is the contract; this block records how its gaps are filled.
//
// Safety
// - Never throws and never hangs, for any string. Input longer than MAX_INPUT_LENGTH (2000 UTF-16
//   units) is TOO_LONG before any other work; blank input is EMPTY (at 0). Parsing is recursive
//   descent, linear in the input; every bracket, bar, sign, exponent, function application and
//   root counts one nesting level, and more than MAX_DEPTH (64) levels is TOO_DEEP.
// - Every error has a code, a message for the learner, and `at`, the 0-based UTF-16 offset of the
//   offending place (for a missing function argument: where the argument should start; for an
//   unclosed bracket or bar: the opening one; for "2+": the end of the input).
//
// Characters
// - Spaces: ASCII whitespace, no-break and other Unicode spaces (U+2000..U+200B, U+3000, ...).
//   Full-width ASCII (U+FF01..U+FF5E, e.g. ｘ２) reads as the ASCII character.
// - Minus: - − (U+2212) – — ‐ ‒ ﹣. Times: * · × ⋅ ∙ ∗. Divide: / ÷ ∕. Power: ^ and **.
//   π is pi; √ is a square root; | and ∣ are absolute-value bars; ⁰..⁹ with an optional ⁻/⁺ are an
//   exponent (x², x⁻¹, sin²x; x²³ is x^23). ∞ only in parseAnswer (SPECIAL_NOT_ALLOWED elsewhere).
//   Anything else is UNEXPECTED_CHARACTER.
// - Brackets: ( ), [ ] and { } group, each closed by its own kind.
// - Numbers: plain decimals `12`, `0.5`, `.5`, `3.` (= 3); `1.2.3` and a lone `.` are BAD_NUMBER.
//   Scientific notation where nothing else is meant: `1.479e1`, `2e5`, `2E-3`, `1.5e-3` (a point in
//   the mantissa); `1e-3` stays 1*e - 3 (Euler's number), warned with the way to type 10^-3.
//   Numbers in the tree are always >= 0 (`-2` is neg(2)).
//
// Names
// - Variables: `vars` declares them (a letter optionally followed by digits; anything else is
//   BAD_REQUEST). Without `vars`, every single ASCII letter except `e` (either case) is a variable.
//   A declared `e` wins over Euler's number.
// - A word is a maximal run of ASCII letters (with digits right after it, see below), read as:
//   1. a function name, in any case (Sin x = sin x), or `pi` in any case (also where P and I are
//      variables), or `e`, or a declared variable, if it is that whole;
//   2. otherwise, if a function name occurs inside it: the product of its pieces when the word has
//      exactly one reading as function names and runs of variables and constants in which no run
//      spells a function name (`sinx` = sin x, `xsinx` = x sin x, `2xcos(x^2)`, `xln(x)`), warned;
//      two readings (`asinx` with a declared a: asin x or a sin x) are UNKNOWN_NAME naming both;
//      none: UNKNOWN_NAME "did you mean sin(x)?";
//   3. otherwise its letters split into declared variables and the constants pi and e (pi before
//      p*i): `xy` = x*y; a following ^ applies to the last piece only (`xe^x` = x*e^x);
//   4. otherwise UNKNOWN_NAME, listing the problem's variables.
// - Digits right after a word: a declared name (`x1`) is that variable; after a function they start
//   its argument (`sin2x` = sin(2x), `ln2` = ln(2)); `log10`/`log2` are those functions (`log3` is
//   UNKNOWN_NAME suggesting log_3); after a variable or constant (`x2`, `pi2`) they are
//   UNKNOWN_NAME "write 2x for a product or x^2 for a power".
//
// Functions
// - Names: ast.ts UNARY_FUNCTIONS, plus arcsin..arccot = asin..acot, log = ln, sgn = sign.
//   `log_b` takes a positive numeric base other than 1, optionally bracketed (`log_(3)`):
//   log_10 -> log10, log_2 -> log2, log_e -> ln (unless e is a declared variable), others -> logb;
//   a non-numeric or bad base is BAD_LOG_BASE. `log10x` / `log2x` read as log10(x) / log2(x), warned.
//   (A logb node with base 10 or 2 prints as `log_10(...)`, which reads back as the log10 call.)
// - `f^n` / `f²` with a whole number n >= 1 is the n-th power of f(arg); `f^-1`, `f^(-1)`, `f⁻¹` is
//   the inverse (the six trig functions only: ast.ts has no asinh; others, and other exponents,
//   are UNEXPECTED_TOKEN).
// - Argument in brackets: `sin(x)`, `sin (x+1)`; the group is the argument, then ^ applies to the
//   call (`sin(x)^2` = sin(x)^2) and the product goes on (`sin(x)cos(x)`).
// - Bare argument: the run of implicitly multiplied factors after the name, up to another function
//   name or √, an explicit `*` (as WeBWorK and Wolfram Alpha read it: learners type `*` to
//   separate), `+ - /`, a closing bracket or bar, `,`, `=` or the end: `sin x cos x` =
//   sin(x)*cos(x), `sin 2x` = sin(2x), `sin x*x` = sin(x)*x, `ln2 * 2^x` = ln(2)*2^x,
//   `sin x/2` = sin(x)/2, `sin sin x` nests.
//   A power inside it (`sin x^2` = sin(x^2)) gives an AMBIGUOUS warning. A sign cannot start a
//   bare argument (`sin -x`, `sin+1`: MISSING_ARGUMENT - write sin(-x)); nor can nothing (`sin`,
//   `ln()`).
// - `√` applies to one factor: a bracket group (`√(x+1)`, then ^ applies to the root), or a single
//   factor with its powers (`√x^2` = sqrt(x^2), warned), or a function application. `√2x` is
//   sqrt(2)*x, warned when nothing separates them.
// - `|...|`: a bar where an operand is expected opens; where an operator is expected it closes the
//   innermost bar opened inside the same brackets, or, with none open, starts a new absolute value
//   multiplied on (`2|x|`, `|x||y|`, `|x - |y||`).
//
// Operators, loosest first
// - `+ -` (n-ary add; a - b = add(a, neg(b))).
// - Unary `-`/`+` at the start of a term: looser than * and /, so `-2x` = neg(2x), `-x^2` = neg(x^2);
//   `+x` = x; `2--x` = 2 - (-x).
// - Products, left to right: `*`, juxtaposition, `/` (a/b*c = (a/b)*c, a*b/c = (a*b)/c,
//   a/b/c = (a/b)/c). After `*` or `/` a sign applies to the next factor only (`2*-x` = 2*(-x)).
//   Juxtaposition: `2x`, `2 x`, `x y`, `x(x+1)` (a variable or constant before a bracket multiplies),
//   `(x+1)(x-1)`, `2(x+1)`, `(x+1)2`, `x 2`. Two numbers in a row (`2 3`) are UNEXPECTED_TOKEN.
//   `1/2x` = (1/2)*x with an AMBIGUOUS warning (any juxtaposition right after a division).
//   `x^1/2` = (x^1)/2 with an AMBIGUOUS warning when a whole-number exponent is divided by a
//   larger whole number (`x^1/2`, `x^2/3`, `x^-1/2`; not `x^2/2`, `x^3/3`, `e^x/2`).
//   At most 5 warnings are reported per answer.
// - `^`, `**`, superscripts: right-associative and tighter than a sign on the left (`2^3^2` = 2^(3^2)).
//   The exponent is a single operand with optional signs and its own powers (`e^-x`, `x^-2`,
//   `e^x^2` = e^(x^2)): `2x^2` = 2*(x^2), `x^2y` = x^2*y. When the base has no variables and the
//   exponent is not bracketed, a factor written right after it (`e^2x`, `2^3x`, `e^xy`) is
//   multiplied on with an AMBIGUOUS warning ("read as e^2·x; type e^(2x) if you meant that").
//   A signed exponent of a constant base takes the variables and constants glued to it:
//   `e^-2x` = e^(-2x), `e^-xy` = e^(-xy), warned (nobody writes e^-2·x for a product); with a space
//   (`e^-2 x`) the product reading stays.
// - `=` and `,` are UNEXPECTED_TOKEN (a comma between digits suggests a decimal point).
//
// Special answers (parseAnswer, read by special.ts): DNE, does not exist, inf, +inf, infinity, ∞, oo and
// their signed forms, any case, any spacing; SPECIAL_NOT_ALLOWED unless `allowSpecial`.
// Over 500 lines, and one file on purpose: a 110-line record of the reading rules above, then one
// recursive-descent Parser whose methods call each other (sum -> term -> factor -> power -> function
// argument -> back to sum); splitting it would scatter one grammar over files. What has a job of its
// own already lives apart: characters and tokens in lex.ts, names and glued words in lex-names.ts,
// special answers in special.ts, errors in errors.ts.

import { add, call, cnst, div, type Expr, mul, neg, num, pow, logb, variable } from "./ast";
import { type CoreError } from "./errors";
import { readSpecial } from "./special";
import { EXTRA_INVERSES, expandExtra, isExtra } from "./extra-functions";
import { VARIABLE_NAME } from "./lex-names";
import {
  type FunctionName,
  failAt,
  isSpace,
  lex,
  normCode,
  type OpenKind,
  ParseFailure,
  type Tok,
  type Vocabulary,
} from "./lex";

export interface ParseOptions {
  readonly vars?: readonly string[];
  readonly allowSpecial?: boolean;
}
export interface ParseWarning {
  code: "AMBIGUOUS";
  message: string;
  at: number;
}
export type ParseResult =
  { ok: true; expr: Expr; warnings: ParseWarning[] } | { ok: false; error: CoreError };
export type AnswerResult =
  | { ok: true; kind: "expr"; expr: Expr; warnings: ParseWarning[] }
  | { ok: true; kind: "special"; value: "dne" | "inf" | "-inf"; warnings: ParseWarning[] }
  | { ok: false; error: CoreError };

export const MAX_INPUT_LENGTH = 2000;
export const MAX_DEPTH = 64;
/** Later ambiguities in one answer are not reported (keeps the work linear and the preview short). */
const MAX_WARNINGS = 5;

const CLOSER: Record<OpenKind, string> = { "(": ")", "[": "]", "{": "}" };

const INVERSE: Partial<Record<FunctionName, FunctionName>> = {
  sin: "asin",
  cos: "acos",
  tan: "atan",
  sec: "asec",
  csc: "acsc",
  cot: "acot",
  ...EXTRA_INVERSES,
};

/** A function applied to its argument: extra functions become their definitions. */
function applyFunction(fn: FunctionName, arg: Expr): Expr {
  return isExtra(fn) ? expandExtra(fn, arg) : call(fn, arg);
}

/** A parsed factor with its source span and what the ambiguity warnings need. */
interface Factor {
  readonly e: Expr;
  readonly start: number;
  readonly end: number;
  /** Where the outermost postfix power of a plain operand begins (`x^2`, `x²`), if any. */
  readonly powAt?: number;
  /** Set when a factor glued right after this one reads surprisingly (`e^2x`, `√2x`). */
  readonly tail?: { readonly head: number; readonly argStart: number; readonly at: number };
  /** Set when the factor ends in `^n` for a plain (unbracketed, maybe signed) whole number n. */
  readonly intExp?: {
    readonly value: number;
    readonly head: number;
    readonly argStart: number;
    readonly at: number;
  };
}

/** The value of a whole-number literal, possibly negated (`2`, `-1`); otherwise undefined. */
function wholeNumber(e: Expr): number | undefined {
  if (e.kind === "num") return Number.isInteger(e.value) ? e.value : undefined;
  if (e.kind === "neg" && e.arg.kind === "num" && Number.isInteger(e.arg.value)) return -e.arg.value;
  return undefined;
}

class Parser {
  private i = 0;
  private depth = 0;
  /** Bars opened inside the current brackets. */
  private openBars = 0;
  /** Brackets currently open. */
  private groups = 0;
  /** Variable tokens consumed so far (to know whether a power's base is constant). */
  private varCount = 0;
  readonly warnings: ParseWarning[] = [];

  constructor(
    private readonly src: string,
    private readonly toks: readonly Tok[],
  ) {}

  parseAll(): Expr {
    const e = this.parseExpr();
    const tok = this.peek();
    if (tok.t !== "end") this.unexpectedAfterOperand(tok);
    return e;
  }

  // ---- token helpers ----

  private peek(offset = 0): Tok {
    // The token list always ends with an "end" token, and the parser never moves past it.
    return this.toks[Math.min(this.i + offset, this.toks.length - 1)]!;
  }

  private next(): Tok {
    const tok = this.peek();
    if (tok.t !== "end") this.i++;
    return tok;
  }

  private text(tok: Tok): string {
    return this.src.slice(tok.start, tok.end);
  }

  private slice(from: number, to: number): string {
    return this.src.slice(from, to).trim();
  }

  private enter(at: number): void {
    this.depth++;
    if (this.depth > MAX_DEPTH) {
      failAt("TOO_DEEP", `This is nested too deeply (more than ${MAX_DEPTH} levels); simplify it`, at);
    }
  }

  private leave(): void {
    this.depth--;
  }

  warn(message: string, at: number): void {
    if (this.warnings.length < MAX_WARNINGS) this.warnings.push({ code: "AMBIGUOUS", message, at });
  }

  /** Whether `tok`, where an operator could be, begins a factor multiplied on by juxtaposition. */
  private startsFactor(tok: Tok): boolean {
    switch (tok.t) {
      case "num":
      case "var":
      case "const":
      case "fn":
      case "logb":
      case "open":
      case "sqrt":
        return true;
      case "bar":
        return this.openBars === 0;
      case "op":
      case "close":
      case "sup":
      case "end":
        return false;
    }
  }

  private static isFunctionStart(tok: Tok): boolean {
    return tok.t === "fn" || tok.t === "logb" || tok.t === "sqrt";
  }

  // ---- grammar ----

  /** Sum of terms. */
  private parseExpr(): Expr {
    const terms: Expr[] = [this.parseTerm()];
    for (;;) {
      const tok = this.peek();
      if (tok.t !== "op" || (tok.op !== "+" && tok.op !== "-")) break;
      this.next();
      const term = this.parseTerm();
      terms.push(tok.op === "-" ? neg(term) : term);
    }
    return add(...terms);
  }

  /** A term with optional leading signs. */
  private parseTerm(): Expr {
    const tok = this.peek();
    if (tok.t === "op" && (tok.op === "-" || tok.op === "+")) {
      this.next();
      this.enter(tok.start);
      const inner = this.parseTerm();
      this.leave();
      return tok.op === "-" ? neg(inner) : inner;
    }
    return this.parseRun(false).e;
  }

  /**
   * A product / quotient run. With `bare`, the bare argument of a function: implicitly multiplied
   * factors only, stopping before `*`, `/` and another function.
   */
  private parseRun(bare: boolean): Factor {
    const first = this.parseFactor();
    let acc = first.e;
    let prev = first;
    let last = first;
    let powered = first.powAt !== undefined;
    let afterDiv: { slashAt: number; numEnd: number; denStart: number } | undefined;
    for (;;) {
      const tok = this.peek();
      if (tok.t === "op" && (tok.op === "*" || tok.op === "/")) {
        // An explicit `*` or `/` ends a bare argument: `sin x * x` = sin(x)*x, `ln2 * 2^x` = ln(2)*2^x.
        if (bare) break;
        this.next();
        const f = this.parseSignedFactor(tok);
        acc = tok.op === "*" ? mul(acc, f.e) : div(acc, f.e);
        afterDiv = tok.op === "/" ? { slashAt: tok.start, numEnd: tok.start, denStart: f.start } : undefined;
        const d = wholeNumber(f.e);
        if (tok.op === "/" && prev.intExp && d !== undefined && Math.abs(prev.intExp.value) < d) {
          const x = prev.intExp;
          this.warn(
            `read as (${this.slice(first.start, prev.end)})/${this.slice(f.start, f.end)}; type ` +
              `${this.slice(first.start, x.head)}(${this.slice(x.argStart, f.end)}) if you meant that`,
            x.at,
          );
        }
        prev = f;
        last = f;
        powered ||= f.powAt !== undefined;
        continue;
      }
      if (!this.startsFactor(tok) || (bare && Parser.isFunctionStart(tok))) break;
      if (tok.t === "num") {
        const before = this.toks[this.i - 1];
        if (before?.t === "num") {
          failAt(
            "UNEXPECTED_TOKEN",
            `Two numbers in a row ('${this.text(before)} ${this.text(tok)}'): write ${this.text(before)}*${this.text(tok)} for a product`,
            tok.start,
          );
        }
      }
      const f = this.parseFactor();
      if (!tok.sp && prev.tail) {
        const t = prev.tail;
        this.warn(
          `read as ${this.slice(prev.start, prev.end)}·${this.slice(f.start, f.end)}; type ` +
            `${this.slice(prev.start, t.head)}(${this.slice(t.argStart, f.end)}) if you meant that`,
          t.at,
        );
      }
      if (afterDiv) {
        const a = afterDiv;
        this.warn(
          `read as (${this.slice(first.start, prev.end)})·${this.slice(f.start, f.end)}; type ` +
            `${this.slice(first.start, a.numEnd)}/(${this.slice(a.denStart, f.end)}) if you meant that`,
          a.slashAt,
        );
        afterDiv = undefined;
      }
      acc = mul(acc, f.e);
      prev = f;
      last = f;
      powered ||= f.powAt !== undefined;
    }
    return {
      e: acc,
      start: first.start,
      end: last.end,
      ...(powered ? { powAt: last.powAt ?? -1 } : {}),
    };
  }

  /** A factor after `*` or `/`, where a sign applies to that factor only. */
  private parseSignedFactor(op: Tok): Factor {
    const tok = this.peek();
    if (tok.t === "op" && (tok.op === "-" || tok.op === "+")) {
      this.next();
      this.enter(tok.start);
      const f = this.parseSignedFactor(tok);
      this.leave();
      return { e: tok.op === "-" ? neg(f.e) : f.e, start: tok.start, end: f.end };
    }
    if (tok.t === "end") failAt("UNEXPECTED_END", `Expected something after '${this.text(op)}'`, tok.start);
    return this.parseFactor();
  }

  /** A function application, a root, or an operand with its powers. */
  private parseFactor(): Factor {
    const tok = this.peek();
    if (tok.t === "fn" || tok.t === "logb") return this.parseFunction();
    if (tok.t === "sqrt") return this.parseSqrt();
    const varsBefore = this.varCount;
    const p = this.parsePrimary();
    return this.parsePostfix(p, this.varCount === varsBefore);
  }

  /** Powers after an operand: `^ exponent` (right-associative) and superscripts. */
  private parsePostfix(base: Factor, constantBase: boolean): Factor {
    let f = base;
    for (;;) {
      const tok = this.peek();
      if (tok.t === "op" && tok.op === "^") {
        this.next();
        const x = constantBase ? this.parseSignedExponent(tok, f.start) : this.parseExponent(tok);
        f = {
          e: pow(f.e, x.f.e),
          start: f.start,
          end: x.f.end,
          powAt: tok.start,
          ...(constantBase && x.plain ? { tail: { head: tok.end, argStart: x.f.start, at: tok.start } } : {}),
          ...(x.plain && wholeNumber(x.f.e) !== undefined
            ? { intExp: { value: wholeNumber(x.f.e)!, head: tok.end, argStart: x.f.start, at: tok.start } }
            : {}),
        };
      } else if (tok.t === "sup") {
        this.next();
        const n = num(tok.value);
        f = { e: pow(f.e, tok.negative ? neg(n) : n), start: f.start, end: tok.end, powAt: tok.start };
      } else return f;
    }
  }

  /**
   * The exponent of a constant base: as parseExponent, except that a signed plain exponent takes the
   * variables and constants glued right after it (`e^-2x` = e^(-2x), `e^-xy` = e^(-xy)), warned;
   * `e^-2 x` (with a space) and `e^2x` (no sign) keep the documented product reading.
   */
  private parseSignedExponent(caret: Tok, baseStart: number): { f: Factor; plain: boolean } {
    const sign = this.peek();
    const x = this.parseExponent(caret);
    const glued = this.peek();
    let magnitude = x.f.e.kind === "neg" ? x.f.e.arg : x.f.e;
    if (
      !(sign.t === "op" && (sign.op === "-" || sign.op === "+")) ||
      !x.plain ||
      (magnitude.kind !== "num" && magnitude.kind !== "var" && magnitude.kind !== "const") ||
      glued.sp ||
      (glued.t !== "var" && glued.t !== "const")
    ) {
      return x;
    }
    let end = x.f.end;
    for (let t = this.peek(); !t.sp && (t.t === "var" || t.t === "const"); t = this.peek()) {
      const f = this.parseFactor();
      magnitude = mul(magnitude, f.e);
      end = f.end;
    }
    const e = sign.op === "-" ? neg(magnitude) : magnitude;
    const base = this.slice(baseStart, caret.start);
    this.warn(
      `read as ${base}^(${this.slice(x.f.start, end)}); type (${this.slice(baseStart, x.f.end)})·` +
        `${this.slice(x.f.end, end)} if you meant a product`,
      caret.start,
    );
    return { f: { e, start: x.f.start, end }, plain: false };
  }

  /** The operand of `^`: signs, then one operand with its own powers. `plain`: not bracketed. */
  private parseExponent(caret: Tok): { f: Factor; plain: boolean } {
    const tok = this.peek();
    this.enter(tok.start);
    let result: { f: Factor; plain: boolean };
    if (tok.t === "op" && (tok.op === "-" || tok.op === "+")) {
      this.next();
      const inner = this.parseExponent(tok);
      result = {
        f: { e: tok.op === "-" ? neg(inner.f.e) : inner.f.e, start: tok.start, end: inner.f.end },
        plain: inner.plain,
      };
    } else if (tok.t === "end") {
      return failAt("UNEXPECTED_END", `Expected an exponent after '${this.text(caret)}'`, tok.start);
    } else if (tok.t === "fn" || tok.t === "logb") {
      result = { f: this.parseFunction(), plain: false };
    } else if (tok.t === "sqrt") {
      result = { f: this.parseSqrt(), plain: false };
    } else {
      const varsBefore = this.varCount;
      const p = this.parsePrimary();
      result = {
        f: this.parsePostfix(p, this.varCount === varsBefore),
        plain: tok.t !== "open" && tok.t !== "bar",
      };
    }
    this.leave();
    return result;
  }

  /** A number, name, bracket group or absolute value. */
  private parsePrimary(): Factor {
    const tok = this.peek();
    switch (tok.t) {
      case "num":
        this.next();
        return { e: num(tok.value), start: tok.start, end: tok.end };
      case "var":
        this.next();
        this.varCount++;
        return { e: variable(tok.name), start: tok.start, end: tok.end };
      case "const":
        this.next();
        return { e: cnst(tok.name), start: tok.start, end: tok.end };
      case "open":
        return this.parseGroup();
      case "bar":
        return this.parseAbs();
      case "fn":
      case "logb":
      case "sqrt":
      case "op":
      case "close":
      case "sup":
      case "end":
        return this.expectedOperand(tok);
    }
  }

  private parseGroup(): Factor {
    const open = this.next();
    if (open.t !== "open") return this.expectedOperand(open);
    this.enter(open.start);
    const inner = this.peek();
    if (inner.t === "close" && inner.k === open.k) {
      failAt("UNEXPECTED_TOKEN", `Expected something inside '${open.k}${CLOSER[open.k]}'`, inner.start);
    }
    const savedBars = this.openBars;
    this.openBars = 0;
    this.groups++;
    const e = this.parseExpr();
    const close = this.peek();
    if (close.t === "end") failAt("UNBALANCED_PAREN", `This '${open.k}' is never closed`, open.start);
    if (close.t === "close" && close.k !== open.k) {
      failAt(
        "UNBALANCED_PAREN",
        `This '${CLOSER[close.k]}' does not match the '${open.k}' before it; close it with '${CLOSER[open.k]}'`,
        close.start,
      );
    }
    if (close.t !== "close") this.unexpectedAfterOperand(close);
    this.next();
    this.groups--;
    this.openBars = savedBars;
    this.leave();
    return { e, start: open.start, end: close.end };
  }

  private parseAbs(): Factor {
    const open = this.next();
    this.enter(open.start);
    if (this.peek().t === "end") failAt("UNBALANCED_ABS", "This '|' is never closed", open.start);
    this.openBars++;
    const e = this.parseExpr();
    const close = this.peek();
    if (close.t !== "bar") {
      if (close.t === "end" || close.t === "close") {
        failAt(
          "UNBALANCED_ABS",
          `This '|' is never closed${close.t === "close" ? ` before the '${CLOSER[close.k]}'` : ""}`,
          open.start,
        );
      }
      this.unexpectedAfterOperand(close);
    }
    this.next();
    this.openBars--;
    this.leave();
    return { e: call("abs", e), start: open.start, end: close.end };
  }

  /** A function name with its optional power and its argument. */
  private parseFunction(): Factor {
    const tok = this.next();
    if (tok.t !== "fn" && tok.t !== "logb") return this.expectedOperand(tok);
    this.enter(tok.start);
    const name = this.text(tok);
    let apply = (arg: Expr): Expr => (tok.t === "fn" ? applyFunction(tok.fn, arg) : logb(tok.base, arg));
    let power: number | undefined;
    const p = this.peek();
    if ((p.t === "op" && p.op === "^") || p.t === "sup") {
      const n = this.parseFunctionPower();
      if (n === -1) {
        const inv = tok.t === "fn" ? INVERSE[tok.fn] : undefined;
        if (inv === undefined) {
          failAt(
            "UNEXPECTED_TOKEN",
            `'${name}^-1' is not supported here: write 1/${name}(x) for the reciprocal`,
            p.start,
          );
        } else apply = (arg: Expr): Expr => applyFunction(inv, arg);
      } else if (n !== 1) power = n;
    }
    const a = this.peek();
    let result: Factor;
    if (a.t === "open") {
      const after = this.peek(1);
      if (after.t === "close" && after.k === a.k) {
        failAt(
          "MISSING_ARGUMENT",
          `'${name}' needs something inside the brackets, like ${name}(x)`,
          after.start,
        );
      }
      const g = this.parseGroup();
      const applied = apply(g.e);
      result = this.parsePostfix(
        { e: power === undefined ? applied : pow(applied, num(power)), start: tok.start, end: g.end },
        false,
      );
    } else if (a.t === "bar" || this.startsFactor(a)) {
      const run = this.parseRun(true);
      const argSrc = this.slice(run.start, run.end);
      if (run.powAt !== undefined) {
        const alt =
          run.powAt >= 0 && power === undefined
            ? `; type (${name} ${this.slice(run.start, run.powAt)})${this.slice(run.powAt, run.end)} if you meant that`
            : "";
        this.warn(`read as ${name}(${argSrc})${alt}`, tok.start);
      } else if (tok.t === "fn" && tok.glued) {
        const digits = tok.fn === "log10" ? "10" : "2";
        this.warn(
          `read as ${name}(${argSrc}); type log(${digits}${argSrc}) if you meant the natural log`,
          tok.start,
        );
      }
      const applied = apply(run.e);
      result = {
        e: power === undefined ? applied : pow(applied, num(power)),
        start: tok.start,
        end: run.end,
      };
    } else {
      const sign = a.t === "op" && a.op === "-" ? `; write ${name}(-x) with brackets` : "";
      return failAt("MISSING_ARGUMENT", `'${name}' needs an argument, like ${name}(x)${sign}`, a.start);
    }
    this.leave();
    return result;
  }

  /** After a function name: `^n`, `^-1`, `^(-1)`, `²`, `⁻¹`. Returns the whole number. */
  private parseFunctionPower(): number {
    const first = this.next();
    if (first.t === "sup") return first.negative ? -first.value : first.value;
    const bad = (at: number): never =>
      failAt(
        "UNEXPECTED_TOKEN",
        "After a function name, '^' takes a whole number, like sin^2 x, or -1 for the inverse, like sin^-1 x",
        at,
      );
    let open: OpenKind | undefined;
    let tok = this.next();
    if (tok.t === "open") {
      open = tok.k;
      tok = this.next();
    }
    let negative = false;
    if (tok.t === "op" && (tok.op === "-" || tok.op === "+")) {
      negative = tok.op === "-";
      tok = this.next();
    }
    if (tok.t !== "num" || !Number.isInteger(tok.value)) return bad(tok.start);
    const n = negative ? -tok.value : tok.value;
    if (open !== undefined) {
      const close = this.next();
      if (close.t !== "close" || close.k !== open) return bad(close.start);
    }
    if (n !== -1 && n < 1) return bad(tok.start);
    return n;
  }

  /** `√` and its operand. */
  private parseSqrt(): Factor {
    const tok = this.next();
    this.enter(tok.start);
    const a = this.peek();
    let result: Factor;
    if (a.t === "open") {
      const g = this.parseGroup();
      result = this.parsePostfix({ e: call("sqrt", g.e), start: tok.start, end: g.end }, false);
    } else if (a.t === "bar" || this.startsFactor(a)) {
      const arg = this.parseFactor();
      if (arg.powAt !== undefined) {
        this.warn(
          `read as √(${this.slice(arg.start, arg.end)}); type (√${this.slice(arg.start, arg.powAt)})` +
            `${this.slice(arg.powAt, arg.end)} if you meant that`,
          tok.start,
        );
      }
      result = {
        e: call("sqrt", arg.e),
        start: tok.start,
        end: arg.end,
        tail: { head: tok.end, argStart: arg.start, at: tok.start },
      };
    } else {
      return failAt("MISSING_ARGUMENT", "'√' needs an argument, like √x or √(x+1)", a.start);
    }
    this.leave();
    return result;
  }

  // ---- errors ----

  private expectedOperand(tok: Tok): never {
    const prev = this.i > 0 ? this.toks[this.i - 1] : undefined;
    const after = prev ? ` after '${this.text(prev)}'` : "";
    switch (tok.t) {
      case "end":
        return failAt("UNEXPECTED_END", `Expected something${after}`, tok.start);
      case "close":
        if (this.groups === 0) {
          return failAt("UNBALANCED_PAREN", `This '${CLOSER[tok.k]}' has no matching '${tok.k}'`, tok.start);
        }
        return failAt("UNEXPECTED_TOKEN", `Expected something${after}, before '${CLOSER[tok.k]}'`, tok.start);
      case "sup":
        return failAt(
          "UNEXPECTED_TOKEN",
          `'${this.text(tok)}' must come right after what it raises to a power, like x²`,
          tok.start,
        );
      case "op":
        if (tok.op === "=" || tok.op === ",") return this.unexpectedAfterOperand(tok);
        return failAt(
          "UNEXPECTED_TOKEN",
          prev
            ? `Expected a number, variable or '('${after}, not '${this.text(tok)}'`
            : `Expected a number, variable or '(' before '${this.text(tok)}'`,
          tok.start,
        );
      case "num":
      case "var":
      case "const":
      case "fn":
      case "logb":
      case "open":
      case "bar":
      case "sqrt":
        return failAt("UNEXPECTED_TOKEN", `Unexpected '${this.text(tok)}'`, tok.start);
    }
  }

  private unexpectedAfterOperand(tok: Tok): never {
    if (tok.t === "close") {
      return failAt("UNBALANCED_PAREN", `This '${CLOSER[tok.k]}' has no matching '${tok.k}'`, tok.start);
    }
    if (tok.t === "op" && tok.op === "=") {
      return failAt("UNEXPECTED_TOKEN", "Enter just the expression, without '='", tok.start);
    }
    if (tok.t === "op" && tok.op === ",") {
      const before = normCode(this.src.charCodeAt(tok.start - 1));
      const after = normCode(this.src.charCodeAt(tok.start + 1));
      const decimal = before >= 0x30 && before <= 0x39 && after >= 0x30 && after <= 0x39;
      return failAt(
        "UNEXPECTED_TOKEN",
        decimal
          ? "Use a point for decimals, like 0.5, not a comma"
          : "Enter a single expression; ',' is not expected here",
        tok.start,
      );
    }
    return failAt("UNEXPECTED_TOKEN", `Unexpected '${this.text(tok)}'`, tok.start);
  }
}

function vocabulary(options: ParseOptions | undefined): Vocabulary | CoreError {
  const vars = options?.vars;
  if (vars === undefined || vars === null) return { vars: undefined, varList: undefined };
  if (!Array.isArray(vars)) return { code: "BAD_REQUEST", message: "vars must be a list of variable names" };
  const list: string[] = [];
  for (const v of vars as readonly unknown[]) {
    if (typeof v !== "string" || !VARIABLE_NAME.test(v)) {
      return {
        code: "BAD_REQUEST",
        message: `'${String(v).slice(0, 20)}' is not a variable name: use a letter or a Greek letter's name (theta, sigma), optionally followed by digits`,
      };
    }
    if (!list.includes(v)) list.push(v);
  }
  return { vars: new Set(list), varList: list };
}

function firstNonSpace(input: string): number {
  let i = 0;
  while (i < input.length && isSpace(normCode(input.charCodeAt(i)))) i++;
  return i;
}

/** Reads an expression. Never throws. */
export function parse(input: string, options?: ParseOptions): ParseResult {
  try {
    if (typeof input !== "string")
      return { ok: false, error: { code: "BAD_REQUEST", message: "The answer must be text" } };
    if (input.length > MAX_INPUT_LENGTH) {
      return {
        ok: false,
        error: {
          code: "TOO_LONG",
          message: `This answer is too long (more than ${MAX_INPUT_LENGTH} characters)`,
          at: MAX_INPUT_LENGTH,
        },
      };
    }
    if (firstNonSpace(input) === input.length) {
      return { ok: false, error: { code: "EMPTY", message: "Type an answer first", at: 0 } };
    }
    const voc = vocabulary(options);
    if ("code" in voc) return { ok: false, error: voc };
    const { toks, notes } = lex(input, voc);
    const parser = new Parser(input, toks);
    for (const note of notes) parser.warn(note.message, note.at);
    const expr = parser.parseAll();
    return { ok: true, expr, warnings: parser.warnings };
  } catch (err) {
    if (err instanceof ParseFailure) return { ok: false, error: err.error };
    // Not reachable by design (depth and length are capped); kept so that nothing escapes.
    return {
      ok: false,
      error: { code: "UNEXPECTED_TOKEN", message: "This answer could not be read", at: 0 },
    };
  }
}

/**
 * Like parse, but accepts the special answers of special.ts (DNE, does not exist, inf, infinity, ∞, oo,
 * signed; case-insensitive, surrounding spaces) when allowSpecial (`oo` only when o is not a variable); otherwise those give SPECIAL_NOT_ALLOWED with a clear message.
 */
export function parseAnswer(input: string, options?: ParseOptions): AnswerResult {
  try {
    if (typeof input === "string" && input.length <= MAX_INPUT_LENGTH) {
      const read = readSpecial(input);
      const special = read !== "dne" && options?.vars?.includes("o") && /o/i.test(input) ? undefined : read;
      if (special !== undefined) {
        if (options?.allowSpecial === true)
          return { ok: true, kind: "special", value: special, warnings: [] };
        const what = special === "dne" ? "'does not exist'" : "infinity";
        return {
          ok: false,
          error: {
            code: "SPECIAL_NOT_ALLOWED",
            message: `This problem expects an expression; ${what} is not an accepted answer here`,
            at: firstNonSpace(input),
          },
        };
      }
    }
  } catch {
    // fall through to parse, which reports its own errors
  }
  const r = parse(input, options);
  return r.ok ? { ok: true, kind: "expr", expr: r.expr, warnings: r.warnings } : r;
}
