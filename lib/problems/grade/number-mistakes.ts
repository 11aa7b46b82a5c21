// The values that typical wrong methods give for a number answer, per kind of problem: a wrong answer
// that matches one of them is named.
import { type Expr, mul } from "../../calculus/ast";
import { type Task, keyFor } from "../../calculus/diagnose";
import { derivative } from "../../calculus/diff";
import { MISTAKES, type MistakeCode, RULE_MISTAKES } from "../../calculus/mistakes";
import { numericValue, substitute } from "../exact";
import { readProblem } from "../read";
import { oneInnerMissing } from "./expression";
import { type Problem } from "../types";

type Candidate = { code: MistakeCode; message: string; value: number };

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
    for (const [m, code] of RULE_MISTAKES) {
      const k = keyFor(task, f, fvars, wrt, m);
      if (k && !Array.isArray(k))
        out.push({ code, message: MISTAKES[code], value: valueAt(k as Expr, point) });
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
      message: MISTAKES.function_value,
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
        message: MISTAKES.not_unit,
        value: dot,
      });
    } else {
      const n2 = g.reduce((s, gi) => s + gi * gi, 0);
      out.push({
        code: "norm_squared",
        message: MISTAKES.norm_squared,
        value: n2,
      });
    }
  }
  if (f && inner && point && p.kind === "chain") {
    const terms: { v: string; term: number; bare: number }[] = [];
    for (const v of fvars) {
      const d = derivative(f, v);
      const dv = inner[v] ? derivative(inner[v], "t") : null;
      if (d.ok && dv?.ok)
        terms.push({
          v,
          term: valueAt(mul(substitute(d.expr, inner), dv.expr), point),
          bare: valueAt(substitute(d.expr, inner), point),
        });
    }
    if (terms.length === fvars.length && fvars.length > 1) {
      const total = terms.reduce((s, t) => s + t.term, 0);
      for (const t of terms) {
        out.push({ code: "chain_missing_term", message: MISTAKES.chain_missing_term, value: t.term });
        // x'(t) forgotten in one term, the other terms right.
        out.push({
          code: "chain_one_inner_missing",
          message: oneInnerMissing(t.v),
          value: total - t.term + t.bare,
        });
      }
      out.push({
        code: "chain_inner_missing",
        message: MISTAKES.chain_inner_missing,
        value: terms.reduce((s, t) => s + t.bare, 0),
      });
    }
  }
  if (p.kind === "limit" && keyValue !== 0) {
    out.push({
      code: "reciprocal",
      message: MISTAKES.reciprocal,
      value: 1 / keyValue,
    });
  }
  if (keyValue !== 0) out.push({ code: "sign_error", message: MISTAKES.sign_error, value: -keyValue });
  return out;
}
