// One of the learner's own problem instances with its tries: an id that is not theirs is answered
// exactly like one that does not exist.
import "server-only";
import { type AssignmentRules, assignmentRules } from "@/lib/server/assignments/gate";
import { now as clockNow } from "@/lib/server/clock";
import { getDb } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { instanceIdSchema } from "@/lib/server/practice/practice.types";
import { type ActingUser } from "@/lib/server/users/user.types";
import { idOr404 } from "@/lib/server/validation";

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
  source: true,
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

export const NOT_FOUND = "No such problem.";

export function instanceId(raw: unknown): string {
  return idOr404(raw, NOT_FOUND, instanceIdSchema);
}

export async function loadOwn(actor: ActingUser, id: string) {
  const instance = await getDb().problemInstance.findFirst({
    where: { id, userId: actor.id },
    select: { ...instanceSelect, submissions: { select: submissionSelect, orderBy: { tryNumber: "asc" } } },
  });
  if (!instance) throw new AppError("NOT_FOUND", NOT_FOUND);
  return withSetRules(instance, await assignmentRules(instance.assignmentItemId, actor.id, await clockNow()));
}

/** A problem set decides whether hints and "Show me the answer" are offered, and when solutions show. */
export function withSetRules<T extends { showSolution: boolean }>(
  instance: T,
  rules: AssignmentRules | null,
): T & { offers?: { hint: boolean; reveal: boolean } } {
  if (!rules) return instance;
  return {
    ...instance,
    offers: { hint: rules.hints, reveal: rules.reveal },
    showSolution: instance.showSolution || rules.solutionsOpen,
  };
}
