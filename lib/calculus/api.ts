// The command-line tool's operations as one pure function: a JSON request in, a JSON response out.
// Other programs rely on these shapes (README, "The command-line tool"): change them only by adding.
import { z } from "zod";
import { lhsOf, readLineEquation, readUnitVector, splitVector } from "./answer-forms";
import { type Expr, freeVariables } from "./ast";
import { diagnose } from "./diagnose";
import { derivative, gradient, hessian, jacobian } from "./diff";
import { type Shaped, type Verdict, equivalentShaped, judgeDecimal } from "./equiv";
import { compile } from "./eval";
import { type LimitTarget, type LimitValue, limit } from "./limit";
import type { CoreError } from "./errors";
import { parse, type ParseOptions } from "./parse";
import { toLatex, toText } from "./print";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Response = { [key: string]: Json };

const VAR_NAME = /^[A-Za-z][A-Za-z0-9]*$/;
const MAX_VARS = 26;

const varsSchema = z.array(z.string().regex(VAR_NAME).max(8)).max(MAX_VARS);
const exprString = z.string().max(10_000);

const shapedSchema = z.union([
  exprString,
  z.array(exprString).min(1).max(64),
  z.array(z.array(exprString).min(1).max(16)).min(1).max(16),
]);
const domainSchema = z.record(
  z.string().regex(VAR_NAME),
  z
    .tuple([z.number().finite(), z.number().finite()])
    .refine(([lo, hi]) => lo < hi, { message: "an interval [lo, hi] needs lo < hi" }),
);

const requestSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("parse"), input: exprString, vars: varsSchema.optional() }),
  z.object({ op: z.literal("diff"), expr: exprString, var: z.string().max(8), vars: varsSchema.optional() }),
  z.object({ op: z.literal("grad"), expr: exprString, vars: varsSchema.min(1) }),
  z.object({ op: z.literal("jacobian"), exprs: z.array(exprString).min(1).max(64), vars: varsSchema.min(1) }),
  z.object({ op: z.literal("hessian"), expr: exprString, vars: varsSchema.min(1) }),
  z.object({
    op: z.literal("equiv"),
    expected: shapedSchema,
    answer: shapedSchema,
    vars: varsSchema,
    domain: domainSchema.optional(),
  }),
  z.object({
    op: z.literal("limit"),
    expr: exprString,
    var: z.string().max(8),
    to: z.string().max(200),
    side: z.enum(["both", "left", "right"]).default("both"),
    vars: varsSchema.optional(),
  }),
  z.object({
    op: z.literal("diagnose"),
    task: z.enum(["derivative", "partial", "gradient"]),
    f: exprString,
    vars: varsSchema.min(1),
    wrt: z.string().max(8).optional(),
    answer: z.union([exprString, z.array(exprString).max(26)]),
  }),
]);

export type Request = z.infer<typeof requestSchema>;

const OPS = ["parse", "diff", "grad", "jacobian", "hessian", "equiv", "limit", "diagnose"] as const;

function errorResponse(error: CoreError): Response {
  const e: { [key: string]: Json } = { code: error.code, message: error.message };
  if (error.at !== undefined) e.at = error.at;
  return { ok: false, error: e };
}

/** Whether `name` may be differentiated with respect to, given the declared variables. */
function isVariable(name: string, vars: readonly string[] | undefined): boolean {
  if (vars) return vars.includes(name);
  return /^[A-Za-df-z]$/.test(name) || /^[A-Z]$/.test(name);
}

function parseOrFail(
  input: string,
  options: ParseOptions,
  label?: string,
): { ok: true; expr: Expr } | Response {
  const r = parse(input, options);
  if (r.ok) return { ok: true, expr: r.expr };
  if (!label) return errorResponse(r.error);
  return errorResponse({ ...r.error, message: `${label}: ${r.error.message}` });
}

const isExpr = (r: { ok: true; expr: Expr } | Response): r is { ok: true; expr: Expr } => r.ok === true;

function describeZodError(err: z.ZodError): string {
  const issue = err.issues[0];
  if (!issue) return "The request is not valid.";
  const where = issue.path.length ? `'${issue.path.join(".")}'` : "the request";
  return `Bad ${where}: ${issue.message}`;
}

type ShapedText = string | readonly string[] | readonly (readonly string[])[];

type Parsed<T> = { ok: true; value: T } | { ok: false; response: Response };

/** Parse a scalar, vector or matrix of expressions; the first error names where it is. */
function parseShaped(s: ShapedText, options: ParseOptions, label: string): Parsed<Shaped> {
  if (typeof s === "string") {
    const r = parse(s, options);
    if (r.ok) return { ok: true, value: r.expr };
    return { ok: false, response: errorResponse({ ...r.error, message: `${label}: ${r.error.message}` }) };
  }
  const out: (Expr | Expr[])[] = [];
  for (const [i, item] of s.entries()) {
    const r = parseShaped(item, options, `${label} ${Array.isArray(s[0]) ? "row" : "component"} ${i + 1}`);
    if (!r.ok) return r;
    out.push(r.value as Expr | Expr[]);
  }
  return { ok: true, value: out as Shaped };
}

