// The learner's view of one of their problem instances.
import "server-only";
import { type InstanceView } from "@/lib/server/practice/practice.types";
import { toView } from "@/lib/server/practice/view";
import { type ActingUser } from "@/lib/server/users/user.types";
import { instanceId, loadOwn } from "./own-instance";

/** The learner's view of one of their instances (the key only once it is finished). */
export async function getInstance(options: {
  actor: ActingUser;
  instanceId: unknown;
}): Promise<InstanceView> {
  const instance = await loadOwn(options.actor, instanceId(options.instanceId));
  return toView(instance, instance.submissions);
}
