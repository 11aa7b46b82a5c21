// The skills the placement check covers: Part 1 of the curriculum, as the rules of lib/srs see them.
import "server-only";
import { PART_ONE_TOPICS, SKILLS, getSkill } from "@/lib/problems";
import type { CatalogueSkill } from "@/lib/srs";

export const PLACEMENT_SKILLS: readonly CatalogueSkill[] = SKILLS.filter((s) =>
  PART_ONE_TOPICS.includes(s.topic),
).map((s) => ({ id: s.id, prerequisites: s.prerequisites }));

/** Today offers the check to a learner with fewer reviews than this who has not finished one. */
export const PLACEMENT_OFFER_MAX_REVIEWS = 10;

export function skillOf(skillId: string) {
  return { skillId, title: getSkill(skillId)?.title ?? skillId };
}
