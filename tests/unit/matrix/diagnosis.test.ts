// The mistakes of docs/core.md ("Matrix calculus", diagnosis) named through the command-line
// operations: each with right forms accepted beside it (a positive control), the wrong form named
// with its catalogue code, and a sentence from the one catalogue that never states the key.
import { describe, expect, it } from "vitest";
import { isMistakeCode } from "../../../lib/calculus/mistakes";
import { matrixOps } from "../../../lib/calculus/matrix";

type Res = {
  ok: boolean;
  equivalent?: boolean;
  correct?: boolean;
  diagnosis?: { code: string; message: string };
  counterexample?: string;
};
type Decls = Record<string, string | { shape: string; props?: string[] }>;

const mequiv = (decls: Decls, expected: string, answer: string) =>
  matrixOps({ op: "mequiv", decls, expected, answer }) as unknown as Res;
const mderiv = (decls: Decls, f: string, wrt: string, asks: "derivative" | "gradient", answer: string) =>
  matrixOps({ op: "mderiv", decls, f, wrt, asks, answer }) as unknown as Res;

/** The key in the forms a message could state it: as typed, without spaces, in plain Unicode. */
function forms(key: string): string[] {
  const plain = key.replace(/\^T/g, "ᵀ").replace(/\s+/g, "");
  return [key, key.replace(/\s+/g, ""), plain];
}

function expectNamed(r: Res, code: string, keys: string[]) {
  expect(r).toMatchObject({ ok: true, equivalent: false, diagnosis: { code } });
  expect(isMistakeCode(r.diagnosis!.code)).toBe(true);
  const message = r.diagnosis!.message.replace(/\s+/g, "");
  for (const k of keys.flatMap(forms))
    expect(message, `${r.diagnosis!.message} states ${k}`).not.toContain(k.replace(/\s+/g, ""));
}

const neuron = { X: "N x n", w: "n", y: "N" };
const mse = "‖relu(X w) − y‖^2";
const mseKey = "2 X^T ([X w > 0] ⊙ (relu(X w) − y))";

describe("a ReLU gate outside the sum over samples", () => {
  const outside = [
    "2 [sum(X w) > 0] X^T (relu(X w) − y)",
    "[sum(X w) > 0] (2 X^T (relu(X w) − y))",
    "2 [sum(relu(X w)) > 1] X^T (relu(X w) − y)",
  ];
  it("accepts the gate inside, in several forms", () => {
    for (const right of [
      mseKey,
      "2 X^T diag([X w > 0]) (relu(X w) - y)",
      "2 (([X w > 0] ⊙ (X w − y))^T X)^T",
    ]) {
      expect(mderiv(neuron, mse, "w", "gradient", right)).toMatchObject({ ok: true, correct: true });
      expect(mequiv(neuron, mseKey, right)).toMatchObject({ ok: true, equivalent: true });
    }
  });
  it.each(outside)(
    "names %s against a key by forward differentiation and against a key expression",
    (answer) => {
      expectNamed(mderiv(neuron, mse, "w", "gradient", answer), "gate_outside_sum", [mseKey]);
      expectNamed(mequiv(neuron, mseKey, answer), "gate_outside_sum", [mseKey]);
    },
  );
  it("still names a gate dropped altogether as gate_dropped", () => {
    expectNamed(mderiv(neuron, mse, "w", "gradient", "2 X^T (relu(X w) − y)"), "gate_dropped", [mseKey]);
    expectNamed(mequiv(neuron, mseKey, "2 X^T (relu(X w) − y)"), "gate_dropped", [mseKey]);
  });
  it("names nothing for an answer that is zero everywhere", () => {
    const r = mequiv(neuron, mseKey, "0 w");
    expect(r).toMatchObject({ ok: true, equivalent: false });
    expect(r.diagnosis?.code).not.toBe("gate_outside_sum");
  });
});

