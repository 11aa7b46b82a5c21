// Grading by random instantiation (docs/core.md, "Matrix calculus"):
//   1. the answer must have the key's symbolic shape; a transposed shape is checked on its transpose
//      and, if its values are right, named as a layout mistake (still wrong);
//   2. three choices of distinct dimensions, several seeded instantiations each; entries compared
//      with the scalar core's tolerance (1e-8 relative to the magnitude of what was combined);
//   3. rational keys and answers also compared exactly modulo a prime below 2^26;
//   4. every side of every kink of a piecewise key sampled (samples within 1e-3 of a kink skipped),
//      or CANNOT_CHECK;
//   5. a wrong answer gets a readable counterexample (entry, sizes, both values) and, where a
//      typical mistake matches it at every sample, a diagnosis (diagnose.ts).
// The key is an expression or the derivative of a function by forward-mode AD (key.ts).
import type { CoreError } from "../errors";
import { TOLERANCE, formatPair, formatValue, hash } from "../equiv";
import type { MExpr } from "./ast";
import { diagnose, type Diagnosis } from "./diagnose";
import { type Gate, type Program, compileProgram } from "./eval";
import { FLOAT, MODP, transposeArray } from "./field";
import type { CompiledKey, KeySource } from "./key";
import { toText } from "./print";
import { type Sizes, dimChoices, generator, instantiate, sizeOf } from "./sample";
import { type Decls, type Dim, type Shape, sameShape, showShape, transposeShape } from "./shape";
import { type Typed, typecheck } from "./types";

export type Grade =
  | {
      readonly ok: true;
      readonly equivalent: boolean;
      readonly diagnosis?: Diagnosis;
      readonly counterexample?: string;
    }
  | { readonly ok: false; readonly error: CoreError };

/** One instantiation: the inputs and both values, kept for diagnosis. */
export interface Sample {
  readonly choice: number;
  readonly sizes: Sizes;
  readonly inputs: ReadonlyMap<string, Float64Array>;
  readonly key: Float64Array;
  /** The answer's values, in the key's layout (transposed back where the answer was transposed). */
  readonly answer: Float64Array;
}

const SAMPLES_PER_CHOICE = 6;
/**
 * When key and answer are both rational, the exact check (below) carries the soundness argument
 * (Schwartz-Zippel over six residue draws); the float draws then only find a readable
 * counterexample and check where each side is defined, and three per choice are enough.
 */
const SAMPLES_PER_CHOICE_WITH_EXACT = 3;
const EXACT_PER_CHOICE = 2;
const TRIES_PER_SAMPLE = 25;
const KINK = 1e-3;

const CANNOT = (message: string): Grade => ({ ok: false, error: { code: "CANNOT_CHECK", message } });

/** Two entries agree: equal, or within the tolerance scaled to their magnitudes. */
export function agree(vk: number, va: number, mk = 0, ma = 0): boolean {
  if (va === vk) return true;
  if (!Number.isFinite(va) || !Number.isFinite(vk)) return false;
  const scale = Math.max(Math.abs(va), Math.abs(vk), mk, ma);
  return Math.abs(va - vk) <= TOLERANCE * scale;
}

function isZeroLiteral(e: MExpr): boolean {
  return (e.k === "num" && e.value === 0) || (e.k === "neg" && isZeroLiteral(e.a));
}

export function describeSizes(sizes: Sizes): string {
  return [...sizes].map(([d, v]) => `${d} = ${v}`).join(", ");
}

function entryName(i: number, rows: number, cols: number): string {
  if (rows * cols === 1) return "";
  if (cols === 1 || rows === 1) return `entry ${i + 1} of `;
  return `entry (${Math.floor(i / cols) + 1}, ${(i % cols) + 1}) of `;
}

interface Prepared {
  readonly shape: Shape;
  readonly typed: Typed;
  /** The answer was typed in the transposed shape: compare its transpose. */
  readonly transposed: boolean;
  /** The answer is the literal 0: the zero of the key's shape. */
  readonly zero: boolean;
}

