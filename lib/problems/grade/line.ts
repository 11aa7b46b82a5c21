// Tangent-line answers: y = (an expression in x), with the typical wrong lines named.
import { type Diagnosis, MISTAKES, type MistakeCode } from "../../calculus/mistakes";
import { toLatex, toText } from "../../calculus/print";
import { type Expr, add, mul, neg } from "../../calculus/ast";
import { type EquivOptions, equivalent } from "../../calculus/equiv";
import { readExpr, readProblem } from "../read";
import { type Problem } from "../types";
import { type GradeResult, invalid, cannot, verdictResult } from "./result";
import { readOne } from "./read-answer";

export function gradeLine(p: Problem, text: string): GradeResult {
  const v = p.vars[0] ?? "x";
  let rhs = text;
  const m = /^\s*y\s*=(.*)$/s.exec(text);
  if (m) rhs = m[1] ?? "";
  if (rhs.includes("="))
    return invalid("BAD_LINE", "Write the line as y = (an expression in x), with a single '='.");
  const key = readExpr(p.answer, [v]);
  if (!key) return cannot("This problem's key cannot be read.");
  const r = readOne(rhs, [v], "", text.length - rhs.length);
  if (!r.ok) return r.result;
  const preview = { latex: `y = ${toLatex(r.expr)}`, text: `y = ${toText(r.expr)}` };
  const opts: EquivOptions = { vars: [v] };
  const verdict = equivalent(key, r.expr, opts);
  if (!verdict.ok || verdict.equivalent) return verdictResult(verdict, preview, r.warnings);
  const { f, point } = readProblem(p);
  const slope = readExpr(p.detail?.slope, []);
  const y0 = readExpr(p.detail?.y0, []);
  const a = point?.[v];
  let diag: Diagnosis | undefined;
  if (slope && y0 && a && f) {
    const X: Expr = { kind: "var", name: v };
    const d = readExpr(p.detail?.derivative, [v]);
    const candidates: [Expr, MistakeCode, string][] = [
      [add(mul(slope, X), y0), "tangent_no_shift", MISTAKES.tangent_no_shift],
      [mul(slope, add(X, neg(a))), "tangent_no_value", MISTAKES.tangent_no_value],
      [add(mul(neg(slope), add(X, neg(a))), y0), "sign_error", "The slope of your line has the wrong sign."],
      ...(d ? [[d, "derivative_not_line", MISTAKES.derivative_not_line] as [Expr, MistakeCode, string]] : []),
    ];
    for (const [cand, code, message] of candidates) {
      const c = equivalent(cand, r.expr, opts);
      if (c.ok && c.equivalent) {
        diag = { code, message };
        break;
      }
    }
  }
  return verdictResult(verdict, preview, r.warnings, diag);
}
