// Seeded randomness for generators: the same (skill, seed, version) always gives the same sequence.
// Never Math.random.

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
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** mulberry32 over a 32-bit seed. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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
