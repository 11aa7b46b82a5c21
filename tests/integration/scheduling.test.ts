// Scheduling against a real PostgreSQL: golden schedules from scripted answers over simulated days,
// the daily queue (due first, new skills unlocked by prerequisites, the daily new limit, the
// learner's day boundary), settings validation, the test clock route, and other learners' data.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as clockRoute } from "@/app/api/test/clock/route";
import { TOPICS, type Problem } from "@/lib/problems";
import { now, setClockOffset } from "@/lib/server/clock";
import { getDb } from "@/lib/server/db/client";
import {
  getInstance,
  revealAnswer,
  startInstance,
  submitAnswer,
  takeHint,
} from "@/lib/server/practice/practice";
import {
  getProgress,
  getSettings,
  getToday,
  startDrill,
  updateSettings,
} from "@/lib/server/scheduling/scheduling";
import type { ActingUser } from "@/lib/server/users/user.types";
import { appPost, learner, keyOf, expectAppError } from "./helpers";

const DAY = 86_400_000;
const MIN = 60_000;
/** Simulated time starts here (noon UTC, so seconds of real time never cross a day). */
const T0 = Date.parse("2030-03-04T12:00:00.000Z");

beforeAll(() => {
  process.env.GD_TEST_CLOCK = "1";
});
afterEach(async () => {
  process.env.GD_TEST_CLOCK = "1";
  delete process.env.GD_PRODUCTION;
  await setClockOffset(0);
});
afterAll(() => {
  delete process.env.GD_TEST_CLOCK;
});

/** Moves the server clock so that it reads `at` (plus the milliseconds the test takes). */
async function clockAt(at: number): Promise<void> {
  await setClockOffset(at - Date.now());
}

function wrongAnswer(p: Problem): string | string[] {
  if (Array.isArray(p.answer)) return p.answer.map(() => "12345");
  if (p.kind === "limit") return p.answer === "DNE" ? "7" : "DNE";
  return p.answerKind === "expression" || p.answerKind === "line" ? `${p.answer} + 1000` : "98765";
}

type Script = "right" | "wrong" | "hint-right" | "reveal";

/** Issues a problem of `skillId` and finishes it as scripted; returns the instance id. */
async function play(actor: ActingUser, skillId: string, how: Script): Promise<string> {
  const view = await startInstance({ actor, input: { skillId } });
  const p = await keyOf(view.id);
  const submit = (answer: string | string[] | string[][]) =>
    submitAnswer({
      actor,
      instanceId: view.id,
      input: { clientSubmissionId: randomUUID(), answer, elapsedMs: 20_000 },
    });
  switch (how) {
    case "right":
      expect((await submit(p.answer)).feedback.correct).toBe(true);
      break;
    case "hint-right":
      await takeHint({ actor, instanceId: view.id, input: { step: 1 } });
      expect((await submit(p.answer)).feedback.correct).toBe(true);
      break;
    case "wrong":
      await submit(wrongAnswer(p));
      expect((await submit(wrongAnswer(p))).instance.finished).toBe(true);
      break;
    case "reveal":
      await revealAnswer({ actor, instanceId: view.id, input: { clientSubmissionId: randomUUID() } });
      break;
  }
  expect((await getInstance({ actor, instanceId: view.id })).finished).toBe(true);
  return view.id;
}

async function card(actor: ActingUser, skillId: string) {
  const c = await getDb().skillCard.findUniqueOrThrow({
    where: { userId_skillId: { userId: actor.id, skillId } },
  });
  return {
    state: c.state,
    reps: c.reps,
    lapses: c.lapses,
    scheduledDays: c.scheduledDays,
    stability: c.stability,
    difficulty: c.difficulty,
    lastRating: c.lastRating,
    dueAfterReviewMin: Math.round((+c.due - +c.lastReview!) / MIN),
  };
}

