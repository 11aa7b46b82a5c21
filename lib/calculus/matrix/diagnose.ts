// Naming the mistake behind a wrong matrix answer (docs/core.md, "Matrix calculus"): typical wrong
// variants of the key (variants.ts), typical wrong derivative rules (for keys computed by AD), and
// simple changes of the key's values (transposed, negated, a factor 2 or N off) are evaluated at the
// samples the answer was graded on. A mistake is named only when its variant agrees with the answer
// at every sample and differs from the key at one of them. Codes and sentences come from the one
// catalogue of mistakes (lib/calculus/mistakes.ts).
import { type Diagnosis, MATRIX_SAID, diagnosisOf } from "../mistakes";
import { type MExpr, children, some, withChildren } from "./ast";
import { type Program, compileProgram } from "./eval";
import { FLOAT, transposeArray } from "./field";
import type { Sample } from "./grade";
import type { KeySource } from "./key";
import { toText } from "./print";
import { sizeOf } from "./sample";
import { type Decls, type Shape, showShape } from "./shape";
import { type Typed, typecheck } from "./types";
import { keyVariants } from "./variants";

export type { Diagnosis };

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

/** Right values in the transposed layout, said for the shape asked. */
function layout(key: Shape): Diagnosis {
  if (key.rows === 1 && key.cols !== 1) return MATRIX_SAID.layoutRow(key.cols);
  if (key.cols === 1 && key.rows !== 1) return MATRIX_SAID.layoutColumn(key.rows);
  return MATRIX_SAID.layoutMatrix(showShape(key));
}

/** Values of a typed expression at a sample (null where it cannot be compiled for those sizes). */
const compiled = new WeakMap<Typed, Map<number, Program | null>>();

function valuesAt(typed: Typed, s: Sample): Float64Array | null {
  try {
    let byChoice = compiled.get(typed);
    if (!byChoice) compiled.set(typed, (byChoice = new Map<number, Program | null>()));
    let p = byChoice.get(s.choice);
    if (p === undefined) byChoice.set(s.choice, (p = compileProgram(typed, sizeOf(s.sizes))));
    return p ? p.run({ inputs: s.inputs }).v : null;
  } catch {
    return null;
  }
}

/** Values of a derivative key computed with a wrong rule, compiled once per choice of sizes. */
function slipValues(variant: KeySource): (s: Sample) => Float64Array | null {
  const compiled = new Map<number, ReturnType<KeySource["compile"]>>();
  return (s) => {
    if (!compiled.has(s.choice)) compiled.set(s.choice, variant.compile(sizeOf(s.sizes), FLOAT));
    return compiled.get(s.choice)?.run(s.inputs, []) ?? null;
  };
}

/** The key with every indicator replaced by 1 (every ReLU gate open). */
function openGates(e: MExpr): MExpr {
  if (e.k === "ind") return { k: "num", value: 1, p: 1, q: 1 };
  const cs = children(e);
  if (cs.length === 0) return e;
  const next = cs.map(openGates);
  return next.every((c, i) => c === cs[i]) ? e : withChildren(e, next);
}

/**
 * One gate for the whole sum instead of one per sample (the source paper's erratum): at every
 * sample the answer is either zero or the derivative with every gate open, both happen, and where
 * it is the open one it differs from the key.
 */
function gateOutside(samples: readonly Sample[], open: (s: Sample) => Float64Array | null): boolean {
  let closed = false;
  let differs = false;
  for (const s of samples) {
    const v = open(s);
    if (!v || v.length !== s.answer.length) return false;
    if (s.answer.every((a) => close(a, 0))) {
      if (!v.every((x) => close(x, 0))) closed = true;
      continue;
    }
    if (!allClose(v, s.answer)) return false;
    if (!allClose(v, s.key)) differs = true;
  }
  return closed && differs;
}

/**
 * Right only for symmetric matrices (2A x where (A + Aᵀ) x belongs): with every square matrix that
 * is not declared symmetric made symmetric, the answer agrees with the key at one sample of each
 * choice of sizes (and it was wrong at the graded ones).
 */
