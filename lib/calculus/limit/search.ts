// The state of the search for one one-sided limit, and the steps every strategy shares: trying a
// step without keeping what it recorded when it fails, simplifying, and series expansion.
import { type Expr, children } from "../ast";
import { compile } from "../eval";
import { simplify } from "../simplify";
import type { Approach } from "./numeric";
import { type SeriesPool, seriesLimit } from "./series";
import { ROUNDING, type Tendency, determinate, finite, infinite, undecided } from "./value";

/** Nodes an expression (or a point) may have. */
export const MAX_SIZE = 3000;
/** Indeterminate forms nested inside one another. */
export const MAX_DEPTH = 10;
/** Nodes of f'/g' that L'Hopital's rule may go on with. */
export const MAX_DERIVATIVE_SIZE = 400;
/** Limit-law steps per side. */
export const STEP_BUDGET = 20_000;
/** L'Hopital derivatives per side. */
export const DERIVATIVE_BUDGET = 60;
/** Series term operations per side. */
export const SERIES_BUDGET = 1_500_000;

export interface SideSearch {
  /** The variable. */
  readonly variable: string;
  /** Where it goes: a point from one side, or +/-infinity. */
  readonly approach: Approach;
  /** The point as typed (for exact values), undefined at infinity. */
  readonly pointExpr: Expr | undefined;
  /** Indeterminate forms being resolved along the current path. */
  depth: number;
  /** Limit-law steps left. */
  stepsLeft: number;
  /** L'Hopital derivatives left. */
  derivativesLeft: number;
  /** Series term operations left. */
  readonly pool: SeriesPool;
  /** Times L'Hopital's rule decided a quotient (reported in the method). */
  lhopitalSteps: number;
  /** Methods that contributed to the answer (reported as the method). */
  readonly methods: Set<string>;
  /** Quotients being worked on along the current path of nested steps (a cycle guard). */
  readonly seen: Set<string>;
}

/** Run an attempt; when it does not produce a determinate value, forget the methods it recorded. */
export function attempt(c: SideSearch, f: () => Tendency): Tendency {
  const lhopitalSteps = c.lhopitalSteps;
  const methods = new Set(c.methods);
  const r = f();
  if (!determinate(r)) {
    c.lhopitalSteps = lhopitalSteps;
    c.methods.clear();
    for (const u of methods) c.methods.add(u);
  }
  return r;
}

/** The value of a constant expression, NaN when it has none. */
export function evalConst(e: Expr): number {
  if (e.kind === "num") return e.value;
  const r = compile(e, []);
  return r.ok ? r.fn([]) : NaN;
}

export function simplified(e: Expr): Expr {
  const s = simplify(e, 20_000);
  return s.ok ? s.expr : e;
}

/** The limit of `e` by series expansion (series.ts), or unknown for the reason `why`. */
export function bySeries(e: Expr, c: SideSearch, why: string): Tendency {
  if (why === ROUNDING) return undecided(why);
  const s = seriesLimit(e, c.variable, c.approach, c.pool);
  if (!s) return undecided(why);
  c.methods.add("series");
  return s.k === "fin" ? finite(s.v) : infinite(s.s);
}

/** Whether `e` has more than `max` nodes, counted without walking further than that (shared subtrees count each time). */
export function tooLarge(e: Expr, max: number): boolean {
  let left = max;
  const stack: Expr[] = [e];
  while (stack.length) {
    const n = stack.pop()!;
    if (--left < 0) return true;
    for (const ch of children(n)) stack.push(ch);
  }
  return false;
}
