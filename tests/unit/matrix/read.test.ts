// Reading matrix answers: the notation table, shapes, errors with positions, and the printers.
import { describe, expect, it } from "vitest";
import { declare, formatShape, readMatrix, sameTree, toLatex, toText } from "../../../lib/calculus/matrix";

const d = declare({
  W: "m x n",
  x: "n",
  y: "m",
  w: "n",
  z: "n",
  b: "scalar",
  s: "scalar",
  A: "n x n",
  H: { shape: "n x n", props: ["spd"] },
});
if (!d.ok) throw new Error(d.error.message);
const decls = d.decls;

const read = (s: string) => readMatrix(s, decls);
const shapeOf = (s: string) => {
  const r = read(s);
  if (!r.ok) throw new Error(`${s}: ${r.error.message}`);
  return formatShape(r.shape);
};
const normal = (s: string) => {
  const r = read(s);
  if (!r.ok) throw new Error(`${s}: ${r.error.message}`);
  return toText(r.expr);
};

describe("matrix reader: the notation table", () => {
  it.each([
    ["x^T", "x^T", "1 x n"],
    ["A^-T", "A^(-1)^T", "n x n"],
    ["A^{-T}", "A^(-1)^T", "n x n"],
    ["A⁻ᵀ x", "A^(-1)^T*x", "n"],
    ["Tr(A)", "trace(A)", "scalar"],
    ["‖x‖_2", "‖x‖", "scalar"],
    ["‖x‖₂^2", "‖x‖^2", "scalar"],
    ["½ x", "0.5*x", "n"],
    ["𝟙_n", "1_n", "n"],
    ["xᵀ", "x^T", "1 x n"],
    ["x'", "x^T", "1 x n"],
    ["x^{T}", "x^T", "1 x n"],
    ["x^\\top", "x^T", "1 x n"],
    ["Wx", "W*x", "m"],
    ["W x", "W*x", "m"],
    ["W*x", "W*x", "m"],
    ["2x", "2*x", "n"],
    ["w·x", "w·x", "scalar"],
    ["dot(w, x)", "w·x", "scalar"],
    ["w ⊙ x", "w ⊙ x", "n"],
    ["w .* x", "w ⊙ x", "n"],
    ["w ⊗ x", "w ⊙ x", "n"],
    ["w ⊘ x", "w ⊘ x", "n"],
    ["w ./ x", "w ⊘ x", "n"],
    ["diag(w)", "diag(w)", "n x n"],
    ["sum(x)", "sum(x)", "scalar"],
    ["‖x‖", "‖x‖", "scalar"],
    ["||x||", "‖x‖", "scalar"],
    ["norm(x)", "‖x‖", "scalar"],
    ["‖Wx − y‖^2", "‖W*x - y‖^2", "scalar"],
    ["‖Wx - y‖²", "‖W*x - y‖^2", "scalar"],
    ["1_n", "1_n", "n"],
    ["ones(n)", "1_n", "n"],
    ["𝟏 + x", "𝟏 + x", "n"],
    ["I + A", "I + A", "n x n"],
    ["I_n", "I_n", "n x n"],
    ["exp(x)", "exp(x)", "n"],
    ["e^x", "exp(x)", "n"],
    ["σ(z)", "sigmoid(z)", "n"],
    ["sigmoid(z)", "sigmoid(z)", "n"],
    ["relu(z)", "relu(z)", "n"],
    ["max(0, z)", "relu(z)", "n"],
    ["softmax(z)", "softmax(z)", "n"],
    ["[z > 0]", "[z > 0]", "n"],
    ["[w·x + b > 0] x", "[w·x + b > 0]*x", "n"],
    ["inv(H)", "inv(H)", "n x n"],
    ["H^-1", "H^(-1)", "n x n"],
    ["H⁻¹", "H^(-1)", "n x n"],
    ["n x", "n*x", "n"],
    ["x^T A x", "x^T*A*x", "scalar"],
    ["xᵀAx", "x^T*A*x", "scalar"],
    ["tanh Wx", "tanh(W*x)", "m"],
    ["2(Wx − y)xᵀ", "2*(W*x - y)*x^T", "m x n"],
    ["  W   x  ", "W*x", "m"],
    ["(A + A^T) x", "(A + A^T)*x", "n"],
    ["diag(A)", "diag(A)", "n"],
    ["tr(A)", "trace(A)", "scalar"],
    ["|s|", "abs(s)", "scalar"],
  ])("%s reads as %s, shape %s", (input, text, shape) => {
    expect(normal(input)).toBe(text);
    expect(shapeOf(input)).toBe(shape);
  });
});

