// Grading one try at a problem, exactly once per client submission id.
import "server-only";
import { now as clockNow } from "@/lib/server/clock";
import { Prisma } from "@/lib/generated/prisma/client";
import { grade } from "@/lib/problems";
import { getDb } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import {
  type FeedbackView,
  type InstanceView,
  type SubmitResult,
  submitInputSchema,
} from "@/lib/server/practice/practice.types";
import { problemOf, toView } from "@/lib/server/practice/view";
import { finishInstance } from "@/lib/server/practice/finish-instance";
import { assignmentGate } from "@/lib/server/assignments/gate";
import { type ActingUser } from "@/lib/server/users/user.types";
import { submissionSelect, NOT_FOUND, instanceId, loadOwn } from "./own-instance";
import { parseOrThrow } from "@/lib/server/validation";

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

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

/**
 * Grades one try. Exactly once per client submission id: a replay returns the recorded result and
 * records nothing; a try on a finished instance is refused with its recorded final result; a
 * malformed answer is returned with its reading error and records nothing. The try that finishes the
 * instance records its review and updates the skill card in the same transaction.
 */
export async function submitAnswer(options: {
  actor: ActingUser;
  instanceId: unknown;
  input: unknown;
}): Promise<SubmitResult> {
  const { actor } = options;
  const id = instanceId(options.instanceId);
  const input = parseOrThrow(submitInputSchema, options.input);

  const instance = await loadOwn(actor, id);
  // A replay of a try on this problem: answer with what was recorded. (An id already used on another
  // problem is caught by its unique index when the try is inserted.)
  const previous = instance.submissions.find((s) => s.clientSubmissionId === input.clientSubmissionId);
  if (previous) {
    const view = toView(instance, instance.submissions);
    return {
      kind: "replayed",
      feedback: view.submissions.find((s) => s.submissionId === previous.id)!,
      instance: view,
    };
  }
  if (instance.finishedAt) {
    const view = toView(instance, instance.submissions);
    return { kind: "already_finished", feedback: finalFeedback(view), instance: view };
  }
  const problem = problemOf(instance);
  const result = grade(problem, input.answer);
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
    return {
      kind: "invalid",
      feedback: { ...base, tryNumber: 0 },
      instance: toView(instance, instance.submissions),
    };
  }
  if (result.status === "cannot_check") {
    // Never a guess: the learner is told, the try is not spent, and the case is logged for review.
    console.warn(
      `[grading] cannot check: instance ${id}, skill ${instance.skillId}, answer ${JSON.stringify(input.answer).slice(0, 300)}`,
    );
    return {
      kind: "cannot_check",
      feedback: { ...base, tryNumber: 0 },
      instance: toView(instance, instance.submissions),
    };
  }

  const at = await clockNow();
  // An assignment problem: the student must still be in the class, and the late policy applies.
  const { late } = await assignmentGate(instance.assignmentItemId, actor.id, at);
  let recorded: {
    submission: (typeof instance.submissions)[number];
    state: Partial<typeof instance>;
  } | null = null;
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
      const durationMs = Math.min(
        2_147_483_647,
        instance.submissions.reduce((s, x) => s + x.elapsedMs, 0) + input.elapsedMs,
      );
      const outcome = result.correct ? "right" : "wrong";
      const state = {
        triesUsed: tryNumber,
        finishedAt: at,
        outcome,
        durationMs,
        ...(late ? { late } : {}),
      } as const;
      recorded = { submission, state };
      await finishInstance(tx, {
        userId: actor.id,
        skillId: instance.skillId,
        instanceId: id,
        state,
        tries: tryNumber,
        hintUsed: current.hintUsedAt !== null,
        ...(result.diagnosis ? { diagnosis: result.diagnosis.code } : {}),
        requestRetention: current.desiredRetention,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      // The same submission id arrived twice at once: the other one was recorded; answer with it.
      const other = await replayed(actor, input.clientSubmissionId, id);
      if (other) return other;
    }
    if (error instanceof FinishedMeanwhile || isUniqueViolation(error)) {
      const fresh = await loadOwn(actor, id);
      const view = toView(fresh, fresh.submissions);
      return { kind: "already_finished", feedback: finalFeedback(view), instance: view };
    }
    throw error;
  }
  // The instance as the transaction left it, without reading it back.
  const done = recorded as {
    submission: (typeof instance.submissions)[number];
    state: Partial<typeof instance>;
  } | null;
  if (!done) throw new Error("the try was not recorded");
  const view = toView({ ...instance, ...done.state }, [...instance.submissions, done.submission]);
  const feedback = view.submissions.find((s) => s.submissionId === done.submission.id) ?? finalFeedback(view);
  return { kind: "graded", feedback, instance: view };
}

class FinishedMeanwhile extends Error {}
