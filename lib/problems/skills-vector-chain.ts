// Part 2 with symbols, continued: sum reduction, the dot product, the derivatives of activations, the
// vector chain rule, and gradients with respect to a matrix (∇_W ‖Wx − y‖² = 2(Wx − y)xᵀ). Keys by
// the rule each skill teaches, confirmed by automatic differentiation when the problem is built.
import type { Draft } from "./build";
import type { SkillDef } from "./catalogue-types";
import type { MatrixDraft } from "./matrix-problem";
import type { Rng } from "./random";
import {
  MATRICES,
  VECTORS,
  coef,
  dims,
  matrixDraftNamed,
  names,
  plus,
  step,
  times,
} from "./skills-vector-rules";

type Decls = MatrixDraft["decls"];
type Asks = MatrixDraft["asks"];

const asksOf = (r: Rng): Asks => (r.next() < 0.5 ? "derivative" : "gradient");

/** A row for ∂ (the transpose of a column key), the column itself for ∇. */
const laid = (asks: Asks, column: string): string => (asks === "gradient" ? column : `(${column})^T`);

const layoutStep = (decls: Decls, asks: Asks, name: string, v: string) =>
  step(
    decls,
    asks === "gradient"
      ? `∇_${v} ${name} is a column with ${v}'s shape.`
      : `∂${name}/∂${v} of a scalar is a row: the transpose of the gradient.`,
  );

function sumReduction(r: Rng): Draft {
  const [n, m] = dims(r);
  const [x, w] = names(r, VECTORS, 2);
  const c = coef(r);
  const asks = asksOf(r);
  const t = r.int(0, 4);
  const named = matrixDraftNamed(
    ["sum-times-scalar", "scaled-sum", "sum-of-squares", "weighted-sum-plus-sum", "sum-of-map"][t]!,
  );
  if (t === 0) {
    const s = r.pick(["a", "b", "s"] as const);
    const decls: Decls = { [x!]: n, [s]: "scalar" };
    return named({
      decls,
      name: "L",
      f: `sum(${times(c, `${x} ${s}`)})`,
      wrt: s,
      asks: "derivative",
      key: times(c, `sum(${x})`),
      steps: [
        step(decls, `sum(${c}${x}${s}) = ${c}${s}·sum(${x}): ${s} is a common factor of every entry.`),
        step(decls, `So the derivative by ${s} is the scalar`, times(c, `sum(${x})`)),
      ],
    });
  }
  const [A] = names(r, MATRICES, 1);
  const decls: Decls = t === 4 ? { [A!]: `${m} x ${n}`, [x!]: n } : { [x!]: n, [w!]: n };
  const cases: Record<number, { f: string; column: string; why: string }> = {
    1: {
      f: times(c, `sum(${x})`),
      column: times(c, `1_${n}`),
      why: `every entry of ${x} counts once, times ${c}`,
    },
    2: {
      f: `sum(${times(c, `${x} .* ${x}`)})`,
      column: times(2 * c, x!),
      why: `∂(${c}${x}ᵢ²)/∂${x}ᵢ = ${2 * c}${x}ᵢ`,
    },
    3: {
      f: `sum(${w} .* ${x}) ${plus(c, `sum(${x})`)}`,
      column: `${w} ${plus(c, `1_${n}`)}`,
      why: `∂/∂${x}ᵢ = ${w}ᵢ + ${c}`,
    },
    4: {
      f: `sum(${times(c, `${A} ${x}`)})`,
      column: times(c, `${A}^T 1_${m}`),
      why: `sum(${c}${A}${x}) = ${c}𝟏ᵀ${A}${x}, whose gradient is ${c}${A}ᵀ𝟏`,
    },
  };
  const k = cases[t]!;
  const key = laid(asks, k.column);
  return named({
    decls,
    name: "L",
    f: k.f,
    wrt: x!,
    asks,
    key,
    steps: [
      step(decls, `Sum reduction: ∂L/∂${x}ᵢ adds up what each entry of the sum contributes; here ${k.why}.`),
      layoutStep(decls, asks, "L", x!),
      step(decls, "So:", key),
    ],
  });
}

