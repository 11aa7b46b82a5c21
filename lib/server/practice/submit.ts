// Grading one try and recording it exactly once. The common case is two statements: one read (the
// problem, its tries, the skill card, the settings) and one write (record_try: lock, try, problem,
// card, review), with grading and the FSRS step here in between. When another try or review landed
// between the two, the write refuses and the try is read and computed again; after two refusals, or
// when a wrong answer's diagnosis brings another skill forward, the try goes through an interactive
// transaction that locks first and computes inside it.
import "server-only";
import { randomUUID } from "node:crypto";
import { isUniqueViolation } from "@/lib/server/db/unique-violation";
import { type GradeResult, grade, withoutKey } from "@/lib/problems";
import { assignmentGate } from "@/lib/server/assignments/gate";
import { now as clockNow } from "@/lib/server/clock";
import { getDb } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import {
  NOT_FOUND,
  instanceId,
  loadOwn,
  submissionSelect,
  withSetRules,
} from "@/lib/server/practice/own-instance";
import { parseOrThrow } from "@/lib/server/validation";
import {
  type FeedbackView,
  type InstanceView,
  type SubmitInput,
  type SubmitResult,
  submitInputSchema,
} from "@/lib/server/practice/practice.types";
import {
  type LoadedForTry,
  type TryToRecord,
  isDuplicateKey,
  loadForTry,
  recordTry,
} from "@/lib/server/practice/record-try";
import { type StoredInstance, type StoredSubmission, problemOf, toView } from "@/lib/server/practice/view";
import { DIAGNOSIS_SKILLS } from "@/lib/server/scheduling/diagnosis-map";
import { skillForDiagnosis } from "@/lib/srs";
import { planReview } from "@/lib/server/scheduling/plan-review";
import { recordReview } from "@/lib/server/scheduling/record-review";
import type { ActingUser } from "@/lib/server/users/user.types";

type Submitted = StoredSubmission & { elapsedMs: number; clientSubmissionId: string | null };
/** What a recorded try changes on its problem. */
type InstanceState = Partial<StoredInstance & { durationMs: number | null }>;

/** The recorded result of a submission id this learner already used, if any. */
async function replayed(
  actor: ActingUser,
  clientSubmissionId: string,
  id: string,
): Promise<SubmitResult | null> {
  const previous = await getDb().submission.findUnique({
    where: { userId_clientSubmissionId: { userId: actor.id, clientSubmissionId } },
    select: { instanceId: true, id: true },
  });
  if (!previous) return null;
  if (previous.instanceId !== id) {
    throw new AppError("INVALID_INPUT", "This submission id was already used for another problem.");
  }
  const instance = await loadOwn(actor, id);
  const view = toView(instance, instance.submissions);
  const feedback = view.submissions.find((s) => s.submissionId === previous.id)!;
  return { kind: "replayed", feedback, instance: view };
}

function finalFeedback(view: InstanceView): FeedbackView {
  const last = view.submissions[view.submissions.length - 1];
  if (last) return last;
  return {
    tryNumber: 0,
    answer: "",
    status: "wrong",
    correct: false,
    message: "The answer was shown; this problem is finished.",
    warnings: [],
  };
}

async function alreadyFinished(actor: ActingUser, id: string): Promise<SubmitResult> {
  const fresh = await loadOwn(actor, id);
  const view = toView(fresh, fresh.submissions);
  return { kind: "already_finished", feedback: finalFeedback(view), instance: view };
}

/** A replay of a try on this problem, or a try on a finished one: answered from what was recorded. */
function answeredFromRecord(
  instance: StoredInstance,
  submissions: readonly Submitted[],
  input: SubmitInput,
): SubmitResult | null {
  // (An id already used on another problem is caught when the try is written.)
  const previous = submissions.find((s) => s.clientSubmissionId === input.clientSubmissionId);
  if (previous) {
    const view = toView(instance, submissions);
    return {
      kind: "replayed",
      feedback: view.submissions.find((s) => s.submissionId === previous.id)!,
      instance: view,
    };
  }
  if (instance.finishedAt) {
    const view = toView(instance, submissions);
    return { kind: "already_finished", feedback: finalFeedback(view), instance: view };
  }
  return null;
}

/** The grade and the feedback; a malformed answer or one that cannot be checked records nothing. */
function gradeTry(
  instance: StoredInstance,
  submissions: readonly Submitted[],
  input: SubmitInput,
): { result: GradeResult; base: FeedbackView } | SubmitResult {
  // A set that hides solutions never shows the key, not even through the feedback.
  const graded = grade(problemOf(instance), input.answer);
  const result = instance.showSolution === false ? withoutKey(graded) : graded;
  const base: FeedbackView = {
    tryNumber: instance.triesUsed + 1,
    answer: input.answer,
    status: result.status,
    correct: result.correct,
    message: result.message,
    warnings: result.warnings,
    ...(result.diagnosis ? { diagnosis: result.diagnosis } : {}),
    ...(result.counterexample ? { counterexample: result.counterexample } : {}),
    ...(result.preview ? { preview: result.preview } : {}),
  };
  if (result.status === "invalid") {
    return { kind: "invalid", feedback: { ...base, tryNumber: 0 }, instance: toView(instance, submissions) };
  }
  if (result.status === "cannot_check") {
    // Never a guess: the learner is told, the try is not spent, and the case is logged for review.
    console.warn(
      `[grading] cannot check: instance ${instance.id}, skill ${instance.skillId}, answer ${JSON.stringify(input.answer).slice(0, 300)}`,
    );
    return {
      kind: "cannot_check",
      feedback: { ...base, tryNumber: 0 },
      instance: toView(instance, submissions),
    };
  }
  return { result, base };
}

