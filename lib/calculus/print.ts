// Printers: canonical plain text (parses back to the same tree, explicit `*`) and textbook LaTeX for
// KaTeX. Both put parentheses only where precedence needs them.
import type { Expr, UnaryFunction } from "./ast";
import { GREEK_LETTERS } from "./lex-names";

// Binding strength of each printed form: a child printed weaker than its slot requires gets parentheses.
const ADD = 1;
const NEG = 2;
const MUL = 3;
const POW = 5;
const ATOM = 6;

function level(e: Expr): number {
  switch (e.kind) {
    case "add":
      return ADD;
    case "neg":
      return NEG;
    case "mul":
    case "div":
      return MUL;
    case "pow":
      return POW;
    case "num":
    case "const":
    case "var":
    case "call":
    case "logb":
      return ATOM;
  }
}

/** A finite, non-negative number as a plain decimal: never exponent notation (`1e-7` would read as 1*e - 7). */
export function formatNumber(value: number): string {
  const s = String(value);
  if (!/e/i.test(s)) return s;
  const negative = value < 0;
  const [mantissa = "", expPart = "0"] = (negative ? s.slice(1) : s).split(/e/i);
  const exp = Number(expPart);
  const [intPart = "", fracPart = ""] = mantissa.split(".");
  const digits = intPart + fracPart;
  const point = intPart.length + exp;
  let out: string;
  if (point <= 0) out = "0." + "0".repeat(-point) + digits;
  else if (point >= digits.length) out = digits + "0".repeat(point - digits.length);
  else out = digits.slice(0, point) + "." + digits.slice(point);
  out = out.replace(/^0+(?=\d)/, "");
  return negative ? "-" + out : out;
}

// ---------------------------------------------------------------- plain text

/** Canonical plain text: `2*x*sin(x) + x^2*cos(x)`. `parse(toText(e))` gives back `e`. */
export function toText(e: Expr): string {
  switch (e.kind) {
    case "num":
      return formatNumber(e.value);
    case "const":
      return e.name;
    case "var":
      return e.name;
    case "add":
      return e.terms
        .map((t, i) => {
          if (i === 0) return wrapText(t, NEG);
          if (t.kind === "neg") return " - " + wrapText(t.arg, MUL);
          return " + " + wrapText(t, NEG);
        })
        .join("");
    case "neg":
      return "-" + wrapText(e.arg, MUL);
    case "mul":
      return e.factors
        .map((f, i) => (i === 0 && f.kind === "div" ? wrapText(f, MUL) : wrapText(f, POW)))
        .join("*");
    case "div":
      return wrapText(e.num, MUL) + "/" + wrapText(e.den, POW);
    case "pow":
      return wrapText(e.base, ATOM) + "^" + wrapText(e.exp, POW);
    case "call":
      return `${e.fn}(${toText(e.arg)})`;
    case "logb":
      return `log_${formatNumber(e.base)}(${toText(e.arg)})`;
  }
}

function wrapText(e: Expr, min: number): string {
  const s = toText(e);
  return level(e) < min ? `(${s})` : s;
}

// ---------------------------------------------------------------- LaTeX

const LATEX_NAMES: Record<UnaryFunction, string> = {
  sin: "\\sin",
  cos: "\\cos",
  tan: "\\tan",
  sec: "\\sec",
  csc: "\\csc",
  cot: "\\cot",
  asin: "\\arcsin",
  acos: "\\arccos",
  atan: "\\arctan",
  asec: "\\operatorname{arcsec}",
  acsc: "\\operatorname{arccsc}",
  acot: "\\operatorname{arccot}",
  sinh: "\\sinh",
  cosh: "\\cosh",
  tanh: "\\tanh",
  exp: "\\exp",
  ln: "\\ln",
  log10: "\\log_{10}",
  log2: "\\log_{2}",
  sqrt: "\\sqrt",
  abs: "\\operatorname{abs}",
  sign: "\\operatorname{sign}",
};

/** Functions written `\sin^2 x` when raised to a positive whole power, as textbooks do. */
const POWER_PREFIX = new Set<UnaryFunction>([
  "sin",
  "cos",
  "tan",
  "sec",
  "csc",
  "cot",
  "sinh",
  "cosh",
  "tanh",
]);

