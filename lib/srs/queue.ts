// The daily queue: reviews due by the end of the learner's local day, then new skills whose
// prerequisites are learned, cut to the session length.
import { type CardState, type SkillCard, Rating, State, isStarted } from "./card";
import { isDueBefore } from "./due";
import { retrievabilityNow } from "./schedule";
import { type SrsSettings, assertRetention } from "./settings";
import { localDayBounds, localDayNumber } from "./time";

export interface CatalogueSkill {
  id: string;
  prerequisites: readonly string[];
}

export interface DueItem {
  skillId: string;
  due: Date;
  retrievability: number;
  /** Whole local days from the due date to today (0 when due today). */
  overdueDays: number;
}

export interface QueueInput {
  now: Date;
  /** IANA timezone of the learner, e.g. "Europe/Paris". */
  timezone: string;
  cards: readonly SkillCard[];
  /** The whole catalogue, in catalogue order. */
  skills: readonly CatalogueSkill[];
  /** New skills already introduced (first reviewed) during the current local day. */
  newIntroducedToday: number;
  settings: SrsSettings;
}

export interface Queue {
  /** Every started card due before the end of the local day, in session order. */
  due: DueItem[];
  /** New skills available today, in catalogue order, at most the remaining daily allowance. */
  newSkills: string[];
  /** The session: due skills, then new skills, at most sessionLength. */
  items: string[];
  /** True when nothing is due and no new skill is available. */
  practiceMore: boolean;
  /** When practiceMore: started skills with the lowest retrievability, at most sessionLength. */
  extra: string[];
  dayStart: Date;
  dayEnd: Date;
}

/**
 * A skill is learned when its card is in state Review, or has had at least two reviews and the
 * latest was not Again. A card in (re)learning after a lapse is not learned.
 */
export function isLearned(card: CardState | undefined): boolean {
  if (!card || !isStarted(card)) return false;
  if (card.state === State.Review) return true;
  return card.reps >= 2 && card.lastRating !== null && card.lastRating !== Rating.Again;
}

function compareDue(a: DueItem, b: DueItem): number {
  return (
    b.overdueDays - a.overdueDays ||
    a.retrievability - b.retrievability ||
    (a.skillId < b.skillId ? -1 : a.skillId > b.skillId ? 1 : 0)
  );
}

export function buildQueue(input: QueueInput): Queue {
  const { now, timezone, settings } = input;
  assertRetention(settings.requestRetention);
  const { dayNumber: today, start: dayStart, end: dayEnd } = localDayBounds(now, timezone);

  const byId = new Map<string, SkillCard>();
  for (const c of input.cards) byId.set(c.skillId, c);

  const due: DueItem[] = [];
  for (const c of byId.values()) {
    if (!isDueBefore(c, dayEnd)) continue;
    due.push({
      skillId: c.skillId,
      due: new Date(+c.due),
      retrievability: retrievabilityNow(c, now),
      overdueDays: Math.max(0, today - localDayNumber(c.due, timezone)),
    });
  }
  due.sort(compareDue);

  const allowance = Math.max(0, settings.dailyNewLimit - Math.max(0, input.newIntroducedToday));
  const newSkills: string[] = [];
  for (const s of input.skills) {
    if (newSkills.length >= allowance) break;
    const card = byId.get(s.id);
    if (card && isStarted(card)) continue;
    if (s.prerequisites.every((p) => isLearned(byId.get(p)))) newSkills.push(s.id);
  }

  const items = [...due.map((d) => d.skillId), ...newSkills].slice(0, settings.sessionLength);
  const practiceMore = due.length === 0 && newSkills.length === 0;
  return {
    due,
    newSkills,
    items,
    practiceMore,
    extra: practiceMore ? weakestSkills(input.cards, now, settings.sessionLength) : [],
    dayStart,
    dayEnd,
  };
}

/** Started skills by lowest retrievability at `now` (ties by skill id), at most `count`. */
export function weakestSkills(cards: readonly SkillCard[], now: Date, count: number): string[] {
  return cards
    .filter(isStarted)
    .map((c) => ({ id: c.skillId, r: retrievabilityNow(c, now) }))
    .sort((a, b) => a.r - b.r || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, Math.max(0, count))
    .map((x) => x.id);
}
