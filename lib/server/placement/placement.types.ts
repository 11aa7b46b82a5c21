// Requests and responses of the placement check: the ids a form posts (validated here) and what the
// pages see. No answer key: a question's problem is read through the practice view, which shows the
// key only once the question is finished.
import { z } from "zod";

export const placementIdSchema = z.uuid("No such placement check.");

/** "Next question": the check, and how many questions the learner saw when they asked. */
export const nextQuestionInputSchema = z.strictObject({
  placementId: placementIdSchema,
  after: z.coerce
    .number("The question number must be a whole number.")
    .int("The question number must be a whole number.")
    .min(1, "The question number must be at least 1.")
    .max(50, "The question number is too large."),
});

export const finishInputSchema = z.strictObject({ placementId: placementIdSchema });

export interface PlacementQuestionView {
  /** 1-based. */
  position: number;
  skillId: string;
  title: string;
  instanceId: string;
  /** null while unanswered. */
  result: "right" | "wrong" | null;
}

export interface PlacementSkill {
  skillId: string;
  title: string;
}

export interface PlacementView {
  id: string;
  open: boolean;
  startedAt: string;
  finishedAt: string | null;
  questions: PlacementQuestionView[];
  /** The most recent question when it is still unanswered. */
  current: PlacementQuestionView | null;
  /** Open, the latest question answered, and the rules have another skill to ask. */
  canContinue: boolean;
  maxQuestions: number;
  /** Skills the answers show known so far (open) or that finishing marked known (finished). */
  known: PlacementSkill[];
  /** Finished: skills shown known that the learner had already started, left with their schedule. */
  alreadyStarted: PlacementSkill[];
}

export interface PlacementStatus {
  /** The open check, else the latest finished one, else null. */
  placement: PlacementView | null;
  /** Whether Today offers the check: few or no reviews yet and none finished. */
  offered: boolean;
}

/** What Today shows of the check (read without its questions). */
export interface PlacementOffer {
  /** Whether Today offers the check: few or no reviews yet and none finished. */
  offered: boolean;
  /** Whether the learner has an open check (Today links it to continue). */
  open: boolean;
}
