// A skill with its generator (kept out of types.ts so that the stored data types stay plain).
import type { Draft } from "./build";
import type { Rng } from "./random";
import type { Skill } from "./types";

export interface SkillDef extends Skill {
  /** Draws one draft; throws Reject (exact.ts) for a degenerate one, and is then called again. */
  readonly gen: (r: Rng) => Draft;
}
