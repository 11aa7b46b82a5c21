// Parts 2 and 3 with numbers: the gradient of one neuron (the ReLU gate), of the mean squared error
// of a linear model, of softmax cross-entropy, and a backpropagation step through two layers. Every
// key by exact rational arithmetic from the construction; no problem sits at a ReLU kink.
// Over 500 lines: four generators whose worked steps are long tables of numbers; each reads top to
// bottom on its own, and the file is the topic, as each skills-*.ts is.
import type { Draft } from "./build";
import type { SkillDef } from "./catalogue-types";
import {
  type Q,
  checkNiceKey,
  column,
  decl,
  gridSpec,
  matLatex,
  matText,
  mistake,
  numLatex,
  q,
  qAdd,
  qMul,
  qSub,
  qText,
  qVal,
  row,
  sub,
  textGrid,
  vecLatex,
  vecText,
} from "./concrete";
import { reject } from "./exact";
import type { Rng } from "./random";
import type { GridSpec } from "./types";

type Layout = "row" | "column";

const dot = (a: readonly number[], b: readonly number[]): number => a.reduce((s, v, i) => s + v * b[i]!, 0);

/** A vector answer laid out as asked: ∂/∂w a row, ∇_w a column. */
function vectorAnswer(v: readonly Q[], layout: Layout): string[][] {
  return textGrid(layout === "row" ? row(v) : column(v));
}

function vectorGrid(n: number, layout: Layout, object: string, labels: string[]): GridSpec {
  return layout === "row"
    ? gridSpec(1, n, object, "number", [labels])
    : gridSpec(
        n,
        1,
        object,
        "number",
        labels.map((l) => [l]),
      );
}

const ints = (r: Rng, n: number, lo: number, hi: number): number[] =>
  Array.from({ length: n }, () => r.int(lo, hi));

// ---------------------------------------------------------------- one neuron

