// Tokenizer for matrix answers (the notation table of docs/core.md, "Matrix calculus"). Runs of
// letters are resolved against the problem's declarations: a declared symbol, a dimension name (a
// scalar), a function, `I`/`I_n`, `e`, `pi`; a run such as `Wx` that is not declared splits into
// declared names. Linear time; problems are reported by throwing MatrixFailure (caught in parse.ts).
import type { CoreError, ErrorCode } from "../errors";
import type { Dim, Decls } from "./shape";

export class MatrixFailure extends Error {
  readonly error: CoreError;
  constructor(code: ErrorCode, message: string, at?: number) {
    super(message);
    this.error = at === undefined ? { code, message } : { code, message, at };
  }
}

export const failAt = (code: ErrorCode, message: string, at?: number): never => {
  throw new MatrixFailure(code, message, at);
};

export type FnName =
  | "exp"
  | "ln"
  | "sin"
  | "cos"
  | "tanh"
  | "sigmoid"
  | "relu"
  | "sqrt"
  | "abs"
  | "max"
  | "softmax"
  | "diag"
  | "sum"
  | "norm"
  | "dot"
  | "inv"
  | "ones"
  | "trace"
  | "det";

export const FUNCTIONS: ReadonlyMap<string, FnName> = new Map<string, FnName>([
  ["exp", "exp"],
  ["ln", "ln"],
  ["log", "ln"],
  ["sin", "sin"],
  ["cos", "cos"],
  ["tanh", "tanh"],
  ["sigmoid", "sigmoid"],
  ["σ", "sigmoid"],
  ["relu", "relu"],
  ["ReLU", "relu"],
  ["sqrt", "sqrt"],
  ["abs", "abs"],
  ["max", "max"],
  ["softmax", "softmax"],
  ["diag", "diag"],
  ["sum", "sum"],
  ["norm", "norm"],
  ["dot", "dot"],
  ["inv", "inv"],
  ["ones", "ones"],
  ["tr", "trace"],
  ["Tr", "trace"],
  ["trace", "trace"],
  ["det", "det"],
]);

export type Op = "+" | "-" | "*" | "/" | "^" | "," | "·" | "⊙" | "⊘" | "'" | ">" | "<" | ">=" | "<=";

export type Tok = { readonly at: number } & (
  | { readonly t: "num"; readonly value: number; readonly p: number; readonly q: number }
  | { readonly t: "sym"; readonly name: string }
  | { readonly t: "dim"; readonly name: string }
  | { readonly t: "const"; readonly name: "pi" | "e" }
  | { readonly t: "fn"; readonly fn: FnName }
  | { readonly t: "eye"; readonly dim: Dim | null }
  | { readonly t: "ones"; readonly dim: Dim | null }
  | { readonly t: "op"; readonly op: Op }
  /** `T` after `^` (also `^{T}`, `^⊤`, `^\top`) and `ᵀ`: transpose. */
  | { readonly t: "tsup" }
  /** Superscript digits: ² ³ ⁻¹. */
  | { readonly t: "sup"; readonly value: number }
  | { readonly t: "open"; readonly k: "(" | "[" | "{" }
  | { readonly t: "close"; readonly k: ")" | "]" | "}" }
  | { readonly t: "norm" }
  | { readonly t: "bar" }
  | { readonly t: "end" }
);

export const MAX_LENGTH = 2000;

const SINGLE: Readonly<Record<string, Op>> = {
  "+": "+",
  "-": "-",
  "−": "-",
  "–": "-",
  "*": "*",
  "×": "*",
  "∗": "*",
  "/": "/",
  "÷": "/",
  "^": "^",
  ",": ",",
  "·": "·",
  "⋅": "·",
  "•": "·",
  "∙": "·",
  "⊙": "⊙",
  "∘": "⊙",
  "⊗": "⊙",
  "⊘": "⊘",
  "'": "'",
  "’": "'",
  "′": "'",
  ">": ">",
  "<": "<",
  "≥": ">=",
  "≤": "<=",
};

const LATEX: Readonly<Record<string, Op | "T" | "σ">> = {
  cdot: "·",
  odot: "⊙",
  circ: "⊙",
  otimes: "⊙",
  oslash: "⊘",
  times: "*",
  top: "T",
  intercal: "T",
  sigma: "σ",
  geq: ">=",
  leq: "<=",
  ge: ">=",
  le: "<=",
  gt: ">",
  lt: "<",
};

const SUPERSCRIPT_T = "ᵀ";
const BOLD_ONE = "\u{1D7CF}";
const DOUBLE_STRUCK_ONE = "\u{1D7D9}";

function isLetter(c: string): boolean {
  return /^[\p{L}\p{M}]$/u.test(c) && c !== SUPERSCRIPT_T;
}
function isNameChar(c: string): boolean {
  return /^[\p{L}\p{M}\p{Nd}_]$/u.test(c) && c !== SUPERSCRIPT_T;
}

