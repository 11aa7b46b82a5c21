// A teacher's typed problem with random parameters (parameters.ts): the statement written with the
// parameters' names (a*x^2 + sin(b*x)), and for each student a draw of their values, from which the
// problem and its key are built by the same machinery as any typed problem (authored.ts). Checked at
// authoring: every draw (or, when there are many, a fixed sample of them) must be keyed and gradable.
// Pure; never throws.
import { substitute } from "../calculus/ast";
import { parse } from "../calculus/parse";
import { toText } from "../calculus/print";
import { readInfinity } from "../calculus/special";
import { simplify } from "../calculus/simplify";
import { type AuthoredError, type AuthoredSpec, authoredProblem, pointCoordinates } from "./authored";
import { unsupportedFunction } from "./function-names";
import {
  type Parameters,
  type Values,
  allDraws,
  combinationCount,
  drawParameters,
  readParameters,
  valuesText,
} from "./parameters";
import type { Problem } from "./types";

/** What an item stores to draw a student's problem: the spec in the parameters' names, and the parameters' text. */
export interface AuthoredTemplate {
  readonly spec: Exclude<AuthoredSpec, { kind: "matrix" }>;
  readonly parameters: string;
}

/** A typed problem as an item stores it: one draw (shown to the teacher) and, with parameters, its template. */
export type AuthoredItem = Problem & { readonly template?: AuthoredTemplate };

/** Combinations checked one by one at authoring when there are at most this many... */
export const CHECK_ALL_UP_TO = 60;
/** ...otherwise this many seeded draws are checked. */
export const CHECK_SAMPLE = 40;
/** Draws shown to the teacher before saving. */
export const PREVIEW_DRAWS = 5;

export interface Draw {
  values: Values;
  problem: Problem;
}

export type TemplateResult =
  { ok: true; item: AuthoredItem; draws: Draw[] } | { ok: false; error: AuthoredError };

const fail = (code: AuthoredError["code"], message: string): { ok: false; error: AuthoredError } => ({
  ok: false,
  error: { code, message },
});

const variablesOf = (spec: AuthoredSpec): string[] =>
  spec.kind === "matrix" ? [] : "var" in spec ? [spec.var] : spec.vars;

type Instantiated = { ok: true; spec: AuthoredSpec } | { ok: false; error: AuthoredError };

/** `text` with the values put in for the parameters, printed back (simplified: 1*x is x). */
function put(
  text: string,
  vars: readonly string[],
  p: Parameters,
  values: Values,
  what: string,
): { ok: true; text: string } | { ok: false; error: AuthoredError } {
  const names = p.params.map((q) => q.name);
  const r = parse(text, { vars: [...vars, ...names] });
  if (!r.ok) {
    const unsupported =
      r.error.code === "UNKNOWN_NAME" ? unsupportedFunction(text, [...vars, ...names]) : null;
    const at = r.error.at === undefined ? "" : ` (at character ${r.error.at + 1})`;
    return fail("UNREADABLE", unsupported ?? `The ${what} cannot be read: ${r.error.message}${at}.`);
  }
  const map = Object.fromEntries(
    Object.entries(values).map(([k, v]) => {
      const q = parse(String(v), { vars: [] });
      if (!q.ok) throw new Error(`unreadable value ${v}`);
      return [k, q.expr];
    }),
  );
  const e = substitute(r.expr, map);
  const s = simplify(e);
  return { ok: true, text: toText(s.ok ? s.expr : e) };
}

/** The spec with the values put in for the parameters (in f, the point a limit tends to, a point). */
export function instantiate(spec: AuthoredTemplate["spec"], p: Parameters, values: Values): Instantiated {
  const vars = variablesOf(spec);
  const f = put(spec.f, vars, p, values, "function");
  if (!f.ok) return f;
  if (spec.kind === "limit") {
    if (readInfinity(spec.to.replace(/\s+/g, ""))) return { ok: true, spec: { ...spec, f: f.text } };
    const to = put(spec.to, [], p, values, "point a");
    if (!to.ok) return to;
    return { ok: true, spec: { ...spec, f: f.text, to: to.text } };
  }
  if (spec.kind === "taylor2" || spec.kind === "derivative_at" || spec.kind === "gradient_at") {
    const coords: string[] = [];
    for (const c of pointCoordinates(spec.at)) {
      if (c.trim() === "") {
        coords.push(c);
        continue;
      }
      const put1 = put(c, [], p, values, "point");
      if (!put1.ok) return put1;
      coords.push(put1.text);
    }
    return { ok: true, spec: { ...spec, f: f.text, at: coords.join(", ") } };
  }
  return { ok: true, spec: { ...spec, f: f.text } };
}

