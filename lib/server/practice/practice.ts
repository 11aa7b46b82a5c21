// Practice data functions. Each takes the acting user and touches only that user's instances: an
// instance id that is not theirs is answered exactly like one that does not exist.
import "server-only";
import { randomInt } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import { SKILLS, generate, getSkill, grade } from "@/lib/problems";
import { now as clockNow } from "@/lib/server/clock";
import { getDb } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import {
  type FeedbackView,
  type InstanceView,
  type SubmitResult,
  instanceIdSchema,
  reportInputSchema,
  revealInputSchema,
  startInputSchema,
  submitInputSchema,
} from "@/lib/server/practice/practice.types";
import { problemOf, toView } from "@/lib/server/practice/view";
import { recordReview } from "@/lib/server/scheduling/record-review";
import { assignmentGate, assignmentRules } from "@/lib/server/assignments/gate";
import type { ActingUser } from "@/lib/server/users/user.types";

const instanceSelect = {
  id: true,
  userId: true,
  skillId: true,
  problem: true,
  maxTries: true,
  triesUsed: true,
  hintUsedAt: true,
  issuedAt: true,
  finishedAt: true,
  outcome: true,
  durationMs: true,
  assignmentItemId: true,
  showSolution: true,
  late: true,
  overrideCorrect: true,
  overrideNote: true,
} as const;

const submissionSelect = {
  id: true,
  tryNumber: true,
  answer: true,
  feedback: true,
  elapsedMs: true,
  diagnosis: true,
  clientSubmissionId: true,
} as const;

function parseOrThrow<T>(
  schema: {
    safeParse: (
      v: unknown,
    ) => { success: true; data: T } | { success: false; error: { issues: { message: string }[] } };
  },
  raw: unknown,
): T {
  const r = schema.safeParse(raw);
  if (!r.success) throw new AppError("INVALID_INPUT", r.error.issues[0]?.message ?? "Invalid input.");
  return r.data;
}

const NOT_FOUND = "No such problem.";

function instanceId(raw: unknown): string {
  const r = instanceIdSchema.safeParse(raw);
  if (!r.success) throw new AppError("NOT_FOUND", NOT_FOUND);
  return r.data;
}

async function loadOwn(actor: ActingUser, id: string) {
  const instance = await getDb().problemInstance.findFirst({
    where: { id, userId: actor.id },
    select: { ...instanceSelect, submissions: { select: submissionSelect, orderBy: { tryNumber: "asc" } } },
  });
  if (!instance) throw new AppError("NOT_FOUND", NOT_FOUND);
  // A problem set decides whether hints and "Show me the answer" are offered, and when solutions show.
  const rules = await assignmentRules(instance.assignmentItemId, actor.id, await clockNow());
  if (!rules) return instance;
  return {
    ...instance,
    offers: { hint: rules.hints, reveal: rules.reveal },
    showSolution: instance.showSolution || rules.solutionsOpen,
  };
}

/** A skill for "mixed" practice: one of the learner's started skills, weakest-first by chance. */
async function pickMixedSkill(actor: ActingUser): Promise<string> {
  const cards = await getDb().skillCard.findMany({
    where: { userId: actor.id },
    select: { skillId: true },
    orderBy: { due: "asc" },
    take: 12,
  });
  const pool =
    cards.length > 0
      ? cards.map((c) => c.skillId)
      : SKILLS.filter((s) => s.prerequisites.length === 0).map((s) => s.id);
  return pool[randomInt(pool.length)]!;
}

/** Issues a fresh problem of a skill (or of mixed practice) to the learner. */
export async function startInstance(options: { actor: ActingUser; input: unknown }): Promise<InstanceView> {
  const { actor } = options;
  const { skillId: requested } = parseOrThrow(startInputSchema, options.input);
  const skillId = requested === "mixed" ? await pickMixedSkill(actor) : requested;
  const skill = getSkill(skillId);
  if (!skill) throw new AppError("NOT_FOUND", "No such skill.");
  const seed = randomInt(0, 2 ** 31 - 1);
  const g = generate(skill.id, seed);
  if (!g.ok) throw new AppError("INVALID_INPUT", `This skill could not make a problem: ${g.error.message}`);
  const issuedAt = await clockNow();
  const created = await getDb().problemInstance.create({
    data: {
      userId: actor.id,
      skillId: skill.id,
      seed,
      version: g.problem.version,
      problem: g.problem as unknown as Prisma.InputJsonValue,
      issuedAt,
    },
    select: instanceSelect,
  });
  return toView(created, []);
}

