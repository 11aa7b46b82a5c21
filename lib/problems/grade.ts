// Grading an answer to a stored problem (grading.md): expressions by equivalence with the key,
// numbers exactly or as decimals with enough significant figures, vectors component by component,
// limits with their special answers, and the typical mistakes named. Pure; never throws.
import { type Expr, add, freeVariables, mul, neg, num } from "../calculus/ast";
import { type Task, diagnose, keyFor } from "../calculus/diagnose";
import { type Mistake, derivative } from "../calculus/diff";
import {
  type EquivOptions,
  type Verdict,
  equivalent,
  formatValue,
  judgeDecimal,
  significantFigures,
} from "../calculus/equiv";
import { type AnswerResult, MAX_INPUT_LENGTH, parseAnswer } from "../calculus/parse";
import { toLatex, toText } from "../calculus/print";
import { numericValue, substitute } from "./exact";
import { gradeGrid } from "./grade-grid";
import { readExpr, readProblem } from "./read";
import type { Problem } from "./types";

export type GradeStatus = "right" | "wrong" | "cannot_check" | "invalid";

export interface GradeResult {
  readonly correct: boolean;
  readonly status: GradeStatus;
  /** One sentence for the learner. */
  readonly message: string;
  readonly diagnosis?: { code: string; message: string };
  readonly counterexample?: string;
  /** How the answer was read. */
  readonly preview?: { latex: string; text: string };
  readonly warnings: string[];
  /** For invalid input: nothing was graded. */
  readonly error?: { code: string; message: string; at?: number };
}

export interface GradeOptions {
  /** Fewest significant figures a decimal needs (grading.md: 3). */
  readonly minFigures?: number;
}

const MAX_COMPONENTS = 8;

const RIGHT = "Right.";

export type Preview = { latex: string; text: string };

export function invalid(code: string, message: string, at?: number, warnings: string[] = []): GradeResult {
  return {
    correct: false,
    status: "invalid",
    message,
    warnings,
    error: at === undefined ? { code, message } : { code, message, at },
  };
}

export function right(preview: Preview | undefined, warnings: string[]): GradeResult {
  return preview
    ? { correct: true, status: "right", message: RIGHT, preview, warnings }
    : { correct: true, status: "right", message: RIGHT, warnings };
}

export function wrong(
  message: string,
  extra: {
    preview?: Preview;
    warnings: string[];
    diagnosis?: { code: string; message: string };
    counterexample?: string;
  },
): GradeResult {
  const out: { -readonly [K in keyof GradeResult]: GradeResult[K] } = {
    correct: false,
    status: "wrong",
    message,
    warnings: extra.warnings,
  };
  if (extra.diagnosis) {
    out.diagnosis = extra.diagnosis;
    out.message = extra.diagnosis.message;
  }
  if (extra.counterexample) out.counterexample = extra.counterexample;
  if (extra.preview) out.preview = extra.preview;
  return out;
}

export function cannot(message: string, preview?: Preview): GradeResult {
  const out: GradeResult = { correct: false, status: "cannot_check", message, warnings: [] };
  return preview ? { ...out, preview } : out;
}

const previewOf = (e: Expr): Preview => ({ latex: toLatex(e), text: toText(e) });

// ---------------------------------------------------------------- reading the answer

const OPEN_CLOSE: Record<string, string> = { "(": ")", "[": "]", "<": ">", "⟨": "⟩", "{": "}" };

/** "(a, b)", "<a, b>", "[a, b]" or "a, b" -> ["a", "b"]; null when there is no top-level comma. */
export function splitVector(text: string): string[] | null {
  let s = text.trim();
  const open = s.charAt(0);
  const close = OPEN_CLOSE[open];
  if (close !== undefined && s.endsWith(close)) {
    // Only strip when the opening bracket closes at the very end.
    let depth = 0;
    let matchesEnd = true;
    for (let i = 0; i < s.length; i++) {
      const c = s.charAt(i);
      if (c === "(" || c === "[" || c === "{") depth++;
      else if (c === ")" || c === "]" || c === "}") depth--;
      if (open !== "<" && open !== "⟨" && depth === 0 && i < s.length - 1) {
        matchesEnd = false;
        break;
      }
    }
    if (matchesEnd) s = s.slice(1, -1);
  }
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charAt(i);
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    else if ((c === "," || c === ";") && depth === 0) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts.length > 1 ? parts.map((p) => p.trim()) : null;
}

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

