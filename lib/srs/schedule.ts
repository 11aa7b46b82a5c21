// Scheduling one review through ts-fsrs: FSRS-6 default weights, fuzz off, default (re)learning
// steps, desired retention per learner.
import { type FSRS, dateDiffInDays, default_w, forgetting_curve, fsrs, generatorParameters } from "ts-fsrs";
import { type CardState, type Grade, type State, fromFsrsCard, isStarted, toFsrsCard } from "./card";
import { assertRetention } from "./settings";

const schedulers = new Map<number, FSRS>();

/**
 * The ts-fsrs scheduler for a desired retention. Fuzz is off so that the same history always gives
 * the same schedule (reproducible, testable); short-term learning steps stay on (1m, 10m; 10m to
 * relearn), as are the FSRS-6 default weights and the 36500-day maximum interval.
 */
export function schedulerFor(requestRetention: number): FSRS {
  assertRetention(requestRetention);
  let s = schedulers.get(requestRetention);
  if (!s) {
    s = fsrs(generatorParameters({ request_retention: requestRetention, enable_fuzz: false }));
    schedulers.set(requestRetention, s);
  }
  return s;
}

export interface ReviewLogEntry {
  rating: Grade;
  reviewedAt: Date;
  /** Whole days since the previous review (0 for the first). */
  elapsedDays: number;
  /** Whole days until the next due date, as scheduled by this review (0 while in learning steps). */
  scheduledDays: number;
  stateBefore: State;
  stateAfter: State;
}

export interface ReviewResult {
  before: CardState;
  after: CardState;
  log: ReviewLogEntry;
}

/**
 * Applies one review to a card at `now`. Pure: `card` is not modified. Throws a RangeError when
 * `now` is before the card's last review or the retention is out of range.
 */
export function review(
  card: CardState,
  rating: Grade,
  now: Date,
  settings: { requestRetention: number },
): ReviewResult {
  if (card.lastReview && +now < +card.lastReview) {
    throw new RangeError(
      `Review at ${now.toISOString()} is before the last review at ${card.lastReview.toISOString()}`,
    );
  }
  const scheduler = schedulerFor(settings.requestRetention);
  const { card: next } = scheduler.next(toFsrsCard(card), now, rating);
  const after = fromFsrsCard(next, rating);
  return {
    before: {
      ...card,
      due: new Date(+card.due),
      lastReview: card.lastReview ? new Date(+card.lastReview) : null,
    },
    after,
    log: {
      rating,
      reviewedAt: new Date(+now),
      elapsedDays: card.lastReview ? dateDiffInDays(card.lastReview, now) : 0,
      scheduledDays: after.scheduledDays,
      stateBefore: card.state,
      stateAfter: after.state,
    },
  };
}

/**
 * Probability of recall at `now` by the FSRS-6 forgetting curve (default weights), with elapsed
 * time in fractional days (ts-fsrs's get_retrievability rounds to whole days, which would make
 * every card reviewed today look equally fresh); 0 for a card never reviewed. Retrievability does
 * not depend on the desired retention.
 */
export function retrievabilityNow(card: CardState, now: Date): number {
  if (!isStarted(card) || !card.lastReview || card.stability <= 0) return 0;
  const elapsed = Math.max(0, (+now - +card.lastReview) / 86_400_000);
  return forgetting_curve(default_w, elapsed, card.stability);
}
