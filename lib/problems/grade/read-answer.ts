// Reading a typed answer for grading: parse errors become invalid results (with their position), and
// an answer that must be a number is checked to contain no variable.
import { type Expr, freeVariables } from "../../calculus/ast";
import { parseAnswer } from "../../calculus/parse";
import { type GradeResult, invalid, endSentence } from "./result";

export const MAX_COMPONENTS = 8;

type ReadOne = { ok: true; expr: Expr; warnings: string[] } | { ok: false; result: GradeResult };

export function readOne(text: string, vars: readonly string[], label = "", offset = 0): ReadOne {
  // parseAnswer without allowSpecial: "DNE" or "inf" here gets a message saying so.
  const r = parseAnswer(text, { vars });
  if (r.ok && r.kind === "special")
    return {
      ok: false,
      result: invalid("SPECIAL_NOT_ALLOWED", "This problem expects an expression, not DNE or infinity."),
    };
  if (!r.ok) {
    const message = label ? `${label}: ${r.error.message}` : r.error.message;
    return {
      ok: false,
      result: invalid(
        r.error.code,
        endSentence(message),
        r.error.at === undefined ? undefined : r.error.at + offset,
      ),
    };
  }
  return { ok: true, expr: r.expr, warnings: r.warnings.map((w) => w.message) };
}

export function numberOnly(e: Expr, label = "Your answer"): GradeResult | null {
  const free = freeVariables(e);
  if (free.length === 0) return null;
  return invalid(
    "NOT_A_NUMBER",
    `The answer is a number; ${label.toLowerCase() === "your answer" ? "your answer" : label} still contains ${free.join(", ")}.`,
  );
}