function endSentence(s: string): string {
  return /[.!?]$/.test(s) ? s : `${s}.`;
}

function numberOnly(e: Expr, label = "Your answer"): GradeResult | null {
  const free = freeVariables(e);
  if (free.length === 0) return null;
  return invalid(
    "NOT_A_NUMBER",
    `The answer is a number; ${label.toLowerCase() === "your answer" ? "your answer" : label} still contains ${free.join(", ")}.`,
  );
}

// ---------------------------------------------------------------- numbers

export type NumberJudgement =
  | { kind: "right" }
  | { kind: "wrong"; message: string; value: number; code?: string }
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

function close(a: number, b: number, text: string): boolean {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  if (Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b))) return true;
  if (significantFigures(text.trim()) === null) return false;
  return judgeDecimal(b, text.trim()).kind === "right";
}

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
function numberMistakes(p: Problem, keyValue: number): Candidate[] {
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

function diagnoseNumber(
  p: Problem,
  keyValue: number,
  answerValue: number,
  text: string,
): { code: string; message: string } | undefined {
  for (const c of numberMistakes(p, keyValue)) {
    if (Math.abs(c.value - keyValue) <= 1e-9 * Math.max(1, Math.abs(keyValue))) continue;
    if (close(answerValue, c.value, text)) return { code: c.code, message: c.message };
  }
  return undefined;
}

function gradeNumber(p: Problem, text: string, minFigures: number): GradeResult {
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

// ---------------------------------------------------------------- expressions

function verdictResult(
  v: Verdict,
  preview: Preview,
  warnings: string[],
  diagnosis?: { code: string; message: string },
): GradeResult {
  if (!v.ok) return cannot(v.error.message, preview);
  if (v.equivalent) return right(preview, warnings);
  const reason = endSentence(v.reason);
  const extra = {
    preview,
    warnings,
    ...(diagnosis ? { diagnosis } : {}),
    ...(v.counterexample ? { counterexample: reason } : {}),
  };
  return wrong(reason, extra);
}

function equivOptions(p: Problem, defined: Expr[]): EquivOptions {
  const base: EquivOptions = { vars: p.vars, defined };
  return p.domain ? { ...base, domain: p.domain } : base;
}

function gradeDerivativeExpression(
  p: Problem,
  answer: Expr,
  preview: Preview,
  warnings: string[],
): GradeResult {
  const { f, fvars, wrt } = readProblem(p);
  if (!f) return cannot("This problem's function cannot be read.", preview);
  const task: Task = p.kind === "derivative" ? "derivative" : p.kind === "partial" ? "partial" : "gradient";
  const r = diagnose({ task, f, vars: fvars, wrt, answer, ...(p.domain ? { domain: p.domain } : {}) });
  if ("error" in r) return cannot(r.error.error.message, preview);
  if (r.correct) return right(preview, warnings);
  return verdictResult(
    r.verdict,
    preview,
    warnings,
    r.diagnosis ? { code: r.diagnosis.code, message: r.diagnosis.message } : undefined,
  );
}

function gradeChainExpression(p: Problem, text: string): GradeResult {
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
  let diag: { code: string; message: string } | undefined;
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
    for (const [cand, code, message] of [
      [rest, "chain_missing_term", "You left out a term: df/dt = f_x x'(t) + f_y y'(t)."],
      [partial, "chain_missing_term", "You left out a term: df/dt = f_x x'(t) + f_y y'(t)."],
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
        "Multiply each partial derivative by the derivative of its inner function, x'(t) or y'(t).",
      ],
    ] as const) {
      const c = equivalent(cand, r.expr, opts);
      if (c.ok && c.equivalent) {
        diag = { code, message };
        break;
      }
    }
    if (diag) break;
  }
  if (!diag) {
    const neg1 = equivalent(neg(key), r.expr, opts);
    if (neg1.ok && neg1.equivalent) diag = { code: "sign_error", message: "Your answer has the wrong sign." };
  }
  return verdictResult(v, preview, r.warnings, diag);
}

