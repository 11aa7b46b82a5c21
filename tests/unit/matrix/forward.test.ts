// Forward-mode derivatives carry every direction in one pass: for functions that use every kind of
// node, the derivative key agrees with central differences of the function's own values (no
// tangents involved), at sizes with every dimension distinct; and over residues modulo the prime,
// rational derivative keys accept the right answer and reject a near one (the exact check).
import { describe, expect, it } from "vitest";
import {
  FLOAT,
  compileProgram,
  declare,
  derivativeKey,
  matrixOps,
  readMatrix,
} from "../../../lib/calculus/matrix";

const DECLS = {
  A: "n x n",
  X: "n x n",
  W: "m x n",
  x: "n",
  y: "m",
  z: "n",
  s: "scalar",
  P: { shape: "n x n", props: ["spd"] },
};
const SIZES: Record<string, number> = { n: 3, m: 4 };

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a * 1664525 + 1013904223) >>> 0;
    return a / 4294967296;
  };
}

function inputs(seed: number): Map<string, Float64Array> {
  const r = random(seed);
  const n = SIZES.n!;
  const m = SIZES.m!;
  const draw = (k: number) =>
    Float64Array.from({ length: k }, () => Math.round((r() * 2 - 1) * 1000) / 1000 + 0.0007);
  const p = draw(n * n);
  const spd = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let q = 0;
      for (let k = 0; k < n; k++) q += p[i * n + k]! * p[j * n + k]!;
      spd[i * n + j] = q + (i === j ? n : 0);
    }
  const X = draw(n * n);
  for (let i = 0; i < n; i++) X[i * n + i]! += 3; // well away from singular
  return new Map([
    ["A", draw(n * n)],
    ["X", X],
    ["W", draw(m * n)],
    ["x", draw(n)],
    ["y", draw(m)],
    ["z", draw(n)],
    ["s", Float64Array.from([0.6 + r()])],
    ["P", spd],
  ]);
}

const CASES: [f: string, wrt: string][] = [
  ["x^T A x", "x"],
  ["A^3 x", "x"],
  ["sum(X^3)", "X"],
  ["sum(X^-2)", "X"],
  ["sum(inv(X) A)", "X"],
  ["det(X)", "X"],
  ["ln(det(P))", "P"],
  ["tr(A X^T X)", "X"],
  ["sum(diag(X) ⊙ x)", "X"],
  ["diag(x) A x", "x"],
  ["softmax(W^T y + z)", "z"],
  ["softmax(W^T y + z)", "y"],
  ["‖W x − y‖", "W"],
  ["‖W x − y‖^2 / m", "W"],
  ["tanh(W x) ⊘ (2 + sigmoid(W x))", "x"],
  ["exp(-x) ./ (1_n + x ⊙ x)", "x"],
  ["sqrt(1 + x ⊙ x) * s^(3/2)", "x"],
  ["sqrt(1 + x ⊙ x) * s^(3/2)", "s"],
  ["(s x^T x)^2 - s^-1", "s"],
  ["sin(x) ⊙ cos(z) + ln(2 + x·x) 1_n", "x"],
  ["relu(W x) + abs(W x)", "x"],
  ["sum([W x > 0] ⊙ (W x))", "W"],
  ["sum(x x^T A - (A x) x^T)", "x"],
  ["(x x^T A - (A x) x^T) z", "x"],
  ["-(W^T y)·x + n s", "W"],
];