function neuronGradient(r: Rng): Draft {
  const n = r.int(2, 4);
  const w = Array.from({ length: n }, () => r.nonzero(-3, 3));
  const x = ints(r, n, -3, 3);
  if (w.every((v) => v === 0) || x.every((v) => v === 0)) reject("zero vector");
  const b = r.int(-4, 4);
  const z = dot(w, x) + b;
  if (z === 0) reject("at the ReLU kink");
  if (Math.abs(z) > 20) reject("large pre-activation");
  // About a third of the neurons have a closed gate: enough to drill it, not so many that 0 is a guess.
  if (z < 0 && r.next() < 0.4) reject("closed gate drawn too often");
  const gate = z > 0 ? 1 : 0;
  const asks = r.pick(["dw", "gw", "dx", "db"] as const);
  const wrt = asks === "dx" ? "x" : asks === "db" ? "b" : "w";
  const other = wrt === "x" ? w : x;
  const layout: Layout = asks === "gw" ? "column" : "row";
  const common = {
    given: {
      decls: { w: decl.vector(n), x: decl.vector(n), b: decl.scalar },
      f: "a = max(0, w·x + b)",
      wrt,
      asks: asks === "gw" ? "gradient" : "derivative",
      at: { w, x, b },
    },
    vars: [] as string[],
  };
  const head = `A neuron computes a = max(0, w·x + b) with w = ${vecText(w)}, x = ${vecText(x)}, b = ${b}.`;
  const headLatex = `a = \\max(0, \\mathbf{w} \\cdot \\mathbf{x} + b),\\ \\mathbf{w} = ${vecText(w)},\\ \\mathbf{x} = ${vecText(x)},\\ b = ${b}`;
  const forward = {
    text: `Forward: z = w·x + b = ${dot(w, x)} + (${b}) = ${z}, ${z > 0 ? "positive: the gate is open and a = z" : "negative: the gate is closed and a = 0"}.`,
  };
  const rule = {
    text: `∂a/∂z = [z > 0] = ${gate}; by the chain rule ∂a/∂${wrt} = [z > 0] · ∂z/∂${wrt}${wrt === "b" ? " = [z > 0]" : ` = [z > 0] ${wrt === "w" ? "xᵀ" : "wᵀ"}`}.`,
  };
  if (asks === "db") {
    return {
      kind: "concrete",
      template: asks,
      problem: {
        ...common,
        statement: `${head} Find ∂a/∂b (a number).`,
        latex: `${headLatex}:\\ \\frac{\\partial a}{\\partial b}`,
        answer: [[String(gate)]],
        grid: gridSpec(1, 1, "∂a/∂b, a number", "number"),
        steps: [forward, rule, { text: `So ∂a/∂b = ${gate}.` }],
        mistakes:
          gate === 0
            ? [
                mistake(
                  "missing_gate",
                  "The ReLU gate is closed here (z < 0): nothing passes back, so the derivative is 0.",
                  [["1"]],
                ),
              ]
            : [],
      },
    };
  }
  const key = other.map((v) => q(v * gate));
  const ungated = other.map((v) => q(v));
  const name = asks === "gw" ? "∇_w a" : `∂a/∂${wrt}`;
  const object =
    asks === "gw" ? `the gradient ∇_w a (${n}×1 column)` : `the derivative ∂a/∂${wrt} (1×${n} row)`;
  return {
    kind: "concrete",
    template: asks,
    problem: {
      ...common,
      statement: `${head} Find ${name}, ${asks === "gw" ? `a ${n}×1 column` : `a 1×${n} row`}.`,
      latex: `${headLatex}:\\ ${asks === "gw" ? "\\nabla_{\\mathbf{w}} a" : `\\frac{\\partial a}{\\partial \\mathbf{${wrt}}}`}`,
      answer: vectorAnswer(key, layout),
      grid: vectorGrid(
        n,
        layout,
        object,
        other.map((_, i) => `${asks === "gw" ? "∂a/∂w" : `∂a/∂${wrt}`}${sub(i + 1)}`),
      ),
      steps: [
        forward,
        rule,
        { text: `So ${name} = ${vecText(key.map(qText))}${layout === "row" ? " (a row)" : " (a column)"}.` },
      ],
      mistakes:
        gate === 0
          ? [
              mistake(
                "missing_gate",
                "The ReLU gate is closed here (z < 0): the gradient is 0; you passed it through as if the neuron were linear.",
                vectorAnswer(ungated, layout),
              ),
            ]
          : [],
    },
  };
}

// ---------------------------------------------------------------- mean squared error of a linear model

