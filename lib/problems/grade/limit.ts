// Limit answers: a number, DNE, or a signed infinity, each wrong kind with its own explanation.
import { type AnswerResult, parseAnswer } from "../../calculus/parse";
import { type Problem } from "../types";
import { type GradeResult, invalid, right, wrong, previewOf, endSentence } from "./result";
import { numberOnly } from "./read-answer";
import { gradeNumber } from "./number";

/** `oo` (as computer algebra systems print infinity) with an optional sign. */
const OO = /^\s*([+\-−]?)\s*oo\s*$/;

export function gradeLimit(p: Problem, text: string, minFigures: number): GradeResult {
  const oo = OO.exec(text);
  const read = oo ? (oo[1] === "" || oo[1] === "+" ? "inf" : "-inf") : text;
  const r: AnswerResult = parseAnswer(read, { vars: p.vars, allowSpecial: true });
  if (!r.ok) return invalid(r.error.code, endSentence(r.error.message), r.error.at);
  const warnings = r.warnings.map((w) => w.message);
  const key = typeof p.answer === "string" ? p.answer : "";
  const special = key === "DNE" || key === "inf" || key === "-inf";
  if (r.kind === "special") {
    const word = r.value === "dne" ? "DNE" : r.value;
    const preview = {
      latex: word === "DNE" ? "\\text{DNE}" : word === "inf" ? "\\infty" : "-\\infty",
      text: word,
    };
    if (word === key) return right(preview, warnings);
    if (!special) {
      return wrong(
        word === "DNE"
          ? "Not right: this limit does exist."
          : "Not right: the function stays bounded near this point and settles on a value.",
        { preview, warnings },
      );
    }
    if (key === "DNE") {
      return wrong(
        "Not right: the function does not tend to a single value or infinity; compare both sides.",
        { preview, warnings },
      );
    }
    if (word === "DNE") {
      return wrong(
        "Not right: the limit exists here (it may be infinite); look at the sign of the function near the point.",
        { preview, warnings },
      );
    }
    return wrong("", {
      preview,
      warnings,
      diagnosis: { code: "sign_error", message: "Your answer has the wrong sign of infinity." },
    });
  }
  const notNumber = numberOnly(r.expr);
  if (notNumber) return notNumber;
  const preview = previewOf(r.expr);
  if (special) {
    const message =
      key === "DNE"
        ? "Not right: a single finite value is not the answer here; check what the function does on each side of the point."
        : "Not right: the function does not settle on a finite value here.";
    return wrong(message, { preview, warnings });
  }
  return gradeNumber(p, text, minFigures);
}
