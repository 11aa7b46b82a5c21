// The typeset line of a worked-solution step that a generator of Parts 2 and 3 wrote in words only
// (stored problems keep their words; the line is built when the solution is shown). The words carry
// their mathematics in plain text ("∂f₁/∂x = 15*x^2*y^3", "H = [[2, 1], [1, 6]]"): the clauses that
// compute something are kept and transliterated into LaTeX, the prose around them stays the `why`.

import { toLatex } from "../calculus/print";
import { readExpr } from "./read";
import type { Problem } from "./types";

const SUB: Record<string, string> = {
  "₀": "0",
  "₁": "1",
  "₂": "2",
  "₃": "3",
  "₄": "4",
  ᵢ: "i",
  ⱼ: "j",
  ₓ: "x",
};
const SUP: Record<string, string> = { "²": "2", "³": "3", ᵀ: "\\top", ᶻ: "z", "⁻": "-", "¹": "1" };
const SYMBOL: Record<string, string> = {
  "∂": "\\partial ",
  "∇": "\\nabla ",
  "·": " \\cdot ",
  "−": "-",
  "–": "-",
  "×": " \\times ",
  "≈": " \\approx ",
  "⊙": " \\odot ",
  "⊘": " \\oslash ",
  "‖": "\\|",
  ε: "\\varepsilon ",
  σ: "\\sigma ",
  "′": "'",
  "≥": " \\ge ",
  "≤": " \\le ",
  "→": " \\to ",
  "½": "\\tfrac{1}{2}",
  "*": " ",
  Σ: "\\sum ",
  ŷ: "\\hat{y}",
  "𝟏": "\\mathbf{1}",
  "{": "\\{",
  "}": "\\}",
  "%": "\\%",
  "&": "\\&",
  "#": "\\#",
  $: "\\$",
  "~": "\\sim ",
  ">": " > ",
  "<": " < ",
  "=": " = ",
  "+": " + ",
};
/** Names typeset as operators rather than as products of letters. */
const OPERATORS = new Set(["exp", "sin", "cos", "tan", "tanh", "ln", "log", "max", "min", "det"]);
const NAMED = new Set(["diag", "sigmoid", "softmax", "sum", "tr", "relu"]);
/** Short words of prose (longer runs of letters are prose unless they name an operator). */
const SHORT_WORDS = new Set([
  "is",
  "of",
  "so",
  "at",
  "to",
  "in",
  "by",
  "on",
  "as",
  "or",
  "an",
  "it",
  "if",
  "be",
]);

const isProse = (word: string): boolean =>
  !OPERATORS.has(word) && !NAMED.has(word) && (word.length >= 3 || SHORT_WORDS.has(word.toLowerCase()));

/** The argument of `^` or `_` starting at i: a bracketed group, a signed number, or one name. */
function scriptArgument(text: string, i: number): [string, number] {
  if (text[i] === "(") {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      if (text[j] === "(") depth++;
      if (text[j] === ")" && --depth === 0) return [transliterate(text.slice(i + 1, j)), j + 1];
    }
    return [transliterate(text.slice(i + 1)), text.length];
  }
  const m = (
    text[i - 1] === "_" ? /^[A-Za-z0-9]{1,2}(?![A-Za-z0-9])|^[A-Za-z][0-9]*/ : /^-?[0-9.]+|^[A-Za-z][0-9]*/
  ).exec(text.slice(i));
  if (m) return [transliterate(m[0]), i + m[0].length];
  return ["", i];
}

