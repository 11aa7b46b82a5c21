// Turning a generator's draft (the function, the point, the construction) into a stored problem with
// its key computed by the calculus core.
import { type Expr, add, div, freeVariables, mul, num, sub, variable } from "../calculus/ast";
import { derivative, gradient } from "../calculus/diff";
import { toLatex } from "../calculus/print";
import { expand } from "../calculus/simplify";
import { T, exactAt, numericValue, pointExpr, pointExprs, reject, simp, substitute } from "./exact";
import { limitStatement } from "./limit-statement";
import { NICE, niceProblemViolations } from "./niceness";
import { type MatrixDraft, matrixProblem } from "./matrix-problem";
import type { Point, Problem } from "./types";

export type Side = "both" | "left" | "right";
export type Domain = Record<string, [number, number]>;

/**
 * A generator's draft. `template` names the form the generator drew (its construction, not the
 * answer); it is returned by `generate` for the variety tests and is never stored in the problem.
 */
export type Draft = DraftBody & { template?: string };

type DraftBody =
  | {
      kind: "limit";
      f: Expr;
      v?: string;
      /** "2", "pi/2", "inf", "-inf" */
      to: string;
      side?: Side;
      /** The key by construction: an exact number, or a special answer. */
      key: Expr | "DNE" | "inf" | "-inf";
      detail?: Record<string, string>;
    }
  | { kind: "derivative"; f: Expr; v?: string; at?: number | string; domain?: Domain }
  | { kind: "tangent_line"; f: Expr; v?: string; at: number | string }
  | { kind: "partial"; f: Expr; vars: string[]; wrt: string; at?: Point; domain?: Domain }
  | {
      kind: "gradient" | "steepest_direction" | "max_rate";
      f: Expr;
      vars: string[];
      at?: Point;
      domain?: Domain;
    }
  | { kind: "directional"; f: Expr; vars: string[]; at: Point; direction: number[] }
  | { kind: "concrete"; problem: ConcreteProblem }
  | { kind: "matrix"; problem: MatrixDraft }
  | {
      kind: "chain";
      f: Expr;
      vars: string[];
      inner: Record<string, Expr>;
      at?: number | string;
      domain?: Domain;
    };

/** A concrete problem of Parts 2 and 3, built whole by its generator (concrete.ts). */
export type ConcreteProblem = Omit<Problem, "skill" | "seed" | "version" | "kind" | "answerKind">;

export interface Header {
  readonly skill: string;
  readonly seed: number;
  readonly version: number;
}

const MAX_KEY = 120;
/** Largest size of a number answer: beyond it the arithmetic, not the method, is being drilled. */
const MAX_VALUE = NICE.maxValue;

function checkKey(text: string): string {
  if (text.length > MAX_KEY) reject("key too long");
  return text;
}

function diff(f: Expr, v: string): Expr {
  const d = derivative(f, v);
  if (!d.ok) reject("derivative too large");
  return d.expr;
}

function pointText(vars: readonly string[], at: Point): string {
  return `(${vars.map((v) => String(at[v])).join(", ")})`;
}

function pointLatex(vars: readonly string[], at: Point): string {
  return `\\left(${vars.map((v) => toLatex(pointExpr(at[v]!))).join(", ")}\\right)`;
}

const fnName = (vars: readonly string[]): string => `f(${vars.join(", ")})`;

function nonzero(e: Expr, vars: readonly string[], domain?: Domain): boolean {
  // Zero everywhere on a few sample points: the skill is about a non-zero derivative.
  const samples = [0.37, 1.21, 2.13, 0.83];
  for (const s of samples) {
    const scope: Record<string, number> = {};
    vars.forEach((v, i) => {
      const [lo, hi] = domain?.[v] ?? [-3, 3];
      scope[v] = lo + ((s + 0.29 * i) % 1) * (hi - lo);
    });
    const val = numericValue(e, scope);
    if (Number.isFinite(val) && Math.abs(val) > 1e-9) return true;
  }
  return false;
}

function assertDefinedAt(f: Expr, point: Record<string, Expr>): void {
  exactOrValue(f, point);
}

/** f must be defined at the point (value only; its exact form is not needed). */
function exactOrValue(f: Expr, point: Record<string, Expr>): number {
  const scope: Record<string, number> = {};
  for (const [k, v] of Object.entries(point)) scope[k] = numericValue(v);
  const value = numericValue(f, scope);
  if (!Number.isFinite(value)) reject("function undefined at the point");
  return value;
}

