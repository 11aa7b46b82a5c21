// Part 2 with symbols: the derivatives of linear maps, element-wise operators and functions, scalar
// expansion, sum reduction and the dot product. Each answer is a vector or matrix expression in the
// declared symbols (`-diag(w ⊘ (x ⊙ x))`), keyed by the rule the skill teaches and confirmed by the
// matrix core's automatic differentiation when the problem is built (matrix-problem.ts).
import type { Draft } from "./build";
import type { SkillDef } from "./catalogue-types";
import { type MatrixDraft, matrixTex } from "./matrix-problem";
import type { Rng } from "./random";

type Decls = MatrixDraft["decls"];
type Step = { text: string; latex?: string };

/** Vector and matrix names a problem may use, and pairs of dimension names. */
export const VECTORS = ["x", "u", "v", "h", "z"] as const;
export const MATRICES = ["A", "W", "B", "M"] as const;
const DIMS = [
  ["n", "m"],
  ["k", "n"],
  ["m", "p"],
  ["p", "k"],
] as const;

/** Distinct names from a list. */
export function names<T extends string>(r: Rng, from: readonly T[], count: number): T[] {
  const pool = [...from];
  const out: T[] = [];
  for (let i = 0; i < count; i++) out.push(pool.splice(r.int(0, pool.length - 1), 1)[0]!);
  return out;
}

export function dims(r: Rng): [string, string] {
  const [a, b] = r.pick(DIMS);
  return [a, b];
}

/** A coefficient other than 0 and ±1, in [-9, 9]. */
export function coef(r: Rng): number {
  for (;;) {
    const c = r.nonzero(-9, 9);
    if (Math.abs(c) > 1) return c;
  }
}

/** `c term` as typed: "3 A", "-2 x". */
export const times = (c: number, term: string): string =>
  c === 1 ? term : c === -1 ? `-${term}` : `${c} ${term}`;

/** `+ c term` or `- |c| term`, to follow another term. */
export const plus = (c: number, term: string): string =>
  c < 0 ? `- ${times(-c, term)}` : `+ ${times(c, term)}`;

/** A worked step with its mathematics typeset from matrix notation. */
export function step(decls: Decls, text: string, math?: string): Step {
  return math ? { text, latex: matrixTex(decls, math) } : { text };
}

/** A matrix draft with the name of the template it was drawn from. */
export const matrixDraftNamed =
  (template: string) =>
  (d: MatrixDraft): Draft => ({ kind: "matrix", problem: d, template });

function linearMaps(r: Rng): Draft {
  const [n, m] = dims(r);
  const [A, B] = names(r, MATRICES, 2);
  const [x, u] = names(r, VECTORS, 2);
  const c = coef(r);
  const decls: Decls = { [A!]: `${m} x ${n}`, [x!]: n, [u!]: m };
  const t = r.int(0, 4);
  const named = matrixDraftNamed(
    [
      "scaled-map-plus-vector",
      "map-plus-scaled-vector",
      "sum-of-maps",
      "scaled-vector-minus-map",
      "product-of-maps",
    ][t]!,
  );
  const rule = step(decls, "A linear map's Jacobian is its matrix: ∂(Mx)/∂x = M, ∂(x)/∂x = I.");
  if (t === 0) {
    const f = `${times(c, `${A} ${x}`)} + ${u}`;
    return named({
      decls,
      name: "y",
      f,
      wrt: x!,
      asks: "derivative",
      key: times(c, A!),
      steps: [
        rule,
        step(decls, `The constant ${u} does not depend on ${x}: its Jacobian is 0.`),
        step(decls, `The factor ${c} stays: ∂y/∂${x} = ${c}${A}, an ${m}×${n} matrix.`, times(c, A!)),
      ],
    });
  }
  if (t === 1) {
    const f = `${A} ${x} ${plus(c, u!)}`;
    return named({
      decls,
      name: "y",
      f,
      wrt: u!,
      asks: "derivative",
      key: times(c, `I_${m}`),
      steps: [
        rule,
        step(
          decls,
          `${A}${x} does not depend on ${u}; ∂(${c}${u})/∂${u} = ${c}I, an ${m}×${m} matrix.`,
          times(c, `I_${m}`),
        ),
      ],
    });
  }
  if (t === 2) {
    const declsAB: Decls = { [A!]: `${m} x ${n}`, [B!]: `${m} x ${n}`, [x!]: n };
    return named({
      decls: declsAB,
      name: "y",
      f: `${A} ${x} ${c < 0 ? "-" : "+"} ${times(Math.abs(c), `${B} ${x}`)}`,
      wrt: x!,
      asks: "derivative",
      key: `${A} ${c < 0 ? "-" : "+"} ${times(Math.abs(c), B!)}`,
      steps: [
        step(declsAB, "The Jacobian of a sum is the sum of the Jacobians, and ∂(Mx)/∂x = M."),
        step(declsAB, "So:", `${A} ${c < 0 ? "-" : "+"} ${times(Math.abs(c), B!)}`),
      ],
    });
  }
  if (t === 3) {
    const declsSq: Decls = { [A!]: `${n} x ${n}`, [x!]: n };
    return named({
      decls: declsSq,
      name: "y",
      f: `${times(c, x!)} - ${A} ${x}`,
      wrt: x!,
      asks: "derivative",
      key: `${times(c, `I_${n}`)} - ${A}`,
      steps: [
        step(declsSq, `∂(${c}${x})/∂${x} = ${c}I (the identity scaled) and ∂(${A}${x})/∂${x} = ${A}.`),
        step(declsSq, "So:", `${times(c, `I_${n}`)} - ${A}`),
      ],
    });
  }
  const [k] = names(r, ["q", "r", "s"], 1);
  const declsAB: Decls = { [A!]: `${m} x ${k}`, [B!]: `${k} x ${n}`, [x!]: n, [u!]: n };
  const byX = r.next() < 0.5;
  const key = byX ? `${A} ${B}` : times(c, `${A} ${B}`);
  return named({
    decls: declsAB,
    name: "y",
    f: `${A} ${B} (${x} ${plus(c, u!)})`,
    wrt: byX ? x! : u!,
    asks: "derivative",
    key,
    steps: [
      step(
        declsAB,
        `A composition of linear maps multiplies their matrices in order: ∂(${A}${B}v)/∂v = ${A}${B} (${m}×${n}).`,
      ),
      byX
        ? step(declsAB, `By ${x}:`, key)
        : step(declsAB, `By ${u}, the factor ${c} in front of ${u} stays:`, key),
    ],
  });
}

