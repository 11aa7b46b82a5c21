// fast-check generators of expression trees, built with the AST's own constructors.
import fc from "fast-check";
import {
  type Expr,
  type UnaryFunction,
  add,
  call,
  cnst,
  div,
  mul,
  neg,
  num,
  pow,
  variable,
} from "../../../lib/calculus/ast";

const SAFE_FUNCTIONS: UnaryFunction[] = [
  "sin",
  "cos",
  "tan",
  "atan",
  "exp",
  "sinh",
  "cosh",
  "tanh",
  "sqrt",
  "ln",
  "abs",
];

export function exprArb(vars: readonly string[] = ["x", "y"], maxDepth = 4): fc.Arbitrary<Expr> {
  const leaf: fc.Arbitrary<Expr> = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...vars).map(variable) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 9 }).map(num) },
    { weight: 1, arbitrary: fc.constantFrom(0.5, 1.25, 2.5).map(num) },
    { weight: 1, arbitrary: fc.constantFrom(cnst("pi"), cnst("e")) },
  );
  const { tree } = fc.letrec<{ tree: Expr }>((tie) => ({
    tree: fc.oneof(
      { depthSize: "small", maxDepth, withCrossShrink: true },
      leaf,
      fc.array(tie("tree"), { minLength: 2, maxLength: 3 }).map((ts) => add(...ts)),
      fc.array(tie("tree"), { minLength: 2, maxLength: 3 }).map((fs) => mul(...fs)),
      tie("tree").map(neg),
      fc.tuple(tie("tree"), tie("tree")).map(([a, b]) => div(a, b)),
      fc.tuple(tie("tree"), fc.integer({ min: 2, max: 4 })).map(([a, k]) => pow(a, num(k))),
      fc.tuple(tie("tree"), fc.constantFrom(...SAFE_FUNCTIONS)).map(([a, f]) => call(f, a)),
    ),
  }));
  return tree;
}
