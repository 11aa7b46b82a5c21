// Building concrete problems of Parts 2 and 3 (a Jacobian at a point, a Hessian, a backpropagation
// step): exact rational arithmetic on small matrices, the text and LaTeX of vectors and matrices, the
// grid the answer is typed into, and what the statement says about the object asked (the layout
// convention: ∂f/∂x is a row, ∇ₓ f a column, ∇_W f has W's shape).
import { type Q, addQ, invQ, mulQ, negQ, rat, value } from "../calculus/rational";
import type { MistakeCode } from "../calculus/mistakes";
import { fracText, reject } from "./exact";
import type { CellKind, GridMistake, GridSpec } from "./types";

export type { Q };

export const q = (n: number, d = 1): Q => rat(n, d);
export const qAdd = (...xs: Q[]): Q => xs.reduce((s, x) => addQ(s, x), q(0));
export const qMul = (...xs: Q[]): Q => xs.reduce((s, x) => mulQ(s, x), q(1));
export const qSub = (a: Q, b: Q): Q => addQ(a, negQ(b));
export const qNeg = negQ;
export const qDiv = (a: Q, b: Q): Q => {
  if (value(b) === 0) reject("division by zero");
  return mulQ(a, invQ(b));
};
export const qVal = value;

/** Exact text of a rational: "3", "-7/4". Rejects a value that left exact arithmetic. */
export function qText(x: Q): string {
  if (x.d === 0) reject("inexact value");
  return fracText(x.n, x.d);
}

export type QMatrix = Q[][];

export const qMatrix = (rows: readonly (readonly number[])[]): QMatrix => rows.map((r) => r.map((v) => q(v)));

export function matMul(a: QMatrix, b: QMatrix): QMatrix {
  return a.map((row) => b[0]!.map((_, j) => qAdd(...row.map((x, k) => qMul(x, b[k]![j]!)))));
}

export const transposeQ = (a: QMatrix): QMatrix => a[0]!.map((_, j) => a.map((r) => r[j]!));

export const column = (v: readonly Q[]): QMatrix => v.map((x) => [x]);
export const row = (v: readonly Q[]): QMatrix => [[...v]];

/** The inverse of a 2×2 matrix; rejects a singular one. */
export function inverse2(m: QMatrix): QMatrix {
  const [[a, b], [c, d]] = m as [[Q, Q], [Q, Q]];
  const det = qSub(qMul(a, d), qMul(b, c));
  if (qVal(det) === 0) reject("singular matrix");
  return [
    [qDiv(d, det), qDiv(qNeg(b), det)],
    [qDiv(qNeg(c), det), qDiv(a, det)],
  ];
}

export const det2 = (m: QMatrix): Q => qSub(qMul(m[0]![0]!, m[1]![1]!), qMul(m[0]![1]!, m[1]![0]!));

export const textGrid = (m: QMatrix): string[][] => m.map((r) => r.map(qText));

/** (1, -2, 3) */
export const vecText = (v: readonly (number | string)[]): string => `(${v.join(", ")})`;
/** [[1, 2], [3, 4]] */
export const matText = (m: readonly (readonly (number | string)[])[]): string =>
  `[${m.map((r) => `[${r.join(", ")}]`).join(", ")}]`;

/** A number as LaTeX: -3/4 -> -\frac{3}{4}. */
export function numLatex(x: number | string): string {
  const s = String(x);
  const m = /^(-?)(\d+)\/(\d+)$/.exec(s);
  if (m) return `${m[1]}\\frac{${m[2]}}{${m[3]}}`;
  return s.replace(/^ln\((\d+)\)$/, "\\ln $1");
}

export const vecLatex = (v: readonly (number | string)[]): string =>
  `\\begin{pmatrix} ${v.map(numLatex).join(" \\\\ ")} \\end{pmatrix}`;
export const rowLatex = (v: readonly (number | string)[]): string =>
  `\\begin{pmatrix} ${v.map(numLatex).join(" & ")} \\end{pmatrix}`;
export const matLatex = (m: readonly (readonly (number | string)[])[]): string =>
  `\\begin{pmatrix} ${m.map((r) => r.map(numLatex).join(" & ")).join(" \\\\ ")} \\end{pmatrix}`;

/** Subscript digits for labels: w₁, x₂. */
export function sub(i: number): string {
  return String(i)
    .split("")
    .map((d) => "₀₁₂₃₄₅₆₇₈₉".charAt(Number(d)))
    .join("");
}

/** The shape as a learner reads it: "1×3 row", "3×1 column", "2×3 matrix", "a number". */
export function shapeName(rows: number, cols: number): string {
  if (rows === 1 && cols === 1) return "a number";
  if (rows === 1) return `1×${cols} row`;
  if (cols === 1) return `${rows}×1 column`;
  return `${rows}×${cols} matrix`;
}

/** A grid of one kind of cell, labelled per entry (or with the labels given). */
export function gridSpec(
  rows: number,
  cols: number,
  object: string,
  kind: CellKind = "number",
  labels?: string[][],
  words?: Record<string, string>,
): GridSpec {
  const kinds = Array.from({ length: rows }, () => Array.from({ length: cols }, () => kind));
  const defaultLabel = (i: number, j: number): string =>
    rows === 1 && cols === 1
      ? "Your answer"
      : rows === 1 || cols === 1
        ? `component ${(rows === 1 ? j : i) + 1}`
        : `entry (${i + 1}, ${j + 1})`;
  const spec: GridSpec = {
    rows,
    cols,
    object,
    kinds,
    labels:
      labels ??
      Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => defaultLabel(i, j))),
  };
  return words ? { ...spec, words } : spec;
}

/** Largest size of a number in a concrete key or statement: beyond it the arithmetic is drilled. */
export const MAX_ENTRY = 400;
/** Longest exact text of one cell of a number key. */
export const MAX_CELL_CHARS = 12;

/** Rejects a key with an awkward cell: too large, too long to type, or a denominator over 100. */
export function checkNiceKey(m: QMatrix): void {
  for (const r of m)
    for (const x of r) {
      if (x.d === 0 || Math.abs(qVal(x)) > MAX_ENTRY || x.d > 100 || qText(x).length > MAX_CELL_CHARS)
        reject("awkward key entry");
    }
}

export const mistake = (code: MistakeCode, message: string, answer: string[][]): GridMistake => ({
  code,
  message,
  answer,
});

/** Declarations for `given.decls`: "scalar", "vector 3" (a column), "matrix 2x3". */
export const decl = {
  scalar: "scalar",
  vector: (n: number): string => `vector ${n}`,
  matrix: (m: number, n: number): string => `matrix ${m}x${n}`,
};
