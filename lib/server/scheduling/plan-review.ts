// The review a finished attempt yields, computed from the card as read: the rating, the card after
// (FSRS) and the rows to store. Pure: the submit path computes it before its one statement, and the
// transaction path (recordReview) inside its transaction.
import "server-only";
import { type CardState, Rating, newCard, ratingFor, review, toRow } from "@/lib/srs";

export interface AttemptForReview {
  outcome: "right" | "wrong" | "revealed";
  tries: number;
  hintUsed: boolean;
  durationMs: number;
  now: Date;
  requestRetention: number;
  /** Durations of the skill's past right first tries without a hint, oldest first (at most 10). */
  pastFirstTryTimesMs: number[];
}

/** Whether this attempt could rate Easy, the only case that needs the past first-try times. */
export function couldRateEasy(a: { outcome: string; tries: number; hintUsed: boolean }): boolean {
  return a.outcome === "right" && a.tries === 1 && !a.hintUsed;
}

export function planReview(existing: CardState | null, a: AttemptForReview) {
  const before: CardState = existing ?? newCard(a.now);
  const decision = ratingFor({
    outcome: a.outcome,
    // Shown before any try: still one attempt at the skill (and rated Again).
    tries: Math.max(1, a.tries),
    hintUsed: a.hintUsed,
    durationMs: a.durationMs,
    pastFirstTryTimesMs: a.pastFirstTryTimesMs,
  });
  // A clock moved back (tests) must not put a review before the previous one.
  const at = before.lastReview && +a.now < +before.lastReview ? before.lastReview : a.now;
  const result = review(before, decision.rating, at, { requestRetention: a.requestRetention });
  return {
    decision,
    ratingName: Rating[decision.rating] as "Again" | "Hard" | "Good" | "Easy",
    result,
    reviewedAt: at,
    stateBefore: existing ? toRow(result.before) : null,
    stateAfter: toRow(result.after),
  };
}