function dotProduct(r: Rng): Draft {
  const [n, m] = dims(r);
  const [w, x, u] = names(r, VECTORS, 3);
  const c = coef(r);
  const asks = asksOf(r);
  const t = r.int(0, 4);
  const named = matrixDraftNamed(
    ["affine-dot", "self-dot", "dot-with-difference", "dot-with-map", "quadratic-plus-linear"][t]!,
  );
  const b = r.pick(["b", "c", "a"] as const);
  if (t === 0) {
    const decls: Decls = { [w!]: n, [x!]: n, [b]: "scalar" };
    const byW = r.next() < 0.5;
    const key = laid(asks, byW ? x! : w!);
    return named({
      decls,
      f: `${w} · ${x} + ${b}`,
      wrt: byW ? w! : x!,
      asks,
      key,
      steps: [
        step(
          decls,
          `${w}·${x} = Σ ${w}ᵢ${x}ᵢ: by ${byW ? w : x}ᵢ the derivative is ${byW ? x : w}ᵢ; ${b} is a constant.`,
        ),
        layoutStep(decls, asks, "f", byW ? w! : x!),
        step(decls, "So:", key),
      ],
    });
  }
  if (t === 1) {
    const decls: Decls = { [x!]: n };
    const key = laid(asks, times(2 * c, x!));
    return named({
      decls,
      f: times(c, `${x} · ${x}`),
      wrt: x!,
      asks,
      key,
      steps: [
        step(decls, `${c}${x}·${x} = ${c}Σ ${x}ᵢ²: by ${x}ᵢ, ${2 * c}${x}ᵢ.`),
        layoutStep(decls, asks, "f", x!),
        step(decls, "So:", key),
      ],
    });
  }
  if (t === 2) {
    const decls: Decls = { [w!]: n, [x!]: n, [u!]: n };
    const key = laid(asks, times(-c, w!));
    return named({
      decls,
      f: `${w} · (${x} - ${times(c, u!)})`,
      wrt: u!,
      asks,
      key,
      steps: [
        step(decls, `Only the term -${c}${w}·${u} depends on ${u}; its derivative by ${u}ᵢ is -${c}${w}ᵢ.`),
        layoutStep(decls, asks, "f", u!),
        step(decls, "So:", key),
      ],
    });
  }
  if (t === 3) {
    const [A] = names(r, MATRICES, 1);
    const decls: Decls = { [A!]: `${m} x ${n}`, [x!]: n, [u!]: m };
    const key = asks === "gradient" ? `${A}^T ${u}` : `${u}^T ${A}`;
    return named({
      decls,
      f: `(${A} ${x}) · ${u}`,
      wrt: x!,
      asks,
      key,
      steps: [
        step(
          decls,
          `(${A}${x})·${u} = ${u}ᵀ${A}${x}, a linear function of ${x} with the row ${u}ᵀ${A} in front.`,
        ),
        layoutStep(decls, asks, "f", x!),
        step(decls, "So:", key),
      ],
    });
  }
  const decls: Decls = { [w!]: n, [x!]: n };
  const column = `2 ${x} ${plus(c, w!)}`;
  const key = laid(asks, column);
  return named({
    decls,
    f: `${x} · ${x} ${plus(c, `${w} · ${x}`)}`,
    wrt: x!,
    asks,
    key,
    steps: [
      step(decls, `By ${x}ᵢ: 2${x}ᵢ from ${x}·${x}, and ${c}${w}ᵢ from ${c}${w}·${x}.`),
      layoutStep(decls, asks, "f", x!),
      step(decls, "So:", key),
    ],
  });
}

