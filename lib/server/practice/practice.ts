// Practice data functions. Each takes the acting user and touches only that user's instances: an
// instance id that is not theirs is answered exactly like one that does not exist.
import "server-only";
import { randomInt } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { SKILLS, generate, getSkill } from "@/lib/problems";
import { now as clockNow } from "@/lib/server/clock";
import { getDb } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import {
  type InstanceView,
  reportInputSchema,
  revealInputSchema,
  startInputSchema,
} from "@/lib/server/practice/practice.types";
import { instanceId, instanceSelect, loadOwn, parseOrThrow } from "@/lib/server/practice/own-instance";
import { toView } from "@/lib/server/practice/view";
import { recordReview } from "@/lib/server/scheduling/record-review";
import { assignmentGate } from "@/lib/server/assignments/gate";
import type { ActingUser } from "@/lib/server/users/user.types";

export { submitAnswer } from "@/lib/server/practice/submit";

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
