// Seeded randomness for generators: the same (skill, seed, version) always gives the same sequence.
// Never Math.random.
import { fnv1a, mulberry32 as mulberry32Next } from "../calculus/random";

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number;
  /** Integer in [lo, hi] other than 0. */
  nonzero(lo: number, hi: number): number;
  pick<T>(items: readonly T[]): T;
  sign(): 1 | -1;
}

/** FNV-1a over a string: mixes the skill id, seed and version into one 32-bit state. */
export function hashString(s: string): number {
  return fnv1a(s);
}

/** mulberry32 over a 32-bit seed. */
export function mulberry32(seed: number): Rng {
  const next = mulberry32Next(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1));
  return {
    next,
    int,
    nonzero(lo, hi) {
      for (;;) {
        const v = int(lo, hi);
        if (v !== 0) return v;
      }
    },
    pick<T>(items: readonly T[]): T {
      return items[Math.floor(next() * items.length)]!;
    },
    sign: () => (next() < 0.5 ? -1 : 1),
  };
}

export function rngFor(skill: string, seed: number, version: number): Rng {
  return mulberry32(hashString(`${skill}#${seed}#${version}`));
}
