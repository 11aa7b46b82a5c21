// "Report this grading": a learner's report on a grading, stored for teachers and admins to review.
import "server-only";
import { assignmentGate } from "@/lib/server/assignments/gate";
import { now as clockNow } from "@/lib/server/clock";
import { getDb } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { reportInputSchema } from "@/lib/server/practice/practice.types";
import { type ActingUser } from "@/lib/server/users/user.types";
import { instanceId, loadOwn } from "./own-instance";
import { parseOrThrow } from "@/lib/server/validation";

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
  await assignmentGate(instance.assignmentItemId, actor.id, await clockNow(), "report");
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
