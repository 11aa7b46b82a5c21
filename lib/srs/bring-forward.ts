// A wrong answer whose diagnosis points at a prerequisite skill brings that skill's review forward.
import type { CardState, SkillCard } from "./card";
import { isStarted } from "./card";
import type { CatalogueSkill } from "./queue";
import { type MistakeCode, isMistakeCode } from "../calculus/mistakes";

/** Mistake code (from the grader's catalogue) -> the skill id whose review that mistake calls for. */
export type DiagnosisSkillMap = Readonly<Partial<Record<MistakeCode, string>>>;

/** The skill a stored diagnosis code points at, if any (codes outside the catalogue point nowhere). */
export function skillForDiagnosis(map: DiagnosisSkillMap, diagnosis: string | undefined): string | undefined {
  return diagnosis !== undefined && isMistakeCode(diagnosis) ? map[diagnosis] : undefined;
}

/** The card with its due date moved to `now` if it was later; memory state untouched. */
export function bringForward<T extends CardState>(card: T, now: Date): T {
  return +card.due > +now ? { ...card, due: new Date(+now) } : card;
}

/** Every skill reachable through prerequisite links from `skillId` (itself excluded). */
export function prerequisitesOf(skillId: string, skills: readonly CatalogueSkill[]): Set<string> {
  const byId = new Map(skills.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const stack = [...(byId.get(skillId)?.prerequisites ?? [])];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id === skillId || seen.has(id)) continue;
    seen.add(id);
    stack.push(...(byId.get(id)?.prerequisites ?? []));
  }
  return seen;
}

export interface BringForwardInput {
  /** The skill just reviewed (answered wrong). */
  skillId: string;
  /** Diagnosis code of the wrong answer, if the grader gave one. */
  diagnosis: string | undefined;
  now: Date;
  /** The learner's cards. */
  cards: readonly SkillCard[];
  skills: readonly CatalogueSkill[];
  map: DiagnosisSkillMap;
}

/**
 * The prerequisite to bring forward after a wrong answer, with its updated card; null when the
 * diagnosis maps to no skill, the skill is not a (transitive) prerequisite of the skill just
 * reviewed, the learner has no started card for it, or it is already due by `now`.
 */
export function bringForwardForDiagnosis(
  input: BringForwardInput,
): { skillId: string; before: SkillCard; after: SkillCard } | null {
  const target = skillForDiagnosis(input.map, input.diagnosis);
  if (target === undefined || !prerequisitesOf(input.skillId, input.skills).has(target)) return null;
  const card = input.cards.find((c) => c.skillId === target);
  if (!card || !isStarted(card) || +card.due <= +input.now) return null;
  return { skillId: target, before: card, after: bringForward(card, input.now) };
}
