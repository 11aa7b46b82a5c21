// The day's drill against a real PostgreSQL: fixed when it starts, never growing, ending with a
// finish screen and "one more" after it; the daily new-skill limit and Today's promise; one wording of
// due and recall on Today and Progress; the browser's timezone at sign-up and sign-in; bad input
// (another learner's drill, forged ids, double submissions) changing nothing next to a positive control.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db/client";
import { cardFromRecord } from "@/lib/srs";
import { submitAnswer } from "@/lib/server/practice/practice";
import { newInstanceData } from "@/lib/server/practice/start-instance";
import {
  getDrill,
  getDrillSummary,
  getProgress,
  getToday,
  oneMore,
  startDrill,
} from "@/lib/server/scheduling/scheduling";
import { dayState } from "@/lib/server/scheduling/day-state";
import { adoptBrowserTimezone } from "@/lib/server/users/timezone";
import type { ActingUser } from "@/lib/server/users/user.types";
import { dueStatus } from "@/lib/srs";
import { expectAppError, keyOf, learner, useTestClock } from "./helpers";

const MIN = 60_000;
const DAY = 86_400_000;
const T0 = Date.parse("2030-03-04T12:00:00.000Z");

const clockAt = useTestClock();

async function answerRight(actor: ActingUser, instanceId: string, clientSubmissionId = randomUUID()) {
  const p = await keyOf(instanceId);
  return submitAnswer({
    actor,
    instanceId,
    input: { clientSubmissionId, answer: p.answer, elapsedMs: 9000 },
  });
}

/** A learned card (state Review) for `skillId`, due `dueInDays` from T0. */
async function learnedCard(actor: ActingUser, skillId: string, dueInDays = 5) {
  await getDb().skillCard.create({
    data: {
      userId: actor.id,
      skillId,
      due: new Date(T0 + dueInDays * DAY),
      stability: 8,
      difficulty: 5,
      elapsedDays: 2,
      scheduledDays: 8,
      learningSteps: 0,
      reps: 3,
      lapses: 0,
      state: "Review",
      lastReview: new Date(T0 - 3 * DAY),
      lastRating: "Good",
    },
  });
}

const rows = async (userId: string) => ({
  instances: await getDb().problemInstance.count({ where: { userId } }),
  drills: await getDb().drill.count({ where: { userId } }),
  items: await getDb().drillItem.count({ where: { drill: { userId } } }),
  reviews: await getDb().review.count({ where: { userId } }),
});