describe("golden schedules", () => {
  it("a scripted history over simulated days gives the expected card after each review", async () => {
    const me = await learner("golden");
    const skill = "limit-direct-substitution";
    // Each step: when (from T0), what the learner does, and the card expected after it. Values were
    // computed once by this path (ts-fsrs 5.4, FSRS-6 default weights, retention 0.9, no fuzz) and
    // checked for plausibility: stability grows with each Good, falls after the lapse, Hard grows it
    // less than Good would; difficulty rises after Again and Hard.
    // "10m": ten minutes after the previous review (a learning step); "due": when the card is due.
    const steps: { when: "start" | "10m" | "due"; how: Script; expected: Golden }[] = [
      { when: "start", how: "right", expected: GOLDEN[0]! },
      { when: "10m", how: "right", expected: GOLDEN[1]! },
      { when: "due", how: "wrong", expected: GOLDEN[2]! },
      { when: "10m", how: "right", expected: GOLDEN[3]! },
      { when: "due", how: "hint-right", expected: GOLDEN[4]! },
      { when: "due", how: "reveal", expected: GOLDEN[5]! },
    ];
    const seen = [];
    let at = T0;
    for (const step of steps) {
      if (step.when !== "start") {
        const c = await getDb().skillCard.findUniqueOrThrow({
          where: { userId_skillId: { userId: me.id, skillId: skill } },
        });
        at = step.when === "10m" ? +c.lastReview! + 10 * MIN : +c.due;
      }
      await clockAt(at);
      await play(me, skill, step.how);
      seen.push(await card(me, skill));
    }
    for (const [i, step] of steps.entries()) {
      const got = seen[i]!;
      const { stability, difficulty, ...exact } = step.expected;
      expect({ ...got, stability: undefined, difficulty: undefined }, `step ${i}`).toEqual({
        ...exact,
        stability: undefined,
        difficulty: undefined,
      });
      expect(got.stability, `step ${i} stability`).toBeCloseTo(stability, 6);
      expect(got.difficulty, `step ${i} difficulty`).toBeCloseTo(difficulty, 6);
    }
    // The log holds exactly one review per finished problem, in order, with the same ratings.
    const log = await getDb().review.findMany({ where: { userId: me.id }, orderBy: { reviewedAt: "asc" } });
    expect(log.map((r) => r.rating)).toEqual(["Good", "Good", "Again", "Good", "Hard", "Again"]);
  });
});

type Golden = Awaited<ReturnType<typeof card>>;
// prettier-ignore
const GOLDEN: Golden[] = [
  // New -> Good: first learning step done, next in 10 minutes; initial stability w[2] = 2.3065.
  { state: "Learning", reps: 1, lapses: 0, scheduledDays: 0, stability: 2.3065, difficulty: 2.11810397, lastRating: "Good", dueAfterReviewMin: 10 },
  // Good again 10 minutes later: graduates to Review, due in 2 days.
  { state: "Review", reps: 2, lapses: 0, scheduledDays: 2, stability: 2.3065, difficulty: 2.11121424, lastRating: "Good", dueAfterReviewMin: 2880 },
  // Wrong twice when due: a lapse; stability falls, difficulty jumps, relearning step of 10 minutes.
  { state: "Relearning", reps: 3, lapses: 1, scheduledDays: 0, stability: 0.60770166, difficulty: 7.39223814, lastRating: "Again", dueAfterReviewMin: 10 },
  // Right 10 minutes later: back to Review, due tomorrow.
  { state: "Review", reps: 4, lapses: 1, scheduledDays: 1, stability: 0.65979762, difficulty: 7.38007427, lastRating: "Good", dueAfterReviewMin: 1440 },
  // Right after a hint when due: Hard, stability still grows, difficulty rises.
  { state: "Review", reps: 5, lapses: 1, scheduledDays: 2, stability: 1.76002024, difficulty: 8.24599958, lastRating: "Hard", dueAfterReviewMin: 2880 },
  // "Show me the answer" when due: Again, a second lapse.
  { state: "Relearning", reps: 6, lapses: 2, scheduledDays: 0, stability: 0.47717335, difficulty: 9.40870035, lastRating: "Again", dueAfterReviewMin: 10 },
];

