// The matrix calculus core: answers that are vectors and matrices, typed by symbolic shape and
// graded by random instantiation (docs/core.md, "Matrix calculus"). Pure: no Next, React or database.
//
// Public API (stable):
//   declare(input)                -> { ok, decls } | { ok: false, error }: symbols with shapes and props
//   readMatrix(text, decls)       -> { ok, expr, typed, shape } | { ok: false, error }: parse + type check
//   parseMatrix(text, decls)      -> the tree only; typecheck(expr, decls) -> shapes of every node
//   toText(expr), toLatex(expr, decls): canonical text (reads back to the same tree) and KaTeX LaTeX
//   formatShape(shape) ("scalar", "n", "1 x n", "m x n"), showShape(shape) ("m×n"), parseShape(text)
//   compileProgram(typed, size, field?): evaluation over Float64Arrays, with tangents and magnitudes
//   expressionKey(typed), derivativeKey(decls, f, wrt, "derivative" | "gradient"): what to grade against
//   grade(decls, key, answerTyped) -> { ok, equivalent, diagnosis?: { code, message }, counterexample? }
//     or { ok: false, error } (CANNOT_CHECK when the key cannot be sampled, or a branch never occurs)
//   matrixOps(request): the command-line tool's mparse / mequiv / mderiv (null for other ops)
export type { MExpr } from "./ast";
export { sameTree } from "./ast";
export { FLOAT, MODP, PRIME, type Field } from "./field";
export { type Ctx, type Gate, type Program, type Val, compileProgram } from "./eval";
export { type Diagnosis } from "./diagnose";
export { type Grade, grade } from "./grade";
export { type Asks, type KeySource, bindKeySizes, derivativeKey, expressionKey } from "./key";
export { parseMatrix } from "./parse";
export { matrixOps } from "./protocol";
export { toLatex, toText } from "./print";
export { readMatrix, type Read } from "./read";
export {
  type Decl,
  type DeclInput,
  type Decls,
  type Dim,
  type Prop,
  type Shape,
  declare,
  formatShape,
  parseShape,
  showShape,
} from "./shape";
export { type Typed, typecheck } from "./types";
