// Grading cases of docs/core.md ("Matrix calculus"): the dimension traps, ReLU gates and kinks, the
// errata of the source paper, layouts, "cannot check", and bad requests through the operations.
import { describe, expect, it } from "vitest";
import { matrixOps } from "../../../lib/calculus/matrix";

type Res = {
  ok: boolean;
  equivalent?: boolean;
  correct?: boolean;
  shape?: string;
  normalized?: string;
  diagnosis?: { code: string; message: string };
  counterexample?: string;
  error?: { code: string; message: string; at?: number };
};
const op = (r: Record<string, unknown> & { op: string }) => matrixOps(r) as unknown as Res;
const mequiv = (decls: Record<string, unknown>, expected: string, answer: string) =>
  op({ op: "mequiv", decls, expected, answer });

const S4 = (() => {
  // The standard polynomial S4(A, B, C, D): the signed sum over the 24 orders; zero on all 2×2 matrices.
  const names = ["A", "B", "C", "D"];
  const perms: [string[], number][] = [];
  const go = (rest: string[], acc: string[], sign: number) => {
    if (rest.length === 0) perms.push([acc, sign]);
    rest.forEach((x, i) =>
      go([...rest.slice(0, i), ...rest.slice(i + 1)], [...acc, x], i % 2 === 0 ? sign : -sign),
    );
  };
  go(names, [], 1);
  return perms
    .map(([p, s], i) => `${i === 0 ? (s > 0 ? "" : "-") : s > 0 ? " + " : " - "}${p.join(" ")}`)
    .join("");
})();

describe("dimension traps", () => {
  const square = { A: "n x n", B: "n x n", C: "n x n", D: "n x n" };
  it("rejects AB + S4(A,B,C,D) for AB (Amitsur-Levitzki: equal on every 2×2 matrix)", () => {
    const r = mequiv(square, "A B", `A B + (${S4})`);
    expect(r).toMatchObject({ ok: true, equivalent: false });
    expect(r.counterexample).toMatch(/n = [3-9]/);
  });
  it("accepts AB + S4 with the sign of every term flipped twice (still AB + S4)", () => {
    expect(mequiv(square, `A B + (${S4})`, `A B - (-(${S4}))`)).toMatchObject({ ok: true, equivalent: true });
  });
  it("rejects a transposition hidden by equal sizes: sizes are distinct", () => {
    const r = mequiv({ W: "m x n", V: "n x m", x: "n" }, "W x", "V^T x");
    expect(r).toMatchObject({ ok: true, equivalent: false });
  });
  it("rejects x^T x for x x^T: a scalar is not an n×n matrix", () => {
    expect(mequiv({ x: "n" }, "x x^T", "x^T x")).toMatchObject({
      ok: true,
      equivalent: false,
      diagnosis: { code: "wrong_shape" },
    });
  });
  it("compares a 1×1 product with a scalar", () => {
    expect(mequiv({ x: "n", y: "n" }, "x·y", "x^T y")).toMatchObject({ ok: true, equivalent: true });
    expect(mequiv({ x: "n", y: "n" }, "x·y", "y' x")).toMatchObject({ ok: true, equivalent: true });
  });
  it("rejects a near miss that only the exact check or the tolerance separates", () => {
    expect(mequiv({ A: "n x n" }, "2A", "2.0001A")).toMatchObject({ ok: true, equivalent: false });
    expect(mequiv({ A: "n x n" }, "A^2", "A A + 0.000001 I")).toMatchObject({ ok: true, equivalent: false });
  });
  it("accepts forms that lose digits to cancellation", () => {
    expect(mequiv({ x: "n" }, "x", "(x + 1000000 1_n) - 1000000 1_n")).toMatchObject({
      ok: true,
      equivalent: true,
    });
  });
});