describe("the daily queue from the database", () => {
  it("a new learner gets the skills without prerequisites, in catalogue order; nothing is due", async () => {
    const me = await learner("fresh");
    await clockAt(T0);
    const today = await getToday({ actor: me });
    expect(today.due).toEqual([]);
    expect(today.newSkills.map((s) => s.skillId)).toEqual([
      "limit-direct-substitution",
      "derivative-power-rule",
    ]);
    expect(today.counts).toEqual({ due: 0, new: 2, doneToday: 0, newIntroducedToday: 0, remaining: 2 });
    expect(today.session).toEqual({ done: 0, total: 2 });
    expect(today.streak).toEqual({ current: 0, longest: 0 });
  });

  it("the daily new limit counts new skills the drill introduced in the learner's local day", async () => {
    const me = await learner("limit", { dailyNewLimit: 1 });
    await clockAt(T0);
    // The day's drill introduces one new skill (the limit), answered right.
    const drill = await startDrill({ actor: me });
    expect(drill?.items.map((i) => [i.skillId, i.kind])).toEqual([["limit-direct-substitution", "new"]]);
    const first = drill!.items[0]!.instanceId;
    const answered = await submitAnswer({
      actor: me,
      instanceId: first,
      input: { clientSubmissionId: randomUUID(), answer: (await keyOf(first)).answer, elapsedMs: 20_000 },
    });
    expect(answered.feedback.correct).toBe(true);
    await clockAt(T0 + 11 * MIN);
    let today = await getToday({ actor: me });
    expect(today.counts.newIntroducedToday).toBe(1);
    // Today lists the drill's one new skill, done; no other new skill is offered.
    expect(today.newSkills.map((s) => [s.skillId, s.done])).toEqual([["limit-direct-substitution", true]]);
    // The next day the allowance is back: one new skill.
    await clockAt(T0 + DAY);
    today = await getToday({ actor: me });
    expect(today.newSkills).toHaveLength(1);
    expect(today.newSkills[0]!.skillId).not.toBe("limit-direct-substitution");
    // New skills off: none, whatever is unlocked.
    await updateSettings({
      actor: me,
      input: { dailyNewLimit: 0, sessionLength: 20, desiredRetention: 0.9, timezone: "UTC" },
    });
    expect((await getToday({ actor: me })).newSkills).toEqual([]);
  });

  it("a card due late in the evening is due today in Los Angeles but not yet in UTC", async () => {
    // 2030-03-04T12:00Z is 04:00 in Los Angeles (UTC-8): that local day ends at 2030-03-05T08:00Z.
    const dueAt = new Date("2030-03-05T07:30:00.000Z");
    const la = await learner("la", { timezone: "America/Los_Angeles" });
    const utc = await learner("utc", { timezone: "UTC" });
    for (const u of [la, utc]) {
      await getDb().skillCard.create({
        data: {
          userId: u.id,
          skillId: "derivative-power-rule",
          due: dueAt,
          stability: 5,
          difficulty: 5,
          elapsedDays: 3,
          scheduledDays: 5,
          learningSteps: 0,
          reps: 3,
          lapses: 0,
          state: "Review",
          lastReview: new Date("2030-02-28T07:30:00.000Z"),
          lastRating: "Good",
        },
      });
    }
    await clockAt(T0);
    const laToday = await getToday({ actor: la });
    const utcToday = await getToday({ actor: utc });
    expect(laToday.date).toBe("2030-03-04");
    expect(laToday.due.map((d) => d.skillId)).toEqual(["derivative-power-rule"]);
    expect(utcToday.due).toEqual([]);
    // A review counts for the day it happened in the learner's timezone: 2030-03-05T07:00Z is the
    // evening of the 4th in Los Angeles.
    await clockAt(Date.parse("2030-03-05T07:00:00.000Z"));
    await play(la, "derivative-power-rule", "right");
    await clockAt(Date.parse("2030-03-05T07:59:00.000Z"));
    expect((await getToday({ actor: la })).counts.doneToday).toBe(1);
    await clockAt(Date.parse("2030-03-05T08:01:00.000Z"));
    const next = await getToday({ actor: la });
    expect(next.date).toBe("2030-03-05");
    expect(next.counts.doneToday).toBe(0);
    expect(next.streak.current).toBe(1);
  });

  it("nothing to practise: no started skill and new skills off gives no drill and no problem", async () => {
    const me = await learner("idle", { dailyNewLimit: 0 });
    await clockAt(T0);
    expect(await startDrill({ actor: me })).toBeNull();
    expect(await getDb().problemInstance.count({ where: { userId: me.id } })).toBe(0);
    const today = await getToday({ actor: me });
    expect(today.counts.remaining).toBe(0);
    expect(today.extra).toEqual([]);
  });
});