function readDim(src: string, i: number): { dim: Dim; end: number } | null {
  let j = i;
  const braced = src[j] === "{";
  if (braced) j++;
  const m = /^([1-9][0-9]{0,2}|[A-Za-z][A-Za-z0-9]*)/.exec(src.slice(j, j + 8));
  if (!m) return null;
  j += m[1]!.length;
  if (braced) {
    if (src[j] !== "}") return null;
    j++;
  }
  return { dim: /^[0-9]/.test(m[1]!) ? Number(m[1]) : m[1]!, end: j };
}

/** Resolve a run of letters into tokens. */
function resolveName(word: string, at: number, decls: Decls, out: Tok[]): void {
  const whole = wholeName(word, decls);
  if (whole) {
    out.push({ ...whole, at });
    return;
  }
  if (word === "T") {
    failAt("UNEXPECTED_TOKEN", "T is kept for the transpose: write x^T (or xᵀ, x').", at);
  }
  const iSized = /^I_(?:([1-9][0-9]{0,2})|([A-Za-z][A-Za-z0-9]*))$/.exec(word);
  if (iSized) {
    const dim = iSized[1] !== undefined ? Number(iSized[1]) : iSized[2]!;
    if (typeof dim === "string" && !decls.dims.includes(dim)) {
      failAt("UNKNOWN_NAME", `'${dim}' is not a dimension of this problem.`, at + 2);
    }
    out.push({ t: "eye", dim, at });
    return;
  }
  // Split into declared names (Wx = W x): the split with fewest parts, found left to right.
  const parts = split(word, decls);
  if (parts) {
    let offset = 0;
    for (const p of parts) {
      out.push({ ...wholeName(p, decls)!, at: at + offset });
      offset += p.length;
    }
    return;
  }
  for (const [name] of FUNCTIONS) {
    if (word.length > name.length && word.startsWith(name) && /^[a-z]/.test(name)) {
      const rest = word.slice(name.length);
      return failAt("UNKNOWN_NAME", `unknown name '${word}' - did you mean ${name}(${rest})?`, at);
    }
  }
  const known = [...decls.symbols.keys(), ...decls.dims];
  const hint = known.length ? ` The names of this problem are ${known.join(", ")}.` : "";
  failAt("UNKNOWN_NAME", `unknown name '${word.slice(0, 20)}'.${hint}`, at);
}

type NameTok = Exclude<Tok, { t: "num" | "op" | "open" | "close" | "end" | "norm" | "bar" | "tsup" | "sup" }>;

type WithoutAt<T> = T extends unknown ? Omit<T, "at"> : never;

function wholeName(word: string, decls: Decls): WithoutAt<NameTok> | null {
  if (decls.symbols.has(word)) return { t: "sym", name: word };
  if (decls.dims.includes(word)) return { t: "dim", name: word };
  const f = FUNCTIONS.get(word);
  if (f) return { t: "fn", fn: f };
  if (word === "I") return { t: "eye", dim: null };
  if (word === "e") return { t: "const", name: "e" };
  if (word === "pi" || word === "π") return { t: "const", name: "pi" };
  return null;
}

function split(word: string, decls: Decls): string[] | null {
  const names = [...decls.symbols.keys(), ...decls.dims, "I"];
  const best: (string[] | null)[] = new Array<string[] | null>(word.length + 1).fill(null);
  best[0] = [];
  for (let i = 0; i < word.length; i++) {
    const here = best[i];
    if (!here) continue;
    for (const n of names) {
      if (!word.startsWith(n, i)) continue;
      const next = best[i + n.length];
      if (!next || next.length > here.length + 1) best[i + n.length] = [...here, n];
    }
  }
  return best[word.length]!;
}