/**
 * Applies the decimal rule where a key component is a constant and the typed component is a plain
 * decimal: a wrong or too-short decimal decides the verdict; a right one stands in for the key so the
 * equivalence check agrees with it.
 */
function judgeDecimals(
  key: Shaped,
  typed: ShapedText,
  given: Shaped,
): { verdict?: Response; answer: Shaped } {
  const label = (path: number[]) =>
    path.length === 0
      ? ""
      : path.length === 1
        ? `Component ${path[0]! + 1}: `
        : `Entry (${path[0]! + 1}, ${path[1]! + 1}): `;
  let verdict: Response | undefined;
  const walk = (k: Shaped, t: ShapedText, g: Shaped, path: number[]): Shaped => {
    if (
      Array.isArray(k) &&
      Array.isArray(t) &&
      Array.isArray(g) &&
      k.length === t.length &&
      t.length === g.length
    ) {
      return (k as readonly Shaped[]).map((kk, i) =>
        walk(kk, (t as readonly ShapedText[])[i]!, (g as readonly Shaped[])[i]!, [...path, i]),
      ) as Shaped;
    }
    if (Array.isArray(k) || typeof t !== "string" || verdict) return g;
    const keyExpr = k as Expr;
    if (freeVariables(keyExpr).length > 0) return g;
    const c = compile(keyExpr, []);
    const value = c.ok ? c.fn([]) : NaN;
    if (!Number.isFinite(value)) return g;
    const j = judgeDecimal(value, t);
    if (j.kind === "right") return keyExpr;
    if (j.kind === "too-few-figures") {
      verdict = {
        ok: true,
        equivalent: false,
        reason: `${label(path)}A decimal needs at least 3 significant figures; ${t.trim()} has ${j.figures}.`,
      };
    } else if (j.kind === "wrong") {
      verdict = {
        ok: true,
        equivalent: false,
        reason: `${label(path)}${t.trim()} is not the correct value rounded to ${j.figures} significant figures.`,
      };
    }
    return g;
  };
  const answer = walk(key, typed, given, []);
  return verdict ? { verdict, answer } : { answer };
}

/**
 * A whole-answer form typed in one string where the key says what is expected: a vector key read
 * from `(a, b)`, `a, b` or `a i + b j`; a scalar key from a line equation (`y - 1 = 3(x - 1)`).
 * Null when the answer is to be read as it is.
 */
function readAnswerForm(
  key: Shaped,
  answer: ShapedText,
  vars: readonly string[],
): { ok: true; value: Shaped; typed: ShapedText } | { ok: false; response: Response } | null {
  if (typeof answer !== "string") return null;
  if (lhsOf(answer) !== null) {
    // "f'(x) = 2x", "grad f = (1, 2)": what follows '=' (blanked, so positions hold).
    const rhs = answer.replace(/^[^=]*=/, (m) => " ".repeat(m.length));
    const form = readAnswerForm(key, rhs, vars);
    if (form) return form;
    const read = parseShaped(rhs, { vars }, "answer");
    return read.ok ? { ok: true, value: read.value, typed: rhs } : read;
  }
  if (Array.isArray(key) && !Array.isArray(key[0])) {
    const parts = splitVector(answer);
    if (parts) {
      const read = parseShaped(parts, { vars }, "answer");
      return read.ok ? { ok: true, value: read.value, typed: parts } : read;
    }
    const units = readUnitVector(answer, vars, key.length);
    if (!units) return null;
    return units.ok
      ? { ok: true, value: units.exprs, typed: answer }
      : { ok: false, response: errorResponse(units.error) };
  }
  if (Array.isArray(key)) return null;
  const line = readLineEquation(answer, vars);
  if (!line) return null;
  return line.ok
    ? { ok: true, value: line.exprs[0]!, typed: answer }
    : { ok: false, response: errorResponse(line.error) };
}

function verdictResponse(v: Verdict): Response {
  if (!v.ok) return errorResponse(v.error);
  if (v.equivalent) return { ok: true, equivalent: true };
  return { ok: true, equivalent: false, reason: v.reason };
}