describe("forward-mode derivatives, all directions in one pass", () => {
  const d = declare(DECLS);
  if (!d.ok) throw new Error(d.error.message);
  const decls = d.decls;
  const size = (dim: string | number) => (typeof dim === "number" ? dim : SIZES[dim]!);

  it.each(CASES)("∂(%s)/∂%s agrees with central differences", (f, wrt) => {
    const read = readMatrix(f, decls);
    if (!read.ok) throw new Error(read.error.message);
    const key = derivativeKey(decls, read.typed, wrt, "derivative");
    if (!key.ok) throw new Error(key.error.message);
    const values = compileProgram(read.typed, size, FLOAT)!;
    const compiled = key.key.compile(size, FLOAT)!;
    const q = values.rows * values.cols;
    for (const seed of [11, 12, 13]) {
      const at = inputs(seed);
      const jac = compiled.run(at, [])!;
      const v = at.get(wrt)!;
      const n = v.length;
      // ∂f/∂V is q × n here (for a matrix V and scalar f: the transpose of the gradient's layout).
      const scalarByMatrix = q === 1 && decls.symbols.get(wrt)!.shape.cols !== 1 && v.length > 1;
      const rowsV = size(decls.symbols.get(wrt)!.shape.rows);
      const colsV = size(decls.symbols.get(wrt)!.shape.cols);
      for (let k = 0; k < n; k++) {
        const h = 1e-6 * Math.max(1, Math.abs(v[k]!));
        const shifted = (delta: number) => {
          const w = Float64Array.from(v);
          w[k]! += delta;
          return Float64Array.from(values.run({ inputs: new Map([...at, [wrt, w]]) }).v);
        };
        const plus = shifted(h);
        const minus = shifted(-h);
        for (let i = 0; i < q; i++) {
          const central = (plus[i]! - minus[i]!) / (2 * h);
          // entry k of V is (row ⌊k/cols⌋, column k mod cols); the transposed layout swaps them
          const col = scalarByMatrix ? (k % colsV) * rowsV + Math.floor(k / colsV) : k;
          const ad = jac[i * n + col]!;
          expect(Math.abs(ad - central), `${f} entry ${i}, direction ${k}`).toBeLessThanOrEqual(
            1e-5 * Math.max(1, Math.abs(central)),
          );
        }
      }
    }
  });

  const mderiv = (f: string, wrt: string, answer: string) =>
    matrixOps({ op: "mderiv", decls: DECLS, f, wrt, asks: "gradient", answer }) as { correct?: boolean };

  it.each([
    ["tr(X^3)", "X", "3 (X^2)^T", "3 X^2"],
    ["sum(inv(X))", "X", "-(inv(X) 1_n 1_n^T inv(X))^T", "-(inv(X) inv(X))^T"],
    ["(x^T A x)^2", "x", "2 (x^T A x) (A + A^T) x", "2 (x^T A x) 2 A x"],
    ["‖W x − y‖^4", "x", "4 ‖W x − y‖^2 W^T (W x − y)", "2 ‖W x − y‖^2 W^T (W x − y)"],
  ])("accepts ∇ of %s by %s exactly and rejects a near answer", (f, wrt, right, wrong) => {
    expect(mderiv(f, wrt, right)).toMatchObject({ correct: true });
    expect(mderiv(f, wrt, wrong)).toMatchObject({ correct: false });
  });
});

describe("Matrix Cookbook identities in the Cookbook's own notation (X^-T)", () => {
  const cook = { X: "n x n", A: "n x n", a: "n", b: "n" };
  const grad = (f: string, answer: string) =>
    matrixOps({ op: "mderiv", decls: cook, f, wrt: "X", asks: "gradient", answer }) as {
      correct?: boolean;
      diagnosis?: { code: string };
    };
  it.each([
    // (49), (57), (61), (100), (101), (103), (113)
    ["det(X)", ["det(X) X^-T", "det(X) inv(X)^T", "det(X) (X^T)⁻¹"], ["det(X) X^-1", "det(X) X^T"]],
    ["ln(abs(det(X)))", ["X^-T", "inv(X^T)"], ["X^-1", "-X^-T"]],
    ["a^T inv(X) b", ["-X^-T a b^T X^-T", "-(X^-1 b a^T X^-1)^T"], ["-X^-1 a b^T X^-1", "X^-T a b^T X^-T"]],
    ["tr(A X)", ["A^T", "A'"], ["A", "A^T X"]],
    ["tr(X^T A)", ["A", "(A^T)^T"], ["A^T", "2A"]],
    ["tr(X^2)", ["2 X^T", "X^T + X^T"], ["2X", "X^T"]],
    ["tr(X^T A X)", ["(A + A^T) X", "A X + A^T X"], ["2 A X", "A X"]],
  ])("∂(%s)/∂X: right forms accepted, wrong ones rejected", (f, right, wrong) => {
    for (const r of right) expect(grad(f, r), r).toMatchObject({ correct: true });
    for (const w of wrong) expect(grad(f, w), w).toMatchObject({ correct: false });
  });
  it("names X^-1 for X^-T a layout mistake and 2AX for (A + Aᵀ)X", () => {
    expect(grad("det(X)", "det(X) X^-1").diagnosis?.code).toBe("layout");
    expect(grad("tr(X^T A X)", "2 A X").diagnosis?.code).toBe("symmetric_part");
  });
});
