// Problems a teacher types ("the derivative of f with respect to x", a partial derivative, the
// gradient, a limit), keyed by the calculus core and shaped as `Problem`s so that `grade`, `solution`
// and `hint` treat them like generated ones. Pure; never throws; refuses what the core cannot key.
import { GREEK_LETTERS } from "../calculus/lex-names";
import { type AuthoredMatrixSpec, authoredMatrixProblem } from "./authored-matrix";
import { declsOf, matrixKeyLatex } from "./matrix-problem";
import { readInfinity } from "../calculus/special";
import { gridLatex } from "./grade/grid";
import { freeVariables } from "../calculus/ast";
import { derivative, gradient } from "../calculus/diff";
import { type LimitTarget, limit } from "../calculus/limit";
import { parse } from "../calculus/parse";
import { toLatex, toText } from "../calculus/print";
import { Reject, numericValue } from "./exact";
import { hessianDraft } from "./second-order-hessian";
import { taylorDraft } from "./skills-second-order";
import { limitStatement } from "./limit-statement";
import { grade } from "./grade";
import type { Point, Problem } from "./types";
import { buildProblem } from "./build";
import { unsupportedFunction } from "./function-names";

/** The skill id every authored problem carries (not in the catalogue: hints fall back to the kind's). */
export const AUTHORED_SKILL = "authored";

export type AuthoredSpec =
  | AuthoredMatrixSpec
  | { kind: "hessian"; f: string; vars: string[] }
  | { kind: "taylor2"; f: string; vars: string[]; at: string }
  | { kind: "derivative"; f: string; var: string }
  | { kind: "derivative_at"; f: string; var: string; at: string }
  | { kind: "partial"; f: string; vars: string[]; wrt: string }
  | { kind: "gradient"; f: string; vars: string[] }
  | { kind: "gradient_at"; f: string; vars: string[]; at: string }
  | { kind: "limit"; f: string; var: string; to: string; side: "both" | "left" | "right" };

export type AuthoredError = {
  code: "BAD_VARIABLE" | "UNREADABLE" | "CANNOT_KEY" | "TOO_LARGE";
  message: string;
};
export type AuthoredResult = { ok: true; problem: Problem } | { ok: false; error: AuthoredError };

/** A variable as the answer reader declares one: a lowercase letter other than e, then up to two digits. */
export const VARIABLE_NAME = new RegExp(`^(?:[a-df-z]|${[...GREEK_LETTERS.keys()].join("|")})[0-9]{0,2}$`);
const MAX_F = 300;
const MAX_KEY = 400;

const fail = (code: AuthoredError["code"], message: string): AuthoredResult => ({
  ok: false,
  error: { code, message },
});

function checkVars(vars: readonly string[]): AuthoredResult | null {
  if (vars.length === 0) return fail("BAD_VARIABLE", "Name at least one variable.");
  if (vars.length > 3) return fail("BAD_VARIABLE", "At most three variables.");
  for (const v of vars) {
    if (!VARIABLE_NAME.test(v))
      return fail(
        "BAD_VARIABLE",
        `'${v.slice(0, 20)}' is not a variable name answers can use: write one lowercase letter other than e or a Greek letter's name, optionally followed by digits (x, t, w1, theta, sigma).`,
      );
  }
  if (new Set(vars).size !== vars.length) return fail("BAD_VARIABLE", "Each variable may appear only once.");
  return null;
}

function readF(f: string, vars: readonly string[]) {
  if (f.trim() === "") return { ok: false as const, result: fail("UNREADABLE", "Type the function f.") };
  if (f.length > MAX_F)
    return {
      ok: false as const,
      result: fail("UNREADABLE", `The function is too long (${MAX_F} characters at most).`),
    };
  const r = parse(f, { vars });
  if (!r.ok) {
    const unsupported = r.error.code === "UNKNOWN_NAME" ? unsupportedFunction(f, vars) : null;
    if (unsupported) return { ok: false as const, result: fail("UNREADABLE", unsupported) };
    const at = r.error.at === undefined ? "" : ` (at character ${r.error.at + 1})`;
    return {
      ok: false as const,
      result: fail("UNREADABLE", `The function cannot be read: ${r.error.message}${at}.`),
    };
  }
  return { ok: true as const, expr: r.expr };
}

/**
 * Refuses a problem whose own key the grader cannot check: where f or the key is undefined at almost
 * every point answers are compared at (1/0, sqrt(-1 - x^2)), every answer would get "cannot check".
 */