/** How the answer's shape relates to the key's: comparable, of another shape, or an error. */
function prepare(decls: Decls, key: KeySource, answer: Typed): Prepared | "other" | Grade {
  const zero = isZeroLiteral(answer.expr);
  if (zero) return { shape: key.shape, typed: answer, transposed: false, zero };
  let typed = answer;
  if (answer.free.length > 0) {
    const only = decls.dims.length === 1 ? decls.dims[0] : undefined;
    const again = typecheck(answer.expr, decls, key.shape, only);
    if (again.ok) typed = again.typed;
  }
  const unsized = (t: Typed) => t.free.length > 0;
  if (sameShape(typed.shape, key.shape) && !unsized(typed))
    return { shape: key.shape, typed, transposed: false, zero };
  const flipped = transposeShape(key.shape);
  if (!sameShape(typed.shape, key.shape)) {
    let t = typed;
    if (unsized(t)) {
      const again = typecheck(answer.expr, decls, flipped);
      if (again.ok) t = again.typed;
    }
    if (sameShape(t.shape, flipped) && !unsized(t))
      return { shape: key.shape, typed: t, transposed: true, zero };
  }
  if (unsized(typed) && sameShape(typed.shape, key.shape)) {
    return {
      ok: false,
      error: { code: "UNKNOWN_SIZE", message: "The size of I or 𝟏 cannot be told here: write I_n or 1_n." },
    };
  }
  return "other";
}

