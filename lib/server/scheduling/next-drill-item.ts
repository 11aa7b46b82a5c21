// The next problem of today's drill.
import "server-only";
import { instanceSelect, submissionSelect } from "@/lib/server/practice/own-instance";
import { getDb } from "@/lib/server/db/client";
import { startInstance } from "@/lib/server/practice/practice";
import { toView } from "@/lib/server/practice/view";
import { type DrillItem } from "@/lib/server/scheduling/scheduling.types";
import { type ActingUser } from "@/lib/server/users/user.types";
import { localDayBounds } from "@/lib/srs";
import { dayState } from "./day-state";

/**
 * The next problem of today's drill: the first due skill, else the first new one, else the weakest
 * started skill ("practice more"). An unfinished problem of that skill issued today is handed back
 * rather than a second one issued, so reloading does not pile up problems. Null when there is
 * nothing at all to practise (no skill started and no new skill allowed today).
 */
export async function nextDrillItem(options: { actor: ActingUser }): Promise<DrillItem | null> {
  const { actor } = options;
  const d = await dayState(actor);
  const { queue } = d;
  const dueIds = new Set(queue.due.map((x) => x.skillId));
  let skillId: string | undefined = queue.items[0];
  let kind: DrillItem["kind"] = skillId && dueIds.has(skillId) ? "due" : "new";
  let n = d.doneToday + 1;
  let of = d.doneToday + queue.items.length;
  if (!skillId) {
    skillId = queue.extra[0];
    kind = "extra";
    n = d.doneToday + 1;
    of = d.doneToday + 1;
  }
  if (!skillId) return null;

  const { start } = localDayBounds(d.now, d.settings.timezone);
  const open = await getDb().problemInstance.findFirst({
    where: { userId: actor.id, skillId, finishedAt: null, source: "practice", issuedAt: { gte: start } },
    orderBy: { issuedAt: "desc" },
    select: { ...instanceSelect, submissions: { select: submissionSelect, orderBy: { tryNumber: "asc" } } },
  });
  const instance = open ? toView(open, open.submissions) : await startInstance({ actor, input: { skillId } });
  return { instance, kind, n, of };
}
