// What every practice operation starts from: its input checked with zod, the instance id read as a
// UUID, and the learner's own instance loaded (another learner's id is answered like a missing one).
import "server-only";
import { assignmentRules } from "@/lib/server/assignments/gate";
import { now as clockNow } from "@/lib/server/clock";
import { getDb } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { instanceIdSchema } from "@/lib/server/practice/practice.types";
import type { ActingUser } from "@/lib/server/users/user.types";

export const instanceSelect = {
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

export const submissionSelect = {
  id: true,
  tryNumber: true,
  answer: true,
  feedback: true,
  elapsedMs: true,
  diagnosis: true,
  clientSubmissionId: true,
} as const;

export function parseOrThrow<T>(
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

export const NOT_FOUND = "No such problem.";

export function instanceId(raw: unknown): string {
  const r = instanceIdSchema.safeParse(raw);
  if (!r.success) throw new AppError("NOT_FOUND", NOT_FOUND);
  return r.data;
}

export async function loadOwn(actor: ActingUser, id: string) {
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