/** Grade `answer` against `key`; deterministic (the seed comes from the key). */
export function grade(decls: Decls, key: KeySource, answer: Typed): Grade {
  const prepared = prepare(decls, key, answer);
  if (prepared === "other") {
    // A wrong shape: diagnosis may still compare values (a vector where diag(...) belongs).
    const diagnosis = diagnose.byShape(decls, key, answer, collectKeySamples(decls, key));
    return { ok: true, equivalent: false, diagnosis };
  }
  if ("ok" in prepared) return prepared;
  const seed = hash(key.id);
  const samples: Sample[] = [];
  let counterexample: string | null = null;
  const gates: Gate[] = [];
  let gateCount = 0;
  // The last choice's programs (every dimension ≥ 5), reused by the gate check.
  let last: { k: CompiledKey; a: Program; sizes: Sizes } | null = null;
  const choices = dimChoices(decls);
  // Rational key and answer: compiled modulo the prime (for the first choice; the others alike).
  const exact0 = prepared.zero ? null : exactPrograms(key, prepared.typed, sizeOf(choices[0]!));
  const planned = exact0 ? SAMPLES_PER_CHOICE_WITH_EXACT : SAMPLES_PER_CHOICE;
  for (const [c, sizes] of choices.entries()) {
    const size = sizeOf(sizes);
    const k = key.compile(size, FLOAT);
    if (!k) return CANNOT("This key cannot be evaluated.");
    gateCount = k.gateCount;
    const a = prepared.zero ? null : compileProgram(prepared.typed, size, FLOAT);
    if (a) last = { k, a, sizes };
    const random = generator(seed, c);
    let taken = 0;
    let extra = 0;
    for (
      let tries = 0;
      tries < TRIES_PER_SAMPLE * (SAMPLES_PER_CHOICE + 4) && taken < planned + extra;
      tries++
    ) {
      const inputs = instantiate(decls, size, random);
      const local: Gate[] = [];
      const kv = k.run(inputs, local);
      if (!kv || !kv.every(Number.isFinite)) continue;
      if (local.some((g) => g && g.closest < KINK)) continue;
      if (taken >= planned) {
        // Steering: after the planned samples, keep only those that reach a side not yet seen.
        const adds = local.some((g, i) => g && ((g.pos && !gates[i]?.pos) || (g.neg && !gates[i]?.neg)));
        if (!adds) continue;
      }
      local.forEach((g, i) => {
        const s = (gates[i] ??= { pos: false, neg: false, closest: Infinity });
        s.pos ||= g.pos;
        s.neg ||= g.neg;
      });
      taken++;
      const inKeyLayout = (x: Float64Array) => {
        const y = prepared.transposed
          ? transposeArray(x, size(prepared.typed.shape.rows), size(prepared.typed.shape.cols))
          : x.slice();
        return y.length === 1 && kv.length > 1 ? new Float64Array(kv.length).fill(y[0]!) : y;
      };
      const av = prepared.zero ? new Float64Array(kv.length) : inKeyLayout(a!.run({ inputs }).v);
      samples.push({ choice: c, sizes, inputs, key: kv, answer: av });
      if (counterexample) continue;
      // magnitudes, computed once per sample and only when two entries differ
      let mk: Float64Array | null | undefined;
      let ma: Float64Array | null | undefined;
      for (let i = 0; i < kv.length; i++) {
        if (agree(kv[i]!, av[i]!)) continue;
        if (Number.isFinite(av[i]!)) {
          if (mk === undefined) mk = k.magnitude?.(inputs) ?? null;
          if (ma === undefined) {
            const m = a?.run({ inputs, magnitude: true }).m;
            ma = m ? inKeyLayout(m) : null;
          }
          if (agree(kv[i]!, av[i]!, mk?.[i] ?? 0, ma?.[i] ?? 0)) continue;
        }
        const rows = size(key.shape.rows);
        const cols = size(key.shape.cols);
        const where = `With ${describeSizes(sizes)}: ${entryName(i, rows, cols)}`;
        if (!Number.isFinite(av[i]!)) {
          counterexample = `${where}your answer is undefined, but the correct value is ${formatValue(kv[i]!)}.`;
        } else {
          const [x, y] = formatPair(av[i]!, kv[i]!);
          counterexample = `${where}your answer is ${x}, the correct value is ${y}.`;
        }
        break;
      }
      if (taken === planned) extra = missingSides(gates, k.gateCount) ? 8 : 0;
    }
    if (taken < planned) {
      if (counterexample) break;
      return CANNOT(
        "This answer cannot be checked automatically: the correct answer is undefined at almost every point tried.",
      );
    }
  }
  if (!counterexample && missingSides(gates, gateCount)) {
    return CANNOT(
      "This answer cannot be checked automatically: one case of the correct answer (a side of a ReLU or an indicator) never occurs.",
    );
  }
  if (!counterexample && exact0) {
    const exact = exactCheck(decls, key, prepared, seed, exact0);
    if (exact) counterexample = exact;
  }
  if (!counterexample && last && (last.k.gateCount > 0 || last.a.gateCount > 0))
    counterexample = gateStress(decls, key, prepared, seed, choices.length - 1, last);
  if (!counterexample) {
    if (prepared.transposed) {
      return { ok: true, equivalent: false, diagnosis: diagnose.layout(key.shape) };
    }
    return { ok: true, equivalent: true };
  }
  const named = diagnose.byValues(decls, key, prepared.typed, samples, prepared.transposed);
  return named
    ? { ok: true, equivalent: false, diagnosis: named, counterexample }
    : { ok: true, equivalent: false, counterexample };
}

function missingSides(gates: readonly Gate[], count: number): boolean {
  for (let i = 0; i < count; i++) {
    const g = gates[i];
    if (!g || !g.pos || !g.neg) return true;
  }
  return false;
}

type ExactPrograms = { readonly k: CompiledKey; readonly a: Program };

/** Key and answer compiled modulo the prime, or null when either is not rational. */
function exactPrograms(key: KeySource, answer: Typed, size: (d: Dim) => number): ExactPrograms | null {
  const a = compileProgram(answer, size, MODP);
  const k = a && key.compile(size, MODP);
  return a && k ? { k, a } : null;
}

