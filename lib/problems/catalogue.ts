// The skill catalogue and the entry point for generating a problem from (skill, seed, version).
//
// Versioning rule: a generator is a pure function of (skill, seed, version). Whenever a change would
// alter the problem produced for any seed (the templates, the ranges, the order of random draws, the
// statement text or the key's printed form), bump that skill's `version`, and keep the old generator
// reachable under its old number in `LEGACY` if issued problems may need to be regenerated. Stored
// problems are graded from their stored data, so this matters only for regeneration.
import { type Header, finish } from "./build";
import type { SkillDef } from "./catalogue-types";
import { Reject } from "./exact";
import { rngFor } from "./random";
import {
  DERIVATIVE_SKILLS,
  chainRuleV1,
  logarithmV1,
  productRuleV1,
  tangentLineV1,
} from "./skills-derivatives";
import {
  LIMIT_SKILLS,
  doesNotExistV1,
  oneMinusCosV1,
  rationalInfinityV1,
  rationaliseV1,
} from "./skills-limits";
import { JACOBIAN_SKILLS } from "./skills-jacobians";
import { MULTIVARIABLE_SKILLS } from "./skills-multivariable";
import { NETWORK_SKILLS } from "./skills-networks";
import { classifyCriticalV1 } from "./second-order-curvature";
import { hessianQuadraticFormV1 } from "./second-order-hessian";
import { SECOND_ORDER_SKILLS } from "./skills-second-order";
import { VECTOR_CHAIN_SKILLS } from "./skills-vector-chain";
import { VECTOR_RULE_SKILLS } from "./skills-vector-rules";
import type { Problem, Skill } from "./types";

export const SKILL_DEFS: readonly SkillDef[] = [
  ...LIMIT_SKILLS,
  ...DERIVATIVE_SKILLS,
  ...MULTIVARIABLE_SKILLS,
  ...JACOBIAN_SKILLS,
  ...VECTOR_RULE_SKILLS,
  ...VECTOR_CHAIN_SKILLS,
  ...SECOND_ORDER_SKILLS,
  ...NETWORK_SKILLS,
];

const BY_ID = new Map(SKILL_DEFS.map((s) => [s.id, s]));

/** Older generator versions still reachable: skill id -> version -> generator. */
const LEGACY: ReadonlyMap<string, ReadonlyMap<number, SkillDef["gen"]>> = new Map([
  ["derivative-product-rule", new Map([[1, productRuleV1]])],
  ["derivative-chain-rule", new Map([[1, chainRuleV1]])],
  ["derivative-logarithm", new Map([[1, logarithmV1]])],
  ["tangent-line", new Map([[1, tangentLineV1]])],
  ["limit-rationalise", new Map([[1, rationaliseV1]])],
  ["limit-one-minus-cos", new Map([[1, oneMinusCosV1]])],
  ["limit-rational-at-infinity", new Map([[1, rationalInfinityV1]])],
  ["limit-does-not-exist", new Map([[1, doesNotExistV1]])],
  ["classifying-critical-points", new Map([[1, classifyCriticalV1]])],
  ["hessian-quadratic-form", new Map([[1, hessianQuadraticFormV1]])],
]);

/** The catalogue without the generators (plain data). */
export const SKILLS: readonly Skill[] = SKILL_DEFS.map(({ gen: _gen, ...skill }) => skill);

const PLAIN_BY_ID: ReadonlyMap<string, Skill> = new Map(SKILLS.map((s) => [s.id, s]));

/** A skill of the catalogue without its generator (the same object on every call), or undefined. */
export function getSkill(id: string): Skill | undefined {
  return PLAIN_BY_ID.get(id);
}

export type GenerateError = {
  code: "UNKNOWN_SKILL" | "UNKNOWN_VERSION" | "BAD_SEED" | "GENERATOR_FAILED";
  message: string;
};
/**
 * `template`: the form the generator drew (`Draft.template`), for the variety tests and tools; not part
 * of the stored problem, and never sent to a learner.
 */
export type GenerateResult =
  { ok: true; problem: Problem; template: string } | { ok: false; error: GenerateError };

/** Draws allowed before giving up (a degenerate draft is redrawn from the same seeded stream). */
const MAX_ATTEMPTS = 200;

/** The problem for (skill, seed, version); the current version when none is given. Never throws. */
export function generate(skillId: string, seed: number, version?: number): GenerateResult {
  const skill = BY_ID.get(skillId);
  if (!skill)
    return {
      ok: false,
      error: { code: "UNKNOWN_SKILL", message: `There is no skill '${skillId.slice(0, 60)}'.` },
    };
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    return {
      ok: false,
      error: { code: "BAD_SEED", message: "The seed must be an integer from 0 to 4294967295." },
    };
  }
  const v = version ?? skill.version;
  const gen = v === skill.version ? skill.gen : LEGACY.get(skillId)?.get(v);
  if (!gen) {
    return {
      ok: false,
      error: {
        code: "UNKNOWN_VERSION",
        message: `Skill '${skillId}' has no generator version ${v} (current: ${skill.version}).`,
      },
    };
  }
  const rng = rngFor(skillId, seed, v);
  const header: Header = { skill: skillId, seed, version: v };
  for (let i = 0; i < MAX_ATTEMPTS; i++) {
    try {
      const draft = gen(rng);
      return { ok: true, problem: finish(header, draft), template: draft.template ?? "" };
    } catch (err) {
      if (!(err instanceof Reject)) {
        return { ok: false, error: { code: "GENERATOR_FAILED", message: `Generator error: ${String(err)}` } };
      }
    }
  }
  return {
    ok: false,
    error: { code: "GENERATOR_FAILED", message: "No suitable problem found for this seed." },
  };
}
