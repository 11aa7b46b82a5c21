// No limit at infinity shown by two sequences: where the variable enters trigonometric functions only
// through linear arguments k x + c with commensurable k, along x_n = t0 + n P (P a common period)
// every such call keeps its value at t0, so f(x_n) = g_t0(x_n) with those calls replaced by
// constants. If g_t0 has a limit, f has the same limit along that sequence; two starting points t0
// whose limits differ prove that f has none (sin x - sin(x + 1), tan x, ((sin x + 1)/2)^x).
// Each limit used is decided by the rules and confirmed by numbers on its own.
import {
  type Expr,
  type UnaryFunction,
  add,
  call,
  cnst,
  dependsOn,
  div,
  mapCalls,
  mul,
  neg,
  num,
  substitute,
} from "../ast";
import { derivative } from "../diff";
import { limitOf } from "./laws";
import { rationalOf } from "../rational";
import { confirm } from "./numeric";
import { type SideSearch, attempt, evalConst, simplified } from "./search";
import type { Tendency } from "./value";

const PERIODIC: readonly UnaryFunction[] = ["sin", "cos", "tan", "cot", "sec", "csc"];

/** k in a x-linear argument k x + c (k exact and non-zero), or null. */
function slope(arg: Expr, v: string): Expr | null {
  const d = derivative(arg, v);
  if (!d.ok) return null;
  const k = simplified(d.expr);
  if (dependsOn(k, v)) return null;
  const kv = evalConst(k);
  return Number.isFinite(kv) && kv !== 0 ? k : null;
}

/**
 * Whether two frequencies have a rational ratio, decided exactly: k1/k2 simplified is a rational
 * number (x/400 and x are, 1.001 x and x are; pi x/3.14159265358979 and x are not, however close
 * their ratio is to 1 in floats).
 */
function commensurable(k1: Expr, k2: Expr): boolean {
  const q = rationalOf(simplified(div(k1, k2)));
  return q !== null && q.n !== 0;
}

/**
 * Every trigonometric call with an argument linear in the variable, rewritten by `at` (or kept when
 * `at` is null), and whether their frequencies are commensurable; null when there is no such call.
 */
function linearCalls(
  e: Expr,
  v: string,
  at: ((fn: UnaryFunction, arg: Expr) => Expr) | null,
): { first: { arg: Expr; k: Expr }; rewritten: Expr } | null {
  let first: { arg: Expr; k: Expr } | null = null;
  let allCommensurable = true;
  const rewritten = mapCalls(e, (fn, arg) => {
    if (!PERIODIC.includes(fn) || !dependsOn(arg, v)) return call(fn, arg);
    const k = slope(arg, v);
    if (!k) return call(fn, arg);
    if (!first) first = { arg, k };
    else if (!commensurable(k, first.k)) allCommensurable = false;
    return at ? at(fn, arg) : call(fn, arg);
  });
  if (!first || !allCommensurable) return null;
  const f: { arg: Expr; k: Expr } = first;
  return { first: f, rewritten };
}

function differ(p: Tendency, q: Tendency): boolean {
  if (p.k === "fin" && q.k === "fin")
    return Math.abs(p.v - q.v) > 1e-6 * Math.max(1, Math.abs(p.v), Math.abs(q.v));
  if (p.k === "inf" && q.k === "inf") return p.s !== q.s;
  return true;
}

/**
 * True when two sequences tending to infinity give different limits, which proves that there is no
 * limit (and nothing more: not that the function is bounded, nor that it swings between -inf and
 * +inf); false when that could not be shown.
 */
export function byPeriodicSequences(e: Expr, c: SideSearch): boolean {
  const t = c.approach;
  if (t.kind !== "inf") return false;
  const v = c.variable;
  const found = linearCalls(e, v, null);
  if (!found) return false;
  const { arg, k } = found.first;
  const c0 = simplified(substitute(arg, { [v]: num(0) }));
  const limits: Tendency[] = [];
  for (let m = 0; m < 8; m++) {
    // t0 puts the first argument at m pi/4
    const t0 = div(add(mul(num(m), div(cnst("pi"), num(4))), neg(c0)), k);
    const g = linearCalls(e, v, (fn, a) => call(fn, simplified(substitute(a, { [v]: t0 }))));
    if (!g) continue;
    const l = attempt(c, () => limitOf(simplified(g.rewritten), c));
    if (l.k !== "fin" && l.k !== "inf") continue;
    const claim = l.k === "fin" ? { k: "fin" as const, v: l.v } : { k: "inf" as const, s: l.s };
    if (confirm(g.rewritten, v, t, claim) === "disagree") continue;
    limits.push(l);
    if (limits.some((p) => differ(p, l))) {
      c.methods.add("two sequences");
      return true;
    }
  }
  return false;
}
