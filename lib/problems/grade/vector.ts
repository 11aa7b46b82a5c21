// Vector answers: symbolic gradients through the core's diagnosis, numeric vectors component by
// component (the order and the sign named), and directions as any positive multiple of the gradient.
import { MISTAKES } from "../../calculus/mistakes";
import { toLatex, toText } from "../../calculus/print";
import { type Expr } from "../../calculus/ast";
import { diagnose } from "../../calculus/diagnose";
import { significantFigures } from "../../calculus/equiv";
import { numericValue } from "../exact";
import { readExpr, readProblem } from "../read";
import { type Problem } from "../types";
import { splitVector } from "../../calculus/answer-syntax";
import { readUnitVector } from "../../calculus/answer-forms";
import {
  type GradeResult,
  type Preview,
  invalid,
  right,
  wrong,
  cannot,
  diagnosedResult,
  endSentence,
} from "./result";
import { MAX_COMPONENTS, readOne, numberOnly } from "./read-answer";
import { type NumberJudgement, judgeNumber, close } from "./number";

function componentsOf(p: Problem, answer: string | string[]): string[] | GradeResult {
  let parts: string[];
  if (typeof answer === "string") {
    const split = splitVector(answer);
    parts = split ?? [answer];
  } else if (answer.length === 1) {
    parts = splitVector(answer[0]!) ?? [answer[0]!];
  } else parts = answer;
  if (parts.length > MAX_COMPONENTS)
    return invalid("TOO_LONG", `A vector here has ${p.vars.length} components; yours has ${parts.length}.`);
  return parts;
}

function vectorPreview(es: readonly Expr[]): Preview {
  return {
    latex: `\\left(${es.map(toLatex).join(", ")}\\right)`,
    text: `(${es.map(toText).join(", ")})`,
  };
}

function readComponents(
  parts: readonly string[],
  vars: readonly string[],
): { ok: true; exprs: Expr[]; warnings: string[] } | { ok: false; result: GradeResult } {
  const exprs: Expr[] = [];
  const warnings: string[] = [];
  for (const [i, t] of parts.entries()) {
    const r = readOne(t, vars, parts.length > 1 ? `Component ${i + 1}` : "");
    if (!r.ok) return r;
    exprs.push(r.expr);
    warnings.push(...r.warnings);
  }
  return { ok: true, exprs, warnings };
}