/** Handle one request object (already JSON-decoded). Never throws. */
export function handle(request: unknown): Response {
  if (typeof request !== "object" || request === null || Array.isArray(request)) {
    return errorResponse({ code: "BAD_REQUEST", message: "Each line must be a JSON object with an 'op'." });
  }
  const op = (request as { op?: unknown }).op;
  if (typeof op !== "string" || !(OPS as readonly string[]).includes(op)) {
    return errorResponse({
      code: "BAD_REQUEST",
      message: `Unknown or missing 'op'${typeof op === "string" ? ` '${op.slice(0, 40)}'` : ""}; expected one of ${OPS.join(", ")}.`,
    });
  }
  const parsed = requestSchema.safeParse(request);
  if (!parsed.success) return errorResponse({ code: "BAD_REQUEST", message: describeZodError(parsed.error) });
  try {
    return run(parsed.data);
  } catch (err) {
    // A bug must not take the tool down; the request gets an error line instead.
    if (err instanceof RangeError) {
      return errorResponse({ code: "RESULT_TOO_LARGE", message: "This expression is too large to handle." });
    }
    return errorResponse({ code: "BAD_REQUEST", message: "Internal error while handling this request." });
  }
}

function run(req: Request): Response {
  switch (req.op) {
    case "parse": {
      const r = parse(req.input, req.vars ? { vars: req.vars } : {});
      if (!r.ok) return errorResponse(r.error);
      return {
        ok: true,
        normalized: toText(r.expr),
        latex: toLatex(r.expr),
        warnings: r.warnings.map((w) => w.message),
      };
    }
    case "diff": {
      if (!isVariable(req.var, req.vars)) {
        return errorResponse({
          code: "NOT_A_VARIABLE",
          message: req.vars
            ? `'${req.var}' is not one of the variables ${req.vars.join(", ")}.`
            : `'${req.var}' is not a variable: use a single letter other than e.`,
        });
      }
      const e = parseOrFail(req.expr, req.vars ? { vars: req.vars } : {});
      if (!isExpr(e)) return e;
      const d = derivative(e.expr, req.var);
      if (!d.ok) return errorResponse(d.error);
      return { ok: true, result: toText(d.expr), latex: toLatex(d.expr) };
    }
    case "grad": {
      const e = parseOrFail(req.expr, { vars: req.vars });
      if (!isExpr(e)) return e;
      const g = gradient(e.expr, req.vars);
      if (!g.ok) return errorResponse(g.error);
      return { ok: true, result: g.exprs.map(toText) };
    }
    case "jacobian": {
      const exprs: Expr[] = [];
      for (const [i, s] of req.exprs.entries()) {
        const e = parseOrFail(s, { vars: req.vars }, `component ${i + 1}`);
        if (!isExpr(e)) return e;
        exprs.push(e.expr);
      }
      const j = jacobian(exprs, req.vars);
      if (!j.ok) return errorResponse(j.error);
      return { ok: true, result: j.rows.map((row) => row.map(toText)) };
    }
    case "hessian": {
      const e = parseOrFail(req.expr, { vars: req.vars });
      if (!isExpr(e)) return e;
      const h = hessian(e.expr, req.vars);
      if (!h.ok) return errorResponse(h.error);
      return { ok: true, result: h.rows.map((row) => row.map(toText)) };
    }
    case "equiv": {
      const options = { vars: req.vars };
      const expected = parseShaped(req.expected, options, "expected");
      if (!expected.ok) return expected.response;
      const key = expected.value;
      const form = readAnswerForm(key, req.answer, req.vars);
      if (form && !form.ok) return form.response;
      let typed: ShapedText = req.answer;
      let given: Shaped;
      if (form?.ok) {
        typed = form.typed;
        given = form.value;
      } else {
        const answer = parseShaped(req.answer, options, "answer");
        if (!answer.ok) return answer.response;
        given = answer.value;
      }
      // Numbers typed as decimals where the key is a constant: grading.md's significant-figures rule,
      // component by component for vectors and matrices.
      const decimals = judgeDecimals(key, typed, given);
      if (decimals.verdict) return decimals.verdict;
      const domain = req.domain as Record<string, readonly [number, number]> | undefined;
      return verdictResponse(
        equivalentShaped(key, decimals.answer, domain ? { vars: req.vars, domain } : { vars: req.vars }),
      );
    }
    case "limit":
      return limitRequest(req.vars ? { ...req, vars: [...req.vars] } : req) as Response;
    case "diagnose": {
      const options = { vars: req.vars };
      if (req.wrt !== undefined && !req.vars.includes(req.wrt)) {
        return errorResponse({
          code: "NOT_A_VARIABLE",
          message: `'${req.wrt}' is not one of the variables ${req.vars.join(", ")}.`,
        });
      }
      const f = parseOrFail(req.f, options, "f");
      if (!isExpr(f)) return f;
      const answer = parseShaped(req.answer, options, "answer");
      if (!answer.ok) return answer.response;
      const r = diagnose({
        task: req.task,
        f: f.expr,
        vars: req.vars,
        ...(req.wrt !== undefined ? { wrt: req.wrt } : {}),
        answer: answer.value,
      });
      if ("error" in r) return errorResponse(r.error.error);
      const out: Response = { ok: true, correct: r.correct };
      if (r.diagnosis) {
        out.diagnosis = r.diagnosis.code;
        out.message = r.diagnosis.message;
      } else if (!r.correct && r.verdict.ok && !r.verdict.equivalent) {
        out.message = r.verdict.reason;
      }
      return out;
    }
  }
}