function mseGradient(r: Rng): Draft {
  const N = r.int(2, 3);
  const xs = Array.from({ length: N }, () => ints(r, 2, -2, 3));
  const ys = ints(r, N, -4, 5);
  const w = ints(r, 2, -2, 2);
  const b = r.int(-2, 2);
  const errors = xs.map((x, i) => dot(w, x) + b - ys[i]!);
  if (errors.every((e) => e === 0)) reject("a perfect fit");
  const scale = q(2, N);
  const gw = [0, 1].map((k) => qMul(scale, q(errors.reduce((s, e, i) => s + e * xs[i]![k]!, 0))));
  const gb = qMul(scale, q(errors.reduce((s, e) => s + e, 0)));
  const asks = r.pick(["gw", "dw", "db"] as const);
  const layout: Layout = asks === "dw" ? "row" : "column";
  const data = xs.map((x, i) => `x${sub(i + 1)} = ${vecText(x)}, y${sub(i + 1)} = ${ys[i]!}`).join("; ");
  const head = `C(w, b) = (1/N) Σ (w·xᵢ + b − yᵢ)² over N = ${N} samples: ${data}; at w = ${vecText(w)}, b = ${b}.`;
  const headLatex = `C = \\frac{1}{${N}} \\sum_{i=1}^{${N}} (\\mathbf{w} \\cdot \\mathbf{x}_i + b - y_i)^2,\\ \\mathbf{w} = ${vecText(w)},\\ b = ${b}`;
  const steps = [
    { text: `Residuals eᵢ = w·xᵢ + b − yᵢ: ${errors.join(", ")}.` },
    {
      text: `∂C/∂w = (2/N) Σ eᵢ xᵢᵀ (a row), ∇_w C its transpose; ∂C/∂b = (2/N) Σ eᵢ. The factor 2 comes from the square, 1/N from the mean.`,
    },
  ];
  const given = {
    decls: { w: decl.vector(2), b: decl.scalar, x: decl.matrix(N, 2), y: decl.vector(N) },
    f: "C = (1/N) sum_i (w·x_i + b - y_i)^2",
    wrt: asks === "db" ? "b" : "w",
    asks: asks === "gw" ? "gradient" : "derivative",
    at: { w, b, x: xs, y: ys },
  };
  const variants = (k: Q) => ({ noTwo: qMul(k, q(1, 2)), noMean: qMul(k, q(N)) });
  if (asks === "db") {
    checkNiceKey([[gb]]);
    return {
      kind: "concrete",
      template: asks,
      problem: {
        statement: `${head} Find ∂C/∂b (a number).`,
        latex: `${headLatex}:\\ \\frac{\\partial C}{\\partial b}`,
        given,
        answer: [[qText(gb)]],
        vars: [],
        grid: gridSpec(1, 1, "∂C/∂b, a number", "number"),
        steps: [...steps, { text: `∂C/∂b = (2/${N})(${errors.join(" + ")}) = ${qText(gb)}.` }],
        mistakes: [
          mistake("missing_factor_2", "The square brings down a factor 2: ∂C/∂b = (2/N) Σ eᵢ.", [
            [qText(variants(gb).noTwo)],
          ]),
          mistake("missing_mean", "C is a mean: divide the sum by N.", [[qText(variants(gb).noMean)]]),
        ],
      },
    };
  }
  checkNiceKey(column(gw));
  const object = asks === "gw" ? "the gradient ∇_w C (2×1 column)" : "the derivative ∂C/∂w (1×2 row)";
  return {
    kind: "concrete",
    template: asks,
    problem: {
      statement: `${head} Find ${asks === "gw" ? "∇_w C, a 2×1 column" : "∂C/∂w, a 1×2 row"}.`,
      latex: `${headLatex}:\\ ${asks === "gw" ? "\\nabla_{\\mathbf{w}} C" : "\\frac{\\partial C}{\\partial \\mathbf{w}}"}`,
      given,
      answer: vectorAnswer(gw, layout),
      vars: [],
      grid: vectorGrid(2, layout, object, ["∂C/∂w₁", "∂C/∂w₂"]),
      steps: [
        ...steps,
        {
          text: `Σ eᵢ xᵢ = ${vecText([0, 1].map((k) => errors.reduce((s, e, i) => s + e * xs[i]![k]!, 0)))}; times 2/${N}: ${vecText(gw.map(qText))}.`,
        },
      ],
      mistakes: [
        mistake(
          "missing_factor_2",
          "The square brings down a factor 2: (2/N) Σ eᵢ xᵢ.",
          vectorAnswer(
            gw.map((g) => variants(g).noTwo),
            layout,
          ),
        ),
        mistake(
          "missing_mean",
          "C is a mean: divide the sum by N.",
          vectorAnswer(
            gw.map((g) => variants(g).noMean),
            layout,
          ),
        ),
      ],
    },
  };
}

// ---------------------------------------------------------------- softmax cross-entropy