describe("ReLU gates and kinks", () => {
  const neuron = { w: "n", x: "n", b: "scalar" };
  const deriv = (answer: string) =>
    op({ op: "mderiv", decls: neuron, f: "max(0, w·x + b)", wrt: "w", asks: "gradient", answer });
  it("accepts the gated gradient and rejects the gate dropped", () => {
    expect(deriv("[w·x + b > 0] x")).toMatchObject({ ok: true, correct: true });
    expect(deriv("x")).toMatchObject({ ok: true, correct: false, diagnosis: { code: "gate_dropped" } });
  });
  it("rejects gates that differ only in a thin wedge of inputs; accepts a gate rescaled by a positive factor", () => {
    const decls = { z: "n", u: "n" };
    for (const [a, b] of [
      [-3, -4],
      [5, 6],
      [-8, -9],
    ])
      expect(mequiv(decls, `diag([${a} z + u > 0])`, `diag([${b} z + u > 0])`)).toMatchObject({
        ok: true,
        equivalent: false,
      });
    expect(mequiv(decls, "diag([-3 z + u > 0])", "diag([-6 z + 2 u > 0])")).toMatchObject({
      ok: true,
      equivalent: true,
    });
    expect(mequiv(decls, "relu(-3 z + u)", "relu(-4 z + u)")).toMatchObject({ ok: true, equivalent: false });
  });
  it("rejects a gate on the wrong side and a gate without the bias", () => {
    expect(deriv("[w·x + b < 0] x")).toMatchObject({ ok: true, correct: false });
    expect(deriv("[w·x > 0] x")).toMatchObject({ ok: true, correct: false });
  });
  it("keeps the gate inside the sum over samples (the source pulls it outside: an erratum)", () => {
    const decls = { X: "N x n", w: "n", y: "N" };
    const f = "‖relu(X w) − y‖^2";
    const key = "2 X^T ([X w > 0] ⊙ (relu(X w) − y))";
    expect(op({ op: "mderiv", decls, f, wrt: "w", asks: "gradient", answer: key })).toMatchObject({
      ok: true,
      correct: true,
    });
    const outside = "2 [sum(X w) > 0] X^T (relu(X w) − y)";
    expect(op({ op: "mderiv", decls, f, wrt: "w", asks: "gradient", answer: outside })).toMatchObject({
      ok: true,
      correct: false,
    });
    expect(mequiv(decls, key, outside)).toMatchObject({ ok: true, equivalent: false });
  });
  it("says CANNOT_CHECK when a side of the gate never occurs", () => {
    const r = mequiv({ x: "n" }, "[x ⊙ x + 1 > 0] ⊙ x", "x");
    expect(r).toMatchObject({ ok: false, error: { code: "CANNOT_CHECK" } });
  });
  it("samples both sides of every entry's gate: diag([x > 0]) is not I", () => {
    const r = op({
      op: "mderiv",
      decls: { x: "n" },
      f: "relu(x)",
      wrt: "x",
      asks: "derivative",
      answer: "I",
    });
    expect(r).toMatchObject({ ok: true, correct: false, diagnosis: { code: "gate_dropped" } });
  });
});

describe("errata of the source paper: keys must not copy them", () => {
  it("∂sum(xz)/∂z is sum(x), not n", () => {
    const decls = { x: "n", z: "scalar" };
    const d = (answer: string) =>
      op({ op: "mderiv", decls, f: "sum(x z)", wrt: "z", asks: "derivative", answer });
    expect(d("sum(x)")).toMatchObject({ correct: true });
    expect(d("n")).toMatchObject({ correct: false });
    expect(mequiv(decls, "sum(x)", "n")).toMatchObject({
      equivalent: false,
      diagnosis: { code: "n_for_sum" },
    });
  });
  it("diag(x) is not x^T I (that is the row x^T)", () => {
    expect(mequiv({ x: "n" }, "diag(x)", "x^T I")).toMatchObject({ ok: true, equivalent: false });
    expect(mequiv({ x: "n" }, "x^T", "x^T I")).toMatchObject({ ok: true, equivalent: true });
  });
  it("the derivative of max(0, x) is the Jacobian diag([x > 0]), not a vector", () => {
    const d = (answer: string) =>
      op({ op: "mderiv", decls: { x: "n" }, f: "max(0, x)", wrt: "x", asks: "derivative", answer });
    expect(d("diag([x > 0])")).toMatchObject({ correct: true });
    expect(d("[x > 0]")).toMatchObject({ correct: false, diagnosis: { code: "vector_for_diag" } });
  });
});

describe("layouts", () => {
  const decls = { w: "n", x: "n" };
  it("names a column where the row ∂f/∂w was asked, and a row where the gradient was asked", () => {
    const d = op({ op: "mderiv", decls, f: "w·x", wrt: "w", asks: "derivative", answer: "x" });
    expect(d).toMatchObject({ ok: true, correct: false, diagnosis: { code: "layout" } });
    expect(d.diagnosis!.message).toMatch(/column where the row/);
    const g = op({ op: "mderiv", decls, f: "w·x", wrt: "w", asks: "gradient", answer: "x^T" });
    expect(g).toMatchObject({ ok: true, correct: false, diagnosis: { code: "layout" } });
    expect(op({ op: "mderiv", decls, f: "w·x", wrt: "w", asks: "gradient", answer: "x" })).toMatchObject({
      correct: true,
    });
  });
  it("names a denominator-layout Jacobian (Aᵀ for A) on square matrices", () => {
    const r = op({
      op: "mderiv",
      decls: { A: "n x n", x: "n" },
      f: "A x",
      wrt: "x",
      asks: "derivative",
      answer: "A^T",
    });
    expect(r).toMatchObject({ ok: true, correct: false, diagnosis: { code: "layout" } });
  });
  it("gives a readable counterexample: the entry, the sizes and both values", () => {
    const r = mequiv({ W: "m x n", x: "n", y: "m" }, "2(Wx - y)x^T", "2(Wx + y)x^T");
    expect(r.counterexample).toMatch(
      /^With m = \d, n = \d: entry \(\d, \d\) of your answer is -?[0-9.]+, the correct value is -?[0-9.]+\.$/,
    );
  });
  it("is deterministic", () => {
    const a = mequiv({ W: "m x n", x: "n", y: "m" }, "2(Wx - y)x^T", "2(Wx + y)x^T");
    const b = mequiv({ W: "m x n", x: "n", y: "m" }, "2(Wx - y)x^T", "2(Wx + y)x^T");
    expect(a).toEqual(b);
  });
  it("takes 0 in the shape of its context", () => {
    expect(
      op({ op: "mderiv", decls: { x: "n", y: "n" }, f: "2y", wrt: "x", asks: "derivative", answer: "0" }),
    ).toMatchObject({ correct: true });
    expect(
      op({ op: "mderiv", decls: { x: "n", y: "n" }, f: "2y", wrt: "x", asks: "derivative", answer: "0 I" }),
    ).toMatchObject({ correct: true });
  });
});

