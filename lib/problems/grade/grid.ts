// Grading a grid answer (a concrete vector or matrix, typed cell by cell): every cell by the scalar
// rules (numbers exactly or to enough significant figures, expressions by equivalence, words from a
// short list), the shape checked first, and a wrong answer compared with the transposed key (a layout
// mistake) and with the keys of the problem's typical wrong methods. Never reveals a key's entry.
import type { Expr } from "../../calculus/ast";
import { equivalent } from "../../calculus/equiv";
import type { Diagnosis } from "../../calculus/mistakes";
import { toLatex, toText } from "../../calculus/print";
import { numericValue } from "../exact";
import { judgeNumber } from "./number";
import { readOne } from "./read-answer";
import { type GradeResult, type Preview, cannot, invalid, right, wrong } from "./result";
import { readExpr } from "../read";
import { splitGridText } from "../../calculus/answer-syntax";
import type { CellKind, GridSpec, Problem } from "../types";

/** Largest grid read: rows and columns. */
export const MAX_GRID = 8;

type Cells = string[][];

/** The answer as rows of cells, in any of the forms the page, the command line and pasting give. */
function cellsOf(answer: string | string[] | string[][], spec: GridSpec): Cells | null {
  if (typeof answer === "string") {
    // One cell: the text itself, unless it is a pasted matrix such as [[7]].
    if (spec.rows * spec.cols === 1) return /^\s*\[\s*\[/.test(answer) ? splitGridText(answer) : [[answer]];
    return splitGridText(answer);
  }
  if (!Array.isArray(answer) || answer.length === 0) return null;
  if (answer.every((a) => typeof a === "string")) {
    const flat = answer;
    if (flat.length === 1) return cellsOf(flat[0]!, spec);
    if (flat.length !== spec.rows * spec.cols) return spec.rows === 1 ? [flat] : flat.map((c) => [c]);
    return Array.from({ length: spec.rows }, (_, i) => flat.slice(i * spec.cols, (i + 1) * spec.cols));
  }
  if (answer.every((row) => Array.isArray(row) && row.every((c) => typeof c === "string"))) return answer;
  return null;
}

const shapeText = (r: number, c: number): string => `${r}×${c}`;

function cellLatex(kind: CellKind, e: Expr | string): string {
  if (typeof e === "string") return `\\text{${e.replace(/[^a-z ]/gi, "")}}`;
  return kind === "word" ? "" : toLatex(e);
}

/** A matrix (or single value) in LaTeX. */
export function gridLatex(rows: readonly (readonly string[])[]): string {
  if (rows.length === 1 && rows[0]!.length === 1) return rows[0]![0]!;
  return `\\begin{pmatrix} ${rows.map((r) => r.join(" & ")).join(" \\\\ ")} \\end{pmatrix}`;
}

type Read = { kind: "number" | "expression"; expr: Expr; text: string } | { kind: "word"; word: string };

function readCell(
  text: string,
  kind: CellKind,
  spec: GridSpec,
  vars: readonly string[],
  label: string,
): { ok: true; read: Read; warnings: string[] } | { ok: false; result: GradeResult } {
  if (kind === "word") {
    const w = spec.words?.[text.trim().toLowerCase().replace(/\s+/g, " ")];
    if (!w) {
      const choices = [...new Set(Object.values(spec.words ?? {}))].join(", ");
      return { ok: false, result: invalid("NOT_A_CHOICE", `${label}: type one of ${choices}.`) };
    }
    return { ok: true, read: { kind: "word", word: w }, warnings: [] };
  }
  const r = readOne(text, kind === "number" ? [] : vars, label);
  if (!r.ok) return r;
  return { ok: true, read: { kind, expr: r.expr, text }, warnings: r.warnings };
}

/** Whether one read cell agrees with one key text: "right", "wrong", too few figures, or cannot tell. */
function judgeCell(
  read: Read,
  keyText: string,
  p: Problem,
  minFigures: number,
):
  | { kind: "right" }
  | { kind: "wrong"; code?: string; message: string }
  | { kind: "cannot"; message: string } {
  if (read.kind === "word") return read.word === keyText ? { kind: "right" } : { kind: "wrong", message: "" };
  const key = readExpr(keyText, read.kind === "number" ? [] : p.vars);
  if (!key) return { kind: "cannot", message: "This problem's key cannot be read." };
  if (read.kind === "number") {
    const j = judgeNumber(key, numericValue(key), read.text, read.expr, minFigures);
    if (j.kind === "wrong") return j.code ? { kind: "wrong", code: j.code, message: j.message } : j;
    return j;
  }
  const v = equivalent(key, read.expr, { vars: p.vars, ...(p.domain ? { domain: p.domain } : {}) });
  if (!v.ok) return { kind: "cannot", message: v.error.message };
  return v.equivalent ? { kind: "right" } : { kind: "wrong", message: "" };
}

function matchesAll(
  reads: readonly (readonly Read[])[],
  key: readonly (readonly string[])[],
  p: Problem,
  minFigures: number,
): boolean {
  if (key.length !== reads.length) return false;
  return reads.every(
    (row, i) =>
      key[i]?.length === row.length &&
      row.every((c, j) => judgeCell(c, key[i]![j]!, p, minFigures).kind === "right"),
  );
}

const transpose = (m: readonly (readonly string[])[]): string[][] =>
  (m[0] ?? []).map((_, j) => m.map((row) => row[j]!));

function listLabels(labels: string[]): string {
  if (labels.length === 1) return labels[0]!;
  return `${labels.slice(0, -1).join(", ")} and ${labels[labels.length - 1]!}`;
}

/** Grade a grid answer against a stored problem with `grid` and a key of rows of cell texts. */
export function gradeGrid(
  p: Problem,
  answer: string | string[] | string[][],
  minFigures: number,
): GradeResult {
  const spec = p.grid;
  const key = p.answer;
  if (!spec || !Array.isArray(key) || !key.every((r) => Array.isArray(r)))
    return cannot("This problem's key cannot be read.");
  const keyRows = key;
  const cells = cellsOf(answer, spec);
  if (!cells) return invalid("BAD_REQUEST", "The answer must be rows of cells.");
  if (cells.length > MAX_GRID || cells.some((r) => r.length > MAX_GRID || r.length === 0))
    return invalid("TOO_LONG", `A grid here has at most ${MAX_GRID} rows and ${MAX_GRID} columns.`);
  const cols = cells[0]!.length;
  if (cells.some((r) => r.length !== cols))
    return invalid("BAD_SHAPE", "Every row of the answer must have the same number of cells.");
  const empty: string[] = [];
  cells.forEach((row, i) =>
    row.forEach((c, j) => {
      if (c.trim() === "") empty.push(spec.labels[i]?.[j] ?? `entry (${i + 1}, ${j + 1})`);
    }),
  );
  if (empty.length > 0) return invalid("EMPTY_CELL", `Fill in every cell: ${listLabels(empty)} is empty.`);
  const sameShape = cells.length === spec.rows && cols === spec.cols;
  const transposedShape = cells.length === spec.cols && cols === spec.rows;
  // Each cell is read as the cell it would be in the key's layout (or in the transposed one).
  const kindAt = (i: number, j: number): CellKind =>
    (sameShape ? spec.kinds[i]?.[j] : spec.kinds[j]?.[i]) ?? "number";
  const reads: Read[][] = [];
  const warnings: string[] = [];
  for (const [i, row] of cells.entries()) {
    const out: Read[] = [];
    for (const [j, text] of row.entries()) {
      const label = (sameShape ? spec.labels[i]?.[j] : undefined) ?? `Entry (${i + 1}, ${j + 1})`;
      const r = readCell(text, kindAt(i, j), spec, p.vars, label);
      if (!r.ok) return r.result;
      out.push(r.read);
      warnings.push(...r.warnings);
    }
    reads.push(out);
  }
  const preview: Preview = {
    latex: gridLatex(
      reads.map((row) =>
        row.map((c) => (c.kind === "word" ? cellLatex("word", c.word) : cellLatex(c.kind, c.expr))),
      ),
    ),
    text: `[${reads.map((row) => `[${row.map((c) => (c.kind === "word" ? c.word : toText(c.expr))).join(", ")}]`).join(", ")}]`,
  };
  if (!sameShape) {
    const message = `The answer is ${spec.object}; yours is ${shapeText(cells.length, cols)}.`;
    if (transposedShape && matchesAll(reads, transpose(keyRows), p, minFigures)) {
      const m = `Right values in the wrong layout: ${spec.object} is ${shapeText(spec.rows, spec.cols)}, and yours is its transpose.`;
      return wrong(m, { preview, warnings, diagnosis: { code: "layout_transposed", message: m } });
    }
    return wrong(message, { preview, warnings, diagnosis: { code: "wrong_shape", message } });
  }
  const judged = reads.map((row, i) => row.map((c, j) => judgeCell(c, keyRows[i]![j]!, p, minFigures)));
  const flat = judged.flat();
  const cannotCell = flat.find((j) => j.kind === "cannot");
  if (cannotCell && cannotCell.kind === "cannot") return cannot(cannotCell.message, preview);
  if (flat.every((j) => j.kind === "right")) return right(preview, warnings);
  for (const [i, row] of judged.entries()) {
    for (const [j, c] of row.entries()) {
      if (c.kind === "wrong" && c.code === "too_few_figures") {
        const message = `${spec.labels[i]?.[j] ?? `Entry (${i + 1}, ${j + 1})`}: ${c.message}`;
        return wrong(message, { preview, warnings, diagnosis: { code: "too_few_figures", message } });
      }
    }
  }
  const wrongLabels: string[] = [];
  judged.forEach((row, i) =>
    row.forEach((c, j) => {
      if (c.kind !== "right") wrongLabels.push(spec.labels[i]?.[j] ?? `entry (${i + 1}, ${j + 1})`);
    }),
  );
  const message =
    wrongLabels.length === spec.rows * spec.cols && wrongLabels.length > 1
      ? "No entry is right."
      : // Labels keep their case: a label can be a variable ("x"), never capitalised into another one.
        `Not right: ${listLabels(wrongLabels)}.`;
  const diagnosis = diagnoseGrid(p, reads, keyRows, minFigures);
  return wrong(message, diagnosis ? { preview, warnings, diagnosis } : { preview, warnings });
}

function diagnoseGrid(
  p: Problem,
  reads: Read[][],
  key: string[][],
  minFigures: number,
): Diagnosis | undefined {
  const spec = p.grid!;
  const square = spec.rows === spec.cols && spec.rows > 1;
  const t = transpose(key);
  const symmetric = square && key.every((row, i) => row.every((c, j) => c === t[i]?.[j]));
  if (square && !symmetric && matchesAll(reads, t, p, minFigures)) {
    return {
      code: "layout_transposed",
      message: `Right values in the wrong layout: you wrote the transpose of ${spec.object} (rows and columns swapped).`,
    };
  }
  for (const m of p.mistakes ?? []) {
    if (sameKey(m.answer, key)) continue;
    if (matchesAll(reads, m.answer, p, minFigures)) return { code: m.code, message: m.message };
  }
  const negated = key.map((row) => row.map((c) => (spec.kinds.flat().includes("word") ? c : `-(${c})`)));
  if (!spec.kinds.flat().includes("word") && matchesAll(reads, negated, p, minFigures))
    return { code: "sign_error", message: "Every entry has the wrong sign." };
  return undefined;
}

function sameKey(a: readonly (readonly string[])[], b: readonly (readonly string[])[]): boolean {
  return (
    a.length === b.length && a.every((r, i) => r.length === b[i]!.length && r.every((c, j) => c === b[i]![j]))
  );
}
