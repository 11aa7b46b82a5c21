// Random instantiation (docs/core.md, "Matrix calculus"): three choices of distinct dimensions
// (never 1; one with every dimension at least 5), and values for every declared symbol from a seeded
// generator: entries on a grid of non-integer values in [-3, 3] (three decimals, never a whole or
// half number); `positive` in (0, 3]; `symmetric` as (B + Bᵀ)/2; `spd` as B Bᵀ + n I. The exact check
// draws residues modulo the prime the same way.
import { rng } from "../equiv";
import { type Field, FLOAT, MODP, PRIME, matmul, transposeArray } from "./field";
import type { Decls, Dim } from "./shape";

export type Sizes = ReadonlyMap<string, number>;

const CHOICES = [
  [2, 3, 4, 6, 7, 8],
  [3, 4, 2, 7, 8, 6],
  [5, 6, 7, 8, 9, 10],
];

/** The three assignments of sizes to the dimension names. */
export function dimChoices(decls: Decls): Sizes[] {
  return CHOICES.map((values) => new Map(decls.dims.map((d, i) => [d, values[i]!])));
}

/** The size of a dimension under `sizes`; free sizes ("?k") are looked up in `free`. */
export function sizeOf(sizes: Sizes, free?: ReadonlyMap<string, Dim>): (d: Dim) => number {
  const size = (d: Dim): number => {
    if (typeof d === "number") return d;
    const f = free?.get(d);
    if (f !== undefined) return size(f);
    const v = sizes.get(d);
    if (v === undefined) throw new Error(`no size for ${d}`);
    return v;
  };
  return size;
}

export type Random = () => number;

function gridValue(random: Random, lo: number, hi: number): number {
  const t = random();
  let v = Math.round((lo + (hi - lo) * (0.001 + 0.998 * t)) * 1000) / 1000;
  if (v * 2 === Math.floor(v * 2)) v = Math.round(v * 1000 + 1) / 1000;
  if (v <= lo || v > hi) v = Math.round(((lo + hi) / 2) * 1000 + 7) / 1000;
  return v;
}

/** Values for every symbol; `field` MODP draws uniform residues instead of grid values. */
export function instantiate(
  decls: Decls,
  size: (d: Dim) => number,
  random: Random,
  field: Field = FLOAT,
): Map<string, Float64Array> {
  const out = new Map<string, Float64Array>();
  const draw = (n: number, positive: boolean) => {
    const a = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      a[i] =
        field === MODP
          ? Math.floor(random() * PRIME)
          : positive
            ? gridValue(random, 0, 3)
            : gridValue(random, -3, 3);
    }
    return a;
  };
  for (const [name, d] of decls.symbols) {
    const r = size(d.shape.rows);
    const c = size(d.shape.cols);
    const props = d.props;
    let v: Float64Array = draw(r * c, props.includes("positive"));
    if (props.includes("spd")) {
      const bt = transposeArray(v, r, r);
      v = matmul(field, v, bt, r, r, r);
      for (let i = 0; i < r; i++) v[i * r + i] = field.add(v[i * r + i]!, field.int(r));
    } else if (props.includes("symmetric")) {
      const bt = transposeArray(v, r, r);
      const half = field.ratio(1, 2)!;
      v = v.map((x, i) => field.mul(field.add(x, bt[i]!), half));
    }
    out.set(name, v);
  }
  return out;
}

/** A generator for one choice of sizes, from the grading seed. */
export function generator(seed: number, choice: number, stream = 0): Random {
  return rng((seed ^ Math.imul(choice + 1, 0x9e3779b1) ^ Math.imul(stream + 1, 0x85ebca6b)) >>> 0);
}