/** The learner's view of one of their instances (the key only once it is finished). */
export async function getInstance(options: {
  actor: ActingUser;
  instanceId: unknown;
}): Promise<InstanceView> {
  const instance = await loadOwn(options.actor, instanceId(options.instanceId));
  return toView(instance, instance.submissions);
}

/** The hint of an instance; taking it is recorded (a right answer after a hint rates Hard). */
export async function takeHint(options: { actor: ActingUser; instanceId: unknown }): Promise<InstanceView> {
  const id = instanceId(options.instanceId);
  const at = await clockNow();
  const own = await loadOwn(options.actor, id);
  if (!own.finishedAt) await assignmentGate(own.assignmentItemId, options.actor.id, at, "hint");
  await getDb().problemInstance.updateMany({
    where: { id, userId: options.actor.id, hintUsedAt: null, finishedAt: null },
    data: { hintUsedAt: at },
  });
  return getInstance({ actor: options.actor, instanceId: id });
}

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
      await tx.problemInstance.update({ where: { id }, data: state });
      recorded = { submission, state };
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

/** "Show me the answer": finishes the instance (rated Again) and returns it with its key and solution. */
export async function revealAnswer(options: {
  actor: ActingUser;
  instanceId: unknown;
  input: unknown;
}): Promise<InstanceView> {
  const { actor } = options;
  const id = instanceId(options.instanceId);
  parseOrThrow(revealInputSchema, options.input);
  const instance = await loadOwn(actor, id);
  if (instance.finishedAt) return toView(instance, instance.submissions);
  const at = await clockNow();
  await assignmentGate(instance.assignmentItemId, actor.id, at, "reveal");
  await getDb().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<
      { finishedAt: Date | null; hintUsedAt: Date | null; triesUsed: number }[]
    >`
      SELECT "finishedAt", "hintUsedAt", "triesUsed" FROM "ProblemInstance"
      WHERE "id" = ${id}::uuid AND "userId" = ${actor.id}::uuid FOR UPDATE`;
    const current = rows[0];
    if (!current || current.finishedAt) return;
    const durationMs = Math.max(0, Math.min(2_147_483_647, at.getTime() - instance.issuedAt.getTime()));
    await tx.problemInstance.update({
      where: { id },
      data: { finishedAt: at, outcome: "revealed", durationMs },
    });
    const settings = await tx.user.findUniqueOrThrow({
      where: { id: actor.id },
      select: { desiredRetention: true },
    });
    const lastDiagnosis = instance.submissions[instance.submissions.length - 1]?.diagnosis ?? undefined;
    await recordReview(tx, {
      userId: actor.id,
      skillId: instance.skillId,
      instanceId: id,
      outcome: "revealed",
      tries: current.triesUsed,
      hintUsed: current.hintUsedAt !== null,
      durationMs,
      ...(lastDiagnosis ? { diagnosis: lastDiagnosis } : {}),
      now: at,
      requestRetention: settings.desiredRetention,
    });
  });
  return getInstance({ actor, instanceId: id });
}

/** "Report this grading": stored for teachers and admins to review. */
export async function reportGrading(options: {
  actor: ActingUser;
  instanceId: unknown;
  input: unknown;
}): Promise<{ id: string }> {
  const { actor } = options;
  const id = instanceId(options.instanceId);
  const input = parseOrThrow(reportInputSchema, options.input);
  const instance = await loadOwn(actor, id);
  if (input.submissionId && !instance.submissions.some((s) => s.id === input.submissionId)) {
    throw new AppError("NOT_FOUND", "No such answer on this problem.");
  }
  const created = await getDb().gradingReport.create({
    data: {
      instanceId: id,
      userId: actor.id,
      comment: input.comment,
      submissionId: input.submissionId ?? null,
    },
    select: { id: true },
  });
  return created;
}
