// The project's one seeded pseudo-random generator: FNV-1a hashes text into a 32-bit seed, mulberry32
// draws from a seed. Equivalence points, generated problems, students' seeds and the tests' oracle all
// use these, so the same seed gives the same numbers everywhere. Not for secrets.

/** FNV-1a's starting value (32 bits). */
export const FNV_OFFSET = 2166136261;

/** One FNV-1a step: mixes the number `n` into the hash `h` (the result may be negative: `>>> 0` it). */
export function fnvStep(h: number, n: number): number {
  return Math.imul(h ^ n, 16777619);
}

/** FNV-1a over a string (32 bits), continuing from `h`. */
export function fnv1a(s: string, h = FNV_OFFSET): number {
  for (let i = 0; i < s.length; i++) h = fnvStep(h, s.charCodeAt(i));
  return h >>> 0;
}

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