function gradable(problem: Problem): AuthoredResult {
  // A matrix problem is checked when it is built (its derivative sampled, a written key confirmed).
  if (problem.kind === "matrix") return { ok: true, problem };
  const g = grade(problem, problem.answer);
  if (g.status === "right") return { ok: true, problem };
  if (g.status === "cannot_check")
    return fail(
      "CANNOT_KEY",
      "Answers to this problem could never be checked: the function or its key is undefined at almost every point where answers are compared (each variable between -3 and 3). Choose a function defined there.",
    );
  return fail("CANNOT_KEY", `The key cannot be graded: ${g.message}`);
}

const fnName = (vars: readonly string[]): string => `f(${vars.join(", ")})`;

/** The Hessian, or the second-order Taylor polynomial at a point with whole coordinates. */
function secondOrder(
  spec: Extract<AuthoredSpec, { kind: "hessian" | "taylor2" }>,
  base: { skill: string; seed: number; version: number },
): AuthoredResult {
  if (spec.kind === "hessian" && spec.vars.length < 2)
    return fail("BAD_VARIABLE", "A Hessian needs two or three variables.");
  if (spec.kind === "taylor2" && spec.vars.length > 2)
    return fail("BAD_VARIABLE", "A Taylor approximation here has one or two variables.");
  const bad = checkVars(spec.vars);
  if (bad) return bad;
  const r = readF(spec.f, spec.vars);
  if (!r.ok) return r.result;
  let at: Record<string, number> = {};
  if (spec.kind === "taylor2") {
    const coords = pointCoordinates(spec.at);
    if (coords.length !== spec.vars.length || !coords.every((c) => /^-?\d$/.test(c)))
      return fail(
        "UNREADABLE",
        `Give the point as ${spec.vars.length} whole number${spec.vars.length === 1 ? "" : "s"} between -9 and 9, e.g. ${spec.vars.length === 1 ? "0" : "0, 0"}.`,
      );
    at = Object.fromEntries(spec.vars.map((v, i) => [v, Number(coords[i])]));
  }
  try {
    const d =
      spec.kind === "hessian" ? hessianDraft(r.expr, spec.vars) : taylorDraft(r.expr, [...spec.vars], at);
    if (d.kind !== "concrete")
      return fail("CANNOT_KEY", "The core could not compute a key for this problem.");
    return { ok: true, problem: { ...base, kind: "concrete", answerKind: "grid", ...d.problem } };
  } catch (e) {
    const why = e instanceof Reject ? e.message : "the core could not compute it";
    return fail("CANNOT_KEY", `This problem cannot be posed: ${why}.`);
  }
}

/** A teacher's problem with its key computed by the core, or the reason it cannot be keyed. */
export function authoredProblem(spec: AuthoredSpec): AuthoredResult {
  try {
    const built = build(spec);
    return built.ok ? gradable(built.problem) : built;
  } catch {
    return fail("CANNOT_KEY", "The core could not compute a key for this problem.");
  }
}

