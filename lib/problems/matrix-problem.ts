// Symbolic problems of Parts 2 and 3: the answer is a vector or matrix expression in declared symbols
// (`2(Wx - y)x^T`), graded by the matrix core. A generator writes the function, what is asked and the
// key by the rule its skill teaches; building the problem confirms that key against the derivative
// computed by forward-mode automatic differentiation (a key that disagrees is a generator bug, and
// the draft is refused), and writes the statement, its LaTeX and the expected shape.
import {
  type Asks,
  type DeclInput,
  type MExpr,
  type Decls,
  type Shape,
  declare,
  derivativeKey,
  formatShape,
  grade,
  readMatrix,
  showShape,
  toLatex,
  toText,
} from "../calculus/matrix";
import { reject } from "./exact";
import { articleFor } from "./preview";
import type { Problem } from "./types";

/** What a symbolic matrix problem stores in `given` (documented in lib/problems/README.md). */
export interface MatrixGiven {
  /** Each symbol's shape: "scalar", a dimension ("n": a column vector), "m x n", or with props. */
  readonly decls: DeclInput;
  /** The name of the function: y, f, L. */
  readonly name: string;
  /** The function, in the matrix notation. */
  readonly f: string;
  readonly wrt: string;
  readonly asks: Asks;
  /** The shape the answer must have ("m x n", "n", "1 x n", "scalar"). */
  readonly shape: string;
}

export interface MatrixDraft {
  readonly decls: DeclInput;
  readonly name?: string;
  readonly f: string;
  readonly wrt: string;
  readonly asks: Asks;
  /** The key, by the rule the skill teaches; "" for none (graded against the derivative itself). */
  readonly key: string;
  /** Worked solution steps from the construction. */
  readonly steps: readonly { readonly text: string; readonly latex?: string }[];
  /** A sentence before the question ("Scalar expansion: c is added to every entry."). */
  readonly context?: string;
}

const SUPERSCRIPT: Record<string, string> = { m: "ᵐ", n: "ⁿ", k: "ᵏ", p: "ᵖ" };

/** "x ∈ ℝⁿ", "W ∈ ℝ^(m×n)", "b ∈ ℝ" for the statement's text. */
function declText(name: string, shape: Shape): string {
  if (shape.rows === 1 && shape.cols === 1) return `${name} ∈ ℝ`;
  if (shape.cols === 1) {
    const d = String(shape.rows);
    return `${name} ∈ ℝ${SUPERSCRIPT[d] ?? `^${d}`}`;
  }
  return `${name} ∈ ℝ^(${shape.rows}×${shape.cols})`;
}

function declLatex(name: string, decls: Decls): string {
  const d = decls.symbols.get(name)!;
  const sym = toLatex({ k: "sym", name }, decls);
  const s = d.shape;
  if (s.rows === 1 && s.cols === 1) return `${sym} \\in \\mathbb{R}`;
  if (s.cols === 1) return `${sym} \\in \\mathbb{R}^{${s.rows}}`;
  return `${sym} \\in \\mathbb{R}^{${s.rows} \\times ${s.cols}}`;
}

/** What is asked, in words and in LaTeX, with the answer's shape. */
function asked(name: string, wrt: string, asks: Asks, f: Shape, v: Shape, shape: Shape, decls: Decls) {
  const vLatex = toLatex({ k: "sym", name: wrt }, decls);
  const fLatex = f.rows === 1 && f.cols === 1 ? name : `\\mathbf{${name}}`;
  const size = showShape(shape);
  const a = articleFor(size);
  if (asks === "gradient") {
    const kind = v.cols === 1 ? "a column" : `${wrt}'s shape`;
    return {
      text: `the gradient ∇_${wrt} ${name} (${size}, ${kind})`,
      latex: `\\nabla_{${vLatex}}\\, ${fLatex}`,
    };
  }
  const what =
    f.rows === 1 && f.cols === 1
      ? v.rows === 1 && v.cols === 1
        ? "the derivative"
        : `the derivative (${a} ${size} row)`
      : v.rows === 1 && v.cols === 1
        ? `the derivative (${a} ${size} column)`
        : `the Jacobian (${size})`;
  const bare = what.replace(/ \(.*\)$/, "");
  return {
    text: `${bare} ∂${name}/∂${wrt} ${what.slice(bare.length).trim()}`.trim(),
    latex: `\\frac{\\partial ${fLatex}}{\\partial ${vLatex}}`,
  };
}

export type MatrixBuilt = Omit<Problem, "skill" | "seed" | "version" | "kind" | "answerKind">;