/** Activations and their derivatives as vectors (the diagonal of the Jacobian); softmax apart. */
const ACTIVATIONS = [
  {
    fn: "sigmoid",
    d: (a: string, n: string) => `sigmoid(${a}) .* (1_${n} - sigmoid(${a}))`,
    why: "σ′ = σ(1 − σ)",
  },
  { fn: "tanh", d: (a: string, n: string) => `1_${n} - tanh(${a}) .* tanh(${a})`, why: "tanh′ = 1 − tanh²" },
  { fn: "relu", d: (a: string) => `[${a} > 0]`, why: "relu′ = 1 where the input is positive, else 0" },
  { fn: "exp", d: (a: string) => `exp(${a})`, why: "exp′ = exp" },
  { fn: "sin", d: (a: string) => `cos(${a})`, why: "sin′ = cos" },
] as const;

function activationDerivatives(r: Rng): Draft {
  const [n] = dims(r);
  const [z, b] = names(r, VECTORS, 2);
  const t = r.int(0, 5);
  const named = matrixDraftNamed(["sigmoid", "tanh", "relu", "exp", "sin", "softmax"][t]!);
  if (t === 5) {
    const decls: Decls = { [z!]: n };
    const c = r.int(1, 9);
    const sm = `softmax(${times(c, z!)})`;
    const key = times(c, `(diag(${sm}) - ${sm} ${sm}^T)`);
    return named({
      decls,
      name: "s",
      f: sm,
      wrt: z!,
      asks: "derivative",
      key,
      steps: [
        step(
          decls,
          "With s = softmax(u): ∂sᵢ/∂uⱼ = sᵢ(δᵢⱼ − sⱼ), so every entry depends on every input: diag(s) − s sᵀ.",
        ),
        step(decls, `Here u = ${c}${z}, whose Jacobian is ${c}I; multiplied in order:`, key),
      ],
    });
  }
  const g = ACTIVATIONS[t]!;
  const c = coef(r);
  const withBias = r.next() < 0.5;
  const decls: Decls = withBias ? { [z!]: n, [b!]: n } : { [z!]: n };
  const arg = withBias ? `${times(c, z!)} + ${b}` : times(c, z!);
  const byBias = withBias && r.next() < 0.5;
  const inner = g.d(arg, n);
  const key = byBias ? `diag(${inner})` : times(c, `diag(${inner})`);
  return named({
    decls,
    name: "a",
    f: `${g.fn}(${arg})`,
    wrt: byBias ? b! : z!,
    asks: "derivative",
    key,
    steps: [
      step(decls, `The activation acts entry by entry, so the Jacobian is diagonal; ${g.why}.`),
      step(
        decls,
        byBias
          ? `The inner derivative by ${b} is 1 per entry:`
          : `The inner derivative by ${z} is ${c} per entry (chain rule):`,
        key,
      ),
    ],
  });
}

function vectorChainRule(r: Rng): Draft {
  const [n, m] = dims(r);
  const [W] = names(r, MATRICES, 1);
  const [x, b] = names(r, VECTORS, 2);
  const g = r.pick(ACTIVATIONS.filter((a) => a.fn !== "relu"));
  const t = r.int(0, 2);
  const named = matrixDraftNamed(["activation-of-map", "activation-of-affine-map", "map-of-activation"][t]!);
  const c = coef(r);
  if (t === 2) {
    const decls: Decls = { [W!]: `${m} x ${n}`, [x!]: n };
    const key = `${W} diag(${g.d(x!, n)})`;
    return named({
      decls,
      name: "y",
      f: `${W} ${g.fn}(${x})`,
      wrt: x!,
      asks: "derivative",
      key,
      steps: [
        step(decls, `Chain rule: ∂y/∂${x} = ∂(${W}v)/∂v · ∂v/∂${x} with v = ${g.fn}(${x}), in that order.`),
        step(
          decls,
          `∂(${W}v)/∂v = ${W} (${m}×${n}) and ∂v/∂${x} = diag(${g.fn}′(${x})) (${n}×${n}); ${g.why}.`,
        ),
        step(decls, "So:", key),
      ],
    });
  }
  const withBias = t === 1;
  const decls: Decls = withBias
    ? { [W!]: `${m} x ${n}`, [x!]: n, [b!]: m }
    : { [W!]: `${m} x ${n}`, [x!]: n };
  const inner = withBias ? `${times(c, `${W} ${x}`)} + ${b}` : times(c, `${W} ${x}`);
  const key = times(c, `diag(${g.d(inner, m)}) ${W}`);
  return named({
    decls,
    name: "y",
    f: `${g.fn}(${inner})`,
    wrt: x!,
    asks: "derivative",
    key,
    steps: [
      step(decls, `Chain rule: ∂y/∂${x} = ∂${g.fn}(u)/∂u · ∂u/∂${x} with u = ${inner}, outer factor first.`),
      step(decls, `∂${g.fn}(u)/∂u = diag(${g.fn}′(u)) (${m}×${m}); ${g.why}.`),
      step(decls, `∂u/∂${x} = ${c}${W} (${m}×${n}); the product is ${m}×${n}:`, key),
    ],
  });
}