/**
 * Another module's operations (the problem generators' `skills`, `generate`, `grade`): returns null for
 * an op it does not know. The command-line tool composes them with this module's own.
 */
export type ExtraOps = (request: { op: string } & Record<string, unknown>) => Response | null;

/** Handle one line of JSON Lines input; malformed JSON gets an error response too. */
export function handleLine(line: string, extra?: ExtraOps): Response {
  let request: unknown;
  try {
    request = JSON.parse(line);
  } catch {
    return errorResponse({ code: "BAD_REQUEST", message: "This line is not valid JSON." });
  }
  let response: Response | null = null;
  if (
    extra &&
    typeof request === "object" &&
    request !== null &&
    typeof (request as { op?: unknown }).op === "string"
  ) {
    try {
      response = extra(request as { op: string } & Record<string, unknown>);
    } catch {
      response = errorResponse({
        code: "BAD_REQUEST",
        message: "Internal error while handling this request.",
      });
    }
  }
  response ??= handle(request);
  const id = typeof request === "object" && request !== null ? (request as { id?: unknown }).id : undefined;
  if (typeof id === "string" || typeof id === "number") return { id, ...response };
  return response;
}

// ---------------------------------------------------------------- the limit request

const INFINITY_WORDS: Record<string, "+inf" | "-inf"> = {
  inf: "+inf",
  "+inf": "+inf",
  infinity: "+inf",
  "+infinity": "+inf",
  "∞": "+inf",
  "+∞": "+inf",
  oo: "+inf",
  "-inf": "-inf",
  "-infinity": "-inf",
  "-∞": "-inf",
  "−inf": "-inf",
  "−∞": "-inf",
  "-oo": "-inf",
};

/** A one-sided limit as the CLI reports it: its finite value, or "inf", "-inf", "dne". */
function describeSide(v: LimitValue): string | number {
  if (v.kind === "finite") return v.value;
  return v.kind === "+inf" ? "inf" : v.kind;
}

/**
 * For the CLI: `to` is a number or constant expression ("0", "pi/2", "-1/2") or "inf"/"+inf"/"-inf";
 * side is ignored at infinity. Returns {ok:true, kind, value?, exact?} or {ok:false, error}. Never throws.
 */
export function limitRequest(req: {
  expr: string;
  var: string;
  to: string;
  side: "both" | "left" | "right";
  vars?: string[];
}): { [k: string]: unknown } {
  try {
    const vars = req.vars;
    const isVar = vars ? vars.includes(req.var) : /^[A-Za-df-z]$/.test(req.var) || /^[A-Z]$/.test(req.var);
    if (!isVar) {
      return errorResponse({
        code: "NOT_A_VARIABLE",
        message: vars
          ? `'${req.var}' is not one of the variables ${vars.join(", ")}.`
          : `'${req.var}' is not a variable: use a single letter other than e.`,
      });
    }
    if (req.side !== "both" && req.side !== "left" && req.side !== "right") {
      return errorResponse({ code: "BAD_REQUEST", message: "'side' must be both, left or right." });
    }
    const p = parse(req.expr, vars ? { vars } : {});
    if (!p.ok) return errorResponse(p.error);
    const word = req.to.trim().toLowerCase().replace(/\s+/g, "");
    let target: LimitTarget;
    const infWord = INFINITY_WORDS[word];
    if (infWord) target = { kind: infWord };
    else {
      const q = parse(req.to, { vars: [] });
      if (!q.ok) return errorResponse({ ...q.error, message: `The point: ${q.error.message}` });
      target = { kind: "point", at: q.expr };
    }
    const r = limit(p.expr, req.var, target, req.side);
    if (!r.ok) return errorResponse(r.error);
    if (r.kind === "finite") {
      const out: { [k: string]: unknown } = { ok: true, kind: "finite", value: r.value };
      if (r.exact) out.exact = toText(r.exact);
      out.method = r.method;
      return out;
    }
    if (r.kind === "dne") {
      const out: { [k: string]: unknown } = { ok: true, kind: "dne", reason: r.reason, method: r.method };
      if (r.left) out.left = describeSide(r.left);
      if (r.right) out.right = describeSide(r.right);
      return out;
    }
    return { ok: true, kind: r.kind, method: r.method };
  } catch {
    return errorResponse({ code: "CANNOT_DECIDE", message: "Cannot decide this limit (internal error)." });
  }
}