/** The stored problem for a draft; refuses (Reject) a draft whose key the core does not confirm. */
export function matrixProblem(d: MatrixDraft): MatrixBuilt {
  const declared = declare(d.decls);
  if (!declared.ok) reject(`declarations: ${declared.error.message}`);
  const decls = declared.decls;
  const f = readMatrix(d.f, decls);
  if (!f.ok) reject(`function: ${f.error.message}`);
  const derivative = derivativeKey(decls, f.typed, d.wrt, d.asks);
  if (!derivative.ok) reject(`derivative: ${derivative.error.message}`);
  // No key (a teacher's problem): answers are graded against the derivative itself.
  let key: MExpr | null = null;
  if (d.key !== "") {
    const read = readMatrix(d.key, decls, derivative.key.shape);
    if (!read.ok) reject(`key: ${read.error.message}`);
    if (formatShape(read.shape) !== formatShape(derivative.key.shape))
      reject(`key shape ${showShape(read.shape)} is not ${showShape(derivative.key.shape)}`);
    const check = grade(decls, derivative.key, read.typed);
    if (!check.ok) reject(`key cannot be checked: ${check.error.message}`);
    if (!check.equivalent) reject(`key disagrees with the derivative: ${check.counterexample ?? ""}`);
    key = read.expr;
  }

  const name = d.name ?? "f";
  const v = decls.symbols.get(d.wrt)!.shape;
  const shape = derivative.key.shape;
  const q = asked(name, d.wrt, d.asks, f.shape, v, shape, decls);
  const symbols = [...decls.symbols.keys()];
  const fLatex = `${f.shape.rows === 1 && f.shape.cols === 1 ? name : `\\mathbf{${name}}`} = ${toLatex(f.expr, decls)}`;
  const given: MatrixGiven = {
    decls: d.decls,
    name,
    f: toText(f.expr),
    wrt: d.wrt,
    asks: d.asks,
    shape: formatShape(shape),
  };
  const declSentence = symbols.map((s) => declText(s, decls.symbols.get(s)!.shape)).join(", ");
  return {
    statement: `${d.context ? `${d.context} ` : ""}With ${declSentence}: find ${q.text} of the ${name} below.`,
    // One line each (declarations, the function, what is asked), so that a phone need not scroll.
    latex: `\\begin{gathered}${symbols.map((s) => declLatex(s, decls)).join(",\\quad ")} \\\\ ${fLatex} \\\\ ${q.latex} = \\;?\\end{gathered}`,
    given: given as unknown as Record<string, unknown>,
    answer: key ? toText(key) : "",
    vars: symbols,
    steps: key ? withoutFinalKey(d.steps, toLatex(key, decls)) : d.steps,
  };
}

/**
 * The worked solution shows the answer once, after its steps: a last step that only restates it is
 * left out, and one that says more keeps its words.
 */
function withoutFinalKey(steps: MatrixDraft["steps"], keyLatex: string): MatrixDraft["steps"] {
  const last = steps.at(-1);
  if (!last || last.latex !== keyLatex) return steps;
  const rest = steps.slice(0, -1);
  return /^(So|So the [a-z ]+):?$/.test(last.text.trim())
    ? rest
    : [...rest, { text: last.text.replace(/:$/, ".") }];
}

/** The declarations of a stored matrix problem (they were checked when it was built). */
export function declsOf(given: unknown): Decls | null {
  const g = given as Partial<MatrixGiven> | null;
  if (!g || typeof g !== "object" || !g.decls) return null;
  const d = declare(g.decls);
  return d.ok ? d.decls : null;
}

/** The key of a stored matrix problem in LaTeX. */
export function matrixKeyLatex(p: Pick<Problem, "given" | "answer">): string {
  const decls = declsOf(p.given);
  if (p.answer === "" && decls) {
    // A teacher's problem with no expression: name the object, checked by automatic differentiation.
    const g = p.given as unknown as MatrixGiven;
    const v = toLatex({ k: "sym", name: g.wrt }, decls);
    const what = g.asks === "gradient" ? `\\nabla_{${v}}\\, f` : `\\frac{\\partial f}{\\partial ${v}}`;
    return `${what} \\text{ (no expression given: checked against the derivative computed numerically)}`;
  }
  const r = decls && typeof p.answer === "string" ? readMatrix(p.answer, decls) : null;
  return r?.ok && decls ? toLatex(r.expr, decls) : String(p.answer);
}

/** The expected shape for people: "m×n", "n×1", "a scalar". */
export function expectedShape(given: unknown): string {
  const shape = (given as Partial<MatrixGiven> | null)?.shape;
  if (typeof shape !== "string") return "";
  if (shape === "scalar") return "a scalar";
  return shape.includes("x") ? shape.replace(/\s*x\s*/, "×") : `${shape}×1`;
}

/** LaTeX of a matrix expression written by a generator (for worked solutions); the text on failure. */
export function matrixTex(decls: DeclInput, text: string): string {
  const d = declare(decls);
  if (!d.ok) return text;
  const r = readMatrix(text, d.decls);
  return r.ok ? toLatex(r.expr, d.decls) : text;
}
