// Starting the day's drill and asking for one more problem after it: the only writes of the drill,
// reached by POST (server actions), never by a page view. Each is safe to repeat: a second start
// hands back the drill that exists, a second "one more" the problem it issued and not yet finished.
import "server-only";
import { randomUUID } from "node:crypto";
import { isUniqueViolation } from "@/lib/server/db/unique-violation";
import { getDb } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { newInstanceData } from "@/lib/server/practice/start-instance";
import type { DrillView } from "@/lib/server/scheduling/scheduling.types";
import { type ActingUser } from "@/lib/server/users/user.types";
import { composeDrill, localDateKey, pickOneMore } from "@/lib/srs";
import { type DayState, dayState } from "./day-state";
import { readDrill } from "./drill-read";

async function mustRead(d: DayState, userId: string): Promise<DrillView> {
  const drill = await readDrill(userId, d.now, d.settings.timezone);
  if (!drill) throw new Error("The day's drill vanished after it was written.");
  return drill;
}

/**
 * Starts the learner's drill of today: the due reviews, then at most the day's new skills, cut to
 * the session length (lib/srs composeDrill), each with its problem issued now, all in one
 * transaction. The drill of today is handed back unchanged when it exists (a second click, another
 * tab). Null when there is nothing to drill (nothing due and no new skill allowed).
 */
export async function startDrill(options: { actor: ActingUser }): Promise<DrillView | null> {
  const { actor } = options;
  const d = await dayState(actor);
  const existing = await readDrill(actor.id, d.now, d.settings.timezone);
  if (existing) return existing;
  const plan = composeDrill(d.queue, d.settings.sessionLength);
  if (plan.length === 0) return null;
  await createDrill(d, actor.id, plan);
  return mustRead(d, actor.id);
}

/** Writes the drill with its items and their problems; a concurrent start that won is kept. */
async function createDrill(
  d: DayState,
  userId: string,
  plan: { skillId: string; kind: "due" | "new" | "extra" }[],
  firstPosition = 0,
  drillId?: string,
): Promise<void> {
  const instances = plan.map((p) => ({ id: randomUUID(), ...newInstanceData(userId, p.skillId, d.now) }));
  try {
    await getDb().$transaction(async (tx) => {
      const id =
        drillId ??
        (
          await tx.drill.create({
            data: {
              userId,
              day: localDateKey(d.now, d.settings.timezone),
              timezone: d.settings.timezone,
              startedAt: d.now,
            },
            select: { id: true },
          })
        ).id;
      await tx.problemInstance.createMany({ data: instances });
      await tx.drillItem.createMany({
        data: plan.map((p, i) => ({
          drillId: id,
          position: firstPosition + i,
          skillId: p.skillId,
          kind: p.kind,
          instanceId: instances[i]!.id,
        })),
      });
    });
  } catch (error) {
    // Another request started the drill (or added this "one more") first: theirs stands, ours is
    // rolled back whole.
    if (!isUniqueViolation(error)) throw error;
  }
}

/**
 * One more problem after the day's drill: a review due now, else a new skill still within the
 * day's limit, else the weakest started skill (lib/srs pickOneMore). It never joins the drill's
 * count. While the drill (or an earlier "one more") has an unfinished problem, that is handed back
 * and nothing is issued; before the drill starts, this starts it when there is one to start.
 */
export async function oneMore(options: { actor: ActingUser }): Promise<DrillView> {
  const { actor } = options;
  const d = await dayState(actor);
  const drill = await readDrill(actor.id, d.now, d.settings.timezone);
  if (drill?.next) return drill;
  if (!drill && composeDrill(d.queue, d.settings.sessionLength).length > 0) {
    return (await startDrill({ actor }))!;
  }
  const skillId = pickOneMore(d.queue, d.cards, d.now);
  if (!skillId)
    throw new AppError("NOT_FOUND", "Nothing to practise yet: new skills are off and no skill is started.");
  const plan = [{ skillId, kind: "extra" as const }];
  if (drill) {
    const last = Math.max(-1, ...drill.items.map((i) => i.position), ...drill.extra.map((i) => i.position));
    await createDrill(d, actor.id, plan, last + 1, drill.id);
  } else {
    await createDrill(d, actor.id, plan);
  }
  return mustRead(d, actor.id);
}