describe("the operations refuse bad requests clearly and change nothing", () => {
  it("mparse gives the shape, canonical text and LaTeX", () => {
    expect(op({ op: "mparse", input: "2(Wx − y)xᵀ", decls: { W: "m x n", x: "n", y: "m" } })).toEqual({
      ok: true,
      shape: "m x n",
      normalized: "2*(W*x - y)*x^T",
      latex: "2 \\left(W \\mathbf{x} - \\mathbf{y}\\right) {\\mathbf{x}}^{\\top}",
    });
  });
  it.each([
    [{ op: "mparse", input: "x", decls: { x: "n x" } }, "BAD_REQUEST"],
    [{ op: "mparse", input: "x", decls: { T: "n" } }, "BAD_REQUEST"],
    [{ op: "mparse", input: "x", decls: { x: { shape: "m x n", props: ["symmetric"] } } }, "BAD_REQUEST"],
    [{ op: "mparse", input: "x", decls: { x: { shape: "n", props: ["hermitian"] } } }, "BAD_REQUEST"],
    [{ op: "mparse", input: "x", decls: { n: "n" } }, "BAD_REQUEST"],
    [{ op: "mparse", input: 3, decls: { x: "n" } }, "BAD_REQUEST"],
    [{ op: "mparse", input: "x".repeat(20_000), decls: { x: "n" } }, "BAD_REQUEST"],
    [{ op: "mparse", input: "x^2", decls: { x: "n" } }, "SHAPE_MISMATCH"],
    [{ op: "mequiv", decls: { x: "n" }, expected: "x +", answer: "x" }, "UNEXPECTED_END"],
    [{ op: "mequiv", decls: { x: "n" }, expected: "x", answer: "y" }, "UNKNOWN_NAME"],
    [{ op: "mequiv", decls: { A: "n x n" }, expected: "inv(A - A)", answer: "A" }, "CANNOT_CHECK"],
    [{ op: "mderiv", decls: { x: "n" }, f: "x", wrt: "q", asks: "gradient", answer: "x" }, "NOT_A_VARIABLE"],
    [{ op: "mderiv", decls: { x: "n" }, f: "x", wrt: "x", asks: "gradient", answer: "I" }, "BAD_REQUEST"],
    [{ op: "mderiv", decls: { x: "n" }, f: "x", wrt: "x", asks: "hessian", answer: "I" }, "BAD_REQUEST"],
  ])("%j fails with %s", (request, code) => {
    expect(op(request as Record<string, unknown> & { op: string })).toMatchObject({
      ok: false,
      error: { code },
    });
  });
  it("positions a shape error in the answer", () => {
    const r = mequiv({ W: "m x n", x: "n" }, "W x", "W x^T");
    expect(r).toMatchObject({ ok: false, error: { code: "SHAPE_MISMATCH", at: 0 } });
    expect(r.error!.message).toContain("did you mean W x?");
  });
  it("leaves other ops to the scalar tool", () => {
    expect(matrixOps({ op: "parse", input: "x" })).toBeNull();
  });
});

describe("the dot with a matrix on one side", () => {
  it("reads W·x as the product W x, and refuses W·W for a non-square W", () => {
    expect(mequiv({ W: "m x n", x: "n" }, "W x", "W·x")).toMatchObject({ ok: true, equivalent: true });
    expect(mequiv({ W: "m x n", x: "n" }, "W x", "W·W")).toMatchObject({
      ok: false,
      error: { code: "SHAPE_MISMATCH" },
    });
    expect(mequiv({ x: "n", y: "n" }, "x^T y", "x·y")).toMatchObject({ ok: true, equivalent: true });
  });
});