function build(spec: AuthoredSpec): AuthoredResult {
  const base = { skill: AUTHORED_SKILL, seed: 0, version: 1 };
  switch (spec.kind) {
    case "matrix":
      return authoredMatrixProblem(spec, base);
    case "hessian":
    case "taylor2":
      return secondOrder(spec, base);
    case "derivative_at":
    case "gradient_at":
      return atPoint(spec, base);
    case "derivative": {
      const bad = checkVars([spec.var]);
      if (bad) return bad;
      const r = readF(spec.f, [spec.var]);
      if (!r.ok) return r.result;
      const d = derivative(r.expr, spec.var);
      if (!d.ok) return fail("TOO_LARGE", d.error.message);
      const f = toText(r.expr);
      const answer = toText(d.expr);
      if (answer.length > MAX_KEY)
        return fail("TOO_LARGE", "The derivative is too long to be a fair answer.");
      const v = spec.var;
      return {
        ok: true,
        problem: {
          ...base,
          kind: "derivative",
          answerKind: "expression",
          statement: `Differentiate f(${v}) = ${f} with respect to ${v}.`,
          latex: `\\frac{d}{d${v}}\\left(${toLatex(r.expr)}\\right)`,
          given: { f, var: v },
          answer,
          vars: [v],
        },
      };
    }
    case "partial": {
      const bad = checkVars(spec.vars);
      if (bad) return bad;
      if (!spec.vars.includes(spec.wrt))
        return fail("BAD_VARIABLE", `'${spec.wrt}' is not one of the variables ${spec.vars.join(", ")}.`);
      const r = readF(spec.f, spec.vars);
      if (!r.ok) return r.result;
      const d = derivative(r.expr, spec.wrt);
      if (!d.ok) return fail("TOO_LARGE", d.error.message);
      const f = toText(r.expr);
      const answer = toText(d.expr);
      if (answer.length > MAX_KEY)
        return fail("TOO_LARGE", "The partial derivative is too long to be a fair answer.");
      return {
        ok: true,
        problem: {
          ...base,
          kind: "partial",
          answerKind: "expression",
          statement: `Find the partial derivative of ${fnName(spec.vars)} = ${f} with respect to ${spec.wrt}.`,
          latex: `\\frac{\\partial f}{\\partial ${spec.wrt}} \\text{ for } ${fnName(spec.vars)} = ${toLatex(r.expr)}`,
          given: { f, vars: spec.vars, wrt: spec.wrt },
          answer,
          vars: spec.vars,
        },
      };
    }
    case "gradient": {
      const bad = checkVars(spec.vars);
      if (bad) return bad;
      if (spec.vars.length < 2) return fail("BAD_VARIABLE", "A gradient needs at least two variables.");
      const r = readF(spec.f, spec.vars);
      if (!r.ok) return r.result;
      const g = gradient(r.expr, spec.vars);
      if (!g.ok) return fail("TOO_LARGE", g.error.message);
      const f = toText(r.expr);
      const answer = g.exprs.map((e) => toText(e));
      if (answer.join("").length > MAX_KEY)
        return fail("TOO_LARGE", "The gradient is too long to be a fair answer.");
      return {
        ok: true,
        problem: {
          ...base,
          kind: "gradient",
          answerKind: "vector",
          statement: `Find the gradient of ${fnName(spec.vars)} = ${f}. Give it as (${spec.vars.map((v) => `df/d${v}`).join(", ")}).`,
          latex: `\\nabla f \\text{ for } ${fnName(spec.vars)} = ${toLatex(r.expr)}`,
          given: { f, vars: spec.vars },
          answer,
          vars: spec.vars,
        },
      };
    }
    case "limit": {
      const bad = checkVars([spec.var]);
      if (bad) return bad;
      const r = readF(spec.f, [spec.var]);
      if (!r.ok) return r.result;
      const infinity = readInfinity(spec.to.replace(/\s+/g, ""));
      let target: LimitTarget;
      let to: string;
      if (infinity === "+inf") {
        target = { kind: "+inf" };
        to = "inf";
      } else if (infinity === "-inf") {
        target = { kind: "-inf" };
        to = "-inf";
      } else {
        const q = parse(spec.to, { vars: [] });
        if (!q.ok) return fail("UNREADABLE", `The point a cannot be read: ${q.error.message}.`);
        if (freeVariables(q.expr).length > 0) return fail("UNREADABLE", "The point a must be a number.");
        if (!Number.isFinite(numericValue(q.expr)))
          return fail("UNREADABLE", "The point a must be a finite number.");
        target = { kind: "point", at: q.expr };
        to = toText(q.expr);
      }
      const side = target.kind === "point" ? spec.side : "both";
      const res = limit(r.expr, spec.var, target, side);
      if (!res.ok) return fail("CANNOT_KEY", `The core cannot decide this limit: ${res.error.message}`);
      let answer: string;
      let value: number | undefined;
      if (res.kind === "finite") {
        if (!res.exact)
          return fail(
            "CANNOT_KEY",
            `The core found this limit only numerically (about ${res.value.toPrecision(6)}), not exactly; choose another.`,
          );
        answer = toText(res.exact);
        value = numericValue(res.exact);
        if (!Number.isFinite(value))
          return fail("CANNOT_KEY", "The core could not evaluate this limit's value.");
      } else answer = res.kind === "dne" ? "DNE" : res.kind === "+inf" ? "inf" : "-inf";
      const problem: Problem = {
        ...base,
        kind: "limit",
        answerKind: "limit",
        ...limitStatement(r.expr, {
          v: spec.var,
          to,
          at: target.kind === "point" ? target.at : null,
          side,
        }),
        answer,
        vars: [spec.var],
        ...(value === undefined ? {} : { value }),
      };
      return { ok: true, problem };
    }
  }
}

/**
 * The coordinates of a point as typed, trimmed: "1, 2", "(1, 2)", "sqrt(2)", "(1, sqrt(3))". Brackets
 * around the whole point are dropped (only when the first one closes at the end); a comma inside a
 * bracket does not separate. The one reader of a point for every typed problem, with parameters or not.
 */
export function pointCoordinates(text: string): string[] {
  let t = text.trim();
  if (t.startsWith("(") && closingBracket(t, 0) === t.length - 1) t = t.slice(1, -1);
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (c === "(" || c === "[") depth++;
    else if ((c === ")" || c === "]") && depth > 0) depth--;
    else if (c === "," && depth === 0) {
      parts.push(t.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(t.slice(start).trim());
  return parts;
}

/** The index of the bracket closing the one at `open`, or -1. */
function closingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")" && --depth === 0) return i;
  }
  return -1;
}

