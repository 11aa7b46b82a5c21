// The result of grading one answer, and the ways to build it: right, wrong (with the diagnosed
// mistake and a counterexample), cannot check, or invalid input that was not graded.
import { type Diagnosis, type MistakeCode, MISTAKES } from "../../calculus/mistakes";
import { type Expr } from "../../calculus/ast";
import type { diagnose } from "../../calculus/diagnose";
import { type Verdict } from "../../calculus/equiv";
import { toLatex, toText } from "../../calculus/print";

export type GradeStatus = "right" | "wrong" | "cannot_check" | "invalid";

export interface GradeResult {
  readonly correct: boolean;
  readonly status: GradeStatus;
  /** One sentence for the learner. */
  readonly message: string;
  readonly diagnosis?: Diagnosis;
  readonly counterexample?: string;
  /** How the answer was read. */
  readonly preview?: { latex: string; text: string };
  readonly warnings: string[];
  /** For invalid input: nothing was graded. */
  readonly error?: { code: string; message: string; at?: number };
}

export interface GradeOptions {
  /** Fewest significant figures a decimal needs (docs/grading.md: 3). */
  readonly minFigures?: number;
}

const RIGHT = "Right.";

export type Preview = { latex: string; text: string };

export function invalid(code: string, message: string, at?: number, warnings: string[] = []): GradeResult {
  return {
    correct: false,
    status: "invalid",
    message,
    warnings,
    error: at === undefined ? { code, message } : { code, message, at },
  };
}

export function right(preview: Preview | undefined, warnings: string[]): GradeResult {
  return preview
    ? { correct: true, status: "right", message: RIGHT, preview, warnings }
    : { correct: true, status: "right", message: RIGHT, warnings };
}

export function wrong(
  message: string,
  extra: {
    preview?: Preview;
    warnings: string[];
    diagnosis?: Diagnosis;
    counterexample?: string;
  },
): GradeResult {
  const out: { -readonly [K in keyof GradeResult]: GradeResult[K] } = {
    correct: false,
    status: "wrong",
    message,
    warnings: extra.warnings,
  };
  if (extra.diagnosis) {
    out.diagnosis = extra.diagnosis;
    out.message = extra.diagnosis.message;
  }
  if (extra.counterexample) out.counterexample = extra.counterexample;
  if (extra.preview) out.preview = extra.preview;
  return out;
}

export function cannot(message: string, preview?: Preview): GradeResult {
  const out: GradeResult = { correct: false, status: "cannot_check", message, warnings: [] };
  return preview ? { ...out, preview } : out;
}

export const previewOf = (e: Expr): Preview => ({ latex: toLatex(e), text: toText(e) });

export function endSentence(s: string): string {
  return /[.!?]$/.test(s) ? s : `${s}.`;
}

export function verdictResult(
  v: Verdict,
  preview: Preview,
  warnings: string[],
  diagnosis?: Diagnosis,
): GradeResult {
  if (!v.ok) return cannot(v.error.message, preview);
  if (v.equivalent) return right(preview, warnings);
  const reason = endSentence(v.reason);
  const extra = {
    preview,
    warnings,
    ...(diagnosis ? { diagnosis } : {}),
    ...(v.counterexample ? { counterexample: reason } : {}),
  };
  return wrong(reason, extra);
}

/** The grade of the core's diagnosis of an answer: cannot check, right, or wrong with the mistake found. */
export function diagnosedResult(
  r: ReturnType<typeof diagnose>,
  preview: Preview,
  warnings: string[],
): GradeResult {
  if ("error" in r) return cannot(r.error.error.message, preview);
  if (r.correct) return right(preview, warnings);
  return verdictResult(
    r.verdict,
    preview,
    warnings,
    r.diagnosis ? { code: r.diagnosis.code, message: r.diagnosis.message } : undefined,
  );
}

const HIDDEN_WRONG = "Not right yet: your answer and the right one differ.";
const KEY_GIVING: ReadonlySet<string> = new Set([
  "sign_error",
  "sign_error_term",
  "layout_transposed",
  // The matrix core's: the transposed layout, and a vector where its diag(...) belongs.
  "layout",
  "vector_for_diag",
  "gradient_swapped",
  "reciprocal",
  "condition_inverted",
  "softmax_y_minus_s",
]);
const HIDDEN_FACTOR = "Your answer is off from the right one by a constant factor.";
/**
 * Mistakes whose catalogue sentence has digits only in a rule's general formula (d/dx x^n =
 * n x^(n-1)), never a number of this problem: the digit test below does not apply to that sentence.
 */
const FORMULA_DIGITS: ReadonlySet<MistakeCode> = new Set(["power_not_lowered"]);

/**
 * The same result without anything that gives the key away, for problem sets that hide solutions:
 * no counterexample (it states the key's value at a point), and no diagnosis that quantifies the
 * difference (a "12345/7 times the right one" gives the key with the answer: a sentence with a
 * digit, unless the digits are a rule's formula), and none whose kind alone gives it (the wrong sign,
 * a transposed layout, swapped components, a reciprocal). Other kinds of mistake stay named.
 */
export function withoutKey(result: GradeResult): GradeResult {
  if (result.status !== "wrong") return result;
  const { counterexample: _counterexample, diagnosis, ...rest } = result;
  if (!diagnosis) return { ...rest, message: HIDDEN_WRONG };
  // These mistakes give the key with the answer (its negative, transpose, swap or reciprocal).
  if (KEY_GIVING.has(diagnosis.code))
    return { ...rest, message: HIDDEN_WRONG, diagnosis: { ...diagnosis, message: HIDDEN_WRONG } };
  const formula = FORMULA_DIGITS.has(diagnosis.code) && diagnosis.message === MISTAKES[diagnosis.code];
  const quantified = !formula && /\d/.test(diagnosis.message);
  const message = quantified
    ? /factor|mean/.test(diagnosis.code)
      ? HIDDEN_FACTOR
      : HIDDEN_WRONG
    : diagnosis.message;
  return { ...rest, message, diagnosis: { ...diagnosis, message } };
}