function matrixGradient(r: Rng): Draft {
  const [n, m] = dims(r);
  const [W] = names(r, MATRICES, 1);
  const [x, y, b] = names(r, VECTORS, 3);
  const c = r.int(2, 9);
  const t = r.int(0, 4);
  const named = matrixDraftNamed(
    ["least-squares", "scaled-least-squares", "bilinear", "norm-of-map", "norm-of-elementwise"][t]!,
  );
  const base: Decls = { [W!]: `${m} x ${n}`, [x!]: n, [y!]: m };
  const outer = step(
    base,
    `∇_${W} has ${W}'s shape (${m}×${n}): a column of size ${m} times a row of size ${n}.`,
  );
  switch (t) {
    case 0:
    case 1: {
      const scaled = t === 1;
      const key = scaled ? `${2 * c} (${W} ${x} - ${y}) ${x}^T` : `2 (${W} ${x} - ${y}) ${x}^T`;
      return named({
        decls: base,
        name: "L",
        f: scaled ? `${c} ‖${W} ${x} - ${y}‖^2` : `‖${W} ${x} - ${y}‖^2`,
        wrt: W!,
        asks: "gradient",
        key,
        steps: [
          step(
            base,
            `With e = ${W}${x} − ${y}: L = ${scaled ? `${c}` : ""}eᵀe and ∂L/∂${W}ᵢⱼ = ${scaled ? 2 * c : 2}eᵢ${x}ⱼ.`,
          ),
          outer,
          step(base, "So the outer product:", key),
        ],
      });
    }
    case 2: {
      const decls: Decls = { [W!]: `${m} x ${n}`, [x!]: n, [y!]: m };
      const key = times(c, `${y} ${x}^T`);
      return named({
        decls,
        name: "L",
        f: times(c, `${y} · (${W} ${x})`),
        wrt: W!,
        asks: "gradient",
        key,
        steps: [
          step(decls, `L = ${c}Σᵢⱼ ${y}ᵢ${W}ᵢⱼ${x}ⱼ, so ∂L/∂${W}ᵢⱼ = ${c}${y}ᵢ${x}ⱼ.`),
          outer,
          step(decls, "So:", key),
        ],
      });
    }
    case 3: {
      const key = times(2 * c, `${W} ${x} ${x}^T`);
      const decls: Decls = { [W!]: `${m} x ${n}`, [x!]: n };
      return named({
        decls,
        name: "L",
        f: times(c, `‖${W} ${x}‖^2`),
        wrt: W!,
        asks: "gradient",
        key,
        steps: [
          step(decls, `With e = ${W}${x}: ∂L/∂${W}ᵢⱼ = ${2 * c}eᵢ${x}ⱼ.`),
          outer,
          step(decls, "So:", key),
        ],
      });
    }
    default: {
      const decls: Decls = { [W!]: `${m} x ${n}`, [x!]: n, [y!]: m, [b!]: m };
      const byBias = r.next() < 0.5;
      const e = `${W} ${x} + ${b} - ${y}`;
      const key = byBias ? `2 (${e})` : `2 (${e}) ${x}^T`;
      return named({
        decls,
        name: "L",
        f: `‖${e}‖^2`,
        wrt: byBias ? b! : W!,
        asks: "gradient",
        key,
        steps: [
          step(decls, `With e = ${W}${x} + ${b} − ${y}: ∂L/∂eᵢ = 2eᵢ.`),
          byBias
            ? step(decls, `∂eᵢ/∂${b}ᵢ = 1, so ∇_${b} L = 2e, a column of size ${m}:`, key)
            : step(decls, `∂eᵢ/∂${W}ᵢⱼ = ${x}ⱼ, so ∇_${W} L = 2e${x}ᵀ (${m}×${n}):`, key),
        ],
      });
    }
  }
}

