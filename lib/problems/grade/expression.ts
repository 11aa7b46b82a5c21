// Expression answers: derivatives through the core's diagnosis, and df/dt of a composite with its
// chain-rule mistakes.
import { type Diagnosis, type MistakeCode, diagnosisOf } from "../../calculus/mistakes";
import { type Expr, add, freeVariables, mul, neg, num } from "../../calculus/ast";
import { type Task, diagnose } from "../../calculus/diagnose";
import { derivative } from "../../calculus/diff";
import { type EquivOptions, equivalent } from "../../calculus/equiv";
import { toText } from "../../calculus/print";
import { substitute } from "../exact";
import { readExpr, readProblem } from "../read";
import { type Problem } from "../types";
import {
  type GradeResult,
  type Preview,
  cannot,
  diagnosedResult,
  invalid,
  previewOf,
  verdictResult,
} from "./result";
import { readOne } from "./read-answer";

function equivOptions(p: Problem, defined: Expr[]): EquivOptions {
  const base: EquivOptions = { vars: p.vars, defined };
  return p.domain ? { ...base, domain: p.domain } : base;
}

export function gradeDerivativeExpression(
  p: Problem,
  answer: Expr,
  preview: Preview,
  warnings: string[],
): GradeResult {
  const { f, fvars, wrt } = readProblem(p);
  if (!f) return cannot("This problem's function cannot be read.", preview);
  const task: Task = p.kind === "derivative" ? "derivative" : p.kind === "partial" ? "partial" : "gradient";
  const r = diagnose({ task, f, vars: fvars, wrt, answer, ...(p.domain ? { domain: p.domain } : {}) });
  return diagnosedResult(r, preview, warnings);
}

/** The sentence for a chain rule along a curve with x'(t) forgotten (under chain_one_inner_missing). */
export function oneInnerMissing(x: string): string {
  return `You forgot ${x}'(t): multiply ∂f/∂${x} by the derivative of ${x}(t), as in df/dt = f_x x'(t) + f_y y'(t).`;
}

export function gradeChainExpression(p: Problem, text: string): GradeResult {
  const { f, fvars, inner } = readProblem(p);
  const key = readExpr(p.answer, ["t"]);
  if (!f || !inner || !key) return cannot("This problem cannot be read.");
  const r = readOne(text, ["t", ...fvars]);
  if (!r.ok) return r.result;
  const preview = previewOf(r.expr);
  const left = freeVariables(r.expr).filter((v) => v !== "t");
  if (left.length > 0) {
    return invalid(
      "NOT_IN_T",
      `Write your answer in terms of t only: substitute ${left.map((v) => `${v} = ${toText(inner[v] ?? num(0))}`).join(", ")}.`,
    );
  }
  const composite = substitute(f, inner);
  const opts = equivOptions(p, [composite]);
  const v = equivalent(key, r.expr, opts);
  if (!v.ok || v.equivalent) return verdictResult(v, preview, r.warnings);
  let diag: Diagnosis | undefined;
  for (const x of fvars) {
    const d = derivative(f, x);
    const dx = inner[x] ? derivative(inner[x], "t") : null;
    if (!d.ok || !dx?.ok) continue;
    const partial = mul(substitute(d.expr, inner), dx.expr);
    const rest = add(
      ...fvars
        .filter((y) => y !== x)
        .map((y) => {
          const dy = derivative(f, y);
          const iy = inner[y] ? derivative(inner[y], "t") : null;
          return dy.ok && iy?.ok ? mul(substitute(dy.expr, inner), iy.expr) : num(0);
        }),
    );
    const candidates: (readonly [Expr, MistakeCode])[] = [
      [rest, "chain_missing_term"],
      [partial, "chain_missing_term"],
      // x'(t) forgotten, the other terms right: f_x(x(t), y(t)) + f_y(x(t), y(t)) y'(t). With one
      // variable there is no other term: that is every inner derivative missing (below).
      ...(fvars.length > 1
        ? [[add(substitute(d.expr, inner), rest), "chain_one_inner_missing"] as const]
        : []),
      [
        add(
          substitute(d.expr, inner),
          ...fvars
            .filter((y) => y !== x)
            .map((y) => {
              const dy = derivative(f, y);
              return dy.ok ? substitute(dy.expr, inner) : num(0);
            }),
        ),
        "chain_inner_missing",
      ],
    ];
    for (const [cand, code] of candidates) {
      const c = equivalent(cand, r.expr, opts);
      if (c.ok && c.equivalent) {
        diag = code === "chain_one_inner_missing" ? { code, message: oneInnerMissing(x) } : diagnosisOf(code);
        break;
      }
    }
    if (diag) break;
  }
  if (!diag) {
    const neg1 = equivalent(neg(key), r.expr, opts);
    if (neg1.ok && neg1.equivalent) diag = diagnosisOf("sign_error");
  }
  return verdictResult(v, preview, r.warnings, diag);
}
