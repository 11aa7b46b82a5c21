// The placement check: a short adaptive quiz over the skill graph for a learner who already knows
// some of it. Which skill to ask next, and which skills the answers show known. Pure: the server
// stores the questions and their results, and calls these with the catalogue's skills.
import { Rating } from "./card";
import type { CatalogueSkill } from "./queue";

/** At most this many questions in one placement check. */
export const PLACEMENT_MAX_QUESTIONS = 12;

/**
 * The rating of the review a skill shown known gets: Easy takes a new card straight out of the
 * learning steps (state Review, first interval about 8 days at 90% retention), so a known skill is
 * not drilled again this week. Good would keep it in the 10-minute learning step.
 */
export const PLACEMENT_RATING = Rating.Easy;

export interface PlacementAnswer {
  skillId: string;
  correct: boolean;
}

/** Every skill `id` builds on, directly or through others (within `skills`; the skill itself excluded). */
export function ancestorsOf(skills: readonly CatalogueSkill[], id: string): Set<string> {
  const byId = new Map(skills.map((s) => [s.id, s]));
  const out = new Set<string>();
  const stack = [...(byId.get(id)?.prerequisites ?? [])];
  while (stack.length > 0) {
    const p = stack.pop()!;
    if (out.has(p) || !byId.has(p)) continue;
    out.add(p);
    stack.push(...byId.get(p)!.prerequisites);
  }
  out.delete(id);
  return out;
}

/** Every skill that builds on one of `ids`, directly or through others (within `skills`). */
function dependantsOf(skills: readonly CatalogueSkill[], ids: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const s of skills) {
    if (ids.has(s.id)) continue;
    for (const a of ancestorsOf(skills, s.id)) {
      if (ids.has(a)) {
        out.add(s.id);
        break;
      }
    }
  }
  return out;
}

/**
 * The skills the answers show known, in catalogue order: each skill answered right and everything
 * it builds on (solving a problem of a skill uses its prerequisites). A skill answered wrong is
 * never among them.
 */
export function placementKnown(
  skills: readonly CatalogueSkill[],
  answers: readonly PlacementAnswer[],
): string[] {
  const known = new Set<string>();
  for (const a of answers) {
    if (!a.correct) continue;
    known.add(a.skillId);
    for (const p of ancestorsOf(skills, a.skillId)) known.add(p);
  }
  for (const a of answers) if (!a.correct) known.delete(a.skillId);
  return skills.filter((s) => known.has(s.id)).map((s) => s.id);
}

/**
 * The skill of the next question, or null when the check is over (the question limit is reached,
 * or every skill is settled). Adaptive:
 * - a skill is open while it is not shown known, not asked, and builds on no skill answered wrong;
 * - while a skill answered wrong (the latest first) builds on open skills, the next question probes
 *   them, halving the way down: the open prerequisite that would settle about half of them if
 *   answered right (ties: the larger share);
 * - otherwise the open skill that would settle the most open skills if answered right (itself and
 *   its open prerequisites): a skill deep in the graph first.
 * Ties go to the earlier skill in catalogue order.
 */
export function nextPlacementSkill(
  skills: readonly CatalogueSkill[],
  answers: readonly PlacementAnswer[],
  maxQuestions = PLACEMENT_MAX_QUESTIONS,
): string | null {
  if (answers.length >= maxQuestions) return null;
  const known = new Set(placementKnown(skills, answers));
  const asked = new Set(answers.map((a) => a.skillId));
  const failed = new Set(answers.filter((a) => !a.correct).map((a) => a.skillId));
  const blocked = dependantsOf(skills, failed);
  const open = skills.filter((s) => !known.has(s.id) && !asked.has(s.id) && !blocked.has(s.id));
  if (open.length === 0) return null;
  /** How many skills of `pool` answering `id` right would settle (itself and its prerequisites). */
  const settles = (id: string, pool: ReadonlySet<string>) =>
    1 + [...ancestorsOf(skills, id)].filter((a) => pool.has(a)).length;

  for (const f of [...answers].reverse()) {
    if (f.correct) continue;
    const under = ancestorsOf(skills, f.skillId);
    const probe = open.filter((s) => under.has(s.id));
    if (probe.length === 0) continue;
    const pool = new Set(probe.map((s) => s.id));
    const half = probe.length / 2;
    const score = (id: string) => Math.abs(settles(id, pool) - half);
    return probe.reduce((b, s) =>
      score(s.id) < score(b.id) || (score(s.id) === score(b.id) && settles(s.id, pool) > settles(b.id, pool))
        ? s
        : b,
    ).id;
  }
  const all = new Set(open.map((s) => s.id));
  return open.reduce((b, s) => (settles(s.id, all) > settles(b.id, all) ? s : b)).id;
}

/**
 * What finishing the check marks: the skills shown known that the learner has not started (a skill
 * already practised keeps its own schedule), in catalogue order, and those left as they were.
 */
export function placementMarks(
  skills: readonly CatalogueSkill[],
  answers: readonly PlacementAnswer[],
  started: ReadonlySet<string>,
): { marked: string[]; alreadyStarted: string[] } {
  const known = placementKnown(skills, answers);
  return {
    marked: known.filter((id) => !started.has(id)),
    alreadyStarted: known.filter((id) => started.has(id)),
  };
}
