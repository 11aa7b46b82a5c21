// The daily queue: what is due by the end of the learner's local day, in which order, which new
// skills unlock, and the limits.
import { describe, expect, it } from "vitest";
import {
  type CatalogueSkill,
  type Grade,
  type SkillCard,
  type SrsSettings,
  Rating,
  State,
  buildQueue,
  isLearned,
  newCard,
  ratingFor,
  review,
} from "../../../lib/srs";

const settings: SrsSettings = { requestRetention: 0.9, dailyNewLimit: 5, sessionLength: 20 };

/** A started card in state Review, due at `due`, last reviewed `stability` days before it. */
function reviewCard(skillId: string, due: string, stability = 10, extra: Partial<SkillCard> = {}): SkillCard {
  const d = new Date(due);
  return {
    ...newCard(d),
    skillId,
    due: d,
    stability,
    difficulty: 5,
    scheduledDays: Math.round(stability),
    reps: 3,
    state: State.Review,
    lastReview: new Date(+d - stability * 86_400_000),
    lastRating: Rating.Good,
    ...extra,
  };
}

function learningCard(skillId: string, reps: number, lastRating: Grade, state = State.Learning): SkillCard {
  return reviewCard(skillId, "2030-01-01T00:00:00Z", 2, { reps, lastRating, state });
}

const queue = (
  now: string,
  timezone: string,
  cards: SkillCard[],
  skills: CatalogueSkill[] = [],
  over: Partial<SrsSettings> = {},
  newIntroducedToday = 0,
) =>
  buildQueue({
    now: new Date(now),
    timezone,
    cards,
    skills,
    newIntroducedToday,
    settings: { ...settings, ...over },
  });

describe("day boundary", () => {
  it.each([
    // [timezone, now, 23:30 local today, 00:30 local tomorrow]
    ["America/New_York", "2026-03-08T14:00:00Z", "2026-03-09T03:30:00Z", "2026-03-09T04:30:00Z"], // 23-hour day
    ["America/New_York", "2026-11-01T15:00:00Z", "2026-11-02T04:30:00Z", "2026-11-02T05:30:00Z"], // 25-hour day
    ["Pacific/Auckland", "2026-04-04T22:00:00Z", "2026-04-05T11:30:00Z", "2026-04-05T12:30:00Z"], // 25-hour day
    ["Pacific/Auckland", "2026-09-26T20:00:00Z", "2026-09-27T10:30:00Z", "2026-09-27T11:30:00Z"], // 23-hour day
    ["Europe/Paris", "2026-06-15T08:00:00Z", "2026-06-15T21:30:00Z", "2026-06-15T22:30:00Z"],
  ])("%s at %s: 23:30 local is due today, 00:30 tomorrow is not", (tz, now, lateToday, earlyTomorrow) => {
    const q = queue(now, tz, [reviewCard("late-today", lateToday), reviewCard("tomorrow", earlyTomorrow)]);
    expect(q.due.map((d) => d.skillId)).toEqual(["late-today"]);
    expect(+q.dayEnd).toBeGreaterThan(+new Date(lateToday));
    expect(+q.dayEnd).toBeLessThanOrEqual(+new Date(earlyTomorrow));
  });

  it("the same instant is a different day in different timezones", () => {
    const cards = [reviewCard("x", "2026-03-09T02:00:00Z")];
    // New York: now 16:00 EDT, due 22:00 EDT the same day. London: now 20:00, due 02:00 the next day.
    expect(queue("2026-03-08T20:00:00Z", "America/New_York", cards).due).toHaveLength(1);
    expect(queue("2026-03-08T20:00:00Z", "Europe/London", cards).due).toHaveLength(0);
  });
});

