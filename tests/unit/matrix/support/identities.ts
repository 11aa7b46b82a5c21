// Identities of matrix calculus from Parr & Howard ("The Matrix Calculus You Need For Deep
// Learning"), the Matrix Cookbook (Petersen & Pedersen, sections 2.4 to 2.7) and the Deep Learning
// Book (chapter 4), each with right forms and typical wrong forms (with the mistake to name, or null
// when none should be named). `f`/`key`/`lhs` restate them with the independent reference (ring.ts)
// so their truth is checked without the matrix module.
// A data table (over 500 lines): one entry per identity.
import type { DeclInput } from "../../../../lib/calculus/matrix";
import {
  type Env,
  type M,
  det,
  diag,
  dot,
  eye,
  had,
  hdiv,
  inv,
  madd,
  map,
  mm,
  msub,
  norm2,
  ones,
  sadd,
  sc,
  scalar,
  scale,
  sdiv,
  sfn,
  smul,
  softmax,
  ssub,
  sum,
  t,
  trace,
} from "./ring";

export interface Identity {
  readonly name: string;
  readonly source: string;
  readonly decls: DeclInput;
  /** Sizes for the independent check. */
  readonly sizes?: Record<string, number>;
  /** A derivative identity: f (text and reference), the variable, and what is asked. */
  readonly f?: {
    readonly text: string;
    readonly ref: (e: Env) => M;
    readonly wrt: string;
    readonly asks: "derivative" | "gradient";
  };
  /** An algebraic identity: the reference of the side the key rewrites. */
  readonly lhs?: (e: Env) => M;
  readonly key: string;
  readonly keyRef: (e: Env) => M;
  readonly right: readonly string[];
  readonly wrong: readonly (readonly [string, string | null])[];
}

const relu = (a: M) => map(a, (x) => sfn("relu", x));
const step = (a: M) => map(a, (x) => sfn("step", x));
const sig = (a: M) => map(a, (x) => sfn("sigma", x));
const tanhM = (a: M) => map(a, (x) => sfn("tanh", x));
const expM = (a: M) => map(a, (x) => sfn("exp", x));
const lnM = (a: M) => map(a, (x) => sfn("ln", x));
const sq = (a: M) => had(a, a);
const oneMinus = (a: M) => map(a, (x) => ssub(1, x));