function softmaxCrossEntropy(r: Rng): Draft {
  const n = r.int(3, 5);
  const k = ints(r, n, 1, 5);
  const cls = r.int(0, n - 1);
  const total = k.reduce((s, v) => s + v, 0);
  const s = k.map((v) => q(v, total));
  const y = k.map((_, i) => (i === cls ? 1 : 0));
  const g = s.map((si, i) => qSub(si, q(y[i]!)));
  const zText = k.map((v) => (v === 1 ? "0" : `ln(${v})`));
  const layout: Layout = r.next() < 0.5 ? "row" : "column";
  const name = layout === "row" ? "∂L/∂z" : "∇_z L";
  return {
    kind: "concrete",
    template: `${n}-classes-${layout}`,
    problem: {
      statement: `Logits z = ${vecText(zText)}, s = softmax(z), and the cross-entropy loss L = −Σ yᵢ ln sᵢ with the one-hot label y = ${vecText(y)}. Find ${name}, ${layout === "row" ? `a 1×${n} row` : `a ${n}×1 column`}.`,
      latex: `\\mathbf{z} = ${vecLatex(zText)},\\ L = -\\sum_i y_i \\ln \\operatorname{softmax}(\\mathbf{z})_i,\\ \\mathbf{y} = ${vecText(y)}:\\ ${layout === "row" ? "\\frac{\\partial L}{\\partial \\mathbf{z}}" : "\\nabla_{\\mathbf{z}} L"}`,
      given: {
        decls: { z: decl.vector(n), y: decl.vector(n) },
        f: "L = -sum(y ⊙ ln(softmax(z)))",
        wrt: "z",
        asks: layout === "row" ? "derivative" : "gradient",
        at: { z: zText, y },
      },
      answer: vectorAnswer(g, layout),
      vars: [],
      grid: vectorGrid(
        n,
        layout,
        layout === "row" ? `the derivative ∂L/∂z (1×${n} row)` : `the gradient ∇_z L (${n}×1 column)`,
        k.map((_, i) => `∂L/∂z${sub(i + 1)}`),
      ),
      steps: [
        {
          text: `eᶻ = ${vecText(k)} (e^(ln k) = k), their sum is ${total}, so s = softmax(z) = ${vecText(s.map(qText))}.`,
        },
        {
          text: "For softmax followed by cross-entropy the gradient simplifies to s − y.",
          latex: "\\nabla_{\\mathbf{z}} L = \\mathbf{s} - \\mathbf{y}",
        },
        { text: `s − y = ${vecText(g.map(qText))}.` },
      ],
      mistakes: [
        mistake(
          "softmax_y_minus_s",
          "The sign is reversed: the gradient is s − y, not y − s.",
          vectorAnswer(
            g.map((v) => qMul(v, q(-1))),
            layout,
          ),
        ),
        mistake(
          "softmax_forgot_y",
          "That is s alone: subtract the one-hot label, s − y.",
          vectorAnswer(s, layout),
        ),
      ],
    },
  };
}

// ---------------------------------------------------------------- backpropagation through two layers