/**
 * The problem of one draw, with the drawn values in `given.parameters` for the teacher's views. A
 * refusal says whether it comes from the draw's values (`ofDraw`): a point or key that these values
 * make invalid. Reading errors, variable names and a point's number of coordinates are the same for
 * every draw.
 */
function problemOf(
  spec: AuthoredTemplate["spec"],
  p: Parameters,
  values: Values,
): { ok: true; problem: Problem } | { ok: false; error: AuthoredError; ofDraw: boolean } {
  const s = instantiate(spec, p, values);
  if (!s.ok) return { ...s, ofDraw: false };
  const r = authoredProblem(s.spec);
  if (!r.ok) {
    const shapeWrong = "at" in spec && pointCoordinates(spec.at).length !== variablesOf(spec).length;
    return { ...r, ofDraw: r.error.code !== "BAD_VARIABLE" && !shapeWrong };
  }
  return { ok: true, problem: { ...r.problem, given: { ...r.problem.given, parameters: values } } };
}

/**
 * A typed problem with parameters, checked: the parameters read and do not clash with the variables,
 * some draw satisfies the conditions, and every checked draw is keyed and gradable. Returns the item
 * to store and PREVIEW_DRAWS draws for the teacher. Without parameters, the plain typed problem.
 */
export function authoredTemplate(spec: AuthoredSpec, parametersText: string): TemplateResult {
  if (parametersText.trim() === "") {
    const r = authoredProblem(spec);
    return r.ok ? { ok: true, item: r.problem, draws: [{ values: {}, problem: r.problem }] } : r;
  }
  if (spec.kind === "matrix")
    return fail("BAD_VARIABLE", "Random parameters are not available for problems of vectors and matrices.");
  const read = readParameters(parametersText, variablesOf(spec));
  if (!read.ok) return fail("UNREADABLE", read.message);
  const p = read.parameters;
  const count = combinationCount(p);
  let checked: Values[];
  if (count <= CHECK_ALL_UP_TO) {
    checked = allDraws(p);
    if (checked.length === 0)
      return fail("CANNOT_KEY", "No choice of the parameters satisfies the conditions: loosen them.");
  } else {
    checked = [];
    const seen = new Set<string>();
    for (let seed = 1; seed <= CHECK_SAMPLE; seed++) {
      const v = drawParameters(p, seed);
      if (!v)
        return fail(
          "CANNOT_KEY",
          "No draw of the parameters satisfied the conditions within 200 attempts: loosen the conditions or widen the sets.",
        );
      const key = valuesText(v);
      if (!seen.has(key)) {
        seen.add(key);
        checked.push(v);
      }
    }
  }
  const draws: Draw[] = [];
  for (const values of checked) {
    const r = problemOf(spec, p, values);
    if (!r.ok)
      return r.ofDraw
        ? fail(r.error.code, `With ${valuesText(values)}: ${r.error.message}`)
        : fail(r.error.code, r.error.message);
    draws.push({ values, problem: r.problem });
  }
  // The draws shown: the first seeded draws (what students are likely to see), not the smallest values.
  const shown: Draw[] = [];
  for (let seed = 1; seed <= 50 && shown.length < PREVIEW_DRAWS; seed++) {
    const v = drawParameters(p, seed);
    const found = v && draws.find((d) => valuesText(d.values) === valuesText(v));
    if (found && !shown.includes(found)) shown.push(found);
  }
  for (const d of draws) if (shown.length < PREVIEW_DRAWS && !shown.includes(d)) shown.push(d);
  const first = shown[0]!;
  return {
    ok: true,
    item: { ...first.problem, template: { spec, parameters: parametersText.trim() } },
    draws: shown,
  };
}

/** Attempts at a student's draw before giving up (each a new seed from the caller). */
export const DRAW_SEEDS = 20;

/**
 * The problem of one draw of a stored template, from `seed`; null when the seed's draw satisfies no
 * condition or cannot be keyed (the caller moves to the next seed).
 */
export function drawAuthored(template: AuthoredTemplate, seed: number): Problem | null {
  const read = readParameters(template.parameters, variablesOf(template.spec));
  if (!read.ok) return null;
  const values = drawParameters(read.parameters, seed);
  if (!values) return null;
  const r = problemOf(template.spec, read.parameters, values);
  return r.ok ? { ...r.problem, seed } : null;
}

/** The drawn values of a problem (empty for a problem without parameters). */
export function parametersOf(p: Problem): Values {
  const v = (p.given as { parameters?: unknown }).parameters;
  return v && typeof v === "object" ? (v as Values) : {};
}
