// How an answer is read, as the learner types it: the same reading rules as grading (answer-syntax.ts)
// without the key, so it runs in the browser. Gives the LaTeX of the reading, the parse error with its
// position, and the ambiguity warnings with theirs. Pure; never throws.
import { parseAnswer } from "../calculus/parse";
import { toLatex } from "../calculus/print";
import { lhsOf, splitVector } from "../calculus/answer-syntax";
import { type DeclInput, declare, readMatrix, showShape, toLatex as matrixLatex } from "../calculus/matrix";
import type { AnswerKind } from "./types";

export interface PreviewNote {
  message: string;
  /** 0-based position in the field's text (UTF-16 units), when known. */
  at?: number;
}

export type AnswerPreview =
  | { state: "empty" }
  | { state: "ok"; latex: string; warnings: PreviewNote[]; shape?: string }
  | { state: "error"; error: PreviewNote; warnings: PreviewNote[] };

export interface PreviewOptions {
  answerKind: AnswerKind;
  vars: readonly string[];
  /** Whether DNE / inf / -inf are answers here (limits). */
  allowSpecial: boolean;
  /** A matrix answer: the declared symbols and the shape asked for ("m×n"). */
  matrix?: { decls: DeclInput; shape: string };
}

const SPECIAL_LATEX = { dne: "\\text{does not exist}", inf: "+\\infty", "-inf": "-\\infty" } as const;

/** A leading "f'(x) =", "df/dx =", "grad f =", "L =" that grading skips (the same rule: lhsOf). */
function skipLeftSide(text: string): { body: string; offset: number; lhs: string | null } {
  const lhs = lhsOf(text);
  if (lhs === null) return { body: text, offset: 0, lhs: null };
  const i = text.indexOf("=");
  return { body: text.slice(i + 1), offset: i + 1, lhs };
}

function readOne(
  text: string,
  vars: readonly string[],
  allowSpecial: boolean,
  offset: number,
): AnswerPreview & { state: "ok" | "error" } {
  const r = parseAnswer(text, { vars, allowSpecial });
  if (!r.ok) {
    const at = r.error.at === undefined ? undefined : r.error.at + offset;
    return {
      state: "error",
      error: at === undefined ? { message: r.error.message } : { message: r.error.message, at },
      warnings: [],
    };
  }
  const warnings = r.warnings.map((w) => ({ message: w.message, at: w.at + offset }));
  if (r.kind === "special") return { state: "ok", latex: SPECIAL_LATEX[r.value], warnings };
  return { state: "ok", latex: toLatex(r.expr), warnings };
}

/** The reading of one field's text. For a vector, `(a, b)` typed in one field is read as the whole vector. */
export function previewAnswer(text: string, options: PreviewOptions): AnswerPreview {
  try {
    if (text.trim() === "") return { state: "empty" };
    const { answerKind, vars, allowSpecial } = options;
    if (answerKind === "matrix" && options.matrix) return previewMatrix(text, options.matrix);
    if (answerKind === "line") {
      const m = /^(\s*y\s*=)(.*)$/s.exec(text);
      const rhs = m ? (m[2] ?? "") : text;
      const offset = m ? (m[1] ?? "").length : 0;
      if (rhs.includes("="))
        return {
          state: "error",
          error: {
            message: "Write the line as y = (an expression in x), with a single '='.",
            at: offset + rhs.indexOf("="),
          },
          warnings: [],
        };
      if (rhs.trim() === "") return { state: "empty" };
      const r = readOne(rhs, vars.slice(0, 1), false, offset);
      return r.state === "ok" ? { ...r, latex: `y = ${r.latex}` } : r;
    }
    const { body, offset, lhs } = skipLeftSide(text);
    if (body.trim() === "") return { state: "empty" };
    const lhsNote: PreviewNote[] = lhs ? [{ message: `Reads the part after '=' (${lhs} = ...).` }] : [];
    if (answerKind === "vector") {
      const parts = splitVector(body);
      if (parts) {
        const latex: string[] = [];
        const warnings: PreviewNote[] = [...lhsNote];
        // Positions of the parts inside the text, for the error marker.
        let from = 0;
        for (const [i, part] of parts.entries()) {
          const at = body.indexOf(part, from);
          from = at < 0 ? from : at + part.length;
          const r = readOne(part, vars, false, offset + Math.max(0, at));
          if (r.state === "error")
            return {
              state: "error",
              error: { ...r.error, message: `Component ${i + 1}: ${r.error.message}` },
              warnings,
            };
          latex.push(r.latex);
          warnings.push(...r.warnings);
        }
        return { state: "ok", latex: `\\left(${latex.join(",\\ ")}\\right)`, warnings };
      }
    }
    const r = readOne(body, vars, allowSpecial, offset);
    return { ...r, warnings: [...lhsNote, ...r.warnings] };
  } catch {
    return { state: "error", error: { message: "This answer could not be read." }, warnings: [] };
  }
}

/** "a" or "an" before a size as it is read aloud: "an m×n", "an 8×1", "a 3×2", "a 1×n". */
export const articleFor = (size: string): string => (/^[nmfhlrsx8]/.test(size) ? "an" : "a");

/** "a 3×1 column", "an m×n matrix", "a scalar": what a shape is, in words. */
export function shapeWords(rows: string, cols: string): string {
  if (rows === "1" && cols === "1") return "a scalar";
  const size = `${rows}×${cols}`;
  const a = articleFor(size);
  if (cols === "1") return `${a} ${size} column`;
  if (rows === "1") return `${a} ${size} row`;
  return `${a} ${size} matrix`;
}

/** The reading of a matrix answer with its shape, or the reading or shape error with its position. */
function previewMatrix(text: string, m: { decls: DeclInput; shape: string }): AnswerPreview {
  const declared = declare(m.decls);
  if (!declared.ok)
    return { state: "error", error: { message: "This problem cannot be previewed." }, warnings: [] };
  const r = readMatrix(text, declared.decls);
  if (!r.ok) {
    const at = r.error.at;
    return {
      state: "error",
      error: at === undefined ? { message: r.error.message } : { message: r.error.message, at },
      warnings: [],
    };
  }
  const [rows, cols] = showShape(r.shape).split("×") as [string, string];
  const words = shapeWords(rows, cols);
  const expected = m.shape === "a scalar" ? "1×1" : m.shape;
  const warnings: PreviewNote[] =
    showShape(r.shape) === expected || expected === ""
      ? []
      : [{ message: `This reads as ${words}, but the answer asked for is ${m.shape}.` }];
  return { state: "ok", latex: matrixLatex(r.expr, declared.decls), warnings, shape: words };
}
