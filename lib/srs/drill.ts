// The day's drill: the due reviews plus at most the day's new skills, fixed when it starts, and where
// a learner stands in it. Pure: the server stores the composition and the results come from the
// problems as finished.
import { type SkillCard } from "./card";
import { type Queue, weakestSkills } from "./queue";

/** `due` and `new` items make up the drill; `extra` ones ("one more") come after it and never count. */
export type DrillKind = "due" | "new" | "extra";

export interface DrillPlanItem {
  skillId: string;
  kind: "due" | "new";
}

/**
 * The drill as it starts: the queue's session (due skills, then new ones, cut to the session length)
 * with each item's kind. New items are the queue's new skills, so never more than the day's
 * remaining new-skill allowance, and the same skills Today lists as new.
 */
export function composeDrill(
  queue: Pick<Queue, "due" | "newSkills">,
  sessionLength: number,
): DrillPlanItem[] {
  const due: DrillPlanItem[] = queue.due.map((d) => ({ skillId: d.skillId, kind: "due" }));
  const fresh: DrillPlanItem[] = queue.newSkills.map((skillId) => ({ skillId, kind: "new" }));
  return [...due, ...fresh].slice(0, Math.max(0, sessionLength));
}

export interface DrillItemState {
  position: number;
  skillId: string;
  kind: DrillKind;
  finished: boolean;
}

export interface DrillProgress<T extends DrillItemState> {
  /** The drill's own items (due and new), in order. */
  items: T[];
  /** "one more" items after the drill, in order. */
  extra: T[];
  done: number;
  /** The drill's size: fixed when it started, whatever happens meanwhile. */
  total: number;
  /** The first unfinished item of the drill, or else the first unfinished "one more"; null when none. */
  next: T | null;
  /** Every item of the drill is finished (an empty drill is finished). */
  finished: boolean;
}

/** Where the learner stands in a drill. */
export function drillProgress<T extends DrillItemState>(all: readonly T[]): DrillProgress<T> {
  const sorted = [...all].sort((a, b) => a.position - b.position);
  const items = sorted.filter((i) => i.kind !== "extra");
  const extra = sorted.filter((i) => i.kind === "extra");
  const done = items.filter((i) => i.finished).length;
  const next = items.find((i) => !i.finished) ?? extra.find((i) => !i.finished) ?? null;
  return { items, extra, done, total: items.length, next, finished: done === items.length };
}

/**
 * The skill for one more problem after the drill: a review due now (a learning step that came due
 * during the drill), else the first new skill still within the day's allowance (one unlocked during
 * the drill), else the weakest started skill; null when the learner has nothing at all to practise.
 */
export function pickOneMore(
  queue: Pick<Queue, "due" | "newSkills">,
  cards: readonly SkillCard[],
  now: Date,
): string | null {
  const dueNow = queue.due.find((d) => +d.due <= +now);
  if (dueNow) return dueNow.skillId;
  if (queue.newSkills[0]) return queue.newSkills[0];
  return weakestSkills(cards, now, 1)[0] ?? null;
}
