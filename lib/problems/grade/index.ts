// Grading an answer to a stored problem: expressions by equivalence with the key, numbers exactly or
// as decimals with enough significant figures, vectors component by component, limits with their
// special answers, and the typical mistakes named. Pure; never throws.
import { MAX_INPUT_LENGTH } from "../../calculus/parse";
import { type Problem } from "../types";
import { lhsOf } from "../../calculus/answer-syntax";
import { type GradeResult, type GradeOptions, invalid, cannot, previewOf } from "./result";
import { MAX_COMPONENTS, readOne } from "./read-answer";
import { gradeNumber } from "./number";
import { gradeDerivativeExpression, gradeChainExpression } from "./expression";
import { gradeLine } from "./line";
import { gradeVector } from "./vector";
import { gradeLimit } from "./limit";
import { gradeGrid } from "./grid";
import { gradeMatrix } from "./matrix";
export type { GradeOptions, GradeResult, GradeStatus } from "./result";
export { withoutKey } from "./result";

/** Grade `answer` (one string, or one string per component of a vector) against a stored problem. */
export function grade(
  problem: Problem,
  answer: string | string[] | string[][],
  options: GradeOptions = {},
): GradeResult {
  try {
    const minFigures = options.minFigures ?? 3;
    // A concrete vector or matrix: rows of cells (or one pasted text), graded cell by cell.
    if (problem.answerKind === "grid") return gradeGrid(problem, answer, minFigures);
    const texts = typeof answer === "string" ? [answer] : Array.isArray(answer) ? answer : null;
    if (!texts || texts.some((t) => typeof t !== "string"))
      return invalid("BAD_REQUEST", "The answer must be text, or a list of texts.");
    if (texts.length > MAX_COMPONENTS) return invalid("TOO_LONG", "This answer has too many components.");
    if (texts.some((t) => t.length > MAX_INPUT_LENGTH)) {
      return invalid(
        "TOO_LONG",
        `This answer is too long (more than ${MAX_INPUT_LENGTH} characters).`,
        MAX_INPUT_LENGTH,
      );
    }
    if (problem.answerKind !== "vector" && texts.length !== 1)
      return invalid("BAD_SHAPE", "This problem expects a single answer, not a list.");
    const text = texts[0] ?? "";
    if (problem.answerKind !== "line" && typeof answer === "string" && lhsOf(answer) !== null) {
      // "f'(x) = 2x", "df/dx = ...", "grad f = (1, 2)": grade what follows '=' (blanked, so positions hold).
      const r = gradeText(
        problem,
        answer.replace(/^[^=]*=/, (m) => " ".repeat(m.length)),
        minFigures,
      );
      return { ...r, warnings: [`Read the part after '=' (${lhsOf(answer) ?? ""} = ...).`, ...r.warnings] };
    }
    return gradeText(problem, typeof answer === "string" ? text : (answer as string[]), minFigures);
  } catch {
    return cannot("This answer cannot be checked automatically (internal error).");
  }
}

function gradeText(problem: Problem, answer: string | string[], minFigures: number): GradeResult {
  {
    const text = typeof answer === "string" ? answer : (answer[0] ?? "");
    switch (problem.answerKind) {
      case "vector":
        return gradeVector(problem, answer, minFigures);
      case "limit":
        return gradeLimit(problem, text, minFigures);
      case "number":
        return gradeNumber(problem, text, minFigures);
      case "line":
        return gradeLine(problem, text);
      case "grid":
        return gradeGrid(problem, answer, minFigures);
      case "matrix":
        return gradeMatrix(problem, text);
      case "expression": {
        if (problem.kind === "chain") return gradeChainExpression(problem, text);
        const r = readOne(text, problem.vars);
        if (!r.ok) return r.result;
        return gradeDerivativeExpression(problem, r.expr, previewOf(r.expr), r.warnings);
      }
    }
  }
}