describe("matrix reader: errors a learner can act on", () => {
  it("names both shapes and the transpose that fixes a product", () => {
    const r = read("W x^T");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe("SHAPE_MISMATCH");
    expect(r.error.message).toBe("W is m×n and x^T is 1×n: they cannot be multiplied: did you mean W x?");
    expect(r.error.at).toBe(0);
  });
  it("names the transpose that fixes a sum", () => {
    const r = read("x + z^T");
    expect(!r.ok && r.error.message).toMatch(/x is n×1 and z\^T is 1×n.*did you mean x \+ z\?/);
  });
  it("refuses |v| on a vector with a hint, but reads |s| on a scalar", () => {
    const r = read("|x|");
    expect(!r.ok && r.error.message).toMatch(/‖v‖ or norm\(v\)/);
    expect(read("|s|").ok).toBe(true);
  });
  it("refuses a vector power with a hint", () => {
    const r = read("x^2");
    expect(!r.ok && r.error.message).toMatch(/‖v‖\^2/);
  });
  it("only scalars expand: a column plus a matrix is refused", () => {
    expect(read("x + A").ok).toBe(false);
    expect(read("x + 1").ok).toBe(true);
    expect(read("W + 2").ok).toBe(true);
  });
  it("refuses the inverse of a non-square matrix", () => {
    const r = read("inv(W)");
    expect(!r.ok && r.error.message).toMatch(/square/);
  });
  it.each([
    ["", "EMPTY"],
    ["W q", "UNKNOWN_NAME"],
    ["sinx", "UNKNOWN_NAME"],
    ["(W x", "UNBALANCED_PAREN"],
    ["W x)", "UNBALANCED_PAREN"],
    ["‖x", "UNBALANCED_ABS"],
    ["x +", "UNEXPECTED_END"],
    ["x ^", "UNEXPECTED_TOKEN"],
    ["T", "UNEXPECTED_TOKEN"],
    ["x > 0", "UNEXPECTED_TOKEN"],
    ["max(1, x)", "UNEXPECTED_TOKEN"],
    ["x\u0000", "UNEXPECTED_CHARACTER"],
    ["x $ y", "UNEXPECTED_CHARACTER"],
    ["(".repeat(100) + "x" + ")".repeat(100), "TOO_DEEP"],
    ["-".repeat(100) + "x", "TOO_DEEP"],
    ["x+".repeat(1500) + "x", "TOO_LONG"],
  ])("%j fails with %s", (input, code) => {
    const r = read(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe(code);
  });
  it("suggests the function when a name runs into its argument", () => {
    const r = read("sinx");
    expect(!r.ok && r.error.message).toContain("did you mean sin(x)");
  });
  it("gives the position of an unknown name", () => {
    const r = read("W x + q");
    expect(!r.ok && r.error.at).toBe(6);
  });
});

describe("matrix printers", () => {
  it.each([
    "2(Wx - y)x^T",
    "-(A - A^T)",
    "W(x - z ⊙ w)",
    "x^T A^T A x",
    "(W x)^T",
    "-x^T",
    "[z > 0] ⊙ z",
    "exp(-z)/s",
    "A^2 - A*A",
    "1/2 x^T H x",
    "s^(1/2) x",
    "a - (b - c)".replace(/[abc]/g, "s"),
  ])("%s prints as text that reads back to the same tree", (input) => {
    const r = read(input);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const again = read(toText(r.expr));
    expect(again.ok && sameTree(again.expr, r.expr)).toBe(true);
  });
  it("writes LaTeX with bold vectors, ⊤, ⊙ and diag", () => {
    const r = read("diag(w) x + W^T y ⊙ x");
    expect(r.ok && toLatex(r.expr, decls)).toBe(
      "\\operatorname{diag}\\left(\\mathbf{w}\\right) \\mathbf{x} + {W}^{\\top} \\mathbf{y} \\odot \\mathbf{x}",
    );
  });
});