function elementwiseBinary(r: Rng): Draft {
  const [n] = dims(r);
  const [w, x] = names(r, VECTORS, 2);
  const c = coef(r);
  const t = r.int(0, 5);
  const named = matrixDraftNamed(
    [
      "product-by-right",
      "product-by-left",
      "quotient-by-numerator",
      "quotient-by-denominator",
      "square-plus-vector",
      "difference",
    ][t]!,
  );
  const decls: Decls = { [w!]: n, [x!]: t === 2 || t === 3 ? { shape: n, props: ["positive"] } : n };
  const diagRule = step(
    decls,
    "An element-wise operation gives a diagonal Jacobian: entry i of the output depends on entry i of each input only.",
  );
  switch (t) {
    case 0:
      return named({
        decls,
        f: `${w} .* ${times(c, x!)}`,
        wrt: x!,
        asks: "derivative",
        key: times(c, `diag(${w})`),
        steps: [diagRule, step(decls, `∂(${c}${w}ᵢ${x}ᵢ)/∂${x}ᵢ = ${c}${w}ᵢ, so:`, times(c, `diag(${w})`))],
      });
    case 1:
      return named({
        decls,
        f: `${times(c, w!)} .* ${x}`,
        wrt: w!,
        asks: "derivative",
        key: times(c, `diag(${x})`),
        steps: [diagRule, step(decls, `∂(${c}${w}ᵢ${x}ᵢ)/∂${w}ᵢ = ${c}${x}ᵢ, so:`, times(c, `diag(${x})`))],
      });
    case 2:
      return named({
        decls,
        f: `${times(c, w!)} ./ ${x}`,
        wrt: x!,
        asks: "derivative",
        key: times(-c, `diag(${w} ./ (${x} .* ${x}))`),
        steps: [
          diagRule,
          step(
            decls,
            `∂(${c}${w}ᵢ/${x}ᵢ)/∂${x}ᵢ = ${-c}${w}ᵢ/${x}ᵢ², so:`,
            times(-c, `diag(${w} ./ (${x} .* ${x}))`),
          ),
        ],
      });
    case 3:
      return named({
        decls,
        f: `${times(c, w!)} ./ ${x}`,
        wrt: w!,
        asks: "derivative",
        key: times(c, `diag(1_${n} ./ ${x})`),
        steps: [
          diagRule,
          step(decls, `∂(${c}${w}ᵢ/${x}ᵢ)/∂${w}ᵢ = ${c}/${x}ᵢ, so:`, times(c, `diag(1_${n} ./ ${x})`)),
        ],
      });
    case 4:
      return named({
        decls,
        f: `${times(c, `${x} .* ${x}`)} + ${w}`,
        wrt: x!,
        asks: "derivative",
        key: times(2 * c, `diag(${x})`),
        steps: [
          diagRule,
          step(
            decls,
            `∂(${c}${x}ᵢ²)/∂${x}ᵢ = ${2 * c}${x}ᵢ, and ${w} is a constant here:`,
            times(2 * c, `diag(${x})`),
          ),
        ],
      });
    default:
      return named({
        decls,
        f: `${w} - ${times(c, x!)}`,
        wrt: x!,
        asks: "derivative",
        key: times(-c, `I_${n}`),
        steps: [
          step(decls, "Element-wise subtraction: ∂(wᵢ - c xᵢ)/∂xⱼ is -c when i = j and 0 otherwise."),
          step(decls, "So:", times(-c, `I_${n}`)),
        ],
      });
  }
}