describe("order of due reviews", () => {
  it("most overdue (in local days) first, then lowest retrievability, then skill id", () => {
    const now = "2026-11-01T15:00:00Z"; // 10:00 EST, New York
    const cards = [
      reviewCard("today-strong", "2026-11-01T14:00:00Z", 30),
      // Reviewed a week ago with a stability of one day: long forgotten, though due only today.
      reviewCard("today-weak", "2026-11-01T16:00:00Z", 1, { lastReview: new Date("2026-10-25T16:00:00Z") }),
      reviewCard("yesterday", "2026-10-31T20:00:00Z", 10),
      reviewCard("three-days", "2026-10-29T12:00:00Z", 10),
      reviewCard("tie-b", "2026-10-31T15:00:00Z", 5),
      reviewCard("tie-a", "2026-10-31T15:00:00Z", 5),
      reviewCard("next-week", "2026-11-08T15:00:00Z", 5),
    ];
    const q = queue(now, "America/New_York", cards);
    expect(q.due.map((d) => [d.skillId, d.overdueDays])).toEqual([
      ["three-days", 3],
      ["tie-a", 1],
      ["tie-b", 1],
      ["yesterday", 1],
      ["today-weak", 0],
      ["today-strong", 0],
    ]);
    // tie-a/tie-b (stability 5) are weaker than "yesterday" (stability 10) on the same overdue day.
    expect(q.due[1]!.retrievability).toBeLessThan(q.due[3]!.retrievability);
    expect(q.items).toEqual(q.due.map((d) => d.skillId));
    expect(q.dayStart.toISOString()).toBe("2026-11-01T04:00:00.000Z");
    expect(q.dayEnd.toISOString()).toBe("2026-11-02T05:00:00.000Z");
    expect(q.practiceMore).toBe(false);
  });

  it("learning cards due in ten minutes are due today", () => {
    const q = queue("2026-03-08T14:00:00Z", "America/New_York", [
      reviewCard("step", "2026-03-08T14:10:00Z", 2, {
        state: State.Learning,
        reps: 1,
        lastReview: new Date("2026-03-08T14:00:00Z"),
      }),
    ]);
    expect(q.due.map((d) => d.skillId)).toEqual(["step"]);
  });
});

describe("new skills", () => {
  const skills: CatalogueSkill[] = [
    { id: "power", prerequisites: [] },
    { id: "sum", prerequisites: ["power"] },
    { id: "product", prerequisites: ["power", "sum"] },
    { id: "chain", prerequisites: ["product"] },
    { id: "limits", prerequisites: [] },
    { id: "exp", prerequisites: [] },
  ];
  const now = "2026-06-15T08:00:00Z";
  const far = "2026-07-15T08:00:00Z";

  it("a skill unlocks when every prerequisite is learned, in catalogue order", () => {
    expect(queue(now, "UTC", [], skills).newSkills).toEqual(["power", "limits", "exp"]);
    expect(queue(now, "UTC", [reviewCard("power", far)], skills).newSkills).toEqual(["sum", "limits", "exp"]);
    expect(queue(now, "UTC", [reviewCard("power", far), reviewCard("sum", far)], skills).newSkills).toEqual([
      "product",
      "limits",
      "exp",
    ]);
    expect(
      queue(
        now,
        "UTC",
        [reviewCard("power", far), reviewCard("sum", far), reviewCard("product", far)],
        skills,
      ).newSkills,
    ).toEqual(["chain", "limits", "exp"]);
  });

  it("a new skill becomes learned after two good reviews, then its dependants unlock", () => {
    const t0 = new Date("2026-06-15T08:00:00Z");
    const right = ratingFor({
      outcome: "right",
      tries: 1,
      hintUsed: false,
      durationMs: 40_000,
      pastFirstTryTimesMs: [],
    });
    expect(right.rating).toBe(Rating.Good);
    const first = review(newCard(t0), right.rating, t0, settings).after;
    const once: SkillCard = { ...first, skillId: "power" };
    expect(queue("2026-06-15T08:01:00Z", "UTC", [once], skills).newSkills).toEqual(["limits", "exp"]);
    expect(queue("2026-06-15T08:01:00Z", "UTC", [once], skills).due.map((d) => d.skillId)).toEqual(["power"]); // the 10-minute step
    const second: SkillCard = { ...review(first, right.rating, first.due, settings).after, skillId: "power" };
    expect(second.state).toBe(State.Review);
    expect(queue("2026-06-15T08:11:00Z", "UTC", [second], skills).newSkills).toEqual([
      "sum",
      "limits",
      "exp",
    ]);
  });

  it("a card not yet reviewed counts as new", () => {
    const fresh = { ...newCard(new Date("2026-06-01T00:00:00Z")), skillId: "power" };
    const q = queue(now, "UTC", [fresh], skills);
    expect(q.due).toEqual([]);
    expect(q.newSkills).toEqual(["power", "limits", "exp"]);
  });

  it("learned: state Review, or two reviews or more with the last one not Again", () => {
    expect(isLearned(undefined)).toBe(false);
    expect(isLearned(reviewCard("a", far))).toBe(true);
    expect(isLearned(learningCard("a", 1, Rating.Good))).toBe(false);
    expect(isLearned(learningCard("a", 2, Rating.Good))).toBe(true);
    expect(isLearned(learningCard("a", 2, Rating.Hard))).toBe(true);
    expect(isLearned(learningCard("a", 2, Rating.Again))).toBe(false);
    expect(isLearned(learningCard("a", 6, Rating.Again, State.Relearning))).toBe(false);
    expect(isLearned(learningCard("a", 7, Rating.Hard, State.Relearning))).toBe(true);
    const q = queue(now, "UTC", [learningCard("power", 5, Rating.Again, State.Relearning)], skills);
    expect(q.newSkills).toEqual(["limits", "exp"]);
  });

  it("respects the daily limit minus the new skills introduced today", () => {
    expect(queue(now, "UTC", [], skills, { dailyNewLimit: 2 }).newSkills).toEqual(["power", "limits"]);
    expect(queue(now, "UTC", [], skills, { dailyNewLimit: 2 }, 1).newSkills).toEqual(["power"]);
    expect(queue(now, "UTC", [], skills, { dailyNewLimit: 2 }, 2).newSkills).toEqual([]);
    expect(queue(now, "UTC", [], skills, { dailyNewLimit: 2 }, 5).newSkills).toEqual([]);
  });

  it("the session holds due reviews first, then new skills, at most sessionLength", () => {
    const cards = [reviewCard("power", "2026-06-14T08:00:00Z"), reviewCard("limits", "2026-06-15T09:00:00Z")];
    const q = queue(now, "UTC", cards, skills);
    expect(q.items).toEqual(["power", "limits", "sum", "exp"]);
    const short = queue(now, "UTC", cards, skills, { sessionLength: 3 });
    expect(short.items).toEqual(["power", "limits", "sum"]);
    expect(short.newSkills).toEqual(["sum", "exp"]);
    expect(queue(now, "UTC", cards, skills, { sessionLength: 1 }).items).toEqual(["power"]);
  });
});

