// The submit path reads the problem and the skill card, computes the review, then writes in one
// statement. When another problem's review of the same skill lands in between, the write must not
// overwrite that card with one computed from the old state: it refuses, and the try is computed again
// from the new card. Both reviews are kept, and the card is the one the second review left.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { getDb } from "@/lib/server/db/client";
import { startInstance, submitAnswer } from "@/lib/server/practice/practice";
import type { ActingUser } from "@/lib/server/users/user.types";
import { keyOf, learner } from "./helpers";

const SKILL = "derivative-power-rule";

async function answerRight(me: ActingUser, instanceId: string) {
  const p = await keyOf(instanceId);
  return submitAnswer({
    actor: me,
    instanceId,
    input: { clientSubmissionId: randomUUID(), answer: p.answer, elapsedMs: 4000 },
  });
}

/** Waits until a session is blocked on a lock while running the submit statement. */
async function blockedOnLock(client: pg.Client): Promise<void> {
  for (;;) {
    // Activity is read once per transaction unless the snapshot is cleared.
    await client.query("SELECT pg_stat_clear_snapshot()");
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%record_try%'`,
    );
    if (rows[0]!.n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Answers problem A, with problem B of the same skill answered between A's read and A's write. */
async function raceOnOneSkill(me: ActingUser) {
  const a = await startInstance({ actor: me, input: { skillId: SKILL } });
  const b = await startInstance({ actor: me, input: { skillId: SKILL } });
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  try {
    // Hold problem A's row: A's write waits for it, after A has read the card.
    await client.query("BEGIN");
    await client.query(`SELECT 1 FROM "ProblemInstance" WHERE "id" = $1 FOR UPDATE`, [a.id]);
    const pending = answerRight(me, a.id);
    await blockedOnLock(client);
    const second = await answerRight(me, b.id);
    await client.query("COMMIT");
    const first = await pending;
    return { a: a.id, b: b.id, first, second };
  } finally {
    await client.end();
  }
}

async function reviewsOf(me: ActingUser) {
  return getDb().review.findMany({
    where: { userId: me.id, skillId: SKILL },
    orderBy: { id: "asc" },
    select: { instanceId: true, stateBefore: true, stateAfter: true, reviewedAt: true },
  });
}

async function cardOf(me: ActingUser) {
  return getDb().skillCard.findUniqueOrThrow({
    where: { userId_skillId: { userId: me.id, skillId: SKILL } },
    select: { reps: true, lastReview: true },
  });
}

describe("a review of the same skill between the read and the write", () => {
  it("of a skill already started: two reviews, each from the card the one before left", async () => {
    const me = await learner();
    // Positive control: a first review makes the card.
    const start = await startInstance({ actor: me, input: { skillId: SKILL } });
    expect((await answerRight(me, start.id)).kind).toBe("graded");
    expect((await cardOf(me)).reps).toBe(1);

    const race = await raceOnOneSkill(me);
    expect(race.first.kind).toBe("graded");
    expect(race.second.kind).toBe("graded");

    const reviews = await reviewsOf(me);
    expect(reviews.map((r) => r.instanceId)).toEqual([start.id, race.b, race.a]);
    const [, reviewB, reviewA] = reviews;
    // A's review starts from the card B's review left, not from the card A had read.
    expect(reviewA!.stateBefore).toEqual(reviewB!.stateAfter);
    expect(reviewB!.stateBefore).toEqual(reviews[0]!.stateAfter);
    const card = await cardOf(me);
    expect(card.reps).toBe(3);
    expect(card.lastReview).toEqual(reviewA!.reviewedAt);
    expect(reviewA!.stateAfter).toMatchObject({ reps: 3 });
    expect(await getDb().submission.count({ where: { instanceId: race.a } })).toBe(1);
  });

  it("of a skill not started yet: the card made meanwhile is kept, and the review builds on it", async () => {
    const me = await learner();
    const race = await raceOnOneSkill(me);
    expect(race.first.kind).toBe("graded");
    expect(race.second.kind).toBe("graded");

    const reviews = await reviewsOf(me);
    expect(reviews.map((r) => r.instanceId)).toEqual([race.b, race.a]);
    const [reviewB, reviewA] = reviews;
    expect(reviewB!.stateBefore).toBeNull();
    expect(reviewA!.stateBefore).toEqual(reviewB!.stateAfter);
    const card = await cardOf(me);
    expect(card.reps).toBe(2);
    expect(card.lastReview).toEqual(reviewA!.reviewedAt);
    expect(await getDb().skillCard.count({ where: { userId: me.id } })).toBe(1);
  });
});

describe("a hint taken between the read and the write", () => {
  it("the review counts the hint (the write refuses and the try is computed again)", async () => {
    const me = await learner();
    // Positive control: an answer with no hint is reviewed as such.
    const plain = await startInstance({ actor: me, input: { skillId: SKILL } });
    expect((await answerRight(me, plain.id)).kind).toBe("graded");
    const a = await startInstance({ actor: me, input: { skillId: SKILL } });
    const client = new pg.Client({ connectionString: inject("databaseUrl") });
    await client.connect();
    try {
      await client.query("BEGIN");
      await client.query(`SELECT 1 FROM "ProblemInstance" WHERE "id" = $1 FOR UPDATE`, [a.id]);
      const pending = answerRight(me, a.id);
      await blockedOnLock(client);
      // The hint lands (as the hint route writes it) while the answer waits to be written.
      await client.query(`UPDATE "ProblemInstance" SET "hintUsedAt" = now() WHERE "id" = $1`, [a.id]);
      await client.query("COMMIT");
      expect((await pending).kind).toBe("graded");
    } finally {
      await client.end();
    }
    const reviews = await getDb().review.findMany({
      where: { userId: me.id },
      select: { instanceId: true, hintUsed: true },
    });
    expect(reviews.find((r) => r.instanceId === plain.id)?.hintUsed).toBe(false);
    expect(reviews.find((r) => r.instanceId === a.id)?.hintUsed).toBe(true);
  });
});
