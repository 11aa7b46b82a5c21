// The placement check's writes racing other writes of the same learner, against a real PostgreSQL: a
// real review that makes a skill's card while the check finishes keeps its card (the check never
// overwrites it), and a "next question" that arrives while the check finishes adds nothing to the
// finished check. Each race is made to happen by holding a lock in another session.
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { getDb } from "@/lib/server/db/client";
import { finishPlacement, nextPlacementQuestion, startPlacement } from "@/lib/server/placement/placement";
import { PLACEMENT_SKILLS } from "@/lib/server/placement/placement-skills";
import { ancestorsOf } from "@/lib/srs";
import { AppError } from "@/lib/server/errors";
import { answerOnce, learner, useTestClock } from "./helpers";

const T0 = Date.parse("2030-05-06T09:00:00.000Z");

const clockAt = useTestClock();

/** Waits until `n` other sessions of this database wait for a lock. */
async function waitingOnLocks(client: pg.Client, n: number): Promise<void> {
  for (;;) {
    await client.query("SELECT pg_stat_clear_snapshot()");
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'`,
    );
    if (rows[0]!.n >= n) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function withClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe("placement races", () => {
  it("a card made by a real review while the check finishes is kept, and that skill counts as started", async () => {
    const me = await learner("race-card");
    await clockAt(T0);
    const p = await startPlacement({ actor: me });
    await answerOnce(me, p.current!.instanceId, true);
    const shown = [p.current!.skillId, ...ancestorsOf(PLACEMENT_SKILLS, p.current!.skillId)];
    const skill = shown[shown.length - 1]!;
    const real = new Date(T0 + 600_000);

    const done = await withClient(async (client) => {
      // A review of `skill` commits its card while the check is finishing (after the check read the cards).
      await client.query("BEGIN");
      await client.query(
        `INSERT INTO "SkillCard" ("userId", "skillId", "due", "stability", "difficulty", "elapsedDays",
           "scheduledDays", "learningSteps", "reps", "lapses", "state", "lastReview", "lastRating", "updatedAt")
         VALUES ($1, $2, $3, 0.5, 6, 0, 0, 1, 1, 0, 'Learning', $4, 'Good', now())`,
        [me.id, skill, real, new Date(T0)],
      );
      const pending = finishPlacement({ actor: me, input: { placementId: p.id } });
      await waitingOnLocks(client, 1);
      await client.query("COMMIT");
      return pending;
    });

    const card = await getDb().skillCard.findUniqueOrThrow({
      where: { userId_skillId: { userId: me.id, skillId: skill } },
    });
    expect(card).toMatchObject({ state: "Learning", reps: 1, lastRating: "Good", due: real });
    expect(done.alreadyStarted.map((s) => s.skillId)).toEqual([skill]);
    expect(done.known.map((s) => s.skillId)).not.toContain(skill);
    // Positive control: every other skill shown known got its placement card.
    const others = await getDb().skillCard.findMany({
      where: { userId: me.id, skillId: { not: skill } },
      select: { skillId: true, lastRating: true },
    });
    expect(others.map((c) => c.skillId).sort()).toEqual(shown.filter((s) => s !== skill).sort());
    expect(others.every((c) => c.lastRating === "Easy")).toBe(true);
    expect(done.known).toHaveLength(shown.length - 1);
  });

  it("a next question asked while the check finishes adds nothing to the finished check", async () => {
    const me = await learner("race-next");
    await clockAt(T0);
    const p = await startPlacement({ actor: me });
    await answerOnce(me, p.current!.instanceId, false);

    const [done, next] = await withClient(async (client) => {
      // Hold the check so that the finish waits first and the "next" after it; then let both go.
      await client.query("BEGIN");
      await client.query(`SELECT 1 FROM "Placement" WHERE "id" = $1 FOR UPDATE`, [p.id]);
      const finishing = finishPlacement({ actor: me, input: { placementId: p.id } });
      await waitingOnLocks(client, 1);
      const asking = nextPlacementQuestion({ actor: me, input: { placementId: p.id, after: 1 } }).then(
        (v) => v,
        (e: unknown) => e,
      );
      await waitingOnLocks(client, 2);
      await client.query("ROLLBACK");
      return Promise.all([finishing, asking]);
    });

    expect(done.open).toBe(false);
    expect(next).toBeInstanceOf(AppError);
    expect((next as AppError).code).toBe("INVALID_INPUT");
    expect(await getDb().placementQuestion.count({ where: { placementId: p.id } })).toBe(1);
    expect(await getDb().problemInstance.count({ where: { userId: me.id } })).toBe(1);
  });

  it("two next questions at once issue one question (positive control: it is issued)", async () => {
    const me = await learner("race-two");
    await clockAt(T0);
    const p = await startPlacement({ actor: me });
    await answerOnce(me, p.current!.instanceId, false);
    const views = await Promise.all(
      [1, 2, 3].map(() => nextPlacementQuestion({ actor: me, input: { placementId: p.id, after: 1 } })),
    );
    for (const v of views)
      expect(v.questions.map((q) => q.instanceId)).toEqual(views[0]!.questions.map((q) => q.instanceId));
    expect(views[0]!.questions).toHaveLength(2);
    expect(await getDb().placementQuestion.count({ where: { placementId: p.id } })).toBe(2);
    expect(await getDb().problemInstance.count({ where: { userId: me.id } })).toBe(2);
  });
});
