// Taking the hint of a problem: recorded, since a right answer after a hint rates Hard.
import "server-only";
import { now as clockNow } from "@/lib/server/clock";
import { getDb } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { PLACEMENT_ONLY_ANSWERS } from "@/lib/server/practice/practice.types";
import { type InstanceView } from "@/lib/server/practice/practice.types";
import { type ActingUser } from "@/lib/server/users/user.types";
import { assignmentGate } from "@/lib/server/assignments/gate";
import { instanceId, loadOwn } from "./own-instance";
import { getInstance } from "./get-instance";

/** The hint of an instance; taking it is recorded (a right answer after a hint rates Hard). */
export async function takeHint(options: { actor: ActingUser; instanceId: unknown }): Promise<InstanceView> {
  const id = instanceId(options.instanceId);
  const at = await clockNow();
  const instance = await loadOwn(options.actor, id);
  if (instance.source === "placement") throw new AppError("INVALID_INPUT", PLACEMENT_ONLY_ANSWERS);
  await assignmentGate(
    instance.assignmentItemId,
    options.actor.id,
    at,
    instance.finishedAt ? "report" : "hint",
  );
  await getDb().problemInstance.updateMany({
    where: { id, userId: options.actor.id, hintUsedAt: null, finishedAt: null },
    data: { hintUsedAt: at },
  });
  return getInstance({ actor: options.actor, instanceId: id });
}