function backprop(r: Rng): Draft {
  const x = ints(r, 2, -2, 2);
  if (x.every((v) => v === 0)) reject("zero input");
  const W1 = [ints(r, 2, -2, 2), ints(r, 2, -2, 2)];
  const b1 = ints(r, 2, -2, 2);
  const z = W1.map((wr, i) => dot(wr, x) + b1[i]!);
  if (z.some((v) => v === 0)) reject("a pre-activation at the ReLU kink");
  if (z.every((v) => v < 0)) reject("every unit closed");
  const h = z.map((v) => Math.max(0, v));
  const w2 = [r.nonzero(-2, 2), r.nonzero(-2, 2)];
  const b2h = r.int(-2, 2);
  const b2 = q(b2h, 2);
  const yv = r.int(-2, 3);
  const yhat = qAdd(q(dot(w2, h)), b2);
  const e = qSub(yhat, q(yv));
  if (qVal(e) === 0) reject("zero loss");
  const dy = qMul(q(2), e);
  const gate = z.map((v) => (v > 0 ? 1 : 0));
  const delta = w2.map((v, i) => qMul(dy, q(v * gate[i]!)));
  const deltaNoGate = w2.map((v) => qMul(dy, q(v)));
  const asks = r.pick(["W1", "b1", "w2", "b2"] as const);
  const L = qMul(e, e);
  const steps = [
    {
      text: `Forward: z = W₁x + b₁ = ${vecText(z)}; h = max(0, z) = ${vecText(h)}; ŷ = w₂·h + b₂ = ${qText(yhat)}; L = (ŷ − y)² = ${qText(L)}.`,
    },
    { text: `Backward: ∂L/∂ŷ = 2(ŷ − y) = ${qText(dy)}.` },
  ];
  const given = {
    decls: {
      x: decl.vector(2),
      W1: decl.matrix(2, 2),
      b1: decl.vector(2),
      w2: decl.vector(2),
      b2: decl.scalar,
      y: decl.scalar,
    },
    f: "L = (w2·max(0, W1 x + b1) + b2 - y)^2",
    wrt: asks,
    asks: asks === "b2" ? "derivative" : "gradient",
    at: { x, W1, b1, w2, b2: qText(b2), y: yv },
  };
  const head = `A two-layer network: z = W₁x + b₁, h = max(0, z) (per entry), ŷ = w₂·h + b₂, loss L = (ŷ − y)², with x = ${vecText(x)}, W₁ = ${matText(W1)}, b₁ = ${vecText(b1)}, w₂ = ${vecText(w2)}, b₂ = ${qText(b2)}, y = ${yv}.`;
  const headLatex = `\\mathbf{x} = ${vecLatex(x)},\\ W_1 = ${matLatex(W1)},\\ \\mathbf{b}_1 = ${vecLatex(b1)},\\ \\mathbf{w}_2 = ${vecLatex(w2)},\\ b_2 = ${numLatex(qText(b2))},\\ y = ${yv}`;
  const deltaStep = {
    text: `Through the output layer and the ReLU gate: δ = ∂L/∂z = 2(ŷ − y) w₂ ⊙ [z > 0] = ${qText(dy)} · ${vecText(w2)} ⊙ ${vecText(gate)} = ${vecText(delta.map(qText))}.`,
  };
  const make = (
    statementAsk: string,
    latexAsk: string,
    answer: string[][],
    grid: GridSpec,
    more: { text: string }[],
    mistakes: ReturnType<typeof mistake>[],
  ): Draft => ({
    kind: "concrete",
    template: asks,
    problem: {
      statement: `${head} Find ${statementAsk}.`,
      latex: `${headLatex}:\\ ${latexAsk}`,
      given,
      answer,
      vars: [],
      grid,
      steps: [...steps, ...more],
      mistakes,
    },
  });
  const gated = gate.some((g) => g === 0);
  switch (asks) {
    case "b2":
      checkNiceKey([[dy]]);
      return make(
        "∂L/∂b₂ (a number)",
        "\\frac{\\partial L}{\\partial b_2}",
        [[qText(dy)]],
        gridSpec(1, 1, "∂L/∂b₂, a number", "number"),
        [{ text: `∂ŷ/∂b₂ = 1, so ∂L/∂b₂ = ${qText(dy)}.` }],
        [mistake("missing_factor_2", "The square brings down a factor 2: ∂L/∂ŷ = 2(ŷ − y).", [[qText(e)]])],
      );
    case "w2": {
      const key = h.map((v) => qMul(dy, q(v)));
      checkNiceKey(column(key));
      return make(
        "∇_{w₂} L, a 2×1 column",
        "\\nabla_{\\mathbf{w}_2} L",
        vectorAnswer(key, "column"),
        vectorGrid(2, "column", "the gradient ∇_{w₂} L (2×1 column)", ["∂L/∂w₂,₁", "∂L/∂w₂,₂"]),
        [{ text: `∂ŷ/∂w₂ = hᵀ, so ∇_{w₂} L = 2(ŷ − y) h = ${vecText(key.map(qText))}.` }],
        [
          mistake(
            "preactivation_for_activation",
            "Use the activation h = max(0, z), not the pre-activation z.",
            vectorAnswer(
              z.map((v) => qMul(dy, q(v))),
              "column",
            ),
          ),
          mistake(
            "missing_factor_2",
            "The square brings down a factor 2: ∂L/∂ŷ = 2(ŷ − y).",
            vectorAnswer(
              h.map((v) => qMul(e, q(v))),
              "column",
            ),
          ),
        ],
      );
    }
    case "b1":
      checkNiceKey(column(delta));
      return make(
        "∇_{b₁} L, a 2×1 column",
        "\\nabla_{\\mathbf{b}_1} L",
        vectorAnswer(delta, "column"),
        vectorGrid(2, "column", "the gradient ∇_{b₁} L (2×1 column)", ["∂L/∂b₁,₁", "∂L/∂b₁,₂"]),
        [deltaStep, { text: `∂z/∂b₁ = I, so ∇_{b₁} L = δ = ${vecText(delta.map(qText))}.` }],
        gated
          ? [
              mistake(
                "missing_gate",
                "A unit with z < 0 is switched off by the ReLU: its entry of δ is 0 (multiply by the gate [z > 0]).",
                vectorAnswer(deltaNoGate, "column"),
              ),
            ]
          : [],
      );
    default: {
      const key = delta.map((d) => x.map((xv) => qMul(d, q(xv))));
      const noGate = deltaNoGate.map((d) => x.map((xv) => qMul(d, q(xv))));
      checkNiceKey(key);
      return make(
        "∇_{W₁} L, a 2×2 matrix (W₁'s shape)",
        "\\nabla_{W_1} L",
        textGrid(key),
        gridSpec(2, 2, "the gradient ∇_{W₁} L (2×2, W₁'s shape)", "number", [
          ["∂L/∂W₁,₁₁", "∂L/∂W₁,₁₂"],
          ["∂L/∂W₁,₂₁", "∂L/∂W₁,₂₂"],
        ]),
        [
          deltaStep,
          { text: `∇_{W₁} L = δ xᵀ (an outer product with W₁'s shape) = ${matText(textGrid(key))}.` },
        ],
        gated
          ? [
              mistake(
                "missing_gate",
                "A unit with z < 0 is switched off by the ReLU: its row of the gradient is 0 (multiply by the gate [z > 0]).",
                textGrid(noGate),
              ),
            ]
          : [],
      );
    }
  }
}