describe("practice more", () => {
  const skills: CatalogueSkill[] = [
    { id: "a", prerequisites: [] },
    { id: "b", prerequisites: [] },
    { id: "c", prerequisites: ["a"] },
  ];
  const now = "2026-06-15T08:00:00Z";

  it("is offered when nothing is due and no new skill is available, weakest skills first", () => {
    const cards = [
      reviewCard("a", "2026-06-20T08:00:00Z", 10),
      reviewCard("b", "2026-06-16T08:00:00Z", 3),
      reviewCard("c", "2026-06-30T08:00:00Z", 2, {
        state: State.Learning,
        reps: 1,
        lastRating: Rating.Again,
        lastReview: new Date(now),
      }),
    ];
    const q = queue(now, "UTC", cards, skills, { sessionLength: 2 });
    expect(q.due).toEqual([]);
    expect(q.newSkills).toEqual([]);
    expect(q.items).toEqual([]);
    expect(q.practiceMore).toBe(true);
    // b: 2 of 3 days' stability elapsed; a: 5 of 10; c was reviewed just now (in this fixture).
    expect(q.extra).toEqual(["b", "a"]);
  });

  it("is offered when the only new skills left are over today's limit", () => {
    const q = queue(now, "UTC", [reviewCard("a", "2026-06-20T08:00:00Z")], skills, { dailyNewLimit: 1 }, 1);
    expect(q.newSkills).toEqual([]);
    expect(q.practiceMore).toBe(true);
  });

  it("is not offered while something is due or new", () => {
    expect(queue(now, "UTC", [], skills).practiceMore).toBe(false);
    expect(
      queue(
        now,
        "UTC",
        [
          reviewCard("a", now),
          reviewCard("b", "2026-06-20T08:00:00Z"),
          reviewCard("c", "2026-06-20T08:00:00Z"),
        ],
        skills,
      ).practiceMore,
    ).toBe(false);
    expect(
      queue(
        now,
        "UTC",
        [
          reviewCard("a", now),
          reviewCard("b", "2026-06-20T08:00:00Z"),
          reviewCard("c", "2026-06-20T08:00:00Z"),
        ],
        skills,
      ).extra,
    ).toEqual([]);
  });
});

describe("validation", () => {
  it("rejects an out-of-range retention and an unknown timezone", () => {
    expect(() => queue("2026-06-15T08:00:00Z", "UTC", [], [], { requestRetention: 0.99 })).toThrow(
      RangeError,
    );
    expect(() => queue("2026-06-15T08:00:00Z", "Nowhere/Else", [], [])).toThrow(RangeError);
  });
});
