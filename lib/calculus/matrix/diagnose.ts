// Naming the mistake behind a wrong matrix answer (docs/core.md, "Matrix calculus"): typical wrong
// variants of the key (mistakes.ts), typical wrong derivative rules (for keys computed by AD), and
// simple changes of the key's values (transposed, negated, a factor 2 or N off) are evaluated at the
// samples the answer was graded on. A mistake is named only when its variant agrees with the answer
// at every sample and differs from the key at one of them.
import type { MExpr } from "./ast";
import { compileProgram } from "./eval";
import { FLOAT, transposeArray } from "./field";
import type { Sample } from "./grade";
import type { KeySource } from "./key";
import { keyVariants } from "./mistakes";
import { toText } from "./print";
import { sizeOf } from "./sample";
import { type Decls, type Shape, showShape } from "./shape";
import { type Typed, typecheck } from "./types";

export interface Diagnosis {
  readonly code: string;
  readonly message: string;
}

const close = (a: number, b: number) =>
  a === b || Math.abs(a - b) <= 1e-7 * Math.max(1, Math.abs(a), Math.abs(b));
const allClose = (a: Float64Array, b: Float64Array) =>
  a.length === b.length && a.every((x, i) => close(x, b[i]!));

/** Does `candidate` give the answer's values at every sample, and differ from the key at one? */
function matches(samples: readonly Sample[], candidate: (s: Sample) => Float64Array | null): boolean {
  if (samples.length === 0) return false;
  let differs = false;
  for (const s of samples) {
    const v = candidate(s);
    if (!v || !allClose(v, s.answer)) return false;
    if (!allClose(v, s.key)) differs = true;
  }
  return differs;
}

export function layoutMessage(key: Shape): string {
  if (key.rows === 1 && key.cols !== 1) {
    return `Right values, but a column where the row (1×${key.cols}) was asked: in numerator layout the derivative of a scalar by a vector is a row.`;
  }
  if (key.cols === 1 && key.rows !== 1) {
    return `Right values, but a row where the column (${key.rows}×1) was asked: a gradient has the shape of its variable.`;
  }
  return `Your answer is the transpose of the correct one (a layout mistake): rows are the outputs, columns the inputs (${showShape(key)}).`;
}

const layout = (key: Shape): Diagnosis => ({ code: "layout", message: layoutMessage(key) });

/** Values of a typed expression at a sample (null where it cannot be compiled for those sizes). */
function valuesAt(typed: Typed, s: Sample): Float64Array | null {
  try {
    const p = compileProgram(typed, sizeOf(s.sizes));
    return p ? p.run({ inputs: s.inputs }).v : null;
  } catch {
    return null;
  }
}

/** A wrong shape: is it a known one? */
function byShape(decls: Decls, key: KeySource, answer: Typed, samples: readonly Sample[]): Diagnosis {
  const ks = key.shape;
  const as = answer.shape;
  const at = (s: Sample) => valuesAt(answer, s);
  const size = (s: Sample) => sizeOf(s.sizes);
  const isCol = (x: Shape) => x.cols === 1 && x.rows !== 1;
  if (
    (isCol(as) || (as.rows === 1 && as.cols !== 1)) &&
    ks.rows === ks.cols &&
    ks.rows === (isCol(as) ? as.rows : as.cols)
  ) {
    const ok = samples.every((s) => {
      const n = size(s)(ks.rows);
      const v = at(s);
      if (!v || v.length !== n) return false;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          if (!close(s.key[i * n + j]!, i === j ? v[i]! : 0)) return false;
        }
      }
      return true;
    });
    if (ok && samples.length) {
      return {
        code: "vector_for_diag",
        message: `Your answer is the vector of the diagonal entries; the answer is the ${showShape(ks)} diagonal matrix diag(…) (the Jacobian of an entry-by-entry operation).`,
      };
    }
  }
  if (as.rows === 1 && as.cols === 1) {
    const scalarEverywhere =
      samples.length > 0 &&
      samples.every((s) => {
        const v = at(s);
        return !!v && s.key.every((k) => close(k, v[0]!));
      });
    if (scalarEverywhere) {
      return {
        code: "ones_vector",
        message: `Your answer is a scalar, but the answer is ${showShape(ks)}: the same value in every entry is that value times 1_${ks.rows} (the vector of ones), not a bare number.`,
      };
    }
    if (ks.rows === ks.cols) {
      const identity =
        samples.length > 0 &&
        samples.every((s) => {
          const v = at(s);
          const n = size(s)(ks.rows);
          return !!v && s.key.every((k, i) => close(k, Math.floor(i / n) === i % n ? v[0]! : 0));
        });
      if (identity) {
        return {
          code: "identity",
          message: `Your answer is a scalar, but the answer is the ${showShape(ks)} matrix: that number times the identity I.`,
        };
      }
    }
  }
  if (ks.rows === 1 && ks.cols === 1 && (as.rows === 1 || as.cols === 1)) {
    const summed =
      samples.length > 0 &&
      samples.every((s) => {
        const v = at(s);
        return (
          !!v &&
          close(
            s.key[0]!,
            v.reduce((p, q) => p + q, 0),
          )
        );
      });
    if (summed) {
      return {
        code: "not_summed",
        message:
          "Your answer is a vector whose sum is the answer: a derivative of a sum over samples (a bias gradient) adds up the per-sample terms.",
      };
    }
  }
  void decls;
  return {
    code: "wrong_shape",
    message: `Your answer is ${showShape(as)}, but the answer is ${showShape(ks)}.`,
  };
}