/** The operand of ∂ at i: a bracketed group, or a name with its sub- and superscripts. */
function partialOperand(text: string, i: number): number {
  if (text[i] === "(") {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      if (text[j] === "(") depth++;
      if (text[j] === ")" && --depth === 0) return j + 1;
    }
    return i;
  }
  const m = /^(?:[A-Za-z]+(?:\([^()]*\))?|[A-Za-z])(?:[₀-₄ᵢⱼₓᵀ']|_(?:[A-Za-z0-9]{1,2}))*/.exec(text.slice(i));
  return m ? i + m[0].length : i;
}

/** `∂f₁/∂x`, `∂²f/∂x∂y`, `∂/∂hᵢ` as a fraction (with where it ends), or null. */
function partialFraction(text: string, i: number): [string, number] | null {
  if (text[i] !== "∂") return null;
  let j = i + 1;
  const order = text[j] === "²" ? "^{2}" : "";
  if (order) j++;
  const numEnd = partialOperand(text, j);
  const numerator = text.slice(j, numEnd);
  if (text.slice(numEnd, numEnd + 2) !== "/∂") return null;
  let k = numEnd + 1;
  const parts: string[] = [];
  while (text[k] === "∂") {
    const end = partialOperand(text, k + 1);
    if (end === k + 1) break;
    parts.push(`\\partial ${transliterate(text.slice(k + 1, end))}`);
    k = end;
  }
  if (parts.length === 0) return null;
  const top = numerator ? ` ${transliterate(numerator)}` : "";
  return [`\\frac{\\partial${order}${top}}{${parts.join(" ")}}`, k];
}

/** A formula in the generators' plain syntax (`12*x^2*y + y^2`), typeset; null if it is not one. */
function plainFormula(text: string): string | null {
  const t = text.trim();
  if (!/^[-0-9a-z+*^/(). ,]+$/.test(t) || !/[*^]/.test(t)) return null;
  const tuple = /^\((.*)\)$/.exec(t);
  if (tuple && splitTop(tuple[1]!, /^, /).length > 1) {
    const parts = splitTop(tuple[1]!, /^, /).map(plainFormula);
    return parts.every((x) => x !== null) ? `\\left(${parts.join(",\\ ")}\\right)` : null;
  }
  if (t.includes(",")) return null;
  const vars = [...new Set(t.match(/(?<![a-z])[a-z](?![a-z])/g) ?? [])];
  const e = readExpr(t, vars);
  return e ? toLatex(e) : null;
}

/** A clause: its plain formulas typeset, the rest transliterated. */
function clauseLatex(clause: string): string {
  return clause
    .split(/( = | ≈ )/)
    .map((part, i) =>
      i % 2 === 1 ? (part === " = " ? " = " : " \\approx ") : (plainFormula(part) ?? transliterate(part)),
    )
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

/** Plain-text mathematics (with any words in it) as LaTeX. */
export function transliterate(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (text.startsWith("𝟏", i)) {
      out += "\\mathbf{1}";
      i += "𝟏".length;
      continue;
    }
    const partial = partialFraction(text, i);
    if (partial) {
      out += partial[0];
      i = partial[1];
      continue;
    }
    const fraction = /^(\d+)\/(\d+|N)(?![\d(])/.exec(text.slice(i));
    if (fraction && !/[A-Za-z0-9]/.test(text[i - 1] ?? "")) {
      out += `\\frac{${fraction[1]}}{${fraction[2]}}`;
      i += fraction[0].length;
      continue;
    }
    const word = /^[A-Za-z]+/.exec(text.slice(i))?.[0];
    if (word) {
      if (OPERATORS.has(word)) out += `\\${word} `;
      else if (NAMED.has(word)) out += `\\operatorname{${word}}`;
      else if (isProse(word)) out += `\\text{ ${word} }`;
      else out += `${word} `;
      i += word.length;
      continue;
    }
    if (SUB[c] !== undefined || SUP[c] !== undefined) {
      const table = SUB[c] !== undefined ? SUB : SUP;
      let run = "";
      while (i < text.length && table[text[i]!] !== undefined) run += table[text[i++]!];
      out += `${table === SUB ? "_" : "^"}{${run}}`;
      continue;
    }
    if (c === "^" || c === "_") {
      const [arg, next] = scriptArgument(text, i + 1);
      out += `${c}{${arg}}`;
      i = next;
      continue;
    }
    if (c === "√") {
      const [arg, next] = scriptArgument(text, i + 1);
      out += `\\sqrt{${arg}}`;
      i = next;
      continue;
    }
    if (c === "\\") {
      out += "\\backslash ";
      i++;
      continue;
    }
    out += SYMBOL[c] ?? c;
    i++;
  }
  return out.replace(/\s+/g, " ").trim();
}

/** `[[a, b], [c, d]]` as a matrix. */
function matrices(text: string): string {
  return text.replace(/\[\[([^[\]]*(?:\], \[[^[\]]*)*)\]\]/g, (_, body: string) => {
    const rows = body.split(/\], \[/).map((r) => r.split(/,\s*/).join("\uE002"));
    return `\uE000${rows.join("\uE003")}\uE001`;
  });
}

/** Splits at `sep` outside brackets. */
function splitTop(text: string, sep: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if ("([\uE000".includes(c)) depth++;
    else if (")]\uE001".includes(c)) depth--;
    else if (depth === 0) {
      const m = sep.exec(text.slice(i));
      if (m && m.index === 0) {
        parts.push(text.slice(start, i));
        start = i + m[0].length;
        i = start - 1;
      }
    }
  }
  parts.push(text.slice(start));
  return parts;
}

const COMPUTES = /[=≈]|\s[<>]\s/;
const MATHS = /[∂∇ᵀᵢⱼ×·⊙⊘σ‖^*\uE000]/;

/** A clause without the prose that leads into it or trails after it. */
function trimProse(clause: string): string {
  const words = clause.trim().split(" ");
  while (words.length > 1 && /^[A-Za-z]+,?$/.test(words[0]!) && isProse(words[0]!.replace(",", "")))
    words.shift();
  let kept = words.join(" ");
  // ", positive" / ", the column" after the mathematics
  kept = splitTop(kept, /^, (?=[A-Za-z]{3,}\b|so\b)/)[0]!;
  return kept.replace(/[.,]\s*$/, "").trim();
}

const str = (v: unknown, fallback: string): string => (typeof v === "string" && v.length > 0 ? v : fallback);

/** A declared shape ("k", "n x k") as the space it lives in. */
function space(shape: unknown): string | null {
  if (typeof shape !== "string" && !(shape && typeof shape === "object" && "shape" in shape)) return null;
  const s = typeof shape === "string" ? shape : String(shape.shape);
  const dims = s.split(/\s*x\s*/).filter((d) => /^[A-Za-z0-9]+$/.test(d));
  return dims.length > 0 ? `\\mathbb{R}^{${dims.join(" \\times ")}}` : null;
}

/** Steps whose words state a rule with no formula in them: the formula they state, from the problem. */
const STATED: readonly [RegExp, (m: RegExpExecArray, p: Problem) => string | null][] = [
  [
    /has one row per component of (\w) and one column per component of (\w)/,
    ([, f, x]) =>
      `\\left(\\frac{\\partial ${f}}{\\partial ${x}}\\right)_{ij} = \\frac{\\partial ${f}_{i}}{\\partial ${x}_{j}},\\quad \\nabla_{${x}} ${f} = \\left(\\frac{\\partial ${f}}{\\partial ${x}}\\right)^{\\top},\\quad \\left(\\nabla_{W} ${f}\\right)_{ij} = \\frac{\\partial ${f}}{\\partial W_{ij}}`,
  ],
  [
    /^An element-wise (?:operation|function) (?:gives|has) a diagonal Jacobian/,
    (_, p) => {
      const y = str(p.given.name, "f");
      const x = str(p.given.wrt, "x");
      return `\\frac{\\partial ${y}_{i}}{\\partial ${x}_{j}} = 0 \\quad (i \\neq j)`;
    },
  ],
  [
    /^Differentiate (\d+) times/,
    ([, n], p) => {
      const x = str(p.given.wrt, "x");
      const f = readExpr(p.given.f, [x]);
      return f ? `f^{(${n})}(${x}) = \\frac{d^{${n}}}{d${x}^{${n}}}\\left(${toLatex(f)}\\right)` : null;
    },
  ],
  [
    /^The gradient of xᵀAx is \(A \+ Aᵀ\)x, so the Hessian is A \+ Aᵀ/,
    () => `\\nabla\\left(x^{\\top} A x\\right) = \\left(A + A^{\\top}\\right)x,\\quad H = A + A^{\\top}`,
  ],
  [/^The constant (\w) does not depend on (\w)/, ([, c, x]) => `\\frac{\\partial ${c}}{\\partial ${x}} = 0`],
  [
    /^Eigenvalues (\S+) and (\S+): /,
    ([, a, b]) => `\\lambda_{1} = ${transliterate(a!)},\\quad \\lambda_{2} = ${transliterate(b!)}`,
  ],
  [
    /^It lies between the eigenvalues (\S+) and (\S+), as the curvature along any unit vector/,
    ([, a, b]) =>
      `\\lambda_{\\min} = ${transliterate(a!)} \\le d^{\\top}Hd \\le ${transliterate(b!)} = \\lambda_{\\max}`,
  ],
  [/^Entry i is (.+)$/, ([, e], p) => `${str(p.given.name, "y")}_{i} = ${clauseLatex(e!)}`],
  [
    /^∂(\w)\/∂(\w) of a scalar is a row/,
    ([, f, x]) => `\\frac{\\partial ${f}}{\\partial ${x}} = \\left(\\nabla_{${x}} ${f}\\right)^{\\top}`,
  ],
  [
    /^Only the term (.+) depends on \w+; its derivative by (\S+) is (.+)$/,
    ([, term, by, d]) =>
      `\\frac{\\partial}{\\partial ${transliterate(by!)}}\\left(${transliterate(term!)}\\right) = ${transliterate(d!)}`,
  ],
  [
    /^Each entry is (.+); its derivative by (\w) is (.+)$/,
    ([, e, by, d]) =>
      `\\frac{\\partial}{\\partial ${by}}\\left(${transliterate(e!)}\\right) = ${transliterate(d!)}`,
  ],
  [
    /has (\d+) components and (\d+) variables, so ∂(\w)\/∂\(([^)]*)\) is (\d+)×(\d+)/,
    ([, , , f, vars, m, n]) =>
      `\\frac{\\partial ${f}}{\\partial (${vars})} \\in \\mathbb{R}^{${m} \\times ${n}},\\quad \\text{row } i = \\left(\\nabla ${f}_{i}\\right)^{\\top}`,
  ],
  [
    /^Row \d+: differentiate ∂(\w)\/∂(\w) = .+ with respect to ([a-z, ]+): (.+)$/,
    ([, f, v, wrt, values]) => {
      const by = wrt!.split(/,\s*/);
      const vals = splitTop(values!, /^, /).map((x) => plainFormula(x) ?? transliterate(x));
      if (vals.length !== by.length) return null;
      const lhs = by.map((u) => `\\frac{\\partial^{2} ${f}}{\\partial ${u}\\,\\partial ${v}}`);
      return `\\left(${lhs.join(",\\ ")}\\right) = \\left(${vals.join(",\\ ")}\\right)`;
    },
  ],
  [
    /^Residuals (\S+) = (.+): (.+)$/,
    ([, e, def, values]) =>
      `${transliterate(e!)} = ${transliterate(def!)}:\\quad ${transliterate(e!.replace(/ᵢ$/, ""))} = \\left(${values!.split(/,\s*/).map(transliterate).join(",\\ ")}\\right)`,
  ],
  [
    /^∇_(\w)(?: (\w))? (?:is a column with|has) \w's shape/,
    ([, x, f], p) => {
      const decls = (p.given.decls ?? {}) as Record<string, unknown>;
      const r = space(decls[x!]);
      return r ? `\\nabla_{${x}} ${f ?? str(p.given.name, "f")} \\in ${r}` : null;
    },
  ],
];

/** The typeset line of a step written in words: the formula it states or its clauses that compute something; null if none. */
export function wordsLatex(words: string, p?: Problem): string | null {
  // "--3v" is the generators' "minus (-3v)"
  const text = words.replace(/(^|[\s(=])--(?=\d)/g, "$1");
  if (p)
    for (const [re, build] of STATED) {
      const m = re.exec(text.replace(/\.\s*$/, ""));
      const latex = m ? build(m, p) : null;
      if (latex) return latex;
    }
  const marked = matrices(text.replace(/\.\s*$/, ""));
  const clauses = splitTop(marked, /^(?:; |: |\. |, so |, and |, which )/)
    .map(trimProse)
    .filter((c) => c.length > 0);
  let kept = clauses.filter((c) => COMPUTES.test(c));
  if (kept.length === 0) kept = clauses.filter((c) => MATHS.test(c));
  if (kept.length === 0) return null;
  return kept
    .map((c) =>
      clauseLatex(c)
        .replace(/\uE000/g, "\\begin{pmatrix} ")
        .replace(/\uE001/g, " \\end{pmatrix}")
        .replace(/\uE002/g, " & ")
        .replace(/\uE003/g, " \\\\ "),
    )
    .join(",\\quad ");
}