export const IDENTITIES: readonly Identity[] = [
  {
    name: "∂(w·x + b)/∂w",
    source: "Parr & Howard 4.4 (dot product)",
    decls: { w: "n", x: "n", b: "scalar" },
    f: { text: "w·x + b", ref: (e) => sc(sadd(dot(e.w!, e.x!), scalar(e.b!))), wrt: "w", asks: "derivative" },
    key: "x^T",
    keyRef: (e) => t(e.x!),
    right: ["x'", "xᵀ", "(x)^T", "1_n^T diag(x)"],
    wrong: [
      ["x", "layout"],
      ["2x^T", "extra_factor"],
      ["w^T", null],
    ],
  },
  {
    name: "∂(w·x + b)/∂b",
    source: "Parr & Howard 4.4",
    decls: { w: "n", x: "n", b: "scalar" },
    f: { text: "w·x + b", ref: (e) => sc(sadd(dot(e.w!, e.x!), scalar(e.b!))), wrt: "b", asks: "derivative" },
    key: "1",
    keyRef: () => sc(1),
    right: ["1_n^T 1_n / n", "sum(ones(n))/n", "1.0"],
    wrong: [
      ["-1", "sign_error"],
      ["x^T", "wrong_shape"],
    ],
  },
  {
    name: "∂(Wx)/∂x",
    source: "Parr & Howard 4.3 (linear maps)",
    decls: { W: "m x n", x: "n" },
    f: { text: "W x", ref: (e) => mm(e.W!, e.x!), wrt: "x", asks: "derivative" },
    key: "W",
    keyRef: (e) => e.W!,
    right: ["W I_n", "I_m W", "I W", "(W^T)^T"],
    wrong: [
      ["W^T", "layout"],
      ["2W", "extra_factor"],
    ],
  },
  {
    name: "∂(Ax + b)/∂b",
    source: "Parr & Howard 4.3",
    decls: { A: "m x n", x: "n", b: "m" },
    f: { text: "A x + b", ref: (e) => madd(mm(e.A!, e.x!), e.b!), wrt: "b", asks: "derivative" },
    key: "I_m",
    keyRef: () => eye(3),
    right: ["I", "diag(1_m)", "diag(ones(m))"],
    wrong: [
      ["1_m", "vector_for_diag"],
      ["1", "identity"],
      ["-I", "sign_error"],
    ],
  },
  {
    name: "∂(w ⊙ x)/∂x",
    source: "Parr & Howard 4.2 (element-wise binary operators)",
    decls: { w: "n", x: "n" },
    f: { text: "w ⊙ x", ref: (e) => had(e.w!, e.x!), wrt: "x", asks: "derivative" },
    key: "diag(w)",
    keyRef: (e) => diag(e.w!),
    right: ["diag(w)^T", "diag(w) I", "diag(w .* 1_n)"],
    wrong: [
      ["w", "vector_for_diag"],
      ["w^T", "vector_for_diag"],
      ["diag(x)", null],
    ],
  },
  {
    name: "∂(w ⊘ x)/∂x",
    source: "Parr & Howard 4.2",
    decls: { w: "n", x: "n" },
    f: { text: "w ⊘ x", ref: (e) => hdiv(e.w!, e.x!), wrt: "x", asks: "derivative" },
    key: "-diag(w ⊘ (x ⊙ x))",
    keyRef: (e) => scale(-1, diag(hdiv(e.w!, sq(e.x!)))),
    right: ["diag(-w ./ (x .* x))", "-diag(w) inv(diag(x))^2", "-diag(w) diag(x)^-2"],
    wrong: [
      ["diag(w ⊘ (x ⊙ x))", "sign_error"],
      ["-w ⊘ (x ⊙ x)", "vector_for_diag"],
    ],
  },
  {
    name: "∂(w ⊘ x)/∂w",
    source: "Parr & Howard 4.2",
    decls: { w: "n", x: "n" },
    f: { text: "w ./ x", ref: (e) => hdiv(e.w!, e.x!), wrt: "w", asks: "derivative" },
    key: "diag(1 ⊘ x)",
    keyRef: (e) => diag(map(e.x!, (v) => sdiv(1, v))),
    right: ["inv(diag(x))", "diag(x)^-1", "diag(ones(n) ./ x)"],
    wrong: [
      ["1 ./ x", "vector_for_diag"],
      ["diag(x)", null],
    ],
  },
  {
    name: "∂exp(2x)/∂x",
    source: "Parr & Howard 4.2 (element-wise functions)",
    decls: { x: "n" },
    f: { text: "exp(2x)", ref: (e) => expM(scale(2, e.x!)), wrt: "x", asks: "derivative" },
    key: "2 diag(exp(2x))",
    keyRef: (e) => scale(2, diag(expM(scale(2, e.x!)))),
    right: ["diag(2 exp(2x))", "diag(exp(2x)) * 2", "2 diag(e^(2x))", "2diag(exp(x) ⊙ exp(x))"],
    wrong: [
      ["diag(exp(2x))", "missing_factor"],
      ["2 exp(2x)", "vector_for_diag"],
    ],
  },
  {
    name: "∂(3x − z)/∂z, z a vector",
    source: "Parr & Howard 4.2",
    decls: { x: "n", z: "n" },
    f: { text: "3x − z", ref: (e) => msub(scale(3, e.x!), e.z!), wrt: "z", asks: "derivative" },
    key: "-I",
    keyRef: () => scale(-1, eye(2)),
    right: ["-I_n", "-diag(1_n)", "(-1) I"],
    wrong: [
      ["-1", "identity"],
      ["I", "sign_error"],
      ["-1_n", "vector_for_diag"],
    ],
  },
  {
    name: "∂(3x − z)/∂z, z a scalar (scalar expansion)",
    source: "Parr & Howard 4.2.2",
    decls: { x: "n", z: "scalar" },
    f: {
      text: "3x - z",
      ref: (e) => map(scale(3, e.x!), (v) => ssub(v, scalar(e.z!))),
      wrt: "z",
      asks: "derivative",
    },
    key: "-1_n",
    keyRef: () => scale(-1, ones(2)),
    right: ["-ones(n)", "-𝟏", "0 - 1_n", "-I 1_n"],
    wrong: [
      ["-1", "ones_vector"],
      ["1_n", "sign_error"],
      ["-1_n^T", "layout"],
    ],
  },
  {
    name: "∂sum(x z)/∂z (the source prints n: an erratum)",
    source: "Parr & Howard 4.3 (sum reduction)",
    decls: { x: "n", z: "scalar" },
    f: { text: "sum(x z)", ref: (e) => sc(sum(scale(scalar(e.z!), e.x!))), wrt: "z", asks: "derivative" },
    key: "sum(x)",
    keyRef: (e) => sc(sum(e.x!)),
    right: ["1_n^T x", "x^T 1_n", "x·ones(n)"],
    wrong: [
      ["n", "n_for_sum"],
      ["x", "not_summed"],
    ],
  },
  {
    name: "∂sum(x + z)/∂z",
    source: "Parr & Howard 4.3",
    decls: { x: "n", z: "scalar" },
    f: {
      text: "sum(x + z)",
      ref: (e) => sc(sum(map(e.x!, (v) => sadd(v, scalar(e.z!))))),
      wrt: "z",
      asks: "derivative",
    },
    key: "n",
    keyRef: () => sc(2),
    right: ["1_n^T 1_n", "sum(ones(n))", "trace(I_n)"],
    wrong: [
      ["1", "extra_factor"],
      ["-n", "sign_error"],
      ["sum(x)", null],
    ],
  },
  {
    name: "∂sum(x)/∂x",
    source: "Parr & Howard 4.3",
    decls: { x: "n" },
    f: { text: "sum(x)", ref: (e) => sc(sum(e.x!)), wrt: "x", asks: "derivative" },
    key: "1_n^T",
    keyRef: () => t(ones(2)),
    right: ["ones(n)'", "𝟏^T", "(1_n)ᵀ I"],
    wrong: [
      ["1_n", "layout"],
      ["1", "ones_vector"],
    ],
  },
  {
    name: "∂max(0, w·x + b)/∂w (neuron)",
    source: "Parr & Howard 4.5 (neuron gradient)",
    decls: { w: "n", x: "n", b: "scalar" },
    f: {
      text: "max(0, w·x + b)",
      ref: (e) => relu(sc(sadd(dot(e.w!, e.x!), scalar(e.b!)))),
      wrt: "w",
      asks: "derivative",
    },
    key: "[w·x + b > 0] x^T",
    keyRef: (e) => scale(scalar(step(sc(sadd(dot(e.w!, e.x!), scalar(e.b!))))), t(e.x!)),
    right: ["x^T [w·x + b > 0]", "[x^T w + b > 0] x'", "[w·x > -b] xᵀ", "[0 < b + dot(w, x)] x^T"],
    wrong: [
      ["x^T", "gate_dropped"],
      ["[w·x + b > 0] x", "layout"],
      ["[w·x > 0] x^T", null],
    ],
  },
  {
    name: "∂max(0, w·x + b)/∂b",
    source: "Parr & Howard 4.5",
    decls: { w: "n", x: "n", b: "scalar" },
    f: {
      text: "relu(w·x + b)",
      ref: (e) => relu(sc(sadd(dot(e.w!, e.x!), scalar(e.b!)))),
      wrt: "b",
      asks: "derivative",
    },
    key: "[w·x + b > 0]",
    keyRef: (e) => step(sc(sadd(dot(e.w!, e.x!), scalar(e.b!)))),
    right: ["[b + x·w > 0]", "[w·x > -b]", "[w·x + b >= 0]"],
    wrong: [
      ["1", "gate_dropped"],
      ["-[w·x + b > 0]", "sign_error"],
    ],
  },
  {
    name: "∂max(0, x)/∂x (the source gives a vector: an erratum)",
    source: "Parr & Howard 4.5",
    decls: { x: "n" },
    f: { text: "max(0, x)", ref: (e) => relu(e.x!), wrt: "x", asks: "derivative" },
    key: "diag([x > 0])",
    keyRef: (e) => diag(step(e.x!)),
    right: ["diag([x>0]) I", "diag([0 < x])", "diag([x > 0])^2"],
    wrong: [
      ["[x > 0]", "vector_for_diag"],
      ["diag([x < 0])", null],
    ],
  },
  {
    name: "∂σ(z)/∂z",
    source: "Parr & Howard 4.2 (activation derivatives)",
    decls: { z: "n" },
    f: { text: "σ(z)", ref: (e) => sig(e.z!), wrt: "z", asks: "derivative" },
    key: "diag(σ(z) ⊙ (1 − σ(z)))",
    keyRef: (e) => diag(had(sig(e.z!), oneMinus(sig(e.z!)))),
    right: [
      "diag(sigmoid(z)) (I - diag(sigmoid(z)))",
      "diag(σ(z)) - diag(σ(z))^2",
      "diag(exp(-z) ./ (1 + exp(-z)) ./ (1 + exp(-z)))",
    ],
    wrong: [
      ["diag(σ(z))", "sigmoid_derivative"],
      ["diag(1 - σ(z) ⊙ σ(z))", "sigmoid_derivative"],
      ["σ(z) ⊙ (1 − σ(z))", "vector_for_diag"],
    ],
  },
  {
    name: "∂tanh(Wx)/∂x",
    source: "Parr & Howard 4.6 (vector chain rule)",
    decls: { W: "m x n", x: "n" },
    f: { text: "tanh(Wx)", ref: (e) => tanhM(mm(e.W!, e.x!)), wrt: "x", asks: "derivative" },
    key: "diag(1 − tanh(Wx) ⊙ tanh(Wx)) W",
    keyRef: (e) => mm(diag(oneMinus(sq(tanhM(mm(e.W!, e.x!))))), e.W!),
    right: [
      "W - diag(tanh(W x) ⊙ tanh(W x)) W",
      "(I - diag(tanh(Wx))^2) W",
      "diag(1_m - tanh(Wx) .* tanh(Wx)) * W",
    ],
    wrong: [
      ["W^T diag(1 − tanh(Wx) ⊙ tanh(Wx))", "layout"],
      ["diag(tanh(Wx)) W", null],
    ],
  },
  {
    name: "∂tanh(Wx)/∂x, W square (chain order)",
    source: "Parr & Howard 4.6",
    decls: { W: "n x n", x: "n" },
    f: { text: "tanh(W x)", ref: (e) => tanhM(mm(e.W!, e.x!)), wrt: "x", asks: "derivative" },
    key: "diag(1 − tanh(Wx) ⊙ tanh(Wx)) W",
    keyRef: (e) => mm(diag(oneMinus(sq(tanhM(mm(e.W!, e.x!))))), e.W!),
    right: ["W - diag(tanh(Wx))^2 W", "diag(1 - tanh(Wx) ⊙ tanh(Wx)) W I"],
    wrong: [
      ["W diag(1 − tanh(Wx) ⊙ tanh(Wx))", "chain_order"],
      ["W^T diag(1 − tanh(Wx) ⊙ tanh(Wx))", "layout"],
    ],
  },
  {
    name: "∂softmax(z)/∂z",
    source: "Parr & Howard (activation derivatives); Deep Learning Book 4.1",
    decls: { z: "n" },
    f: { text: "softmax(z)", ref: (e) => softmax(e.z!), wrt: "z", asks: "derivative" },
    key: "diag(softmax(z)) − softmax(z) softmax(z)^T",
    keyRef: (e) => msub(diag(softmax(e.z!)), mm(softmax(e.z!), t(softmax(e.z!)))),
    right: [
      "diag(softmax(z)) (I - 1_n softmax(z)^T)",
      "diag(softmax(z)) - softmax(z) * softmax(z)'",
      "(diag(softmax(z)) − softmax(z) softmax(z)ᵀ)ᵀ",
    ],
    wrong: [
      ["softmax(z) softmax(z)^T - diag(softmax(z))", "reversed_difference"],
      ["diag(softmax(z))", null],
    ],
  },
  {
    name: "∇_z of softmax cross-entropy",
    source: "Deep Learning Book 4.1 (softmax); Parr & Howard",
    decls: { z: "n", y: "n" },
    f: {
      text: "-y·ln(softmax(z))",
      ref: (e) => sc(smul(-1, dot(e.y!, lnM(softmax(e.z!))))),
      wrt: "z",
      asks: "gradient",
    },
    key: "sum(y) softmax(z) − y",
    keyRef: (e) => msub(scale(sum(e.y!), softmax(e.z!)), e.y!),
    right: ["softmax(z) 1_n^T y - y", "softmax(z) sum(y) - y", "(y·1_n) exp(z)/sum(exp(z)) - y"],
    wrong: [
      ["y − sum(y) softmax(z)", "reversed_difference"],
      ["(sum(y) softmax(z) − y)^T", "layout"],
    ],
  },
  {
    name: "∇_w of the mean squared error of a linear model",
    source: "Parr & Howard 4.7 (gradient of neuron activation, loss)",
    decls: { X: "N x n", w: "n", b: "scalar", y: "N" },
    f: {
      text: "(1/N) ‖X w + b 1_N − y‖^2",
      ref: (e) =>
        sc(
          sdiv(
            norm2(
              msub(
                map(mm(e.X!, e.w!), (v) => sadd(v, scalar(e.b!))),
                e.y!,
              ),
            ),
            3,
          ),
        ),
      wrt: "w",
      asks: "gradient",
    },
    sizes: { N: 3, n: 2 },
    key: "(2/N) X^T (X w + b 1_N − y)",
    keyRef: (e) =>
      scale(
        2 / 3,
        mm(
          t(e.X!),
          msub(
            map(mm(e.X!, e.w!), (v) => sadd(v, scalar(e.b!))),
            e.y!,
          ),
        ),
      ),
    right: ["2/N (X^T X w + b X^T 1_N - X^T y)", "2 X^T (X w + b - y) / N", "((2/N)(Xw + b - y)^T X)^T"],
    wrong: [
      ["(1/N) X^T (X w + b 1_N − y)", "missing_factor"],
      ["2 X^T (X w + b 1_N − y)", "missing_mean"],
      ["2/N (X w + b 1_N − y)^T X", "layout"],
    ],
  },
  {
    name: "∂/∂b of the mean squared error of a linear model",
    source: "Parr & Howard 4.7",
    decls: { X: "N x n", w: "n", b: "scalar", y: "N" },
    f: {
      text: "‖X w + b − y‖²/N",
      ref: (e) =>
        sc(
          sdiv(
            norm2(
              msub(
                map(mm(e.X!, e.w!), (v) => sadd(v, scalar(e.b!))),
                e.y!,
              ),
            ),
            3,
          ),
        ),
      wrt: "b",
      asks: "derivative",
    },
    sizes: { N: 3, n: 2 },
    key: "(2/N) sum(X w + b − y)",
    keyRef: (e) =>
      sc(
        smul(
          2 / 3,
          sum(
            msub(
              map(mm(e.X!, e.w!), (v) => sadd(v, scalar(e.b!))),
              e.y!,
            ),
          ),
        ),
      ),
    right: ["2 (1_N^T X w + N b - sum(y))/N", "2/N 1_N^T (X w + b 1_N - y)"],
    wrong: [
      ["2/N (X w + b 1_N − y)", "not_summed"],
      ["2 sum(X w + b − y)", "missing_mean"],
    ],
  },
  {
    name: "∇_w of the mean squared error of a ReLU neuron (gate inside the sum)",
    source: "Parr & Howard 4.7 (erratum: the case split pulled outside the sum)",
    decls: { X: "N x n", w: "n", b: "scalar", y: "N" },
    f: {
      text: "(1/N) ‖max(0, X w + b) − y‖^2",
      ref: (e) => sc(sdiv(norm2(msub(relu(map(mm(e.X!, e.w!), (v) => sadd(v, scalar(e.b!)))), e.y!)), 3)),
      wrt: "w",
      asks: "gradient",
    },
    sizes: { N: 3, n: 2 },
    key: "(2/N) X^T ([X w + b > 0] ⊙ (relu(X w + b) − y))",
    keyRef: (e) => {
      const u = map(mm(e.X!, e.w!), (v) => sadd(v, scalar(e.b!)));
      return scale(2 / 3, mm(t(e.X!), had(step(u), msub(relu(u), e.y!))));
    },
    right: ["2/N X^T diag([X w + b > 0]) (relu(X w + b) - y)", "(2/N) X^T ([X w + b > 0] ⊙ (X w + b − y))"],
    wrong: [
      ["(2/N) X^T (relu(X w + b) − y)", "gate_dropped"],
      ["(2/N) [sum(X w + b) > 0] X^T (relu(X w + b) − y)", "gate_outside_sum"],
    ],
  },
  {
    name: "∇_W ‖Wx − y‖²",
    source: "Parr & Howard (gradient with respect to a matrix); Matrix Cookbook (2.4.2)",
    decls: { W: "m x n", x: "n", y: "m" },
    f: { text: "‖Wx − y‖^2", ref: (e) => sc(norm2(msub(mm(e.W!, e.x!), e.y!))), wrt: "W", asks: "gradient" },
    key: "2(Wx − y)x^T",
    keyRef: (e) => scale(2, mm(msub(mm(e.W!, e.x!), e.y!), t(e.x!))),
    right: ["2 W x x^T - 2 y x^T", "(Wx - y)(2x)^T", "2 (x (W x - y)^T)^T"],
    wrong: [
      ["2x(Wx − y)^T", "layout"],
      ["(Wx − y)x^T", "missing_factor"],
      ["2(y − Wx)x^T", "reversed_difference"],
    ],
  },
  {
    name: "∂‖Wx − y‖²/∂x",
    source: "Matrix Cookbook (2.4.2, eq. 84)",
    decls: { W: "m x n", x: "n", y: "m" },
    f: {
      text: "||W x - y||^2",
      ref: (e) => sc(norm2(msub(mm(e.W!, e.x!), e.y!))),
      wrt: "x",
      asks: "derivative",
    },
    key: "2(Wx − y)^T W",
    keyRef: (e) => scale(2, mm(t(msub(mm(e.W!, e.x!), e.y!)), e.W!)),
    right: ["2(W^T(Wx - y))^T", "2 x^T W^T W - 2 y^T W"],
    wrong: [
      ["2W^T(Wx − y)", "layout"],
      ["(Wx − y)^T W", "missing_factor"],
    ],
  },
  {
    name: "∇ₓ xᵀAx",
    source: "Matrix Cookbook (eq. 81)",
    decls: { A: "n x n", x: "n" },
    f: { text: "x^T A x", ref: (e) => mm(mm(t(e.x!), e.A!), e.x!), wrt: "x", asks: "gradient" },
    key: "(A + A^T) x",
    keyRef: (e) => mm(madd(e.A!, t(e.A!)), e.x!),
    right: ["A x + A^T x", "(x^T A + x^T A^T)^T", "(A' + A) x"],
    wrong: [
      ["2 A x", "symmetric_part"],
      ["A x", "symmetric_part"],
      ["x^T (A + A^T)", "layout"],
    ],
  },
  {
    name: "∂xᵀAx/∂x",
    source: "Matrix Cookbook (eq. 81), numerator layout",
    decls: { A: "n x n", x: "n" },
    f: { text: "xᵀAx", ref: (e) => mm(mm(t(e.x!), e.A!), e.x!), wrt: "x", asks: "derivative" },
    key: "x^T (A + A^T)",
    keyRef: (e) => mm(t(e.x!), madd(e.A!, t(e.A!))),
    right: ["x^T A + x^T A^T", "((A + A^T) x)^T"],
    wrong: [
      ["(A + A^T) x", "layout"],
      ["2 x^T A", "symmetric_part"],
    ],
  },
  {
    name: "∇ₓ xᵀSx, S symmetric",
    source: "Matrix Cookbook (eq. 85)",
    decls: { S: { shape: "n x n", props: ["symmetric"] }, x: "n" },
    f: { text: "x^T S x", ref: (e) => mm(mm(t(e.x!), e.S!), e.x!), wrt: "x", asks: "gradient" },
    key: "2 S x",
    keyRef: (e) => scale(2, mm(e.S!, e.x!)),
    right: ["(S + S^T) x", "S x + S^T x", "2 S^T x"],
    wrong: [
      ["S x", "missing_factor"],
      ["2 x^T S", "layout"],
    ],
  },
  {
    name: "Hessian of xᵀAx: ∂((A + Aᵀ)x)/∂x",
    source: "Deep Learning Book 4.3 (Hessian); Parr & Howard",
    decls: { A: "n x n", x: "n" },
    f: { text: "(A + A^T) x", ref: (e) => mm(madd(e.A!, t(e.A!)), e.x!), wrt: "x", asks: "derivative" },
    key: "A + A^T",
    keyRef: (e) => madd(e.A!, t(e.A!)),
    right: ["A^T + A", "(A' + A)", "(A + A^T)^T"],
    wrong: [
      ["2A", "symmetric_part"],
      ["A", "symmetric_part"],
    ],
  },
  {
    name: "∇ₓ aᵀx",
    source: "Matrix Cookbook (eq. 69)",
    decls: { a: "n", x: "n" },
    f: { text: "a^T x", ref: (e) => mm(t(e.a!), e.x!), wrt: "x", asks: "gradient" },
    key: "a",
    keyRef: (e) => e.a!,
    right: ["(a^T)^T", "a + 0", "I a"],
    wrong: [
      ["a^T", "layout"],
      ["2a", "extra_factor"],
    ],
  },
  {
    name: "∇_X aᵀXb",
    source: "Matrix Cookbook (eq. 70)",
    decls: { a: "m", X: "m x n", b: "n" },
    f: { text: "a^T X b", ref: (e) => mm(mm(t(e.a!), e.X!), e.b!), wrt: "X", asks: "gradient" },
    key: "a b^T",
    keyRef: (e) => mm(e.a!, t(e.b!)),
    right: ["(b a^T)^T", "a * b'", "a bᵀ"],
    wrong: [
      ["b a^T", "layout"],
      ["-a b^T", "sign_error"],
    ],
  },
  {
    name: "∇_X aᵀXᵀb",
    source: "Matrix Cookbook (eq. 71)",
    decls: { a: "n", X: "m x n", b: "m" },
    f: { text: "a^T X^T b", ref: (e) => mm(mm(t(e.a!), t(e.X!)), e.b!), wrt: "X", asks: "gradient" },
    key: "b a^T",
    keyRef: (e) => mm(e.b!, t(e.a!)),
    right: ["(a b^T)^T", "b a'"],
    wrong: [
      ["a b^T", "layout"],
      ["2 b a^T", "extra_factor"],
    ],
  },
  {
    name: "∇_X tr(AX)",
    source: "Matrix Cookbook (eq. 100)",
    decls: { A: "n x m", X: "m x n" },
    f: { text: "tr(A X)", ref: (e) => sc(trace(mm(e.A!, e.X!))), wrt: "X", asks: "gradient" },
    key: "A^T",
    keyRef: (e) => t(e.A!),
    right: ["A'", "(A)ᵀ"],
    wrong: [
      ["A", "layout"],
      ["-A^T", "sign_error"],
    ],
  },
  {
    name: "∇_X tr(XᵀX)",
    source: "Matrix Cookbook (eq. 103)",
    decls: { X: "m x n" },
    f: { text: "trace(X^T X)", ref: (e) => sc(trace(mm(t(e.X!), e.X!))), wrt: "X", asks: "gradient" },
    key: "2X",
    keyRef: (e) => scale(2, e.X!),
    right: ["X + X", "2 (X^T)^T"],
    wrong: [
      ["X", "missing_factor"],
      ["2X^T", "layout"],
    ],
  },
  {
    name: "∇_X det(X)",
    source: "Matrix Cookbook (eq. 49)",
    decls: { X: "n x n" },
    sizes: { n: 3 },
    f: { text: "det(X)", ref: (e) => sc(det(e.X!)), wrt: "X", asks: "gradient" },
    key: "det(X) inv(X)^T",
    keyRef: (e) => scale(det(e.X!), t(inv(e.X!))),
    right: ["det(X) inv(X^T)", "det(X) (X^-1)'"],
    wrong: [
      ["det(X) inv(X)", "layout"],
      ["inv(X)^T", null],
    ],
  },
  {
    name: "∇_X ln det(X), X positive definite",
    source: "Matrix Cookbook (eq. 57)",
    decls: { X: { shape: "n x n", props: ["spd"] } },
    f: { text: "ln(det(X))", ref: (e) => sc(sfn("ln", det(e.X!))), wrt: "X", asks: "gradient" },
    key: "inv(X)^T",
    keyRef: (e) => t(inv(e.X!)),
    right: ["inv(X)", "X^-1", "inv(X^T)"],
    wrong: [
      ["X", null],
      ["det(X) inv(X)", null],
    ],
  },
  {
    name: "∇_X aᵀX⁻¹b",
    source: "Matrix Cookbook (eq. 61)",
    decls: { a: "n", X: { shape: "n x n", props: ["invertible"] }, b: "n" },
    f: { text: "a^T inv(X) b", ref: (e) => mm(mm(t(e.a!), inv(e.X!)), e.b!), wrt: "X", asks: "gradient" },
    key: "-inv(X)^T a b^T inv(X)^T",
    keyRef: (e) => scale(-1, mm(mm(mm(t(inv(e.X!)), e.a!), t(e.b!)), t(inv(e.X!)))),
    right: ["-(inv(X) b a^T inv(X))^T", "-(X^T)^-1 a b^T (X^T)^-1"],
    wrong: [
      ["inv(X)^T a b^T inv(X)^T", "sign_error"],
      ["-inv(X) b a^T inv(X)", "layout"],
    ],
  },
  {
    name: "∇ₓ ‖Ax + b‖²",
    source: "Matrix Cookbook (eq. 84)",
    decls: { A: "m x n", x: "n", b: "m" },
    f: {
      text: "(A x + b)^T (A x + b)",
      ref: (e) => sc(norm2(madd(mm(e.A!, e.x!), e.b!))),
      wrt: "x",
      asks: "gradient",
    },
    key: "2A^T(Ax + b)",
    keyRef: (e) => scale(2, mm(t(e.A!), madd(mm(e.A!, e.x!), e.b!))),
    right: ["2 A^T A x + 2 A^T b", "2 (A^T A x + A^T b)"],
    wrong: [
      ["2(Ax + b)^T A", "layout"],
      ["A^T(Ax + b)", "missing_factor"],
    ],
  },
  {
    name: "∇ₓ of ½xᵀAx − bᵀx, A symmetric",
    source: "Deep Learning Book 4.5 (linear least squares)",
    decls: { A: { shape: "n x n", props: ["symmetric"] }, x: "n", b: "n" },
    f: {
      text: "1/2 x^T A x - b^T x",
      ref: (e) => sc(ssub(smul(0.5, scalar(mm(mm(t(e.x!), e.A!), e.x!))), dot(e.b!, e.x!))),
      wrt: "x",
      asks: "gradient",
    },
    key: "A x − b",
    keyRef: (e) => msub(mm(e.A!, e.x!), e.b!),
    right: ["(A + A^T) x / 2 - b", "1/2 (A + A^T) x - b", "A^T x - b"],
    wrong: [
      ["b − A x", "reversed_difference"],
      ["(A x − b)^T", "layout"],
    ],
  },
  {
    name: "∇_b ‖Wx + b − y‖² (output bias)",
    source: "Parr & Howard (backpropagation)",
    decls: { W: "m x n", x: "n", b: "m", y: "m" },
    f: {
      text: "‖W x + b − y‖^2",
      ref: (e) => sc(norm2(msub(madd(mm(e.W!, e.x!), e.b!), e.y!))),
      wrt: "b",
      asks: "gradient",
    },
    key: "2(Wx + b − y)",
    keyRef: (e) => scale(2, msub(madd(mm(e.W!, e.x!), e.b!), e.y!)),
    right: ["2 W x + 2 b - 2 y", "2 I (W x + b - y)"],
    wrong: [
      ["2(Wx + b − y)^T", "layout"],
      ["Wx + b − y", "missing_factor"],
    ],
  },
  {
    name: "∇_W ‖relu(Wx + b) − y‖² (a ReLU layer)",
    source: "Parr & Howard (backpropagation through a ReLU)",
    decls: { W: "m x n", x: "n", b: "m", y: "m" },
    f: {
      text: "‖relu(W x + b) − y‖^2",
      ref: (e) => sc(norm2(msub(relu(madd(mm(e.W!, e.x!), e.b!)), e.y!))),
      wrt: "W",
      asks: "gradient",
    },
    key: "2([Wx + b > 0] ⊙ (relu(Wx + b) − y)) x^T",
    keyRef: (e) => {
      const u = madd(mm(e.W!, e.x!), e.b!);
      return scale(2, mm(had(step(u), msub(relu(u), e.y!)), t(e.x!)));
    },
    right: ["2 diag([W x + b > 0]) (relu(W x + b) - y) x^T", "2 ([Wx + b > 0] ⊙ (Wx + b − y)) x^T"],
    wrong: [
      ["2 (relu(Wx + b) − y) x^T", "gate_dropped"],
      ["2 x ([Wx + b > 0] ⊙ (relu(Wx + b) − y))^T", "layout"],
    ],
  },
  {
    name: "∂σ(w·x)/∂w (sigmoid neuron)",
    source: "Parr & Howard (activation derivatives)",
    decls: { w: "n", x: "n" },
    f: { text: "σ(w·x)", ref: (e) => sig(sc(dot(e.w!, e.x!))), wrt: "w", asks: "derivative" },
    key: "σ(w·x)(1 − σ(w·x)) x^T",
    keyRef: (e) => {
      const s = scalar(sig(sc(dot(e.w!, e.x!))));
      return scale(smul(s, ssub(1, s)), t(e.x!));
    },
    right: ["(σ(w·x) - σ(w·x)^2) x^T", "x^T σ(w·x) (1 - σ(w·x))"],
    wrong: [
      ["σ(w·x) x^T", "sigmoid_derivative"],
      ["σ(w·x)(1 − σ(w·x)) x", "layout"],
      ["(w·x)(1 − σ(w·x)) x^T", "preactivation"],
    ],
  },
  {
    name: "(AB)ᵀ = BᵀAᵀ",
    source: "Matrix Cookbook (eq. 4)",
    decls: { A: "n x n", B: "n x n" },
    lhs: (e) => t(mm(e.A!, e.B!)),
    key: "B^T A^T",
    keyRef: (e) => mm(t(e.B!), t(e.A!)),
    right: ["(A B)^T", "(A B)'"],
    wrong: [
      ["A^T B^T", "chain_order"],
      ["A B", "layout"],
    ],
  },
  {
    name: "(AB)⁻¹ = B⁻¹A⁻¹",
    source: "Matrix Cookbook (eq. 1)",
    decls: { A: { shape: "n x n", props: ["invertible"] }, B: { shape: "n x n", props: ["invertible"] } },
    lhs: (e) => inv(mm(e.A!, e.B!)),
    key: "inv(B) inv(A)",
    keyRef: (e) => mm(inv(e.B!), inv(e.A!)),
    right: ["(A B)^-1", "inv(A B)", "B⁻¹A⁻¹"],
    wrong: [
      ["inv(A) inv(B)", "chain_order"],
      ["inv(A B)^T", "layout"],
    ],
  },
  {
    name: "tr(AB) = tr(BA)",
    source: "Matrix Cookbook (eq. 16)",
    decls: { A: "m x n", B: "n x m" },
    lhs: (e) => sc(trace(mm(e.B!, e.A!))),
    key: "tr(A B)",
    keyRef: (e) => sc(trace(mm(e.A!, e.B!))),
    right: ["tr(B A)", "sum(A ⊙ B^T)", "sum(diag(B A))"],
    wrong: [
      ["2 tr(A B)", "extra_factor"],
      ["-tr(B A)", "sign_error"],
    ],
  },
  {
    name: "diag(w) x = w ⊙ x",
    source: "Parr & Howard 4.2",
    decls: { w: "n", x: "n" },
    lhs: (e) => had(e.w!, e.x!),
    key: "diag(w) x",
    keyRef: (e) => mm(diag(e.w!), e.x!),
    right: ["w ⊙ x", "x .* w", "diag(x) w"],
    wrong: [
      ["x^T diag(w)", "layout"],
      ["w ⊘ x", null],
    ],
  },
  {
    name: "Newton step x₀ − H⁻¹g",
    source: "Deep Learning Book 4.3 (Newton's method)",
    decls: { x0: "n", g: "n", H: { shape: "n x n", props: ["spd"] } },
    lhs: (e) => msub(e.x0!, mm(inv(e.H!), e.g!)),
    key: "x0 − inv(H) g",
    keyRef: (e) => msub(e.x0!, mm(inv(e.H!), e.g!)),
    right: ["x0 - H^-1 g", "-(inv(H) g - x0)", "x0 - H⁻¹g"],
    wrong: [
      ["x0 + inv(H) g", "newton_step"],
      ["x0 − H g", "newton_step"],
    ],
  },
  {
    name: "Second-order Taylor expansion along −εg",
    source: "Deep Learning Book 4.3 (eq. 4.9)",
    decls: { f0: "scalar", ε: "scalar", g: "n", H: { shape: "n x n", props: ["symmetric"] } },
    lhs: (e) =>
      sc(
        sadd(
          ssub(scalar(e.f0!), smul(scalar(e.ε!), dot(e.g!, e.g!))),
          smul(0.5, smul(smul(scalar(e.ε!), scalar(e.ε!)), scalar(mm(mm(t(e.g!), e.H!), e.g!)))),
        ),
      ),
    key: "f0 − ε g^T g + 1/2 ε^2 g^T H g",
    keyRef: (e) =>
      sc(
        sadd(
          ssub(scalar(e.f0!), smul(scalar(e.ε!), dot(e.g!, e.g!))),
          smul(0.5, smul(smul(scalar(e.ε!), scalar(e.ε!)), dot(e.g!, mm(e.H!, e.g!)))),
        ),
      ),
    right: ["f0 - ε g·g + ε² gᵀHg/2", "f0 - ε ‖g‖^2 + 0.5 ε^2 g^T H g"],
    wrong: [
      ["f0 − ε g^T g + ε^2 g^T H g", "taylor_half"],
      ["f0 − ε g^T g − 1/2 ε^2 g^T H g", null],
    ],
  },
  {
    name: "Optimal step ε* = gᵀg / gᵀHg",
    source: "Deep Learning Book 4.3 (eq. 4.10)",
    decls: { g: "n", H: { shape: "n x n", props: ["spd"] } },
    lhs: (e) => sc(sdiv(dot(e.g!, e.g!), dot(e.g!, mm(e.H!, e.g!)))),
    key: "g^T g / (g^T H g)",
    keyRef: (e) => sc(sdiv(dot(e.g!, e.g!), scalar(mm(mm(t(e.g!), e.H!), e.g!)))),
    right: ["‖g‖^2/(g^T H g)", "(g·g)/(g·(H g))"],
    wrong: [
      ["g^T H g / (g^T g)", null],
      ["2 g^T g / (g^T H g)", "extra_factor"],
    ],
  },
];