const FUNCTIONS = [
  { fn: "exp", d: (a: string) => `exp(${a})` },
  { fn: "sin", d: (a: string) => `cos(${a})` },
  { fn: "cos", d: (a: string) => `-sin(${a})` },
  { fn: "tanh", d: (a: string, n: string) => `1_${n} - tanh(${a}) .* tanh(${a})` },
  { fn: "sigmoid", d: (a: string, n: string) => `sigmoid(${a}) .* (1_${n} - sigmoid(${a}))` },
] as const;

/** diag of a derivative vector, scaled: "3 diag(cos(3 x))", "-diag(sin(x))" written without "--". */
function scaledDiag(c: number, inner: string): string {
  if (inner.startsWith("-")) return times(-c, `diag(${inner.slice(1)})`);
  return times(c, `diag(${inner})`);
}

function elementwiseFunctions(r: Rng): Draft {
  const [n] = dims(r);
  const [x] = names(r, VECTORS, 1);
  const c = coef(r);
  const t = r.int(0, 6);
  const named = matrixDraftNamed(
    ["exp", "sin", "cos", "tanh", "sigmoid", "logarithm", "product-with-function"][t]!,
  );
  if (t === 5) {
    const decls: Decls = { [x!]: { shape: n, props: ["positive"] } };
    const d = coef(r);
    const key = times(d, `diag(1_${n} ./ ${x})`);
    return named({
      decls,
      f: times(d, `ln(${times(Math.abs(c), x!)})`),
      wrt: x!,
      asks: "derivative",
      key,
      steps: [
        step(decls, "An element-wise function has a diagonal Jacobian with f′(xᵢ) on the diagonal."),
        step(
          decls,
          `∂(${d} ln(${Math.abs(c)}${x}ᵢ))/∂${x}ᵢ = ${d}/${x}ᵢ (the factor ${Math.abs(c)} cancels):`,
          key,
        ),
      ],
    });
  }
  const decls: Decls = { [x!]: n };
  if (t === 6) {
    const e = `exp(${times(c, x!)})`;
    const key = `diag(${e} ${plus(c, `${x} .* ${e}`)})`;
    return named({
      decls,
      f: `${x} .* ${e}`,
      wrt: x!,
      asks: "derivative",
      key,
      steps: [
        step(
          decls,
          `Entry i is ${x}ᵢ e^{${c}${x}ᵢ}: the product rule per entry gives e^{${c}${x}ᵢ} + ${c}${x}ᵢ e^{${c}${x}ᵢ} on the diagonal.`,
        ),
        step(decls, "So:", key),
      ],
    });
  }
  const g = FUNCTIONS[t]!;
  const arg = times(c, x!);
  const key = scaledDiag(c, g.d(arg, n));
  return named({
    decls,
    f: `${g.fn}(${arg})`,
    wrt: x!,
    asks: "derivative",
    key,
    steps: [
      step(decls, "An element-wise function has a diagonal Jacobian: entry i depends on xᵢ only."),
      step(decls, `On the diagonal, by the chain rule: ${g.fn}′(${c}${x}ᵢ) · ${c}.`),
      step(decls, "So:", key),
    ],
  });
}