describe("the rest of the list", () => {
  const quad = { A: "n x n", x: "n" };
  it("2A for A + Aᵀ, also against a key by forward differentiation", () => {
    expect(mderiv(quad, "x^T A x", "x", "gradient", "A x + A^T x")).toMatchObject({ correct: true });
    expectNamed(mderiv(quad, "x^T A x", "x", "gradient", "2 A x"), "symmetric_part", ["(A + A^T) x"]);
    expectNamed(mequiv(quad, "(A + A^T) x", "2 A x"), "symmetric_part", ["(A + A^T) x", "A + A^T"]);
    expectNamed(mequiv(quad, "(A + A^T) x", "A x"), "symmetric_part", ["(A + A^T) x", "A + A^T"]);
    // a symmetric A: 2A x is right
    expect(
      mderiv({ A: { shape: "n x n", props: ["symmetric"] }, x: "n" }, "x^T A x", "x", "gradient", "2 A x"),
    ).toMatchObject({ correct: true });
  });

  const logistic = { w: "n", x: "n" };
  it("σ' written as σ or as 1 − σ²", () => {
    const f = "σ(w·x)";
    expect(mderiv(logistic, f, "w", "gradient", "σ(w·x)(1 − σ(w·x)) x")).toMatchObject({ correct: true });
    expect(mderiv(logistic, f, "w", "gradient", "(σ(w·x) - σ(w·x)^2) x")).toMatchObject({ correct: true });
    expectNamed(mderiv(logistic, f, "w", "gradient", "σ(w·x) x"), "sigmoid_derivative", [
      "σ(w·x)(1 − σ(w·x)) x",
    ]);
    expectNamed(mderiv(logistic, f, "w", "gradient", "(1 − σ(w·x)^2) x"), "sigmoid_derivative", [
      "σ(w·x)(1 − σ(w·x)) x",
    ]);
  });

  it("a missing 2, a missing 1/N", () => {
    const layer = { W: "m x n", x: "n", y: "m" };
    expectNamed(mderiv(layer, "‖W x − y‖^2", "W", "gradient", "(W x − y) x^T"), "missing_factor", [
      "2(Wx − y)x^T",
    ]);
    const data = { X: "N x n", w: "n", y: "N" };
    const f = "(1/N) ‖X w − y‖^2";
    expect(mderiv(data, f, "w", "gradient", "(2/N) X^T (X w − y)")).toMatchObject({ correct: true });
    expectNamed(mderiv(data, f, "w", "gradient", "2 X^T (X w − y)"), "missing_mean", ["(2/N) X^T (X w − y)"]);
  });

  it("chain-rule factors in the wrong order", () => {
    const sq = { W: "n x n", x: "n" };
    const key = "diag(1 − tanh(W x) ⊙ tanh(W x)) W";
    expect(mderiv(sq, "tanh(W x)", "x", "derivative", key)).toMatchObject({ correct: true });
    expectNamed(mequiv(sq, key, "W diag(1 − tanh(W x) ⊙ tanh(W x))"), "chain_order", [key]);
  });

  it("a vector where diag(…) belongs, and n where sum(x) belongs (also by forward differentiation)", () => {
    expectNamed(mderiv({ x: "n" }, "exp(2x)", "x", "derivative", "2 exp(2x)"), "vector_for_diag", [
      "diag(2 exp(2x))",
    ]);
    // typed before a matrix, the vector cannot be multiplied: the reader names diag(…)
    const layer = { W: "m x n", x: "n" };
    const bare = matrixOps({
      op: "mparse",
      input: "(1 − tanh(W x) ⊙ tanh(W x)) W",
      decls: layer,
    }) as unknown as {
      error: { code: string; message: string };
    };
    expect(bare.error.code).toBe("SHAPE_MISMATCH");
    expect(bare.error.message).toMatch(/did you mean diag\(1 - tanh\(W\*x\) ⊙ tanh\(W\*x\)\) W/);
    expect(mderiv(layer, "tanh(W x)", "x", "derivative", "diag(1 − tanh(W x) ⊙ tanh(W x)) W")).toMatchObject({
      correct: true,
    });
    const decls = { x: "n", z: "scalar" };
    expect(mderiv(decls, "sum(x z)", "z", "derivative", "sum(x)")).toMatchObject({ correct: true });
    expectNamed(mderiv(decls, "sum(x z)", "z", "derivative", "n"), "n_for_sum", ["sum(x)"]);
  });

  const newton = { x0: "n", g: "n", H: { shape: "n x n", props: ["spd"] } };
  it("Newton slips: the sign, H for H⁻¹, a gradient step", () => {
    const key = "x0 - inv(H) g";
    expect(mequiv(newton, key, "x0 - H^-1 g")).toMatchObject({ equivalent: true });
    const parts = [key, "inv(H) g", "H^-1 g", "H⁻¹g", "H⁻¹∇f"];
    expectNamed(mequiv(newton, key, "x0 + inv(H) g"), "newton_step", parts);
    expectNamed(mequiv(newton, key, "x0 - H g"), "newton_step", parts);
    expectNamed(mequiv(newton, key, "x0 - g"), "gradient_step", parts);
  });

  const taylor = { f0: "scalar", g: "n", d: "n", H: { shape: "n x n", props: ["symmetric"] } };
  it("Taylor slips: the ½ left out, the second-order term left out", () => {
    const key = "f0 + g^T d + 1/2 d^T H d";
    expect(mequiv(taylor, key, "f0 + d·g + (d^T H d)/2")).toMatchObject({ equivalent: true });
    const parts = [key, "d^T H d", "1/2 d^T H d", "½ d^T H d"];
    expectNamed(mequiv(taylor, key, "f0 + g^T d + d^T H d"), "taylor_half", parts);
    expectNamed(mequiv(taylor, key, "f0 + g^T d"), "taylor_first_order", parts);
  });

  it("layout: a column for the row ∂f/∂w, Aᵀ for A, a transpose missing", () => {
    const lin = { A: "m x n", x: "n", w: "n" };
    expectNamed(mderiv(lin, "w·x", "w", "derivative", "x"), "layout", ["x^T"]);
    const sq = { A: "n x n", x: "n" };
    expectNamed(mderiv(sq, "A x", "x", "derivative", "A^T"), "layout", ["A"]);
    expectNamed(mequiv(sq, "A^T x", "A x"), "layout", ["A^T x"]);
    expectNamed(mequiv({ W: "m x n", x: "n", y: "m" }, "2(Wx − y)x^T", "2x(Wx − y)^T"), "layout", [
      "2(Wx − y)x^T",
    ]);
  });
});
