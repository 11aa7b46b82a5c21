// The memory state of one (learner, skill) card: every field of ts-fsrs's card, plus the last
// rating (needed by the "learned" rule), as a plain serialisable object and as a database row.
import { type Card, Rating, State } from "ts-fsrs";
import { z } from "zod";

export { Rating, State };

/** The four ratings a review can give (ts-fsrs's Grade: Manual excluded). */
export type Grade = Rating.Again | Rating.Hard | Rating.Good | Rating.Easy;

/** One card's memory and schedule. Dates are Date objects; `lastReview` is null before any review. */
export interface CardState {
  due: Date;
  stability: number;
  difficulty: number;
  /** Whole days between the two latest reviews (ts-fsrs marks it deprecated; kept for the log). */
  elapsedDays: number;
  scheduledDays: number;
  /** Index of the current (re)learning step. */
  learningSteps: number;
  reps: number;
  lapses: number;
  state: State;
  lastReview: Date | null;
  /** Rating of the latest review; null before any review. Not part of ts-fsrs's card. */
  lastRating: Grade | null;
}

/** A card together with the skill it belongs to (the learner is implicit: one learner's cards). */
export interface SkillCard extends CardState {
  skillId: string;
}

/** A fresh card that has never been reviewed, due at `now`. */
export function newCard(now: Date): CardState {
  return {
    due: new Date(+now),
    stability: 0,
    difficulty: 0,
    elapsedDays: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 0,
    lapses: 0,
    state: State.New,
    lastReview: null,
    lastRating: null,
  };
}

/** True once the card has had at least one review (a card in state New counts as not started). */
export function isStarted(card: CardState): boolean {
  return card.reps > 0 && card.state !== State.New;
}

export function toFsrsCard(card: CardState): Card {
  const out: Card = {
    due: new Date(+card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsedDays,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
  };
  if (card.lastReview) out.last_review = new Date(+card.lastReview);
  return out;
}

export function fromFsrsCard(card: Card, lastRating: Grade | null): CardState {
  return {
    due: new Date(+card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ? new Date(+card.last_review) : null,
    lastRating,
  };
}

const STATE_NAMES = ["New", "Learning", "Review", "Relearning"] as const;
const RATING_NAMES = ["Again", "Hard", "Good", "Easy"] as const;
export type StateName = (typeof STATE_NAMES)[number];
export type RatingName = (typeof RATING_NAMES)[number];

export function stateName(state: State): StateName {
  return State[state] as StateName;
}
export function ratingName(rating: Grade): RatingName {
  return Rating[rating] as RatingName;
}

/**
 * The database / JSON shape of a card: ISO 8601 strings for dates, enum names for state and last
 * rating (so a Prisma enum or a text column reads well). Validated on the way in.
 */
export const cardRowSchema = z.object({
  due: z.iso.datetime({ offset: true }),
  stability: z.number().finite().min(0),
  difficulty: z.number().finite().min(0),
  elapsedDays: z.number().int().min(0),
  scheduledDays: z.number().int().min(0),
  learningSteps: z.number().int().min(0),
  reps: z.number().int().min(0),
  lapses: z.number().int().min(0),
  state: z.enum(STATE_NAMES),
  lastReview: z.iso.datetime({ offset: true }).nullable(),
  lastRating: z.enum(RATING_NAMES).nullable(),
});
export type CardRow = z.infer<typeof cardRowSchema>;

export function toRow(card: CardState): CardRow {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsedDays,
    scheduledDays: card.scheduledDays,
    learningSteps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: stateName(card.state),
    lastReview: card.lastReview ? card.lastReview.toISOString() : null,
    lastRating: card.lastRating === null ? null : ratingName(card.lastRating),
  };
}

/** Parses a row (throws a ZodError on a malformed one) into a CardState. */
export function fromRow(row: unknown): CardState {
  const r = cardRowSchema.parse(row);
  return {
    due: new Date(r.due),
    stability: r.stability,
    difficulty: r.difficulty,
    elapsedDays: r.elapsedDays,
    scheduledDays: r.scheduledDays,
    learningSteps: r.learningSteps,
    reps: r.reps,
    lapses: r.lapses,
    state: State[r.state],
    lastReview: r.lastReview === null ? null : new Date(r.lastReview),
    lastRating: r.lastRating === null ? null : Rating[r.lastRating],
  };
}

/** A card as the database returns it: dates as Date objects, state and rating by name, and its skill. */
export type CardRecord = Omit<CardRow, "due" | "lastReview"> & {
  skillId: string;
  due: Date;
  lastReview: Date | null;
};

/** The scheduler's card from a database record, validated as any row is. */
export function cardFromRecord(r: CardRecord): SkillCard {
  return {
    ...fromRow({
      ...r,
      due: r.due.toISOString(),
      lastReview: r.lastReview ? r.lastReview.toISOString() : null,
    }),
    skillId: r.skillId,
  };
}