describe("settings", () => {
  const valid = { dailyNewLimit: 7, sessionLength: 30, desiredRetention: 0.85, timezone: "Europe/Paris" };

  it("saves valid values (form strings are read as numbers) and marks the timezone as chosen", async () => {
    const me = await learner("settings");
    expect(await getSettings({ actor: me })).toEqual({
      dailyNewLimit: 5,
      sessionLength: 20,
      desiredRetention: 0.9,
      timezone: "UTC",
      timezoneConfirmed: false,
    });
    expect(await updateSettings({ actor: me, input: { ...valid, dailyNewLimit: "7" } })).toEqual({
      ...valid,
      timezoneConfirmed: true,
    });
    expect(await getSettings({ actor: me })).toEqual({ ...valid, timezoneConfirmed: true });
  });

  it.each([
    ["daily new limit above 50", { dailyNewLimit: 51 }, /New skills per day/],
    ["negative daily new limit", { dailyNewLimit: -1 }, /New skills per day/],
    ["fractional daily new limit", { dailyNewLimit: 1.5 }, /New skills per day/],
    ["text for a number", { dailyNewLimit: "many" }, /New skills per day/],
    ["session length 0", { sessionLength: 0 }, /Session length/],
    ["session length 201", { sessionLength: 201 }, /Session length/],
    ["retention 0.69", { desiredRetention: 0.69 }, /Desired retention/],
    ["retention 0.98", { desiredRetention: 0.98 }, /Desired retention/],
    ["retention as text", { desiredRetention: "high" }, /Desired retention/],
    ["unknown timezone", { timezone: "Mars/Olympus_Mons" }, /timezone/],
    ["an offset, not a zone", { timezone: "+05:00" }, /timezone/],
    ["empty timezone", { timezone: "" }, /timezone/],
    ["oversized timezone", { timezone: "A".repeat(10_000) }, /timezone/],
    ["missing timezone", { timezone: undefined }, /./],
  ])("refuses %s and changes nothing", async (_name, change, message) => {
    const me = await learner("bad-settings");
    await updateSettings({ actor: me, input: valid });
    const before = await getDb().user.findUniqueOrThrow({ where: { id: me.id } });
    const error = await expectAppError(
      updateSettings({ actor: me, input: { ...valid, ...change } }),
      "INVALID_INPUT",
    );
    expect(error.message).toMatch(message);
    const after = await getDb().user.findUniqueOrThrow({ where: { id: me.id } });
    expect(after).toEqual(before);
  });

  it("refuses a body that is not an object", async () => {
    const me = await learner("bad-body");
    await expectAppError(updateSettings({ actor: me, input: "dailyNewLimit=5" }), "INVALID_INPUT");
    await expectAppError(updateSettings({ actor: me, input: null }), "INVALID_INPUT");
  });
});

describe("the test clock route", () => {
  const call = (body: string) => clockRoute(appPost(body));

  it("moves the clock when GD_TEST_CLOCK=1", async () => {
    const res = await call(JSON.stringify({ offsetMs: 3 * DAY }));
    expect(res.status).toBe(200);
    const t = await now();
    expect(+t - Date.now()).toBeGreaterThan(3 * DAY - MIN);
    expect(+t - Date.now()).toBeLessThan(3 * DAY + MIN);
  });

  it("is not there without GD_TEST_CLOCK=1, and changes nothing", async () => {
    delete process.env.GD_TEST_CLOCK;
    const res = await call(JSON.stringify({ offsetMs: 3 * DAY }));
    expect(res.status).toBe(404);
    process.env.GD_TEST_CLOCK = "1";
    expect(Math.abs(+(await now()) - Date.now())).toBeLessThan(MIN);
  });

  it("is not there in production mode, even with GD_TEST_CLOCK=1", async () => {
    process.env.GD_PRODUCTION = "1";
    const res = await call(JSON.stringify({ offsetMs: 3 * DAY }));
    expect(res.status).toBe(404);
    delete process.env.GD_PRODUCTION;
    expect(Math.abs(+(await now()) - Date.now())).toBeLessThan(MIN);
  });

  it.each([
    ["not JSON", "{offsetMs: 1"],
    ["a fraction", JSON.stringify({ offsetMs: 1.5 })],
    ["text", JSON.stringify({ offsetMs: "1 day" })],
    ["more than ten years", JSON.stringify({ offsetMs: 11 * 365 * DAY })],
    ["oversized", JSON.stringify({ offsetMs: 1, pad: "x".repeat(5000) })],
  ])("refuses %s with 400 and leaves the clock", async (_name, body) => {
    const res = await call(body);
    expect(res.status).toBe(400);
    expect(Math.abs(+(await now()) - Date.now())).toBeLessThan(MIN);
  });
});