function gradeLine(p: Problem, text: string): GradeResult {
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
  let diag: { code: string; message: string } | undefined;
  if (slope && y0 && a && f) {
    const X: Expr = { kind: "var", name: v };
    const d = readExpr(p.detail?.derivative, [v]);
    const candidates: [Expr, string, string][] = [
      [
        add(mul(slope, X), y0),
        "tangent_no_shift",
        "Use y = f(a) + f'(a)(x - a): the slope multiplies (x - a), not x.",
      ],
      [mul(slope, add(X, neg(a))), "tangent_no_value", "The line must pass through (a, f(a)): add f(a)."],
      [add(mul(neg(slope), add(X, neg(a))), y0), "sign_error", "The slope of your line has the wrong sign."],
      ...(d
        ? [
            [
              d,
              "derivative_not_line",
              "That is the derivative f'(x); the tangent line is y = f(a) + f'(a)(x - a).",
            ] as [Expr, string, string],
          ]
        : []),
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

// ---------------------------------------------------------------- vectors

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

function gradeVector(p: Problem, answer: string | string[], minFigures: number): GradeResult {
  const parts = componentsOf(p, answer);
  if (!Array.isArray(parts)) return parts;
  const read = readComponents(parts, p.vars);
  if (!read.ok) return read.result;
  const { exprs, warnings } = read;
  const preview = vectorPreview(exprs);
  const n = p.vars.length;
  if (exprs.length !== n) {
    return wrong(
      `The answer should have ${n} components (one per variable ${p.vars.join(", ")}); yours has ${exprs.length}.`,
      {
        preview,
        warnings,
        diagnosis: {
          code: "wrong_shape",
          message: `The answer should have ${n} components (one per variable ${p.vars.join(", ")}); yours has ${exprs.length}.`,
        },
      },
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
    if ("error" in r) return cannot(r.error.error.message, preview);
    if (r.correct) return right(preview, warnings);
    return verdictResult(
      r.verdict,
      preview,
      warnings,
      r.diagnosis ? { code: r.diagnosis.code, message: r.diagnosis.message } : undefined,
    );
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
        message: "That is the direction of steepest descent; the function increases fastest along +grad f.",
      },
    });
  }
  return wrong("Your vector does not point along the gradient at this point.", { preview, warnings });
}

// ---------------------------------------------------------------- limits

/** `oo` (as computer algebra systems print infinity) with an optional sign. */
const OO = /^\s*([+\-−]?)\s*oo\s*$/;

function gradeLimit(p: Problem, text: string, minFigures: number): GradeResult {
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

// ---------------------------------------------------------------- entry point

/** Grade `answer` (one string, or one string per component of a vector) against a stored problem. */
export function grade(
  problem: Problem,
  answer: string | string[] | string[][],
  options: GradeOptions = {},
): GradeResult {
  try {
    const minFigures = options.minFigures ?? 3;
    if (problem.answerKind === "grid") return gradeGrid(problem, answer, minFigures);
    if (Array.isArray(answer) && answer.some((t) => typeof t !== "string"))
      return invalid("BAD_REQUEST", "The answer must be text, or a list of texts.");
    const texts = typeof answer === "string" ? [answer] : Array.isArray(answer) ? (answer as string[]) : null;
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

/**
 * The left-hand side of "LHS = answer" when it names what is asked for (f'(2), df/dx, grad f(1, 2),
 * L): letters, primes and d/∂/∇, with numbers only inside brackets; else null.
 */
export function lhsOf(text: string): string | null {
  const i = text.indexOf("=");
  if (i < 0 || text.indexOf("=", i + 1) >= 0) return null;
  const lhs = text.slice(0, i).trim();
  if (lhs === "" || lhs.length > 30 || !/^[A-Za-z0-9'′∂∇π/*()_,.\s^+\-−]+$/.test(lhs)) return null;
  const outside = lhs.replace(/\([^()]*\)/g, "");
  if (/[0-9+\-−]/.test(outside) || !/[A-Za-z∂∇]/.test(outside)) return null;
  return lhs;
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
      case "expression": {
        if (problem.kind === "chain") return gradeChainExpression(problem, text);
        const r = readOne(text, problem.vars);
        if (!r.ok) return r.result;
        return gradeDerivativeExpression(problem, r.expr, previewOf(r.expr), r.warnings);
      }
    }
  }
}
