// Limits of expressions in one variable: two-sided, left, right, at a point or at +/-infinity.
//
// Definition (the learner's source text): the limit is taken over the domain of the function, at a
// limit point of the domain. A two-sided limit at a point where the function is defined on one side
// only is the one-sided limit from that side (sqrt(x) at 0 is 0); a point the domain does not come
// near is refused ("not defined near ...", CANNOT_DECIDE).
//
// Method order, for each side separately (a two-sided limit is two one-sided limits):
//  0. Guards: no other free variables, at most MAX_SIZE nodes (counted without walking shared
//     subtrees twice over), the point a constant. Which sides of the point lie in the domain is read
//     from samples (`outsideDomain`: log of a non-positive number, sqrt of a negative one, ...; not
//     overflow): outside everywhere on a side: not in the domain; at some of the nearest points
//     only: "gaps", CANNOT_DECIDE.
//  1. Limit laws, bottom-up over the tree (laws.ts, functions.ts): sums, products, quotients, powers and every
//     function, with values finite (carrying an exact Expr when the parts have one), +/-inf, a
//     bounded oscillation with its cluster interval [lo, hi] (sin or cos of something tending to
//     infinity, and continuous images of that), or an unbounded oscillation (limsup +inf and
//     liminf -inf, e.g. x sin x). This is direct substitution when everything is continuous. Signs
//     of quantities tending to 0 (c/0, 0^-k, sign(0), tan at a pole) are read from samples near
//     the point (`signNear`; a change of sign there is unknown).
//     Bounded * (-> 0) is 0 (squeeze); bounded + (-> inf) is inf; bounded / (-> inf) is 0;
//     osc * (-> +/-inf) is +/-inf when the cluster interval excludes 0, an unbounded oscillation when
//     it has 0 strictly inside, else unknown; two oscillations multiplied are unknown. A sum with
//     oscillating terms: a factor shared by every term taken out (x cos(1/(x-1)) - cos(1/(x-1)));
//     infinite terms of one sign plus the rest R: P(1 + R/P) when R/P tends to a limit > -1
//     (x^2 + x sin x + cos x).
//     Every finite value below 1e-9 in size, and every sum or function value within rounding of 0
//     (below 1e-13 of what it was computed from, an exact float 0 included), is decided exactly
//     before it is used (`settled`, exact-zero.ts): its exact form simplified or expanded is 0
//     (tan(2pi), ((sqrt 5 - 1)/2)^2 + (sqrt 5 - 1)/2 - 1), or it is a rational function of pi that
//     vanishes identically, or sin/tan/cos of one at a multiple of pi (of pi/2), or a rational
//     combination of logarithms of positive rationals whose factors cancel (ln 2 + ln 3 - ln 6; the
//     exact form of e^(g ln b) is b^g, so 2^3 - 8 simplifies to 0); or it is a non-zero rational;
//     else the part is unknown and series expansion is not asked either: a float near 0 is never
//     trusted (1/tan(x^3) at (2pi)^(1/3) is a pole, not -4e15; pi - 3.14159265358979 is not 0).
//     A 0 known only as a float (a value from series expansion) is a value but never a denominator,
//     a logarithm's argument or a base. A constant base of exactly 1 gives 1 (1.0^x); of exactly 0,
//     0 where the exponent is positive.
//  2. Indeterminate forms, where they arise (nested at most MAX_DEPTH deep; quotient.ts,
//     zero-times-infinity.ts, infinity-minus-infinity.ts):
//     0/0, inf/inf: (a) e^A / e^B as e^(A - B); algebraic simplification (simplify/); logarithms
//       taken apart (log-expansion.ts: ln(e^u) = u, ln(a^g) = g ln a, ln of a product or quotient of
//       positive parts, ln of a sum by its dominant term T: ln T + ln(1 + (S - T)/T)); (b) at
//       infinity, growth rates: each
//       factor ~ c e^E |x|^a ln|x|^b (series leading terms, exp, a^g, f^g, ln of a power, sinh,
//       cosh, abs, a sum with one unbounded term), decided by the limit of E + a ln|x| + b ln ln|x|,
//       so exponentials beat powers beat logarithms; (c) at infinity, numerator and denominator
//       divided by a term of the denominator, sums term by term; (d) L'Hopital with our own
//       differentiator, accepted only when g' keeps one sign near the point (sampled) and the limit
//       of f'/g' exists, finite or infinite (a cycle guard on the current path, a size cap);
//       (e) series expansion.
//     0*inf: series expansion, growth rates (at infinity), standard equivalents of the factors
//       tending to 0 (ln w ~ w - 1, sin u ~ tan u ~ u; f(A) - f(B) for exp, sin, cos with A - B -> 0
//       by an exact identity and the equivalent of its small factor, e^u - 1 ~ u; R - 1 ~ ln R),
//       logarithms taken apart, |u| as u or -u where u keeps one sign, exponential factors as one
//       exponential, a sum among the factors multiplied out, a vanishing sum of fractions over one
//       denominator, then as a quotient f/(1/g) either way.
//     inf-inf: series expansion; P + N = P(1 + N/P) when lim N/P != -1; a factor shared by every
//       term taken out; e^A - e^B = e^B (e^(A - B) - 1); logarithms taken apart; sums of logarithms
//       as one logarithm, other terms t as ln(e^t) (x - ln(1 + e^x)); one common denominator; the
//       conjugate (P^2 - M^2)/(P + M).
//     1^inf, 0^0, inf^0 and every variable power f^g: exp(lim g ln f).
//  3. If the rules leave the answer unknown: the simplified expression, then series expansion of the
//     whole (series.ts: x = a +/- t or +/-1/t, t -> 0+; fails on ln t, e^(1/t), sin(1/t)).
//     At infinity, still unknown: two sequences (periodic.ts). Where the variable enters sin, cos,
//     tan, ... only through linear arguments with commensurable frequencies, along x = t0 + nP the
//     periodic parts keep their values at t0; two starting points whose limits (decided by the
//     rules, each confirmed by numbers) differ prove that there is no limit (tan x, sin x -
//     sin(x + 1), ((sin x + 1)/2)^x, x sin x + x).
//  4. Numerical confirmation (numeric.ts): values along a sequence approaching the point, with
//     Aitken extrapolation. If they have settled on something the symbolic answer rules out, the
//     methods disagree: CANNOT_DECIDE. Values computed through an overflow, or with fewer than 6
//     digits left after cancellation (the magnitude of what was combined bounds the rounding error),
//     are not used. Inconclusive numbers (slow logarithms, overflow) do not overrule a symbolic
//     answer. Numbers alone never produce an answer.
// Decision rules: one-sided limits that are equal (finite within 1e-9 relative, or the same
// infinity) give the two-sided limit; different ones give "dne: one-sided limits differ", with both;
// an oscillating side gives "dne: (unbounded) oscillation" (with both sides when two-sided); two
// sequences at infinity give "dne: limits along two sequences differ", which is all they show.
// Anything unknown is CANNOT_DECIDE, never a guess. Typed constants are kept exactly
// (0.0000000000001 is not 0).
// The exact form of a finite limit is the simplified exact value carried by the rules, or a short
// recognised form of the float (p/q, p/q pi, p/q e, p/q sqrt(n), e^(p/q), p/q ln n, p/(q ln n),
// p/q pi^2), whichever is shorter when both are the same number (a carried 1 + 10^-12 stays itself);
// it is returned only when it agrees with the value to 1e-9.
// Never throws (internal errors and stack overflow become CANNOT_DECIDE) and never loops: limit-law
// steps, L'Hopital derivatives and series term operations each spend from a budget per side.
import { type Expr, freeVariables } from "../ast";
import { type CoreError } from "../errors";
import { toText } from "../print";
import { simplify } from "../simplify";
import { limitOf } from "./laws";
import { powersOfLogarithms } from "./rewrites";
import { type Approach, type Claim, confirm, definedNear, recognize } from "./numeric";
import { byPeriodicSequences } from "./periodic";
import {
  DERIVATIVE_BUDGET,
  MAX_SIZE,
  SERIES_BUDGET,
  STEP_BUDGET,
  type SideSearch,
  attempt,
  bySeries,
  evalConst,
  simplified,
  tooLarge,
} from "./search";
import { type Tendency, determinate } from "./value";