/** Turn `src` into tokens, resolving names with `decls`. */
export function lex(src: string, decls: Decls): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i]!;
    const code = c.charCodeAt(0);
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (code < 32 || code === 127) {
      failAt("UNEXPECTED_CHARACTER", "Control characters are not allowed in an answer.", i);
    }
    if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(src[i + 1] ?? ""))) {
      const m = /^([0-9]*)(?:\.([0-9]*))?/.exec(src.slice(i, i + 40))!;
      const text = m[0];
      if (text.length >= 40) failAt("BAD_NUMBER", "This number has too many digits.", i);
      const whole = m[1] ?? "";
      const frac = m[2] ?? "";
      const digits = (whole + frac).replace(/^0+(?=.)/, "");
      const value = Number(text === "." ? "0" : text);
      const exact = digits.length <= 15;
      const p = exact ? Number(digits) : value;
      const q = exact ? 10 ** frac.length : 1;
      if (text === "1" && src[i + 1] === "_") {
        const d = readDim(src, i + 2);
        if (!d) failAt("UNEXPECTED_TOKEN", "After 1_ write a dimension, as in 1_n.", i);
        out.push({ t: "ones", dim: checkDim(d!.dim, decls, i), at: i });
        i = d!.end;
        continue;
      }
      out.push({ t: "num", value, p, q: exact ? q : 1, at: i });
      i += text.length;
      continue;
    }
    if (src.startsWith(BOLD_ONE, i) || src.startsWith(DOUBLE_STRUCK_ONE, i)) {
      const at = i;
      i += BOLD_ONE.length;
      let dim: Dim | null = null;
      if (src[i] === "_") {
        const d = readDim(src, i + 1);
        if (!d) failAt("UNEXPECTED_TOKEN", "After 𝟏_ write a dimension, as in 𝟏_n.", at);
        dim = checkDim(d!.dim, decls, at);
        i = d!.end;
      }
      out.push({ t: "ones", dim, at });
      continue;
    }
    if (c === "^") {
      out.push({ t: "op", op: "^", at: i });
      i++;
      while (src[i] === " ") i++;
      const m = /^(?:T|⊤|\\top|\\intercal|\{\s*(?:T|⊤|\\top|\\intercal)\s*\})/.exec(src.slice(i, i + 14));
      if (m) {
        out.pop();
        out.push({ t: "tsup", at: i });
        i += m[0].length;
        continue;
      }
      // the inverse transpose, as the Matrix Cookbook writes it: X^-T, X^{-T}
      const inverseT = /^(?:-\s*(?:T|⊤|\\top)|\{\s*-\s*(?:T|⊤|\\top)\s*\})/.exec(src.slice(i, i + 14));
      if (inverseT) {
        out.pop();
        out.push({ t: "sup", value: -1, at: i }, { t: "tsup", at: i });
        i += inverseT[0].length;
      }
      continue;
    }
    if (c === SUPERSCRIPT_T || c === "⊤") {
      out.push({ t: "tsup", at: i });
      i++;
      continue;
    }
    if (c === "²" || c === "³") {
      out.push({ t: "sup", value: c === "²" ? 2 : 3, at: i });
      i++;
      continue;
    }
    if (c === "⁻" && src[i + 1] === "¹") {
      out.push({ t: "sup", value: -1, at: i });
      i += 2;
      continue;
    }
    if (c === "⁻" && (src[i + 1] === SUPERSCRIPT_T || src[i + 1] === "⊤")) {
      out.push({ t: "sup", value: -1, at: i }, { t: "tsup", at: i + 1 });
      i += 2;
      continue;
    }
    if (c === "½") {
      out.push({ t: "num", value: 0.5, p: 1, q: 2, at: i });
      i++;
      continue;
    }
    if (c === "." && (src[i + 1] === "*" || src[i + 1] === "/")) {
      out.push({ t: "op", op: src[i + 1] === "*" ? "⊙" : "⊘", at: i });
      i += 2;
      continue;
    }
    if ((c === ">" || c === "<") && src[i + 1] === "=") {
      out.push({ t: "op", op: c === ">" ? ">=" : "<=", at: i });
      i += 2;
      continue;
    }
    const op = SINGLE[c];
    if (op) {
      out.push({ t: "op", op, at: i });
      i++;
      continue;
    }
    if (c === "(" || c === "[" || c === "{") {
      out.push({ t: "open", k: c, at: i });
      i++;
      continue;
    }
    if (c === ")" || c === "]" || c === "}") {
      out.push({ t: "close", k: c, at: i });
      i++;
      continue;
    }
    if (c === "‖" || c === "∥" || (c === "|" && src[i + 1] === "|")) {
      out.push({ t: "norm", at: i });
      i += c === "|" ? 2 : 1;
      // ‖v‖₂, ‖v‖_2: the norm meant is the Euclidean one
      const two = /^(?:_2|_\{2\}|₂)/.exec(src.slice(i, i + 4));
      if (two) i += two[0].length;
      continue;
    }
    if (c === "|") {
      out.push({ t: "bar", at: i });
      i++;
      continue;
    }
    if (c === "\\") {
      const m = /^\\([A-Za-z]+)/.exec(src.slice(i, i + 20));
      const mapped = m ? LATEX[m[1]!] : undefined;
      if (!m || !mapped) failAt("UNKNOWN_NAME", `unknown command '${m ? m[0] : "\\"}'.`, i);
      if (mapped === "T") out.push({ t: "tsup", at: i });
      else if (mapped === "σ") out.push({ t: "fn", fn: "sigmoid", at: i });
      else out.push({ t: "op", op: mapped as Op, at: i });
      i += m![0].length;
      continue;
    }
    if (isLetter(c)) {
      let j = i + 1;
      while (j < n && isNameChar(src[j]!)) j++;
      if (j - i > 40) failAt("UNKNOWN_NAME", "This name is too long.", i);
      resolveName(src.slice(i, j), i, decls, out);
      i = j;
      continue;
    }
    const cp = src.codePointAt(i)!;
    failAt("UNEXPECTED_CHARACTER", `The character '${String.fromCodePoint(cp)}' cannot be used here.`, i);
  }
  out.push({ t: "end", at: n });
  return out;
}

function checkDim(d: Dim, decls: Decls, at: number): Dim {
  if (typeof d === "string" && !decls.dims.includes(d)) {
    failAt("UNKNOWN_NAME", `'${d}' is not a dimension of this problem.`, at);
  }
  return d;
}
