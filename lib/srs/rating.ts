// The FSRS rating of one finished problem instance, from its auto-grade.
import { Rating } from "ts-fsrs";
import type { Grade } from "./card";

/** How many of the learner's latest first-try-right times on the skill make the typical time. */
export const FAST_WINDOW = 10;
/** Fewer past first-try-right times than this: never Easy (no typical time yet). */
export const FAST_MIN_SAMPLES = 3;
/** At most this fraction of the typical (median) time counts as fast. */
export const FAST_FRACTION = 0.6;

export interface AttemptSummary {
  /** How the instance ended: answered right, still wrong when the learner stopped, or answer shown. */
  outcome: "right" | "wrong" | "revealed";
  /** Number of submissions (1 = first try). */
  tries: number;
  hintUsed: boolean;
  /** Time from the problem being shown to the final submission. */
  durationMs: number;
  /**
   * The learner's earlier first-try, no-hint, right times on this skill, oldest first (this
   * attempt excluded). Only the last FAST_WINDOW count.
   */
  pastFirstTryTimesMs: readonly number[];
}

export interface RatingDecision {
  rating: Grade;
  /** One sentence for the feedback screen. */
  explanation: string;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * The typical time: median of the last FAST_WINDOW valid past times, or null when fewer than
 * FAST_MIN_SAMPLES exist. Non-finite or non-positive times are ignored.
 */
export function typicalTimeMs(pastFirstTryTimesMs: readonly number[]): number | null {
  const valid = pastFirstTryTimesMs.filter((t) => Number.isFinite(t) && t > 0).slice(-FAST_WINDOW);
  return valid.length < FAST_MIN_SAMPLES ? null : median(valid);
}

/**
 * Rule (first match wins):
 * - wrong in the end, or "show me the answer" -> Again;
 * - right on the second or a later try, or right after a hint -> Hard;
 * - right on the first try without a hint, and fast -> Easy, where fast means
 *   durationMs <= FAST_FRACTION x the median of the last FAST_WINDOW past first-try-right times
 *   on this skill, and at least FAST_MIN_SAMPLES such times exist;
 * - right on the first try without a hint -> Good.
 * Throws a RangeError when tries is not an integer >= 1 or durationMs is not a finite number >= 0.
 */
export function ratingFor(a: AttemptSummary): RatingDecision {
  if (!Number.isInteger(a.tries) || a.tries < 1)
    throw new RangeError(`tries must be an integer >= 1, got ${a.tries}`);
  if (!Number.isFinite(a.durationMs) || a.durationMs < 0)
    throw new RangeError(`durationMs must be >= 0, got ${a.durationMs}`);
  switch (a.outcome) {
    case "revealed":
      return {
        rating: Rating.Again,
        explanation: "You asked to see the answer, so this skill comes back soon.",
      };
    case "wrong":
      return {
        rating: Rating.Again,
        explanation: "The answer was not right in the end, so this skill comes back soon.",
      };
    case "right":
      break;
  }
  if (a.tries > 1 || a.hintUsed) {
    const why =
      a.tries > 1 && a.hintUsed
        ? "after a hint and more than one try"
        : a.hintUsed
          ? "after a hint"
          : `on try ${a.tries}`;
    return {
      rating: Rating.Hard,
      explanation: `Right ${why}: rated Hard, so the next review comes a little sooner.`,
    };
  }
  const typical = typicalTimeMs(a.pastFirstTryTimesMs);
  if (typical !== null && a.durationMs <= FAST_FRACTION * typical) {
    return {
      rating: Rating.Easy,
      explanation: `Right on the first try in ${seconds(a.durationMs)}, well under your usual ${seconds(typical)}: rated Easy.`,
    };
  }
  return { rating: Rating.Good, explanation: "Right on the first try: rated Good." };
}

function seconds(ms: number): string {
  const s = ms / 1000;
  return `${s < 10 ? s.toFixed(1) : Math.round(s).toString()} s`;
}
