// Functions beyond docs/grading.md's list that other tools and textbooks use (sech, asinh, cbrt, ...).
// They are read as their definitions in the functions the core knows, so every part of the core
// (evaluation, differentiation, limits) handles them without a case of its own; the preview shows
// the definition, which is also how a learner can check what was read.
import { type Expr, add, call, div, num, pow, sub } from "./ast";

export const EXTRA_FUNCTIONS = [
  "sech",
  "csch",
  "coth",
  "asinh",
  "acosh",
  "atanh",
  "asech",
  "acsch",
  "acoth",
  "cbrt",
] as const;

export type ExtraFunction = (typeof EXTRA_FUNCTIONS)[number];

const ONE = num(1);
const sq = (u: Expr): Expr => pow(u, num(2));
const inv = (u: Expr): Expr => div(ONE, u);

/** The definition of an extra function applied to `u`, over the reals. */
export function expandExtra(fn: ExtraFunction, u: Expr): Expr {
  switch (fn) {
    case "sech":
      return inv(call("cosh", u));
    case "csch":
      return inv(call("sinh", u));
    case "coth":
      return div(call("cosh", u), call("sinh", u));
    case "asinh":
      return call("ln", add(u, call("sqrt", add(sq(u), ONE))));
    case "acosh":
      return call("ln", add(u, call("sqrt", sub(sq(u), ONE))));
    case "atanh":
      return div(call("ln", div(add(ONE, u), sub(ONE, u))), num(2));
    case "asech":
      return expandExtra("acosh", inv(u));
    case "acsch":
      return expandExtra("asinh", inv(u));
    case "acoth":
      return expandExtra("atanh", inv(u));
    case "cbrt":
      return pow(u, div(ONE, num(3)));
  }
}

/** Inverses written f^-1 for the extra and hyperbolic functions. */
export const EXTRA_INVERSES: Readonly<Record<string, ExtraFunction>> = {
  sinh: "asinh",
  cosh: "acosh",
  tanh: "atanh",
  sech: "asech",
  csch: "acsch",
  coth: "acoth",
};

export const isExtra = (name: string): name is ExtraFunction =>
  (EXTRA_FUNCTIONS as readonly string[]).includes(name);
