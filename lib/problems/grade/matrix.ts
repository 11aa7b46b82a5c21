// Grading a symbolic matrix answer (`2(Wx - y)x^T`) with the matrix core: read and type-check it
// against the problem's declarations (a reading or shape error is not a try: it says what to fix),
// then compare it with the key by random instantiation. The key is the stored expression; the
// derivative of the problem's function by automatic differentiation lends its typical slips (σ' as σ,
// a dropped gate) to the diagnosis. Pure; never throws.
import {
  bindKeySizes,
  derivativeKey,
  expressionKey,
  type KeySource,
  grade as gradeMatrixCore,
  parseShape,
  readMatrix,
  toLatex,
  toText,
} from "../../calculus/matrix";
import { type MatrixGiven, declsOf, expectedShape } from "../matrix-problem";
import type { Problem } from "../types";
import { type GradeResult, cannot, endSentence, invalid, right, wrong } from "./result";

const NOT_EQUAL = "Not equal to the right answer.";

export function gradeMatrix(problem: Problem, text: string): GradeResult {
  const decls = declsOf(problem.given);
  if (!decls || typeof problem.answer !== "string") return cannot("This problem cannot be checked.");
  const given = problem.given as unknown as MatrixGiven;
  const answer = readMatrix(text, decls);
  if (!answer.ok) return invalid(answer.error.code, endSentence(answer.error.message), answer.error.at);
  const preview = { latex: toLatex(answer.expr, decls), text: toText(answer.expr) };
  const f = readMatrix(given.f, decls);
  const derived = f.ok ? derivativeKey(decls, f.typed, given.wrt, given.asks) : null;
  let key: KeySource;
  if (problem.answer === "") {
    // A teacher's problem with no expression: the derivative by automatic differentiation is the key.
    if (!derived?.ok) return cannot("This problem cannot be checked.", preview);
    key = derived.key;
  } else {
    const keyRead = readMatrix(problem.answer, decls, parseShape(given.shape) ?? undefined);
    if (!keyRead.ok) return cannot("This problem's key cannot be read.", preview);
    const sized = bindKeySizes(decls, keyRead.typed, answer.typed);
    if (!sized) {
      return invalid(
        "UNKNOWN_SIZE",
        `The size of I or 1 cannot be told here: write I_n or 1_n (the answer is ${expectedShape(problem.given)}).`,
      );
    }
    key = expressionKey(sized);
    // The derivative's typical slips (σ' written as σ, a dropped gate) help name a mistake.
    if (derived?.ok && derived.key.slip) key = { ...key, slip: derived.key.slip };
  }
  const g = gradeMatrixCore(decls, key, answer.typed);
  if (!g.ok) return cannot(endSentence(g.error.message), preview);
  if (g.equivalent) return right(preview, []);
  const diagnosis = g.diagnosis;
  const reason = g.counterexample ? endSentence(g.counterexample) : NOT_EQUAL;
  return wrong(reason, {
    preview,
    warnings: [],
    ...(diagnosis ? { diagnosis } : {}),
    ...(g.counterexample ? { counterexample: reason } : {}),
  });
}