function scalarExpansion(r: Rng): Draft {
  const [n] = dims(r);
  const [x] = names(r, VECTORS, 1);
  const s = r.pick(["a", "b", "c", "s"] as const);
  const c = coef(r);
  const t = r.int(0, 4);
  const named = matrixDraftNamed(
    [
      "scaled-minus-scalar",
      "plus-scaled-scalar",
      "scalar-times-vector",
      "scaled-plus-scalar",
      "scaled-over-scalar",
    ][t]!,
  );
  const decls: Decls = { [x!]: n, [s]: t === 4 ? { shape: "scalar", props: ["positive"] } : "scalar" };
  const expand = step(decls, `Scalar expansion: ${s} acts as ${s}·𝟏, the same value in every entry.`);
  switch (t) {
    case 0:
      return named({
        decls,
        name: "y",
        f: `${times(c, x!)} - ${s}`,
        wrt: s,
        asks: "derivative",
        key: `-1_${n}`,
        steps: [
          expand,
          step(
            decls,
            `Each entry ${c}${x}ᵢ - ${s} changes by -1 per unit of ${s}: the column -𝟏.`,
            `-1_${n}`,
          ),
        ],
      });
    case 1:
      return named({
        decls,
        name: "y",
        f: `${x} ${plus(c, s)}`,
        wrt: s,
        asks: "derivative",
        key: times(c, `1_${n}`),
        steps: [expand, step(decls, `Each entry changes by ${c} per unit of ${s}:`, times(c, `1_${n}`))],
      });
    case 2: {
      const byS = r.next() < 0.5;
      const key = byS ? times(c, x!) : times(c, `${s} I_${n}`);
      return named({
        decls,
        name: "y",
        f: `${times(c, s)} ${x}`,
        wrt: byS ? s : x!,
        asks: "derivative",
        key,
        steps: [
          step(decls, `Entry i is ${c}${s}${x}ᵢ.`),
          byS
            ? step(decls, `By ${s}: each entry changes by ${c}${x}ᵢ, the column`, key)
            : step(
                decls,
                `By ${x}: entry i depends on ${x}ᵢ only, with slope ${c}${s}, so ${c}${s} times I:`,
                key,
              ),
        ],
      });
    }
    case 3:
      return named({
        decls,
        name: "y",
        f: `${times(c, x!)} + ${s}`,
        wrt: x!,
        asks: "derivative",
        key: times(c, `I_${n}`),
        steps: [
          expand,
          step(decls, `${s} does not depend on ${x}; ∂(${c}${x})/∂${x} = ${c}I:`, times(c, `I_${n}`)),
        ],
      });
    default:
      return named({
        decls,
        name: "y",
        f: `${times(c, x!)} / ${s}`,
        wrt: s,
        asks: "derivative",
        key: times(-c, `${x} / ${s}^2`),
        steps: [
          step(decls, `Each entry is ${c}${x}ᵢ/${s}; its derivative by ${s} is -${c}${x}ᵢ/${s}².`),
          step(decls, "So the column:", times(-c, `${x} / ${s}^2`)),
        ],
      });
  }
}

export const VECTOR_RULE_SKILLS: SkillDef[] = [
  {
    id: "linear-maps",
    title: "Jacobians of linear maps",
    topic: "vector-rules",
    kind: "matrix",
    description:
      "The Jacobian of x ↦ Ax is A; of a sum, the sum of the Jacobians; a constant vector contributes 0 and the identity map I.",
    prerequisites: ["jacobian-symbolic", "shapes-of-derivatives"],
    version: 1,
    hint: "Write the shape first (rows: entries of y, columns: entries of the variable), then take the matrix that multiplies the variable.",
    gen: linearMaps,
  },
  {
    id: "element-wise-binary",
    title: "Element-wise operators",
    topic: "vector-rules",
    kind: "matrix",
    description:
      "For y = w ⊙ x, w ⊘ x, w ± x entry i depends only on wᵢ and xᵢ: the Jacobian is diagonal, diag of the derivative entry by entry.",
    prerequisites: ["linear-maps"],
    version: 1,
    hint: "Differentiate one entry yᵢ by one entry of the variable; put the result on a diagonal with diag( ).",
    gen: elementwiseBinary,
  },
  {
    id: "element-wise-functions",
    title: "Element-wise functions",
    topic: "vector-rules",
    kind: "matrix",
    description:
      "For y = g(x) applied to every entry the Jacobian is diag(g′(x)); with an inner factor, the chain rule per entry.",
    prerequisites: ["element-wise-binary", "derivative-chain-rule"],
    version: 1,
    hint: "Differentiate g at one entry (chain rule included) and put that vector on the diagonal: diag(...).",
    gen: elementwiseFunctions,
  },
  {
    id: "scalar-expansion",
    title: "Scalar expansion",
    topic: "vector-rules",
    kind: "matrix",
    description:
      "A scalar s in a vector expression (x + s, s x) is s𝟏 or s I: by the scalar, a column; by the vector, a multiple of I.",
    prerequisites: ["element-wise-binary"],
    version: 1,
    hint: "By a scalar the answer is a column (one entry per output); by a vector it is a square matrix.",
    gen: scalarExpansion,
  },
];