function symmetricOnly(
  decls: Decls,
  key: KeySource,
  answer: Typed,
  samples: readonly Sample[],
): string | null {
  const square = [...decls.symbols.values()].filter(
    (d) =>
      d.shape.rows === d.shape.cols &&
      d.shape.rows !== 1 &&
      !d.props.includes("symmetric") &&
      !d.props.includes("spd"),
  );
  if (square.length === 0) return null;
  const firsts = samples.filter((s, i) => i === 0 || samples[i - 1]!.choice !== s.choice);
  if (firsts.length === 0) return null;
  const right = firsts.every((s) => {
    const inputs = new Map(s.inputs);
    for (const d of square) {
      const n = sizeOf(s.sizes)(d.shape.rows);
      const a = s.inputs.get(d.name)!;
      const at = transposeArray(a, n, n);
      inputs.set(
        d.name,
        a.map((x, i) => (x + at[i]!) / 2),
      );
    }
    const k = key.compile(sizeOf(s.sizes), FLOAT)?.run(inputs, []);
    const v = valuesAt(answer, { ...s, inputs });
    return (
      !!k &&
      !!v &&
      k.every(Number.isFinite) &&
      (v.length === 1 ? k.every((x) => close(x, v[0]!)) : allClose(k, v))
    );
  });
  return right ? square.map((d) => d.name).join(" and ") : null;
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
      return MATRIX_SAID.vectorForDiag(showShape(ks));
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
      return MATRIX_SAID.onesVector(showShape(ks), ks.rows);
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
        return MATRIX_SAID.identity(showShape(ks));
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
      return diagnosisOf("not_summed");
    }
  }
  void decls;
  return MATRIX_SAID.wrongShape(showShape(as), showShape(ks));
}

/** Same shape, wrong values: which mistake is it? */
function byValues(
  decls: Decls,
  key: KeySource,
  answer: Typed,
  samples: readonly Sample[],
  transposed: boolean,
): Diagnosis | undefined {
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
      if (matches(samples, (s) => valuesAt(t.typed, s))) return v.diagnosis;
    }
  }
  if (key.slip) {
    const slips = [
      ["gate-dropped", diagnosisOf("gate_dropped")],
      ["sigmoid-as-sigmoid", MATRIX_SAID.sigmoidAsSigmoid],
      ["sigmoid-as-tanh", MATRIX_SAID.sigmoidAsTanh],
    ] as const;
    for (const [slip, diagnosis] of slips) {
      const candidate = slipValues(key.slip(slip));
      if (matches(samples, candidate)) return diagnosis;
      if (slip === "gate-dropped" && gateOutside(samples, candidate)) return diagnosisOf("gate_outside_sum");
    }
  }
  if (key.expr && some(key.expr.expr, (n) => n.k === "ind")) {
    // the gates of an expression key opened: its ReLU gates dropped (or put outside a sum)
    const opened = typecheck(openGates(key.expr.expr), decls, ks);
    if (opened.ok && gateOutside(samples, (s) => valuesAt(opened.typed, s)))
      return diagnosisOf("gate_outside_sum");
  }
  const notSymmetric = transposed ? null : symmetricOnly(decls, key, answer, samples);
  if (notSymmetric) return MATRIX_SAID.symmetricOnly(notSymmetric);
  if (ks.rows === 1 && ks.cols === 1 && key.source && some(key.source.expr, (n) => n.k === "sum")) {
    // a dimension where a sum of entries belongs (∂sum(x z)/∂z is sum(x), not n)
    for (const d of decls.dims) {
      if (matches(samples, (s) => new Float64Array([s.sizes.get(d)!]))) return diagnosisOf("n_for_sum");
    }
  }
  const scaled = (c: number | ((s: Sample) => number)) => (s: Sample) => {
    const f = typeof c === "number" ? c : c(s);
    return s.key.map((x) => x * f);
  };
  if (matches(samples, scaled(-1))) return MATRIX_SAID.wrongSign;
  if (matches(samples, scaled(0.5))) return MATRIX_SAID.half;
  if (matches(samples, scaled(2))) return diagnosisOf("extra_factor");
  for (const d of decls.dims) {
    if (
      matches(
        samples,
        scaled((s) => s.sizes.get(d)!),
      )
    ) {
      return MATRIX_SAID.timesDim(d);
    }
    if (
      matches(
        samples,
        scaled((s) => 1 / s.sizes.get(d)!),
      )
    ) {
      return MATRIX_SAID.overDim(d);
    }
  }
  return undefined;
}

export const diagnose = { layout, byShape, byValues };
export type { MExpr };
export { toText };
