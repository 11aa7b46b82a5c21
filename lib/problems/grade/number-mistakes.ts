// The values that typical wrong methods give for a number answer, per kind of problem: a wrong answer
// that matches one of them is named.
import { type Expr, mul } from "../../calculus/ast";
import { type Task, keyFor } from "../../calculus/diagnose";
import { type Mistake, derivative } from "../../calculus/diff";
import { numericValue, substitute } from "../exact";
import { readProblem } from "../read";
import { type Problem } from "../types";

const MISTAKES: readonly [Mistake, string, string][] = [
  [
    "no-inner-derivative",
    "chain_rule_inner",
    "You used the chain rule without multiplying by the derivative of the inner function.",
  ],
  [
    "product-of-derivatives",
    "product_rule_as_product",
    "You multiplied the derivatives of the factors; the product rule is (fg)' = f'g + fg'.",
  ],
  [
    "reversed-quotient",
    "quotient_rule_reversed",
    "The numerator of your quotient rule is reversed; it is (f'g - fg')/g^2.",
  ],
  [
    "quotient-of-derivatives",
    "quotient_of_derivatives",
    "You divided the derivatives; the quotient rule is (f'g - fg')/g^2.",
  ],
];

type Candidate = { code: string; message: string; value: number };

function valueAt(e: Expr | null, point: Record<string, Expr>): number {
  if (!e) return NaN;
  return numericValue(substitute(e, point));
}

/** Values that typical wrong methods give for a number answer. */
export function numberMistakes(p: Problem, keyValue: number): Candidate[] {
  const { f, fvars, wrt, point, inner } = readProblem(p);
  const out: Candidate[] = [];
  if (f && point && (p.kind === "derivative" || p.kind === "partial")) {
    const task: Task = p.kind === "derivative" ? "derivative" : "partial";
    for (const [m, code, message] of MISTAKES) {
      const k = keyFor(task, f, fvars, wrt, m);
      if (k && !Array.isArray(k)) out.push({ code, message, value: valueAt(k as Expr, point) });
    }
    for (const v of fvars) {
      if (v === wrt) continue;
      const d = derivative(f, v);
      if (d.ok)
        out.push({
          code: "wrong_variable",
          message: `You differentiated with respect to ${v} instead of ${wrt}.`,
          value: valueAt(d.expr, point),
        });
    }
    out.push({
      code: "function_value",
      message: "That is the value of the function at the point, not of its derivative.",
      value: valueAt(f, point),
    });
  }
  if (f && point && (p.kind === "directional" || p.kind === "max_rate")) {
    const g = fvars.map((v) => {
      const d = derivative(f, v);
      return d.ok ? valueAt(d.expr, point) : NaN;
    });
    if (p.kind === "directional") {
      const dir = (p.given.direction as number[] | undefined) ?? [];
      const dot = g.reduce((s, gi, i) => s + gi * (dir[i] ?? 0), 0);
      out.push({
        code: "not_unit",
        message: "You used the direction vector as given; divide it by its length first (u = v/|v|).",
        value: dot,
      });
    } else {
      const n2 = g.reduce((s, gi) => s + gi * gi, 0);
      out.push({
        code: "norm_squared",
        message: "That is the squared length of the gradient; take its square root.",
        value: n2,
      });
    }
  }
  if (f && inner && point && p.kind === "chain") {
    for (const v of fvars) {
      const d = derivative(f, v);
      const dv = inner[v] ? derivative(inner[v], "t") : null;
      if (d.ok && dv?.ok && fvars.length > 1) {
        const termValue = valueAt(mul(substitute(d.expr, inner), dv.expr), point);
        out.push({
          code: "chain_missing_term",
          message: "You left out a term: df/dt = f_x x'(t) + f_y y'(t).",
          value: termValue,
        });
      }
    }
  }
  if (p.kind === "limit" && keyValue !== 0) {
    out.push({
      code: "reciprocal",
      message: "Your answer is the reciprocal of the limit: check which constant belongs on top.",
      value: 1 / keyValue,
    });
  }
  if (keyValue !== 0)
    out.push({ code: "sign_error", message: "Your answer has the wrong sign.", value: -keyValue });
  return out;
}