export function gradeVector(p: Problem, answer: string | string[], minFigures: number): GradeResult {
  let parts = componentsOf(p, answer);
  if (!Array.isArray(parts)) return parts;
  const n = p.vars.length;
  // `2x i + 3y j`: the unit vectors name the components.
  const units = parts.length === 1 ? readUnitVector(parts[0]!, p.vars, n) : null;
  if (units && !units.ok) return invalid(units.error.code, endSentence(units.error.message));
  const read = units?.ok
    ? { ok: true as const, exprs: units.exprs, warnings: units.warnings.map((w) => w.message) }
    : readComponents(parts, p.vars);
  if (!read.ok) return read.result;
  const { exprs, warnings } = read;
  if (units?.ok) parts = exprs.map(toText);
  const preview = vectorPreview(exprs);
  if (exprs.length !== n) {
    // A form mistake, like an empty field: no try is spent.
    return invalid(
      "WRONG_SHAPE",
      `This answer needs ${n} components (one per variable ${p.vars.join(", ")}); yours has ${exprs.length}.`,
      undefined,
      warnings,
    );
  }
  if (p.kind === "gradient" && p.answerKind === "vector" && !Array.isArray(p.value)) {
    // Symbolic gradient: the core's diagnosis handles order and the typical mistakes.
    const { f } = readProblem(p);
    if (!f) return cannot("This problem's function cannot be read.", preview);
    const r = diagnose({
      task: "gradient",
      f,
      vars: p.vars,
      answer: exprs,
      ...(p.domain ? { domain: p.domain } : {}),
    });
    return diagnosedResult(r, preview, warnings);
  }
  for (const [i, e] of exprs.entries()) {
    const bad = numberOnly(e, `component ${i + 1}`);
    if (bad) return bad;
  }
  const values = Array.isArray(p.value) ? p.value : [];
  if (values.length !== n || !Array.isArray(p.answer))
    return cannot("This problem's key cannot be read.", preview);
  if (p.kind === "steepest_direction")
    return gradeDirection(values, exprs, parts, preview, warnings, minFigures);
  const keys = p.answer.map((t) => readExpr(t, []));
  const judge = (i: number, j: number): NumberJudgement => {
    const k = keys[i];
    if (!k) return { kind: "cannot", message: "This problem's key cannot be read." };
    return judgeNumber(k, values[i]!, parts[j]!, exprs[j]!, minFigures);
  };
  const results = exprs.map((_, i) => judge(i, i));
  const cannotCheck = results.find((r) => r.kind === "cannot");
  if (cannotCheck && cannotCheck.kind === "cannot") return cannot(cannotCheck.message, preview);
  const firstWrong = results.findIndex((r) => r.kind !== "right");
  if (firstWrong < 0) return right(preview, warnings);
  const w = results[firstWrong]!;
  if (w.kind === "wrong" && w.code === "too_few_figures") {
    return wrong(`Component ${firstWrong + 1}: ${w.message}`, {
      preview,
      warnings,
      diagnosis: { code: "too_few_figures", message: `Component ${firstWrong + 1}: ${w.message}` },
    });
  }
  // The right numbers in another order?
  const used = new Set<number>();
  const permuted = exprs.every((_, i) => {
    for (let j = 0; j < n; j++) {
      if (!used.has(j) && judge(i, j).kind === "right") {
        used.add(j);
        return true;
      }
    }
    return false;
  });
  if (permuted) {
    return wrong("", {
      preview,
      warnings,
      diagnosis: {
        code: "gradient_swapped",
        message: `Each component is right but they are in the wrong order (the order is ${p.vars.join(", ")}).`,
      },
    });
  }
  const negated = exprs.every((e, i) => close(numericValue(e), -values[i]!, parts[i]!));
  const message = `Component ${firstWrong + 1} (d/d${p.vars[firstWrong]}) is not right.`;
  return wrong(
    message,
    negated
      ? {
          preview,
          warnings,
          diagnosis: {
            code: "sign_error",
            message: "Your vector has the wrong sign: it points the opposite way.",
          },
        }
      : { preview, warnings },
  );
}

/** Any positive multiple of the gradient, with the rounding of typed decimals allowed for. */
function gradeDirection(
  g: readonly number[],
  exprs: readonly Expr[],
  parts: readonly string[],
  preview: Preview,
  warnings: string[],
  minFigures: number,
): GradeResult {
  const a = exprs.map((e) => numericValue(e));
  if (a.some((v) => !Number.isFinite(v)))
    return wrong("A component of your vector is undefined.", { preview, warnings });
  const slack: number[] = [];
  for (const [i, t] of parts.entries()) {
    const figs = significantFigures(t.trim());
    if (figs !== null && figs < minFigures && a[i] !== 0 && !Number.isInteger(a[i])) {
      const message = `Component ${i + 1} has ${figs} significant figure${figs === 1 ? "" : "s"}; give at least ${minFigures}, or exact values.`;
      return wrong(message, { preview, warnings, diagnosis: { code: "too_few_figures", message } });
    }
    // Half a unit in the last typed place: how far a correctly rounded decimal may be off.
    const m = /\.(\d+)\s*$/.exec(t);
    slack.push(figs !== null && m ? 0.5 * 10 ** -(m[1]?.length ?? 0) : 0);
  }
  const gg = g.reduce((s, v) => s + v * v, 0);
  const dot = a.reduce((s, v, i) => s + v * g[i]!, 0);
  const lambda = dot / gg;
  const norm = Math.sqrt(a.reduce((s, v) => s + v * v, 0));
  if (norm === 0) return wrong("The zero vector has no direction.", { preview, warnings });
  // The part of the answer across the gradient must be within what rounding the typed decimals allows.
  const across = Math.sqrt(a.reduce((s, v, i) => s + (v - lambda * g[i]!) ** 2, 0));
  const allowed = Math.sqrt(slack.reduce((s, v) => s + v * v, 0));
  const parallel = across <= allowed * 1.0001 + 1e-9 * norm;
  if (parallel && lambda > 0) return right(preview, warnings);
  if (parallel && lambda < 0) {
    return wrong("", {
      preview,
      warnings,
      diagnosis: {
        code: "descent_direction",
        message: MISTAKES.descent_direction,
      },
    });
  }
  return wrong("Your vector does not point along the gradient at this point.", { preview, warnings });
}