function totalDuration(submissions: readonly Submitted[], elapsedMs: number): number {
  return Math.min(2_147_483_647, submissions.reduce((s, x) => s + x.elapsedMs, 0) + elapsedMs);
}

/** The answer as the learner sees it once recorded: the problem as the write left it, not read back. */
function gradedResult(
  instance: StoredInstance,
  submissions: readonly Submitted[],
  state: InstanceState,
  submission: Submitted,
): SubmitResult {
  const view = toView({ ...instance, ...state }, [...submissions, submission]);
  const feedback = view.submissions.find((s) => s.submissionId === submission.id) ?? finalFeedback(view);
  return { kind: "graded", feedback, instance: view };
}

/**
 * Grades one try. Exactly once per client submission id: a replay returns the recorded result and
 * records nothing; a try on a finished instance is refused with its recorded final result; a
 * malformed answer is returned with its reading error and records nothing. The try that finishes the
 * instance records its review and updates the skill card in the same statement (or transaction).
 */
export async function submitAnswer(options: {
  actor: ActingUser;
  instanceId: unknown;
  input: unknown;
}): Promise<SubmitResult> {
  const { actor } = options;
  const id = instanceId(options.instanceId);
  const input = parseOrThrow(submitInputSchema, options.input);

  let graded: { result: GradeResult; base: FeedbackView } | undefined;
  for (let round = 0; round < 2; round++) {
    const loaded = await loadForTry(actor.id, id);
    if (!loaded) throw new AppError("NOT_FOUND", NOT_FOUND);
    const { instance, submissions } = loaded;
    const recorded = answeredFromRecord(instance, submissions, input);
    if (recorded) return recorded;
    if (!graded) {
      const g = gradeTry(instance, submissions, input);
      if ("kind" in g) return g;
      graded = g;
    }
    const at = await clockNow();
    // An assignment problem: the student must still be in the class, and the late policy applies.
    const { late, rules } = await assignmentGate(instance.assignmentItemId, actor.id, at);
    const t = tryToRecord(loaded, input, graded, at, late);
    if (!t) break; // a diagnosis that brings another skill forward: the transaction does it
    let outcome;
    try {
      outcome = await recordTry(t.record);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      outcome = "duplicate" as const;
    }
    switch (outcome) {
      case "recorded":
        return gradedResult(withSetRules(instance, rules), submissions, t.state, t.submission);
      case "not_found":
        throw new AppError("NOT_FOUND", NOT_FOUND);
      case "duplicate":
        // The same submission id arrived twice at once: the other one was recorded; answer with it.
        return (await replayed(actor, input.clientSubmissionId, id)) ?? alreadyFinished(actor, id);
      case "finished":
        return alreadyFinished(actor, id);
      case "changed":
      case "card_changed":
        continue; // another try or review landed since the read: read and compute again
    }
  }
  return submitInTransaction(actor, id, input, graded);
}

/** The write for the try as read (null when the transaction path must take it). */
function tryToRecord(
  loaded: LoadedForTry,
  input: SubmitInput,
  graded: { result: GradeResult; base: FeedbackView },
  at: Date,
  late: boolean,
): { record: TryToRecord; state: InstanceState; submission: Submitted } | null {
  const { instance, submissions } = loaded;
  const { result, base } = graded;
  const tryNumber = instance.triesUsed + 1;
  const finished = result.correct || tryNumber >= instance.maxTries;
  // A placement question records no review: the transaction path finishes it without one.
  if (instance.source === "placement") return null;
  if (finished && !result.correct && skillForDiagnosis(DIAGNOSIS_SKILLS, result.diagnosis?.code)) return null;
  const { tryNumber: _t, answer: _a, ...stored } = { ...base, tryNumber };
  const submission: Submitted = {
    id: randomUUID(),
    tryNumber,
    answer: input.answer,
    feedback: stored,
    elapsedMs: input.elapsedMs,
    clientSubmissionId: input.clientSubmissionId,
  };
  const record: TryToRecord = {
    instanceId: instance.id,
    userId: instance.userId,
    submissionId: submission.id,
    clientSubmissionId: input.clientSubmissionId,
    triesBefore: instance.triesUsed,
    answer: input.answer,
    status: result.status,
    correct: result.correct,
    diagnosis: result.diagnosis?.code ?? null,
    feedback: stored,
    elapsedMs: input.elapsedMs,
    late,
    finish: null,
  };
  const lateState = late ? { late } : {};
  if (!finished) return { record, state: { triesUsed: tryNumber, ...lateState }, submission };

  const outcome = result.correct ? "right" : "wrong";
  const durationMs = totalDuration(submissions, input.elapsedMs);
  const hintUsed = instance.hintUsedAt !== null;
  const plan = planReview(loaded.card, {
    outcome,
    tries: tryNumber,
    hintUsed,
    durationMs,
    now: at,
    requestRetention: loaded.desiredRetention,
    pastFirstTryTimesMs: loaded.pastFirstTryTimesMs,
  });
  record.finish = {
    at,
    outcome,
    durationMs,
    cardRead: loaded.card,
    rating: plan.ratingName,
    hintUsed,
    stateBefore: plan.stateBefore,
    stateAfter: plan.stateAfter,
    elapsedDays: plan.result.log.elapsedDays,
    scheduledDays: plan.result.log.scheduledDays,
    reviewedAt: plan.reviewedAt,
  };
  return {
    record,
    state: { triesUsed: tryNumber, finishedAt: at, outcome, durationMs, ...lateState },
    submission,
  };
}

