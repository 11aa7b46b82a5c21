// Number answers: exact values by equivalence with the key, decimals by significant figures, and the
// wrong method named when the answer is its value.
import type { Diagnosis, MistakeCode } from "../../calculus/mistakes";
import { type Expr } from "../../calculus/ast";
import {
  type Verdict,
  equivalent,
  formatValue,
  judgeDecimal,
  significantFigures,
} from "../../calculus/equiv";
import { numericValue } from "../exact";
import { readExpr } from "../read";
import { type Problem } from "../types";
import { type GradeResult, right, wrong, cannot, previewOf } from "./result";
import { readOne, numberOnly } from "./read-answer";
import { numberMistakes } from "./number-mistakes";

export type NumberJudgement =
  | { kind: "right" }
  | { kind: "wrong"; message: string; value: number; code?: MistakeCode }
  | { kind: "cannot"; message: string };

export function judgeNumber(
  key: Expr,
  keyValue: number,
  text: string,
  answer: Expr,
  minFigures: number,
): NumberJudgement {
  const typed = text.trim();
  const value = numericValue(answer);
  if (significantFigures(typed) !== null) {
    const j = judgeDecimal(keyValue, typed, minFigures);
    if (j.kind === "right") return { kind: "right" };
    if (j.kind === "too-few-figures") {
      return {
        kind: "wrong",
        code: "too_few_figures",
        value,
        message: `${typed} has ${j.figures} significant figure${j.figures === 1 ? "" : "s"}; give at least ${minFigures}, or an exact value.`,
      };
    }
    if (j.kind === "wrong") return { kind: "wrong", value, message: `${typed} is not the right value.` };
  }
  const v: Verdict = equivalent(key, answer, { vars: [] });
  if (!v.ok) return { kind: "cannot", message: v.error.message };
  if (v.equivalent) return { kind: "right" };
  if (!Number.isFinite(value)) return { kind: "wrong", value, message: "Your answer is undefined." };
  // Show the answer as typed when it is short (7, 3/2, pi/4), else its value.
  const shown = typed.length <= 24 ? typed : formatValue(value);
  return { kind: "wrong", value, message: `Your answer ${shown} is not the right value.` };
}

export function close(a: number, b: number, text: string): boolean {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  if (Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b))) return true;
  if (significantFigures(text.trim()) === null) return false;
  return judgeDecimal(b, text.trim()).kind === "right";
}

function diagnoseNumber(
  p: Problem,
  keyValue: number,
  answerValue: number,
  text: string,
): Diagnosis | undefined {
  for (const c of numberMistakes(p, keyValue)) {
    if (Math.abs(c.value - keyValue) <= 1e-9 * Math.max(1, Math.abs(keyValue))) continue;
    if (close(answerValue, c.value, text)) return { code: c.code, message: c.message };
  }
  return undefined;
}

export function gradeNumber(p: Problem, text: string, minFigures: number): GradeResult {
  const key = readExpr(p.answer, []);
  if (!key || typeof p.value !== "number") return cannot("This problem's key cannot be read.");
  const r = readOne(text, p.vars);
  if (!r.ok) return r.result;
  const notNumber = numberOnly(r.expr);
  if (notNumber) return notNumber;
  const preview = previewOf(r.expr);
  const j = judgeNumber(key, p.value, text, r.expr, minFigures);
  if (j.kind === "right") return right(preview, r.warnings);
  if (j.kind === "cannot") return cannot(j.message, preview);
  const diagnosis =
    j.code === "too_few_figures"
      ? { code: j.code, message: j.message }
      : diagnoseNumber(p, p.value, j.value, text);
  return wrong(
    j.message,
    diagnosis ? { preview, warnings: r.warnings, diagnosis } : { preview, warnings: r.warnings },
  );
}