/** "x, y" and "(1, 2)" as coordinates, one per variable: numbers or exact constants ("pi/4"). */
function readPoint(
  text: string,
  vars: readonly string[],
): { ok: true; point: Point } | { ok: false; result: AuthoredResult } {
  const parts = pointCoordinates(text);
  const example = vars.map((_, i) => String(i + 1)).join(", ");
  if (parts.length !== vars.length || parts.some((p) => p === ""))
    return {
      ok: false,
      result: fail(
        "UNREADABLE",
        `Give the point as ${vars.length} number${vars.length === 1 ? "" : "s"} separated by commas, one per variable (${vars.join(", ")}), e.g. ${example}.`,
      ),
    };
  const point: Point = {};
  for (const [i, p] of parts.entries()) {
    const q = parse(p, { vars: [] });
    if (!q.ok || freeVariables(q.expr).length > 0 || !Number.isFinite(numericValue(q.expr)))
      return {
        ok: false,
        result: fail("UNREADABLE", `The coordinate '${p.slice(0, 20)}' of the point is not a number.`),
      };
    point[vars[i]!] = toText(q.expr);
  }
  return { ok: true, point };
}

/** The derivative at a point, or the gradient at a point: a number or a vector of numbers. */
function atPoint(
  spec: Extract<AuthoredSpec, { kind: "derivative_at" | "gradient_at" }>,
  base: { skill: string; seed: number; version: number },
): AuthoredResult {
  const vars = spec.kind === "derivative_at" ? [spec.var] : spec.vars;
  const bad = checkVars(vars);
  if (bad) return bad;
  if (spec.kind === "gradient_at" && vars.length < 2)
    return fail("BAD_VARIABLE", "A gradient needs at least two variables.");
  const r = readF(spec.f, vars);
  if (!r.ok) return r.result;
  const point = readPoint(spec.at, vars);
  if (!point.ok) return point.result;
  try {
    const p =
      spec.kind === "derivative_at"
        ? buildProblem(base, { kind: "derivative", f: r.expr, v: spec.var, at: point.point[spec.var]! })
        : buildProblem(base, { kind: "gradient", f: r.expr, vars, at: point.point });
    return { ok: true, problem: p };
  } catch (e) {
    const why = e instanceof Reject ? e.message : "the core could not compute it";
    return fail("CANNOT_KEY", `This problem cannot be posed: ${why}.`);
  }
}

/** The key of a problem in LaTeX, for the teacher's confirmation. */
export function keyLatexOf(p: Problem): string {
  if (p.answerKind === "matrix") return matrixKeyLatex(p);
  const one = (s: string): string => {
    if (s === "DNE") return "\\text{does not exist}";
    if (s === "inf") return "+\\infty";
    if (s === "-inf") return "-\\infty";
    const r = parse(s, { vars: p.vars });
    return r.ok ? toLatex(r.expr) : s;
  };
  if (typeof p.answer === "string") return one(p.answer);
  if (p.answer.every((a) => typeof a === "string")) return `\\left(${p.answer.map(one).join(",\\ ")}\\right)`;
  return gridLatex(p.answer.map((r) => r.map(one)));
}

/**
 * The catalogue skill whose schedule a typed problem counts for (a finished instance is a review of
 * one skill): the skill that drills the same method. A limit goes by what the key shows: substitution
 * when f is defined at the point, otherwise infinite, non-existent, at infinity, or 0/0.
 */
export function scheduleSkillFor(p: Problem): string {
  switch (p.kind) {
    case "concrete":
      return p.given.asks === "hessian" ? "hessian-symbolic" : "second-order-taylor";
    case "matrix": {
      // By a matrix: the gradient with respect to a matrix; by a vector or a scalar: the vector chain rule.
      const wrt = declsOf(p.given)?.symbols.get(String(p.given.wrt));
      return wrt && wrt.shape.rows !== 1 && wrt.shape.cols !== 1
        ? "gradient-wrt-matrix"
        : "vector-chain-rule";
    }
    case "partial":
      return p.vars.length >= 3 ? "partial-derivative-three-variables" : "partial-derivative-two-variables";
    case "gradient":
      return "gradient-symbolic";
    case "limit": {
      const to = String(p.given.to);
      if (p.answer === "DNE") return "limit-does-not-exist";
      if (p.answer === "inf" || p.answer === "-inf") return "limit-infinite";
      if (to === "inf" || to === "-inf") return "limit-rational-at-infinity";
      const f = parse(String(p.given.f), { vars: p.vars });
      const at = parse(to, { vars: [] });
      if (f.ok && at.ok) {
        const value = numericValue(f.expr, { [p.vars[0] ?? "x"]: numericValue(at.expr) });
        if (Number.isFinite(value)) return "limit-direct-substitution";
      }
      return "limit-factor-cancel";
    }
    default:
      return "derivative-combined-rules";
  }
}