export const VECTOR_CHAIN_SKILLS: SkillDef[] = [
  {
    id: "sum-reduction",
    title: "Sum reduction",
    topic: "vector-rules",
    kind: "matrix",
    description:
      "The derivative of sum(v) adds up the derivatives of the entries: ∂sum(x)/∂x = 𝟏ᵀ, ∂sum(x z)/∂z = sum(x) for a scalar z.",
    prerequisites: ["scalar-expansion"],
    version: 1,
    hint: "Differentiate the sum by one entry xᵢ (or by the scalar), then arrange: ∂ a row, ∇ a column.",
    gen: sumReduction,
  },
  {
    id: "dot-product",
    title: "The dot product",
    topic: "vector-rules",
    kind: "matrix",
    description:
      "∂(w·x)/∂w = xᵀ (a row) and ∇_w (w·x) = x (a column); x·x gives 2x; (Ax)·u = uᵀAx gives uᵀA.",
    prerequisites: ["sum-reduction"],
    version: 1,
    hint: "Write the dot product as a sum Σ wᵢxᵢ, differentiate by one entry, then lay the result out as asked.",
    gen: dotProduct,
  },
  {
    id: "activation-derivatives",
    title: "Derivatives of activations",
    topic: "vector-rules",
    kind: "matrix",
    description:
      "Element-wise activations have diagonal Jacobians (σ′ = σ(1 − σ), tanh′ = 1 − tanh², relu′ = [z > 0]); softmax's is diag(s) − s sᵀ.",
    prerequisites: ["element-wise-functions", "derivative-exponential"],
    version: 1,
    hint: "Entry by entry: the activation's derivative at the input, times the inner derivative, on a diagonal (softmax is not element-wise).",
    gen: activationDerivatives,
  },
  {
    id: "vector-chain-rule",
    title: "The vector chain rule",
    topic: "vector-rules",
    kind: "matrix",
    description:
      "∂g(u(x))/∂x = (∂g/∂u)(∂u/∂x): Jacobians multiplied outer first, e.g. ∂tanh(Wx)/∂x = diag(1 − tanh²(Wx)) W.",
    prerequisites: ["activation-derivatives", "linear-maps", "multivariable-chain-rule"],
    version: 1,
    hint: "Name the inner vector u, write both Jacobians with their shapes, and multiply them outer first so the shapes fit.",
    gen: vectorChainRule,
  },
  {
    id: "gradient-wrt-matrix",
    title: "Gradients with respect to a matrix",
    topic: "network-gradients",
    kind: "matrix",
    description:
      "∇_W L has W's shape; for L = ‖Wx − y‖², ∂L/∂Wᵢⱼ = 2eᵢxⱼ, so ∇_W L = 2(Wx − y)xᵀ: a column times a row.",
    prerequisites: ["mean-squared-error-gradient", "vector-chain-rule"],
    version: 1,
    hint: "Differentiate by one entry Wᵢⱼ, then read the result as an outer product (column ⋅ row) of W's shape.",
    gen: matrixGradient,
  },
];
