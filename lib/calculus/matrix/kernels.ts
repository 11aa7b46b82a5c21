// The kernels of forward-mode tangents over flat row-major Float64Arrays (eval.ts): a tangent of an
// r×c matrix along `dirs` directions is r·c × dirs, row-major (entry-major, directions inner).
// Doubles, or residues modulo the prime (field.ts); zeros are skipped (seed tangents are sparse).
import { type Field, modp } from "./field";

/** out[(i·c + j)·dirs + d] = Σ_l ta[(i·k + l)·dirs + d] · b[l·c + j]: tangents of A times B. */
export function tangentTimes(
  F: Field,
  out: Float64Array,
  ta: Float64Array,
  b: Float64Array,
  r: number,
  k: number,
  c: number,
  dirs: number,
  accumulate: boolean,
): void {
  if (!accumulate) out.fill(0);
  const exact = F.exact;
  for (let i = 0; i < r; i++) {
    for (let l = 0; l < k; l++) {
      const src = (i * k + l) * dirs;
      for (let j = 0; j < c; j++) {
        const y = b[l * c + j]!;
        if (y === 0) continue;
        const dst = (i * c + j) * dirs;
        // tangents are often sparse (a seed is one direction per entry): skip their zeros
        if (exact) {
          for (let d = 0; d < dirs; d++) {
            const x = ta[src + d]!;
            if (x !== 0) out[dst + d] = modp(out[dst + d]! + x * y);
          }
        } else {
          for (let d = 0; d < dirs; d++) {
            const x = ta[src + d]!;
            if (x !== 0) out[dst + d]! += x * y;
          }
        }
      }
    }
  }
}

/** out = A · TB (+ out when accumulating), TB the tangents of a k×c matrix (k × c·dirs). */
export function timesTangent(
  F: Field,
  out: Float64Array,
  a: Float64Array,
  tb: Float64Array,
  r: number,
  k: number,
  cd: number,
  accumulate: boolean,
): void {
  if (!accumulate) out.fill(0);
  const exact = F.exact;
  for (let i = 0; i < r; i++) {
    const o = i * cd;
    for (let l = 0; l < k; l++) {
      const x = a[i * k + l]!;
      if (x === 0) continue;
      const row = l * cd;
      if (exact) {
        for (let j = 0; j < cd; j++) {
          const y = tb[row + j]!;
          if (y !== 0) out[o + j] = modp(out[o + j]! + x * y);
        }
      } else {
        for (let j = 0; j < cd; j++) out[o + j]! += x * tb[row + j]!;
      }
    }
  }
}

export function matmulInto(
  F: Field,
  out: Float64Array,
  a: Float64Array,
  b: Float64Array,
  r: number,
  k: number,
  c: number,
) {
  timesTangent(F, out, a, b, r, k, c, false);
}

/**
 * The tangents of A B where one factor is the seeded symbol itself (its entry e is direction e):
 * only r·k·c entries of the result are not zero, so this costs r·k·c instead of r·k·c·dirs.
 * `seedLeft`: A is the seed and `other` is B (k×c); otherwise B is the seed and `other` is A (r×k).
 */
export function seedProduct(
  F: Field,
  out: Float64Array,
  other: Float64Array,
  seedLeft: boolean,
  r: number,
  k: number,
  c: number,
  dirs: number,
  accumulate: boolean,
): void {
  if (!accumulate) out.fill(0);
  for (let i = 0; i < r; i++)
    for (let l = 0; l < k; l++)
      for (let j = 0; j < c; j++) {
        const o = (i * c + j) * dirs + (seedLeft ? i * k + l : l * c + j);
        out[o] = F.add(out[o]!, seedLeft ? other[l * c + j]! : other[i * k + l]!);
      }
}