export type LimitSide = "both" | "left" | "right";
export type LimitTarget = { kind: "point"; at: Expr } | { kind: "+inf" } | { kind: "-inf" };
/**
 * Why a limit does not exist: a bounded oscillation, an unbounded one (limsup +inf and liminf -inf),
 * one-sided limits that differ, or, shown at infinity by two sequences, only that there is none.
 */
export type DneReason =
  "oscillation" | "unbounded oscillation" | "one-sided limits differ" | "limits along two sequences differ";
export type LimitValue =
  | { kind: "finite"; value: number; exact?: Expr }
  | { kind: "+inf" }
  | { kind: "-inf" }
  | { kind: "dne"; reason: DneReason; left?: LimitValue; right?: LimitValue };
export type LimitResult = ({ ok: true; method: string } & LimitValue) | { ok: false; error: CoreError };

function methodName(c: SideSearch): string {
  if (c.lhopitalSteps > 0)
    return `L'Hopital (${c.lhopitalSteps} ${c.lhopitalSteps === 1 ? "time" : "times"})`;
  if (c.methods.has("two sequences")) return "two sequences";
  if (c.methods.has("growth")) return "growth rates";
  if (c.methods.has("series")) return "series expansion";
  if (c.methods.has("conjugate")) return "conjugate";
  if (c.methods.has("common denominator")) return "common denominator";
  if (c.methods.has("dominant term")) return "dominant term";
  if (c.methods.has("simplification")) return "algebraic simplification";
  if (c.methods.has("squeeze")) return "squeeze theorem";
  if (c.methods.has("laws")) return "limit laws";
  return "substitution";
}