class FinishedMeanwhile extends Error {}

/** The try inside an interactive transaction: lock the problem, then compute and write. */
async function submitInTransaction(
  actor: ActingUser,
  id: string,
  input: SubmitInput,
  gradedBefore: { result: GradeResult; base: FeedbackView } | undefined,
): Promise<SubmitResult> {
  const instance = await loadOwn(actor, id);
  const recordedBefore = answeredFromRecord(instance, instance.submissions, input);
  if (recordedBefore) return recordedBefore;
  let graded = gradedBefore;
  if (!graded) {
    const g = gradeTry(instance, instance.submissions, input);
    if ("kind" in g) return g;
    graded = g;
  }
  const { result, base } = graded;

  const at = await clockNow();
  const { late } = await assignmentGate(instance.assignmentItemId, actor.id, at);
  let recorded: { submission: Submitted; state: InstanceState } | null = null;
  try {
    await getDb().$transaction(async (tx) => {
      // Lock the instance: two tabs or a double click are applied one after the other. The learner's
      // desired retention comes along, for the review.
      const rows = await tx.$queryRaw<
        {
          triesUsed: number;
          finishedAt: Date | null;
          hintUsedAt: Date | null;
          maxTries: number;
          desiredRetention: number;
        }[]
      >`
        SELECT p."triesUsed", p."finishedAt", p."hintUsedAt", p."maxTries", u."desiredRetention"
        FROM "ProblemInstance" p JOIN "User" u ON u."id" = p."userId"
        WHERE p."id" = ${id}::uuid AND p."userId" = ${actor.id}::uuid FOR UPDATE OF p`;
      const current = rows[0];
      if (!current) throw new AppError("NOT_FOUND", NOT_FOUND);
      if (current.finishedAt) throw new FinishedMeanwhile();
      const tryNumber = current.triesUsed + 1;
      const feedback = { ...base, tryNumber };
      const { tryNumber: _t, answer: _a, ...stored } = feedback;
      const submission = await tx.submission.create({
        select: submissionSelect,
        data: {
          instanceId: id,
          userId: actor.id,
          clientSubmissionId: input.clientSubmissionId,
          tryNumber,
          answer: input.answer,
          status: result.status,
          correct: result.correct,
          diagnosis: result.diagnosis?.code ?? null,
          feedback: stored,
          elapsedMs: input.elapsedMs,
        },
      });
      const finished = result.correct || tryNumber >= current.maxTries;
      if (!finished) {
        await tx.problemInstance.update({
          where: { id },
          data: { triesUsed: tryNumber, ...(late ? { late } : {}) },
        });
        recorded = { submission, state: { triesUsed: tryNumber, ...(late ? { late } : {}) } };
        return;
      }
      const durationMs = totalDuration(instance.submissions, input.elapsedMs);
      const outcome = result.correct ? "right" : "wrong";
      const state = {
        triesUsed: tryNumber,
        finishedAt: at,
        outcome,
        durationMs,
        ...(late ? { late } : {}),
      } as const;
      await tx.problemInstance.update({ where: { id }, data: state });
      recorded = { submission, state };
      // A placement question has no review of its own: finishing the check marks what it showed.
      if (instance.source === "placement") return;
      await recordReview(tx, {
        userId: actor.id,
        skillId: instance.skillId,
        instanceId: id,
        outcome,
        tries: tryNumber,
        hintUsed: current.hintUsedAt !== null,
        durationMs,
        ...(result.diagnosis ? { diagnosis: result.diagnosis.code } : {}),
        now: at,
        requestRetention: current.desiredRetention,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const other = await replayed(actor, input.clientSubmissionId, id);
      if (other) return other;
    }
    if (error instanceof FinishedMeanwhile || isUniqueViolation(error)) return alreadyFinished(actor, id);
    throw error;
  }
  const done = recorded as { submission: Submitted; state: InstanceState } | null;
  if (!done) throw new Error("the try was not recorded");
  return gradedResult(instance, instance.submissions, done.state, done.submission);
}