export function finish(h: Header, d: Draft): Problem {
  const p = build(h, d);
  const values = p.value === undefined ? [] : Array.isArray(p.value) ? p.value : [p.value];
  if (values.some((v) => !Number.isFinite(v) || Math.abs(v) > MAX_VALUE)) reject("number too large");
  const violations = niceProblemViolations(p);
  if (violations.length > 0) reject(violations[0]!);
  return p;
}

/** The problem of a draft with its key, without the catalogue's niceness rules (a teacher's problem). */
export function buildProblem(h: Header, d: Draft): Problem {
  return build(h, d);
}

function build(h: Header, d: Draft): Problem {
  const base = { skill: h.skill, seed: h.seed, version: h.version };
  switch (d.kind) {
    case "concrete":
      return { ...base, kind: "concrete", answerKind: "grid", ...d.problem };
    case "matrix":
      return { ...base, kind: "matrix", answerKind: "matrix", ...matrixProblem(d.problem) };
    case "limit": {
      const v = d.v ?? "x";
      const side = d.side ?? "both";
      let answer: string;
      let value: number | undefined;
      if (typeof d.key === "string") answer = d.key;
      else {
        const k = simp(d.key);
        if (freeVariables(k).length > 0) throw new Error("limit key depends on a variable");
        answer = checkKey(T(k));
        value = numericValue(k);
      }
      const p: Problem = {
        ...base,
        kind: "limit",
        answerKind: "limit",
        ...limitStatement(d.f, {
          v,
          to: d.to,
          at: d.to === "inf" || d.to === "-inf" ? null : pointExpr(d.to),
          side,
        }),
        answer,
        vars: [v],
      };
      return withOptional(p, { value, detail: d.detail });
    }
    case "derivative": {
      const v = d.v ?? "x";
      const key = diff(d.f, v);
      if (!nonzero(key, [v], d.domain)) reject("zero derivative");
      const f = T(d.f);
      if (d.at === undefined) {
        return withOptional(
          {
            ...base,
            kind: "derivative",
            answerKind: "expression",
            statement: `Differentiate f(${v}) = ${f} with respect to ${v}.`,
            latex: `\\frac{d}{d${v}}\\left(${toLatex(d.f)}\\right)`,
            given: { f, var: v },
            answer: checkKey(T(key)),
            vars: [v],
          },
          { domain: d.domain },
        );
      }
      const point = { [v]: pointExpr(d.at) };
      assertDefinedAt(d.f, point);
      const { exact, value } = exactAt(key, point);
      if (value === 0) reject("zero derivative at the point");
      return {
        ...base,
        kind: "derivative",
        answerKind: "number",
        statement: `Find f'(${d.at}) for f(${v}) = ${f}.`,
        latex: `f'\\left(${toLatex(point[v]!)}\\right) \\text{ for } f(${v}) = ${toLatex(d.f)}`,
        given: { f, var: v, at: d.at },
        answer: checkKey(T(exact)),
        value,
        vars: [v],
        detail: { derivative: T(key) },
      };
    }
    case "tangent_line": {
      const v = d.v ?? "x";
      const key = diff(d.f, v);
      const point = { [v]: pointExpr(d.at) };
      const y0 = exactAt(d.f, point);
      const m = exactAt(key, point);
      const line = expand(add(mul(m.exact, sub(variable(v), point[v]!)), y0.exact));
      if (!line.ok) reject("too large");
      const f = T(d.f);
      return {
        ...base,
        kind: "tangent_line",
        answerKind: "line",
        statement: `Find the equation of the tangent line to y = ${f} at ${v} = ${d.at}. Write it as y = ...`,
        latex: `y = ${toLatex(d.f)} \\text{ at } ${v} = ${toLatex(point[v]!)}`,
        given: { f, var: v, at: d.at },
        answer: checkKey(T(line.expr)),
        vars: [v],
        detail: { derivative: T(key), slope: T(m.exact), y0: T(y0.exact) },
      };
    }
    case "partial": {
      const key = diff(d.f, d.wrt);
      if (!nonzero(key, d.vars, d.domain)) reject("zero partial");
      const f = T(d.f);
      const lhs = `\\frac{\\partial f}{\\partial ${d.wrt}}`;
      if (!d.at) {
        return withOptional(
          {
            ...base,
            kind: "partial",
            answerKind: "expression",
            statement: `Find the partial derivative of ${fnName(d.vars)} = ${f} with respect to ${d.wrt}.`,
            latex: `${lhs} \\text{ for } ${fnName(d.vars)} = ${toLatex(d.f)}`,
            given: { f, vars: d.vars, wrt: d.wrt },
            answer: checkKey(T(key)),
            vars: d.vars,
          },
          { domain: d.domain },
        );
      }
      const point = pointExprs(d.at);
      assertDefinedAt(d.f, point);
      const { exact, value } = exactAt(key, point);
      if (value === 0) reject("zero partial at the point");
      return {
        ...base,
        kind: "partial",
        answerKind: "number",
        statement: `Find the partial derivative of ${fnName(d.vars)} = ${f} with respect to ${d.wrt} at ${pointText(d.vars, d.at)}.`,
        latex: `${lhs}${pointLatex(d.vars, d.at)} \\text{ for } ${fnName(d.vars)} = ${toLatex(d.f)}`,
        given: { f, vars: d.vars, wrt: d.wrt, at: d.at },
        answer: checkKey(T(exact)),
        value,
        vars: d.vars,
        detail: { derivative: T(key) },
      };
    }
    case "gradient":
    case "steepest_direction":
    case "max_rate": {
      const g = gradient(d.f, d.vars);
      if (!g.ok) reject("too large");
      const f = T(d.f);
      const names = `${fnName(d.vars)} = ${f}`;
      const namesLatex = `${fnName(d.vars)} = ${toLatex(d.f)}`;
      if (!d.at) {
        if (d.kind !== "gradient") throw new Error(`${d.kind} needs a point`);
        if (g.exprs.some((c) => !nonzero(c, d.vars, d.domain))) reject("a zero component");
        const answer = g.exprs.map((c) => checkKey(T(c)));
        if (answer.join("").length > 160) reject("gradient too long");
        return withOptional(
          {
            ...base,
            kind: "gradient",
            answerKind: "vector",
            statement: `Find the gradient of ${names}. Give it as (${d.vars.map((v) => `df/d${v}`).join(", ")}).`,
            latex: `\\nabla f \\text{ for } ${namesLatex}`,
            given: { f, vars: d.vars },
            answer,
            vars: d.vars,
          },
          { domain: d.domain },
        );
      }
      const point = pointExprs(d.at);
      assertDefinedAt(d.f, point);
      const comps = g.exprs.map((c) => exactAt(c, point));
      const value = comps.map((c) => c.value);
      if (value.every((c) => c === 0)) reject("zero gradient");
      const detail = { gradient: g.exprs.map(T).join("; ") };
      const common = { ...base, given: { f, vars: d.vars, at: d.at }, vars: d.vars };
      const at = pointText(d.vars, d.at);
      const atLatex = pointLatex(d.vars, d.at);
      if (d.kind === "gradient") {
        return {
          ...common,
          kind: "gradient",
          answerKind: "vector",
          statement: `Find the gradient of ${names} at ${at}.`,
          latex: `\\nabla f${atLatex} \\text{ for } ${namesLatex}`,
          answer: comps.map((c) => checkKey(T(c.exact))),
          value,
          detail,
        };
      }
      if (d.kind === "steepest_direction") {
        return {
          ...common,
          kind: "steepest_direction",
          answerKind: "vector",
          statement: `In which direction does ${names} increase fastest at ${at}? Give a vector (any positive multiple is accepted).`,
          latex: `\\text{direction of steepest ascent of } ${namesLatex} \\text{ at } ${atLatex}`,
          answer: comps.map((c) => checkKey(T(c.exact))),
          value,
          detail,
        };
      }
      const norm2 = add(...comps.map((c) => mul(c.exact, c.exact)));
      const { exact, value: rate } = exactAt(sqrtOf(norm2), {});
      return {
        ...common,
        kind: "max_rate",
        answerKind: "number",
        statement: `What is the maximal rate of increase of ${names} at ${at}?`,
        latex: `\\max_{\\lVert\\mathbf{u}\\rVert = 1} D_{\\mathbf{u}} f${atLatex} \\text{ for } ${namesLatex}`,
        answer: checkKey(T(exact)),
        value: rate,
        detail: { ...detail, gradientAt: comps.map((c) => T(c.exact)).join("; ") },
      };
    }
    case "directional": {
      const g = gradient(d.f, d.vars);
      if (!g.ok) reject("too large");
      const point = pointExprs(d.at);
      assertDefinedAt(d.f, point);
      const comps = g.exprs.map((c) => exactAt(c, point));
      if (d.direction.every((c) => c === 0)) reject("zero direction");
      const dot = add(...comps.map((c, i) => mul(c.exact, num(d.direction[i]!))));
      const norm = sqrtOf(add(...d.direction.map((c) => num(c * c))));
      const { exact, value } = exactAt(div(dot, norm), {});
      if (value === 0) reject("zero directional derivative");
      const f = T(d.f);
      const at = pointText(d.vars, d.at);
      const vec = `(${d.direction.join(", ")})`;
      return {
        ...base,
        kind: "directional",
        answerKind: "number",
        statement: `Find the directional derivative of ${fnName(d.vars)} = ${f} at ${at} in the direction of v = ${vec}.`,
        latex: `D_{\\mathbf{u}} f${pointLatex(d.vars, d.at)},\\ \\mathbf{u} = \\frac{\\mathbf{v}}{\\lVert\\mathbf{v}\\rVert},\\ \\mathbf{v} = \\left(${d.direction.join(", ")}\\right),\\ ${fnName(d.vars)} = ${toLatex(d.f)}`,
        given: { f, vars: d.vars, at: d.at, direction: d.direction },
        answer: checkKey(T(exact)),
        value,
        vars: d.vars,
        detail: {
          gradient: g.exprs.map(T).join("; "),
          gradientAt: comps.map((c) => T(c.exact)).join("; "),
          norm: T(simp(norm)),
        },
      };
    }
    case "chain": {
      const composite = substitute(d.f, d.inner);
      const viaRule = add(
        ...d.vars.map((v) => mul(substitute(diff(d.f, v), d.inner), diff(d.inner[v]!, "t"))),
      );
      const direct = diff(composite, "t");
      const ruled = simp(viaRule);
      const key = T(ruled).length <= T(direct).length ? ruled : direct;
      if (!nonzero(key, ["t"], d.domain)) reject("zero derivative");
      const f = T(d.f);
      const inner: Record<string, string> = {};
      for (const v of d.vars) inner[v] = T(d.inner[v]!);
      const innerText = d.vars.map((v) => `${v} = ${inner[v]}`).join(", ");
      const innerLatex = d.vars.map((v) => `${v} = ${toLatex(d.inner[v]!)}`).join(",\\ ");
      const detail = {
        partials: d.vars.map((v) => T(diff(d.f, v))).join("; "),
        inner: d.vars.map((v) => T(diff(d.inner[v]!, "t"))).join("; "),
      };
      const fz = `f(${d.vars.map((v) => `${v}(t)`).join(", ")})`;
      if (d.at === undefined) {
        return withOptional(
          {
            ...base,
            kind: "chain",
            answerKind: "expression",
            statement: `Let ${fnName(d.vars)} = ${f} with ${innerText}. Find d/dt ${fz} as an expression in t.`,
            latex: `\\frac{d}{dt} f\\left(${d.vars.map((v) => `${v}(t)`).join(", ")}\\right),\\ ${fnName(d.vars)} = ${toLatex(d.f)},\\ ${innerLatex}`,
            given: { f, vars: d.vars, inner, param: "t" },
            answer: checkKey(T(key)),
            vars: ["t"],
            detail,
          },
          { domain: d.domain },
        );
      }
      const point = { t: pointExpr(d.at) };
      assertDefinedAt(composite, point);
      const { exact, value } = exactAt(key, point);
      if (value === 0) reject("zero at the point");
      return {
        ...base,
        kind: "chain",
        answerKind: "number",
        statement: `Let ${fnName(d.vars)} = ${f} with ${innerText}. Find d/dt ${fz} at t = ${d.at}.`,
        latex: `\\left.\\frac{d}{dt} f\\left(${d.vars.map((v) => `${v}(t)`).join(", ")}\\right)\\right|_{t = ${toLatex(point.t)}},\\ ${fnName(d.vars)} = ${toLatex(d.f)},\\ ${innerLatex}`,
        given: { f, vars: d.vars, inner, param: "t", at: d.at },
        answer: checkKey(T(exact)),
        value,
        vars: ["t"],
        detail: { ...detail, derivative: T(key) },
      };
    }
  }
}

function sqrtOf(e: Expr): Expr {
  return { kind: "call", fn: "sqrt", arg: e };
}

function withOptional(
  p: Problem,
  extra: {
    value?: number | undefined;
    detail?: Record<string, string> | undefined;
    domain?: Domain | undefined;
  },
): Problem {
  const out: { -readonly [K in keyof Problem]: Problem[K] } = { ...p };
  if (extra.value !== undefined) out.value = extra.value;
  if (extra.detail !== undefined) out.detail = extra.detail;
  if (extra.domain !== undefined) out.domain = extra.domain;
  return out;
}
