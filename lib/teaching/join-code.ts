// Join codes: short, from an alphabet without look-alikes (no 0/O, 1/I/L, 5/S, 2/Z, 8/B), grouped for
// reading aloud. Pure; the random source is passed in.

export const CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
export const CODE_LENGTH = 8;

/** A new code from `randomIndex(n)` (a uniform integer in [0, n)). */
export function makeJoinCode(randomIndex: (n: number) => number): string {
  let s = "";
  for (let i = 0; i < CODE_LENGTH; i++) s += CODE_ALPHABET[randomIndex(CODE_ALPHABET.length)];
  return s;
}

/** What a learner typed, read generously: case, spaces and dashes ignored. Null when it cannot be a code. */
export function normaliseJoinCode(typed: string): string | null {
  if (typeof typed !== "string" || typed.length > 40) return null;
  const s = typed.toUpperCase().replace(/[\s-]/g, "");
  if (s.length !== CODE_LENGTH) return null;
  for (const c of s) if (!CODE_ALPHABET.includes(c)) return null;
  return s;
}

/** "ACDE-FGHJ" for display. */
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