/** The limit on one side: a tendency of the rules, or no limit as two sequences show (`seq`). */
type Outcome = Tendency | { k: "seq" };

type SideResult = { ok: true; l: Outcome; method: string } | { ok: false; error: CoreError };

const cannot = (message: string): { ok: false; error: CoreError } => ({
  ok: false,
  error: { code: "CANNOT_DECIDE", message },
});

function oneSided(e: Expr, v: string, t: Approach, pointExpr: Expr | undefined): SideResult {
  const c: SideSearch = {
    variable: v,
    approach: t,
    pointExpr,
    depth: 0,
    stepsLeft: STEP_BUDGET,
    derivativesLeft: DERIVATIVE_BUDGET,
    pool: { left: SERIES_BUDGET },
    lhopitalSteps: 0,
    methods: new Set(),
    seen: new Set(),
  };
  let l = limitOf(e, c);
  if (l.k === "unk") {
    const s = simplified(e);
    if (toText(s) !== toText(e)) {
      const r = attempt(c, () => limitOf(s, c));
      if (determinate(r)) {
        c.methods.add("simplification");
        l = r;
      }
    }
  }
  if (l.k === "unk") {
    const s = bySeries(e, c, l.why);
    if (determinate(s)) l = s;
  }
  if (l.k === "unk" && t.kind === "inf") {
    // each sequence's limit was confirmed by numbers on its own
    if (byPeriodicSequences(e, c)) return { ok: true, l: { k: "seq" }, method: methodName(c) };
  }
  if (l.k === "unk") return cannot(`Cannot decide this limit (${l.why}).`);
  const claim: Claim =
    l.k === "fin" ? { k: "fin", v: l.v } : l.k === "inf" ? { k: "inf", s: l.s } : { k: l.k };
  if (confirm(e, v, t, claim) === "disagree") {
    return cannot("Cannot decide this limit: the symbolic and numerical methods disagree.");
  }
  return { ok: true, l, method: methodName(c) };
}

function exactOf(l: Tendency & { k: "fin" }): { value: number; exact?: Expr } {
  const ok = (x: Expr): number | null => {
    const y = evalConst(x);
    return Number.isFinite(y) && Math.abs(y - l.v) <= 1e-9 * Math.abs(l.v) ? y : null;
  };
  let best: { x: Expr; text: string; y: number } | null = null;
  if (l.x) {
    const s = simplify(l.x, 20_000);
    if (s.ok) {
      const y = ok(s.expr);
      const text = toText(s.expr);
      if (y !== null && text.length <= 120) best = { x: s.expr, text, y };
    }
  }
  const r = recognize(l.v);
  if (r) {
    const y = ok(r);
    const text = toText(r);
    // A recognised form replaces the carried exact value only when they are the same number (to
    // rounding): 1 is shorter than 1000000000001/1000000000000, but it is not the limit.
    const same = (a: number, b: number) => Math.abs(a - b) <= 1e-14 * Math.max(1, Math.abs(b));
    if (y !== null && (!best || (text.length <= best.text.length && same(y, best.y))))
      best = { x: r, text, y };
  }
  if (!best) return { value: l.v };
  return { value: best.y === 0 ? 0 : best.y, exact: best.x };
}

function toValue(l: Outcome): LimitValue {
  switch (l.k) {
    case "fin":
      return { kind: "finite", ...exactOf(l) };
    case "inf":
      return { kind: l.s > 0 ? "+inf" : "-inf" };
    case "osc":
      return { kind: "dne", reason: "oscillation" };
    case "uosc":
      return { kind: "dne", reason: "unbounded oscillation" };
    case "seq":
      return { kind: "dne", reason: "limits along two sequences differ" };
    case "unk":
      throw new Error("unknown limit value");
  }
}