export const NETWORK_SKILLS: SkillDef[] = [
  {
    id: "neuron-gradient",
    title: "The gradient of a neuron",
    topic: "network-gradients",
    kind: "concrete",
    description:
      "For a = max(0, w·x + b): ∂a/∂w = [z > 0] xᵀ (a row), ∇_w a its transpose, ∂a/∂b = [z > 0]; a closed gate passes nothing back.",
    prerequisites: ["jacobian-at-a-point", "shapes-of-derivatives"],
    version: 1,
    hint: "Compute z = w·x + b first: its sign decides whether anything passes through the ReLU.",
    gen: neuronGradient,
  },
  {
    id: "mean-squared-error-gradient",
    title: "The gradient of the mean squared error",
    topic: "network-gradients",
    kind: "concrete",
    description:
      "For C = (1/N) Σ (w·xᵢ + b − yᵢ)²: ∇_w C = (2/N) Σ eᵢ xᵢ and ∂C/∂b = (2/N) Σ eᵢ, with the residuals eᵢ.",
    prerequisites: ["neuron-gradient"],
    version: 1,
    hint: "Compute each residual eᵢ = w·xᵢ + b − yᵢ first; the square gives a factor 2, the mean a factor 1/N.",
    gen: mseGradient,
  },
  {
    id: "softmax-cross-entropy",
    title: "Softmax with cross-entropy",
    topic: "network-gradients",
    kind: "concrete",
    description: "The gradient of −Σ yᵢ ln softmax(z)ᵢ with respect to the logits z is s − y.",
    prerequisites: ["jacobian-at-a-point", "derivative-exponential"],
    version: 2,
    hint: "Compute s = softmax(z) (e^(ln k) = k), then subtract the one-hot label.",
    gen: softmaxCrossEntropy,
  },
  {
    id: "backpropagation-two-layers",
    title: "Backpropagation through two layers",
    topic: "network-gradients",
    kind: "concrete",
    description:
      "Run the network forward, then pass ∂L/∂ŷ back layer by layer: through w₂, through the ReLU gate, and into W₁ as the outer product δxᵀ.",
    prerequisites: ["mean-squared-error-gradient", "shapes-of-derivatives"],
    version: 1,
    hint: "Write down z, h, ŷ and L first; then ∂L/∂ŷ = 2(ŷ − y), and multiply by the local derivatives on the way back.",
    gen: backprop,
  },
];