/** Textbook LaTeX: `2x\sin x + x^{2}\cos x`, `\frac{1}{2\sqrt{x}}`, `e^{-x}`. */
export function toLatex(e: Expr): string {
  switch (e.kind) {
    case "num":
      return formatNumber(e.value);
    case "const":
      return e.name === "pi" ? "\\pi" : "e";
    case "var":
      return latexVar(e.name);
    case "add":
      return e.terms
        .map((t, i) => {
          if (i === 0) return t.kind === "add" ? `\\left(${toLatex(t)}\\right)` : toLatex(t);
          if (t.kind === "neg") return " - " + wrapLatex(t.arg, MUL);
          return " + " + wrapLatex(t, NEG);
        })
        .join("");
    case "neg":
      return "-" + wrapLatex(e.arg, MUL);
    case "mul":
      return latexProduct(e.factors);
    case "div":
      return `\\frac{${toLatex(e.num)}}{${toLatex(e.den)}}`;
    case "pow":
      return latexPow(e.base, e.exp);
    case "call":
      return latexCall(e.fn, e.arg);
    case "logb":
      return `\\log_{${formatNumber(e.base)}}${latexArgument(e.arg)}`;
  }
}

function latexVar(name: string): string {
  const m = /^([A-Za-z]+?)(\d*)$/.exec(name);
  if (!m) return name;
  // A Greek letter in braces, so that a letter written after it cannot join its command.
  const letter = m[1]!.length > 1 && GREEK_LETTERS.has(m[1]!) ? `{\\${m[1]}}` : m[1]!;
  return m[2] ? `${letter}_{${m[2]}}` : letter;
}

function wrapLatex(e: Expr, min: number): string {
  const s = toLatex(e);
  return level(e) < min ? `\\left(${s}\\right)` : s;
}

/** Whether a function's argument can be written without parentheses: `\sin x`, `\ln 2x`. */
function bareArgument(arg: Expr): boolean {
  if (arg.kind === "var" || arg.kind === "const") return true;
  if (arg.kind === "num") return true;
  if (arg.kind === "mul" && arg.factors.length === 2) {
    const [a, b] = arg.factors;
    return a!.kind === "num" && (b!.kind === "var" || b!.kind === "const");
  }
  return false;
}

function latexArgument(arg: Expr): string {
  return bareArgument(arg) ? " " + toLatex(arg) : `\\left(${toLatex(arg)}\\right)`;
}

function latexCall(fn: UnaryFunction, arg: Expr): string {
  switch (fn) {
    case "sqrt":
      return `\\sqrt{${toLatex(arg)}}`;
    case "abs":
      return `\\left|${toLatex(arg)}\\right|`;
    case "exp":
      return `e^{${toLatex(arg)}}`;
    default:
      return LATEX_NAMES[fn] + latexArgument(arg);
  }
}

function latexPow(base: Expr, exp: Expr): string {
  if (
    base.kind === "call" &&
    POWER_PREFIX.has(base.fn) &&
    exp.kind === "num" &&
    Number.isInteger(exp.value)
  ) {
    return `${LATEX_NAMES[base.fn]}^{${formatNumber(exp.value)}}${latexArgument(base.arg)}`;
  }
  const b =
    base.kind === "call" && base.fn !== "abs" && base.fn !== "sqrt"
      ? `\\left(${toLatex(base)}\\right)`
      : base.kind === "var" || base.kind === "const" || (base.kind === "num" && Number.isInteger(base.value))
        ? toLatex(base)
        : base.kind === "call"
          ? toLatex(base)
          : `\\left(${toLatex(base)}\\right)`;
  return `${b}^{${toLatex(exp)}}`;
}

/** Whether a factor's LaTeX ends in a bare function argument, so that juxtaposing the next factor would misread. */
function endsWithBareArgument(f: Expr): boolean {
  if (f.kind === "call") return !["sqrt", "abs", "exp"].includes(f.fn) && bareArgument(f.arg);
  if (f.kind === "logb") return bareArgument(f.arg);
  if (f.kind === "pow" && f.base.kind === "call")
    return endsWithBareArgument(f.base) && POWER_PREFIX.has(f.base.fn);
  return false;
}

function startsWithDigit(s: string): boolean {
  return /^[0-9.]/.test(s);
}

function latexProduct(factors: readonly Expr[]): string {
  let out = "";
  for (let i = 0; i < factors.length; i++) {
    const f = factors[i]!;
    const s = f.kind === "add" || f.kind === "neg" ? `\\left(${toLatex(f)}\\right)` : toLatex(f);
    if (i > 0) {
      const prev = factors[i - 1]!;
      // Juxtapose like a textbook (2x, x\sin x) unless two numbers would merge or an argument would swallow.
      const needDot =
        startsWithDigit(s) ||
        (endsWithBareArgument(prev) && (!s.startsWith("\\") || s.startsWith("\\left"))) ||
        (prev.kind === "div" && f.kind === "div") ||
        // A number before a fraction would read as a mixed number (3\frac{1}{2} as 3½): 3 · ½.
        (prev.kind === "num" && f.kind === "div");
      out += needDot ? " \\cdot " : /\\[A-Za-z]+$/.test(out) && /^[A-Za-z]/.test(s) ? " " : "";
    }
    out += s;
  }
  return out;
}