/** Exact comparison modulo a prime for rational keys and answers; a counterexample or null. */
function exactCheck(
  decls: Decls,
  key: KeySource,
  prepared: Prepared,
  seed: number,
  first: ExactPrograms,
): string | null {
  for (const [c, sizes] of dimChoices(decls).entries()) {
    const size = sizeOf(sizes);
    const programs = c === 0 ? first : exactPrograms(key, prepared.typed, size);
    if (!programs) return null;
    const { k, a } = programs;
    const random = generator(seed, c, 1);
    let taken = 0;
    for (let tries = 0; tries < 20 && taken < EXACT_PER_CHOICE; tries++) {
      const inputs = instantiate(decls, size, random, MODP);
      const kv = k.run(inputs, []);
      if (!kv || !kv.every(Number.isFinite)) continue;
      taken++;
      let av = a.run({ inputs }).v;
      if (prepared.transposed)
        av = transposeArray(av, size(prepared.typed.shape.rows), size(prepared.typed.shape.cols));
      if (av.length === 1 && kv.length > 1) av = new Float64Array(kv.length).fill(av[0]!);
      for (let i = 0; i < kv.length; i++) {
        if (av[i] !== kv[i]) {
          const rows = size(key.shape.rows);
          const cols = size(key.shape.cols);
          return `With ${describeSizes(sizes)}: ${entryName(i, rows, cols)}your answer differs from the correct answer (found by exact arithmetic; the difference is too small to show in decimals).`;
        }
      }
    }
  }
  return null;
}

const GATE_STRESS_SAMPLES = 60;

/**
 * Where the key or the answer has gates (ReLU, indicators), two gated expressions can differ only in
 * a thin wedge of inputs (`[-3z + u > 0]` against `[-4z + u > 0]`) that a few samples miss. Such
 * answers get many more samples at the largest dimensions, away from the kinks of either side; a
 * counterexample or null. Called only when one side has a gate, with that choice's compiled programs.
 */
function gateStress(
  decls: Decls,
  key: KeySource,
  prepared: Prepared,
  seed: number,
  c: number,
  { k, a, sizes }: { k: CompiledKey; a: Program; sizes: Sizes },
): string | null {
  const size = sizeOf(sizes);
  const random = generator(seed, c, 2);
  for (let tries = 0, taken = 0; tries < 3 * GATE_STRESS_SAMPLES && taken < GATE_STRESS_SAMPLES; tries++) {
    const inputs = instantiate(decls, size, random);
    const kGates: Gate[] = [];
    const kv = k.run(inputs, kGates);
    if (!kv || !kv.every(Number.isFinite) || kGates.some((g) => g && g.closest < KINK)) continue;
    const aGates: Gate[] = [];
    let av = a.run({ inputs, gates: aGates }).v;
    if (aGates.some((g) => g && g.closest < KINK)) continue;
    taken++;
    if (prepared.transposed)
      av = transposeArray(av, size(prepared.typed.shape.rows), size(prepared.typed.shape.cols));
    if (av.length === 1 && kv.length > 1) av = new Float64Array(kv.length).fill(av[0]!);
    for (let i = 0; i < kv.length; i++) {
      if (agree(kv[i]!, av[i]!)) continue;
      const where = `With ${describeSizes(sizes)}: ${entryName(i, size(key.shape.rows), size(key.shape.cols))}`;
      if (!Number.isFinite(av[i]!))
        return `${where}your answer is undefined, but the correct value is ${formatValue(kv[i]!)}.`;
      const [x, y] = formatPair(av[i]!, kv[i]!);
      return `${where}your answer is ${x}, the correct value is ${y}.`;
    }
  }
  return null;
}

/** Key values at a few samples (for diagnosing answers of the wrong shape). */
function collectKeySamples(decls: Decls, key: KeySource): Sample[] {
  const out: Sample[] = [];
  const seed = hash(key.id);
  for (const [c, sizes] of dimChoices(decls).entries()) {
    const size = sizeOf(sizes);
    const k = key.compile(size, FLOAT);
    if (!k) continue;
    const random = generator(seed, c);
    for (let tries = 0; tries < 40 && out.filter((s) => s.choice === c).length < 3; tries++) {
      const inputs = instantiate(decls, size, random);
      const kv = k.run(inputs, []);
      if (!kv || !kv.every(Number.isFinite)) continue;
      out.push({ choice: c, sizes, inputs, key: kv, answer: kv });
    }
  }
  return out;
}

export { showShape, toText };
export type { Dim };