/** Same shape, wrong values: which mistake is it? */
function byValues(
  decls: Decls,
  key: KeySource,
  answer: Typed,
  samples: readonly Sample[],
  transposed: boolean,
): Diagnosis | undefined {
  void answer;
  const ks = key.shape;
  const square = ks.rows === ks.cols && ks.rows !== 1;
  if (!transposed && square) {
    if (
      matches(samples, (s) => {
        const n = sizeOf(s.sizes)(ks.rows);
        return transposeArray(s.key, n, n);
      })
    )
      return layout(ks);
  }
  if (key.expr) {
    for (const v of keyVariants(key.expr)) {
      const t = typecheck(v.expr, decls, ks);
      if (!t.ok || t.typed.shape.rows !== ks.rows || t.typed.shape.cols !== ks.cols) continue;
      if (matches(samples, (s) => valuesAt(t.typed, s))) return { code: v.code, message: v.message };
    }
  }
  if (key.slip) {
    const slips = [
      [
        "gate-dropped",
        "gate_dropped",
        "The ReLU gate is missing: the derivative of max(0, z) is [z > 0], which is 0 where z < 0.",
      ],
      ["sigmoid-as-sigmoid", "sigmoid_derivative", "σ'(z) is σ(z)(1 − σ(z)), not σ(z)."],
      [
        "sigmoid-as-tanh",
        "sigmoid_derivative",
        "σ'(z) is σ(z)(1 − σ(z)); 1 − σ(z)² is the derivative of tanh.",
      ],
    ] as const;
    for (const [slip, code, message] of slips) {
      const variant = key.slip(slip);
      const compiled = new Map<number, ReturnType<KeySource["compile"]>>();
      const candidate = (s: Sample) => {
        if (!compiled.has(s.choice)) compiled.set(s.choice, variant.compile(sizeOf(s.sizes), FLOAT));
        return compiled.get(s.choice)?.run(s.inputs, []) ?? null;
      };
      if (matches(samples, candidate)) return { code, message };
    }
  }
  const scaled = (c: number | ((s: Sample) => number)) => (s: Sample) => {
    const f = typeof c === "number" ? c : c(s);
    return s.key.map((x) => x * f);
  };
  if (matches(samples, scaled(-1)))
    return {
      code: "sign_error",
      message: "Your answer has the wrong sign (check the order of a difference, such as ŷ − y).",
    };
  if (matches(samples, scaled(0.5)))
    return {
      code: "missing_factor",
      message: "Your answer is half the correct one: a factor 2 is missing (the derivative of a square).",
    };
  if (matches(samples, scaled(2)))
    return {
      code: "extra_factor",
      message: "Your answer is twice the correct one: there is a factor 2 too many.",
    };
  for (const d of decls.dims) {
    if (
      matches(
        samples,
        scaled((s) => s.sizes.get(d)!),
      )
    ) {
      return {
        code: "missing_mean",
        message: `Your answer is ${d} times the correct one: the factor 1/${d} of the mean is missing.`,
      };
    }
    if (
      matches(
        samples,
        scaled((s) => 1 / s.sizes.get(d)!),
      )
    ) {
      return {
        code: "extra_factor",
        message: `Your answer is the correct one divided by ${d}: there is a factor 1/${d} too many.`,
      };
    }
  }
  return undefined;
}

export const diagnose = { layout, byShape, byValues };
export type { MExpr };
export { toText };