function sameLimit(p: Outcome, q: Outcome): boolean {
  if (p.k === "fin" && q.k === "fin")
    return Math.abs(p.v - q.v) <= 1e-9 * Math.max(Math.abs(p.v), Math.abs(q.v)) + 1e-15;
  return p.k === "inf" && q.k === "inf" && p.s === q.s;
}

function describe(at: Expr): string {
  return toText(at);
}

function limitUnsafe(typed: Expr, v: string, target: LimitTarget, side: LimitSide): LimitResult {
  if (tooLarge(typed, MAX_SIZE)) return cannot("This expression is too large to analyse.");
  // Where the function is defined is the typed expression's; its value there, the rewritten one's.
  const expr = powersOfLogarithms(typed);
  const others = freeVariables(expr).filter((n) => n !== v);
  if (others.length) {
    return cannot(
      `The limit depends on ${others.join(", ")}: give ${others.length === 1 ? "it a value" : "them values"}.`,
    );
  }
  if (target.kind !== "point") {
    const t: Approach = { kind: "inf", s: target.kind === "+inf" ? 1 : -1 };
    const d = definedNear(typed, v, t);
    if (d !== "yes") {
      return cannot(
        d === "no"
          ? `The function is not defined for large ${t.s > 0 ? "positive" : "negative"} ${v}.`
          : `The function is undefined at points arbitrarily far out, so this limit cannot be decided.`,
      );
    }
    const r = oneSided(expr, v, t, undefined);
    return r.ok ? { ok: true, method: r.method, ...toValue(r.l) } : r;
  }
  if (tooLarge(target.at, MAX_SIZE)) return cannot("The point is too large an expression.");
  if (freeVariables(target.at).length) {
    return {
      ok: false,
      error: { code: "BAD_REQUEST", message: "The point must be a number, not an expression in a variable." },
    };
  }
  const a = evalConst(target.at);
  if (!Number.isFinite(a))
    return { ok: false, error: { code: "BAD_REQUEST", message: "The point is not a real number." } };
  const where = `${v} = ${describe(target.at)}`;
  const sides: (1 | -1)[] = side === "both" ? [-1, 1] : side === "left" ? [-1] : [1];
  const defined: (1 | -1)[] = [];
  for (const s of sides) {
    const d = definedNear(typed, v, { kind: "point", a, s });
    if (d === "gaps")
      return cannot(
        `The function is undefined at points arbitrarily close to ${where}, so this limit cannot be decided.`,
      );
    if (d === "yes") defined.push(s);
  }
  if (defined.length === 0) {
    const which = side === "both" ? "near" : side === "left" ? "to the left of" : "to the right of";
    return cannot(`The function is not defined ${which} ${where}, so the limit there is not defined.`);
  }
  const results = new Map<number, SideResult>();
  for (const s of defined) {
    const r = oneSided(expr, v, { kind: "point", a, s }, target.at);
    if (!r.ok) return r;
    results.set(s, r);
  }
  if (defined.length === 1) {
    const r = results.get(defined[0]!)!;
    if (!r.ok) return r;
    return { ok: true, method: r.method, ...toValue(r.l) };
  }
  const left = results.get(-1)!;
  const right = results.get(1)!;
  if (!left.ok) return left;
  if (!right.ok) return right;
  if (sameLimit(left.l, right.l)) {
    const method = left.method === right.method ? left.method : `${left.method}; ${right.method}`;
    const l = right.l.k === "fin" && left.l.k === "fin" && !right.l.x && left.l.x ? left.l : right.l;
    return { ok: true, method, ...toValue(l) };
  }
  const lv = toValue(left.l);
  const rv = toValue(right.l);
  const method = left.method === right.method ? left.method : `${left.method}; ${right.method}`;
  let reason: DneReason = "one-sided limits differ";
  if (lv.kind === "dne") reason = lv.reason;
  else if (rv.kind === "dne") reason = rv.reason;
  return { ok: true, method, kind: "dne", reason, left: lv, right: rv };
}

/** The limit of `expr` as `v` approaches `target` from `side` (ignored at infinity). Never throws. */
export function limit(expr: Expr, v: string, target: LimitTarget, side: LimitSide): LimitResult {
  try {
    return limitUnsafe(expr, v, target, side);
  } catch (err) {
    if (err instanceof RangeError) return cannot("This expression is too deeply nested to analyse.");
    return cannot("Cannot decide this limit (internal error).");
  }
}