describe("another learner's data", () => {
  it("never shows in Today, the drill, Progress or settings", async () => {
    const alice = await learner("alice");
    const bob = await learner("bob", { timezone: "Asia/Tokyo" });
    await clockAt(T0);
    await play(alice, "limit-direct-substitution", "right");
    await play(alice, "derivative-power-rule", "wrong");
    const open = await startInstance({ actor: alice, input: { skillId: "limit-direct-substitution" } });

    const bobToday = await getToday({ actor: bob });
    expect(bobToday.counts).toEqual({ due: 0, new: 2, doneToday: 0, newIntroducedToday: 0, remaining: 2 });
    expect(bobToday.streak.current).toBe(0);
    const bobProgress = await getProgress({ actor: bob });
    expect(bobProgress.history).toMatchObject({ entries: [], total: 0 });
    expect(bobProgress.totals).toEqual({ reviews: 0, started: 0, learned: 0 });
    expect(bobProgress.heatmap.every((d) => d.count === 0)).toBe(true);
    expect(bobProgress.forecast.every((d) => d.count === 0)).toBe(true);
    // Bob's drill never hands him Alice's open problem.
    const drill = await startDrill({ actor: bob });
    const ids = drill!.items.map((i) => i.instanceId);
    expect(ids).not.toContain(open.id);
    const owners = await getDb().problemInstance.findMany({
      where: { id: { in: ids } },
      select: { userId: true },
    });
    expect(owners.map((o) => o.userId)).toEqual(ids.map(() => bob.id));
    expect((await getSettings({ actor: bob })).timezone).toBe("Asia/Tokyo");

    const aliceProgress = await getProgress({ actor: alice });
    expect(aliceProgress.history.total).toBe(2);
    expect(aliceProgress.history.entries.map((e) => e.verdict).sort()).toEqual(["right", "wrong"]);
  });
});

describe("progress", () => {
  it("shows mastery by topic with prerequisites, the heatmap, accuracy, the forecast and paged history", async () => {
    const me = await learner("progress");
    await clockAt(T0);
    for (let i = 0; i < 21; i++) await play(me, "limit-direct-substitution", i % 3 === 0 ? "wrong" : "right");
    const p = await getProgress({ actor: me });
    expect(p.topics.map((t) => t.topic).slice(0, 6)).toEqual([
      "limits",
      "derivatives",
      "partial-derivatives",
      "gradients",
      "directional",
      "chain-rule",
    ]);
    // Every topic of the curriculum (Parts 1 to 3) is there once.
    expect([...p.topics.map((t) => t.topic)].sort()).toEqual([...TOPICS].sort());
    const limits = p.topics.find((t) => t.topic === "limits")!;
    const direct = limits.skills.find((s) => s.skillId === "limit-direct-substitution")!;
    expect(direct.started).toBe(true);
    expect(direct.retrievability).toBeGreaterThan(0);
    expect(direct.retrievability).toBeLessThanOrEqual(1);
    expect(direct.stability).toBeGreaterThan(0);
    const factor = limits.skills.find((s) => s.skillId === "limit-factor-cancel")!;
    expect(factor).toMatchObject({ started: false, retrievability: 0, due: null });
    expect(factor.prerequisites).toEqual([{ skillId: "limit-direct-substitution", title: direct.title }]);
    expect(p.heatmap).toHaveLength(26 * 7);
    expect(p.heatmap.at(-1)).toEqual({ date: "2030-03-04", count: 21 });
    const week = p.accuracy.at(-1)!;
    expect(week).toMatchObject({ weekStart: "2030-03-04", reviews: 21, correct: 14 });
    expect(p.forecast).toHaveLength(30);
    expect(p.forecast.reduce((s, d) => s + d.count, 0)).toBe(1);
    expect(p.history).toMatchObject({ total: 21, page: 1, pages: 2, pageSize: 20 });
    expect(p.history.entries).toHaveLength(20);
    const e = p.history.entries[0]!;
    expect(e.statement.length).toBeGreaterThan(5);
    expect(e.answer.length).toBeGreaterThan(0);
    const page2 = await getProgress({ actor: me, page: "2" });
    expect(page2.history.entries).toHaveLength(1);
    // A nonsense page number reads as the first page.
    expect((await getProgress({ actor: me, page: "-3; DROP" })).history.page).toBe(1);
  });
});
