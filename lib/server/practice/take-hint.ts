// Taking a hint step of a problem: recorded, since a right answer after any hint rates Hard. The steps
// are revealed in order, one per request; a request for a step already shown changes nothing.
import "server-only";
import { now as clockNow } from "@/lib/server/clock";
import { getDb } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import {
  type InstanceView,
  PLACEMENT_ONLY_ANSWERS,
  hintInputSchema,
} from "@/lib/server/practice/practice.types";
import { type ActingUser } from "@/lib/server/users/user.types";
import { assignmentGate } from "@/lib/server/assignments/gate";
import { parseOrThrow } from "@/lib/server/validation";
import { MAX_HINT_STEPS, hintStepsTaken } from "@/lib/problems";
import { instanceId, loadOwn } from "./own-instance";
import { getInstance } from "./get-instance";
import { toView } from "./view";

/**
 * Reveals hint step `input.step` (1-based) of an instance: only the next one (a step already shown is
 * answered as it is, a later one is refused), only while the problem is open. The first step records
 * the time of the hint (hintUsedAt), which the review's rating and record_try count.
 */
export async function takeHint(options: {
  actor: ActingUser;
  instanceId: unknown;
  input: unknown;
}): Promise<InstanceView> {
  const id = instanceId(options.instanceId);
  const { step } = parseOrThrow(hintInputSchema, options.input);
  const at = await clockNow();
  const instance = await loadOwn(options.actor, id);
  if (instance.source === "placement") throw new AppError("INVALID_INPUT", PLACEMENT_ONLY_ANSWERS);
  await assignmentGate(
    instance.assignmentItemId,
    options.actor.id,
    at,
    instance.finishedAt ? "report" : "hint",
  );
  // Every problem has MAX_HINT_STEPS steps (hintSteps always returns exactly those; the catalogue's
  // unit tests check it), so the count needs no step worked out.
  const count = MAX_HINT_STEPS;
  if (step > count) throw new AppError("INVALID_INPUT", `This problem has ${count} hint steps.`);
  // The steps shown as the page shows them (a problem hinted before steps existed has its first).
  const shown = hintStepsTaken(instance);
  if (step > shown + 1 && !instance.finishedAt)
    throw new AppError("INVALID_INPUT", `Take hint step ${shown + 1} first.`);
  // A step already shown, or a finished problem: nothing to write, the view is the one read.
  if (step !== shown + 1 || instance.finishedAt) return toView(instance, instance.submissions);
  // The first hint's time stays the one the rating counts.
  const taken = instance.hintUsedAt === null ? { hintsTaken: step, hintUsedAt: at } : { hintsTaken: step };
  const { count: written } = await getDb().problemInstance.updateMany({
    where: { id, userId: options.actor.id, hintsTaken: instance.hintsTaken, finishedAt: null },
    data: taken,
  });
  // Written: the view is the one read with the step taken. Not written (another request took the step,
  // or the problem finished, in between): read again what is now stored.
  if (written === 1) return toView({ ...instance, ...taken }, instance.submissions);
  return getInstance({ actor: options.actor, instanceId: id });
}
