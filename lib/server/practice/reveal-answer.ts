// "Show me the answer": the problem ends, rated Again.
import "server-only";
import { now as clockNow } from "@/lib/server/clock";
import { getDb } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import {
  type InstanceView,
  PLACEMENT_ONLY_ANSWERS,
  revealInputSchema,
} from "@/lib/server/practice/practice.types";
import { toView } from "@/lib/server/practice/view";
import { recordReview } from "@/lib/server/scheduling/record-review";
import { assignmentGate } from "@/lib/server/assignments/gate";
import { type ActingUser } from "@/lib/server/users/user.types";
import { instanceId, loadOwn } from "./own-instance";
import { getInstance } from "./get-instance";
import { parseOrThrow } from "@/lib/server/validation";

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
  if (instance.source === "placement") throw new AppError("INVALID_INPUT", PLACEMENT_ONLY_ANSWERS);
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