/** New skills met (first reviewed) since the simulated morning. */
async function introducedToday(userId: string): Promise<number> {
  const r = await getDb().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS "n" FROM "Review"
    WHERE "userId" = ${userId}::uuid AND "stateBefore" IS NULL AND "reviewedAt" >= ${new Date(T0 - 12 * 3_600_000)}`;
  return r[0]!.n;
}

describe("a whole day's drill", () => {
  it("is fixed when it starts, does not grow as skills unlock, ends, and offers one more after", async () => {
    const me = await learner("day");
    await clockAt(T0);
    const before = await getToday({ actor: me });
    expect(before.drill).toBeNull();
    expect(before.newSkills.map((s) => s.skillId)).toEqual([
      "limit-direct-substitution",
      "derivative-power-rule",
    ]);
    expect(before.session).toEqual({ done: 0, total: 2 });
    // Reading Today or the drill writes nothing.
    await getDrill({ actor: me });
    await getDrillSummary({ actor: me });
    expect(await rows(me.id)).toEqual({ instances: 0, drills: 0, items: 0, reviews: 0 });

    const drill = (await startDrill({ actor: me }))!;
    expect(drill.items.map((i) => [i.skillId, i.kind])).toEqual([
      ["limit-direct-substitution", "new"],
      ["derivative-power-rule", "new"],
    ]);
    expect(drill).toMatchObject({ done: 0, total: 2, finished: false, next: { n: 1, of: 2, kind: "new" } });
    // Starting again (a second click, another tab) hands back the same drill and issues nothing.
    expect((await startDrill({ actor: me }))!.id).toBe(drill.id);
    expect(await rows(me.id)).toEqual({ instances: 2, drills: 1, items: 2, reviews: 0 });

    await answerRight(me, drill.items[0]!.instanceId);
    // Free practice outside the drill: the learning step ten minutes later. The skill is learned and
    // its dependants unlock, but the drill keeps its two problems, and the reviews outside it do not count.
    await clockAt(T0 + 11 * MIN);
    const free = await getDb().problemInstance.create({
      data: newInstanceData(me.id, "limit-direct-substitution", new Date(T0 + 11 * MIN)),
    });
    await answerRight(me, free.id);
    let today = await getToday({ actor: me });
    expect(today.session).toEqual({ done: 1, total: 2 });
    expect(today.newSkills.map((s) => [s.skillId, s.done])).toEqual([
      ["limit-direct-substitution", true],
      ["derivative-power-rule", false],
    ]);
    expect(today.counts.doneToday).toBe(2);
    const mid = (await getDrill({ actor: me }))!;
    expect(mid).toMatchObject({
      done: 1,
      total: 2,
      next: { instanceId: drill.items[1]!.instanceId, n: 2, of: 2 },
    });

    await answerRight(me, drill.items[1]!.instanceId);
    const summary = (await getDrillSummary({ actor: me }))!;
    expect(summary.drill).toMatchObject({ done: 2, total: 2, finished: true, next: null });
    expect(summary.drill.items.map((i) => i.result)).toEqual(["right", "right"]);
    expect(summary.streak.current).toBe(1);
    // Coming due: the power rule's learning step (10 minutes) and the limit's first interval.
    expect(summary.tomorrow.map((t) => t.skillId)).toEqual(["derivative-power-rule"]);
    expect(summary.tomorrow[0]!.label).toBe("due in 10 min");
    expect(summary.oneMore).toBe(true);
    // Nothing more offered as due: Today shows the drill done, and its counts stay those of the drill.
    today = await getToday({ actor: me });
    expect(today.drill?.finished).toBe(true);
    expect(today.session).toEqual({ done: 2, total: 2 });
    expect(today.counts.remaining).toBe(0);
    await clockAt(T0 + 30 * MIN);
    expect((await getToday({ actor: me })).session).toEqual({ done: 2, total: 2 });
    expect((await startDrill({ actor: me }))!.total).toBe(2);

    // One more: the power rule's learning step is due now, so it comes first; it never joins the count.
    const more = await oneMore({ actor: me });
    expect(more).toMatchObject({ done: 2, total: 2, finished: true, next: { kind: "extra", n: 1, of: 1 } });
    expect(more.extra.map((i) => i.skillId)).toEqual(["derivative-power-rule"]);
    // Asked twice before answering: the same problem, nothing issued.
    expect((await oneMore({ actor: me })).next!.instanceId).toBe(more.next!.instanceId);
    const counted = await rows(me.id);
    expect(counted).toMatchObject({ instances: 4, items: 3 });
    await answerRight(me, more.next!.instanceId);
    const after = (await getDrill({ actor: me }))!;
    expect(after).toMatchObject({ done: 2, total: 2, finished: true, next: null });
    expect(after.extra.map((i) => i.result)).toEqual(["right"]);

    // The next day, a new drill: yesterday's is left as it was.
    await clockAt(T0 + DAY);
    expect(await getDrill({ actor: me })).toBeNull();
    const tomorrow = (await startDrill({ actor: me }))!;
    expect(tomorrow.id).not.toBe(drill.id);
    expect(tomorrow.done).toBe(0);
  });

  it("far from UTC, the drill is the one of the learner's local day, not of the UTC date", async () => {
    // 2030-03-04 23:30 UTC: already March 5 in Kiritimati (+14), still March 4 in Pago Pago (-11).
    const late = Date.parse("2030-03-04T23:30:00.000Z");
    for (const [timezone, day, nextDay] of [
      ["Pacific/Kiritimati", "2030-03-05", "2030-03-06"],
      ["Pacific/Pago_Pago", "2030-03-04", "2030-03-05"],
    ] as const) {
      const me = await learner("far", { timezone });
      await clockAt(late);
      const drill = (await startDrill({ actor: me }))!;
      expect(drill.day).toBe(day);
      expect((await getDrill({ actor: me }))!.id).toBe(drill.id);
      // The next local day has no drill yet, though the UTC date may be the same.
      await clockAt(late + DAY);
      expect(await getDrill({ actor: me })).toBeNull();
      const tomorrow = (await startDrill({ actor: me }))!;
      expect(tomorrow.day).toBe(nextDay);
      expect((await getDrill({ actor: me }))!.id).toBe(tomorrow.id);
      // Back on the first day, its own drill again.
      await clockAt(late);
      expect((await getDrill({ actor: me }))!.id).toBe(drill.id);
    }
  });

  it("two starts at once make one drill; two 'one more' at once issue one problem", async () => {
    const me = await learner("race");
    await clockAt(T0);
    const [a, b] = await Promise.all([startDrill({ actor: me }), startDrill({ actor: me })]);
    expect(a!.id).toBe(b!.id);
    expect(await rows(me.id)).toMatchObject({ instances: 2, drills: 1, items: 2 });
    for (const i of a!.items) await answerRight(me, i.instanceId);
    const [x, y] = await Promise.all([oneMore({ actor: me }), oneMore({ actor: me })]);
    expect(x.next!.instanceId).toBe(y.next!.instanceId);
    expect(await rows(me.id)).toMatchObject({ instances: 3, drills: 1, items: 3 });
  });

  it("with nothing to practise, one more says so and writes nothing", async () => {
    const me = await learner("idle", { dailyNewLimit: 0 });
    await clockAt(T0);
    expect(await startDrill({ actor: me })).toBeNull();
    await expectAppError(oneMore({ actor: me }), "NOT_FOUND");
    expect(await rows(me.id)).toEqual({ instances: 0, drills: 0, items: 0, reviews: 0 });
  });
});

describe("new-skill slots", () => {
  it("the drill gives exactly the new skills Today listed, never more than the daily limit", async () => {
    for (const limit of [5, 2]) {
      const me = await learner(`slots-${limit}`, { dailyNewLimit: limit });
      // Limits by substitution is learned: its four dependants unlock, plus the power rule (no
      // prerequisite) and other roots: more candidates than the limit.
      await learnedCard(me, "limit-direct-substitution");
      await clockAt(T0);
      const today = await getToday({ actor: me });
      const promised = today.newSkills.map((s) => s.skillId);
      expect(promised).toHaveLength(limit);
      expect(today.counts.new).toBe(limit);
      const drill = (await startDrill({ actor: me }))!;
      expect(drill.items.filter((i) => i.kind === "new").map((i) => i.skillId)).toEqual(promised);
      expect(drill.total).toBe(limit);
      // Learning them unlocks more; none joins the drill, and one more after it is no new skill.
      for (const i of drill.items) await answerRight(me, i.instanceId);
      await clockAt(T0 + 11 * MIN);
      for (const i of drill.items) {
        const again = await getDb().problemInstance.findUniqueOrThrow({ where: { id: i.instanceId } });
        expect(again.finishedAt).not.toBeNull();
      }
      const more = await oneMore({ actor: me });
      const extraSkill = more.extra[0]!.skillId;
      const card = await getDb().skillCard.findUnique({
        where: { userId_skillId: { userId: me.id, skillId: extraSkill } },
      });
      expect(card, `one more (${extraSkill}) is a started skill`).not.toBeNull();
      await answerRight(me, more.next!.instanceId);
      expect(await introducedToday(me.id)).toBe(limit);
      expect((await getToday({ actor: me })).session).toEqual({ done: limit, total: limit });
    }
  });

  it("the session length cuts new skills too, and Today lists only those the drill takes", async () => {
    const me = await learner("short", { sessionLength: 1 });
    await clockAt(T0);
    const today = await getToday({ actor: me });
    expect(today.newSkills.map((s) => s.skillId)).toEqual(["limit-direct-substitution"]);
    const drill = (await startDrill({ actor: me }))!;
    expect(drill.items.map((i) => i.skillId)).toEqual(["limit-direct-substitution"]);
  });
});

describe("free practice and the daily new-skill limit", () => {
  it("new skills practised from the catalogue take no slot of the day's drill; the drill's own do", async () => {
    const me = await learner("free-new", { dailyNewLimit: 2 });
    await learnedCard(me, "limit-direct-substitution");
    await clockAt(T0);
    const promised = (await getToday({ actor: me })).newSkills.map((s) => s.skillId);
    expect(promised).toHaveLength(2);
    // Two new skills started from the catalogue, the first two Today listed.
    for (const skillId of promised) {
      const free = await getDb().problemInstance.create({
        data: newInstanceData(me.id, skillId, new Date(T0)),
      });
      await answerRight(me, free.id);
    }
    expect(await introducedToday(me.id)).toBe(2);
    const today = await getToday({ actor: me });
    expect(today.counts.newIntroducedToday).toBe(0);
    expect(today.newSkills).toHaveLength(2);
    expect(today.newSkills.map((s) => s.skillId)).not.toEqual(promised);
    const drill = (await startDrill({ actor: me }))!;
    expect(drill.items.filter((i) => i.kind === "new")).toHaveLength(2);
    // Positive control: the drill's own new skills use up the day's allowance.
    for (const i of drill.items.filter((x) => x.kind === "new")) await answerRight(me, i.instanceId);
    expect((await getToday({ actor: me })).counts.newIntroducedToday).toBe(2);
    expect((await dayState(me)).queue.newSkills).toEqual([]);
  });
});

describe("one definition of due and recall", () => {
  it("Today and Progress word a learning step and a review exactly as lib/srs dueStatus does", async () => {
    const me = await learner("pin", { timezone: "Europe/Paris" });
    await clockAt(T0);
    // A learning step due in six and a half minutes, and a review overdue since yesterday.
    await getDb().skillCard.create({
      data: {
        userId: me.id,
        skillId: "derivative-power-rule",
        due: new Date(T0 + 6.5 * MIN),
        stability: 2.3,
        difficulty: 2.1,
        elapsedDays: 0,
        scheduledDays: 0,
        learningSteps: 1,
        reps: 1,
        lapses: 0,
        state: "Learning",
        lastReview: new Date(T0 - 3.5 * MIN),
        lastRating: "Good",
      },
    });
    await learnedCard(me, "limit-direct-substitution", -1);
    const [today, progress] = [await getToday({ actor: me }), await getProgress({ actor: me })];
    const cards = (await getDb().skillCard.findMany({ where: { userId: me.id } })).map(cardFromRecord);
    const mastery = progress.topics.flatMap((t) => t.skills);
    expect(today.due.map((d) => d.skillId).sort()).toEqual(cards.map((c) => c.skillId).sort());
    for (const c of cards) {
      const expected = dueStatus(c, new Date(today.now), "Europe/Paris");
      const t = today.due.find((d) => d.skillId === c.skillId)!;
      const p = mastery.find((m) => m.skillId === c.skillId)!;
      expect([t.label, t.recallPercent]).toEqual([expected.label, expected.recallPercent]);
      expect([p.dueLabel, p.recallPercent]).toEqual([expected.label, expected.recallPercent]);
    }
    expect(today.due.find((d) => d.skillId === "derivative-power-rule")!.label).toBe("due in 7 min");
    expect(today.due.find((d) => d.skillId === "limit-direct-substitution")!.label).toBe("overdue 1 day");
  });
});

describe("the browser's timezone at sign-up and sign-in", () => {
  it("is stored while the account's is the default UTC, and only then", async () => {
    const me = await learner("tz");
    expect(await adoptBrowserTimezone({ actor: me, input: "Asia/Tokyo" })).toBe(true);
    const tz = async (u: ActingUser) =>
      (await getDb().user.findUniqueOrThrow({ where: { id: u.id }, select: { timezone: true } })).timezone;
    expect(await tz(me)).toBe("Asia/Tokyo");
    // No longer the default: a sign-in from another browser leaves it.
    expect(await adoptBrowserTimezone({ actor: me, input: "Europe/Paris" })).toBe(false);
    expect(await tz(me)).toBe("Asia/Tokyo");
    // Saved as UTC in Settings: the learner's choice stands.
    const chose = await learner("tz-chose", { settingsSavedAt: new Date() });
    expect(await adoptBrowserTimezone({ actor: chose, input: "Europe/Paris" })).toBe(false);
    expect(await tz(chose)).toBe("UTC");
    // An alias is stored as Intl's list spells it.
    const alias = await learner("tz-alias");
    expect(await adoptBrowserTimezone({ actor: alias, input: "Asia/Kolkata" })).toBe(true);
    expect(Intl.supportedValuesOf("timeZone")).toContain(await tz(alias));
  });

  it.each([
    ["an unknown zone", "Mars/Olympus_Mons"],
    ["an offset", "+05:00"],
    ["empty (the page was not interactive yet)", ""],
    ["missing", undefined],
    ["a number", 9],
    ["oversized", "Europe/" + "A".repeat(5000)],
    ["SQL", 'UTC\'; DROP TABLE "User"; --'],
  ])("refuses %s and changes nothing, next to a zone that is stored", async (_name, input) => {
    const me = await learner("tz-bad");
    const before = await getDb().user.findUniqueOrThrow({ where: { id: me.id } });
    expect(await adoptBrowserTimezone({ actor: me, input })).toBe(false);
    expect(await getDb().user.findUniqueOrThrow({ where: { id: me.id } })).toEqual(before);
    expect(await adoptBrowserTimezone({ actor: me, input: "America/Santiago" })).toBe(true);
  });
});

describe("bad input changes nothing", () => {
  it("another learner's drill: invisible, its problems refused, its progress unchanged", async () => {
    const alice = await learner("alice");
    const bob = await learner("bob");
    await clockAt(T0);
    const drill = (await startDrill({ actor: alice }))!;
    expect(await getDrill({ actor: bob })).toBeNull();
    expect(await getDrillSummary({ actor: bob })).toBeNull();
    const target = drill.items[0]!.instanceId;
    const p = await keyOf(target);
    for (const instanceId of [target, randomUUID()]) {
      await expectAppError(
        submitAnswer({
          actor: bob,
          instanceId,
          input: { clientSubmissionId: randomUUID(), answer: p.answer, elapsedMs: 9000 },
        }),
        "NOT_FOUND",
      );
    }
    await expectAppError(
      submitAnswer({
        actor: alice,
        instanceId: "not-a-uuid",
        input: { clientSubmissionId: randomUUID(), answer: "1", elapsedMs: 1 },
      }),
      "NOT_FOUND",
    );
    expect((await getDrill({ actor: alice }))!.done).toBe(0);
    expect(await rows(bob.id)).toEqual({ instances: 0, drills: 0, items: 0, reviews: 0 });
    // Positive control: Alice's own answer moves her drill on.
    await answerRight(alice, target);
    expect((await getDrill({ actor: alice }))!.done).toBe(1);
  });

  it("an answer sent twice counts once in the drill", async () => {
    const me = await learner("twice");
    await clockAt(T0);
    const drill = (await startDrill({ actor: me }))!;
    const id = randomUUID();
    const first = await answerRight(me, drill.items[0]!.instanceId, id);
    const second = await answerRight(me, drill.items[0]!.instanceId, id);
    expect(second.feedback.correct).toBe(first.feedback.correct);
    expect(await rows(me.id)).toMatchObject({ reviews: 1 });
    expect((await getDrill({ actor: me }))!).toMatchObject({ done: 1, total: 2 });
  });
});
