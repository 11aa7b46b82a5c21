// The day's drill: its composition (due first, then new skills within the daily limit and the session
// length), fixed when it starts; its end; "one more" after it; and the one definition of due and recall.
import { describe, expect, it } from "vitest";
import {
  type CatalogueSkill,
  type DrillItemState,
  type SkillCard,
  type SrsSettings,
  Rating,
  State,
  buildQueue,
  composeDrill,
  drillProgress,
  dueStatus,
  newCard,
  pickOneMore,
  retrievabilityNow,
  review,
} from "../../../lib/srs";

const MIN = 60_000;
const DAY = 86_400_000;
const settings: SrsSettings = { requestRetention: 0.9, dailyNewLimit: 5, sessionLength: 20 };

// a <- b, c, d, e, f, g (six dependants of a), h stands alone.
const skills: CatalogueSkill[] = [
  { id: "a", prerequisites: [] },
  { id: "b", prerequisites: ["a"] },
  { id: "c", prerequisites: ["a"] },
  { id: "d", prerequisites: ["a"] },
  { id: "e", prerequisites: ["a"] },
  { id: "f", prerequisites: ["a"] },
  { id: "g", prerequisites: ["a"] },
  { id: "h", prerequisites: [] },
];

function reviewCard(skillId: string, due: Date, stability = 10): SkillCard {
  return {
    ...newCard(due),
    skillId,
    due,
    stability,
    difficulty: 5,
    scheduledDays: Math.round(stability),
    reps: 3,
    state: State.Review,
    lastReview: new Date(+due - stability * DAY),
    lastRating: Rating.Good,
  };
}

function queueAt(now: Date, cards: SkillCard[], newIntroducedToday = 0, over: Partial<SrsSettings> = {}) {
  return buildQueue({
    now,
    timezone: "UTC",
    cards,
    skills,
    newIntroducedToday,
    settings: { ...settings, ...over },
  });
}

/** Answers `skillId` right at `at`, returning the cards after the review. */
function answerRight(cards: SkillCard[], skillId: string, at: Date): SkillCard[] {
  const before = cards.find((c) => c.skillId === skillId) ?? { ...newCard(at), skillId };
  const { after } = review(before, Rating.Good, at, settings);
  return [...cards.filter((c) => c.skillId !== skillId), { ...after, skillId }];
}

describe("composeDrill", () => {
  const now = new Date("2030-03-04T12:00:00Z");

  it("takes the due reviews, then the new skills, each with its kind", () => {
    const cards = [reviewCard("a", new Date("2030-03-04T08:00:00Z"))];
    const q = queueAt(now, cards);
    expect(composeDrill(q, 20)).toEqual([
      { skillId: "a", kind: "due" },
      { skillId: "b", kind: "new" },
      { skillId: "c", kind: "new" },
      { skillId: "d", kind: "new" },
      { skillId: "e", kind: "new" },
      { skillId: "f", kind: "new" },
    ]);
  });

  it("never takes more new skills than the daily limit left, and exactly the ones Today lists", () => {
    const cards = [reviewCard("a", new Date("2030-03-10T08:00:00Z"))];
    for (const [limit, introduced, expected] of [
      [5, 0, 5],
      [5, 3, 2],
      [5, 5, 0],
      [5, 9, 0],
      [0, 0, 0],
      [2, 0, 2],
    ] as const) {
      const q = queueAt(now, cards, introduced, { dailyNewLimit: limit });
      const drill = composeDrill(q, 20);
      const fresh = drill.filter((i) => i.kind === "new").map((i) => i.skillId);
      expect(fresh, `limit ${limit}, ${introduced} met`).toHaveLength(expected);
      expect(fresh).toEqual(q.newSkills);
    }
  });

  it("cuts to the session length, reviews first", () => {
    const cards = [
      reviewCard("a", new Date("2030-03-04T08:00:00Z")),
      reviewCard("h", new Date("2030-03-03T08:00:00Z")),
    ];
    expect(composeDrill(queueAt(now, cards), 3)).toEqual([
      { skillId: "h", kind: "due" },
      { skillId: "a", kind: "due" },
      { skillId: "b", kind: "new" },
    ]);
    expect(composeDrill(queueAt(now, cards), 0)).toEqual([]);
  });

  it("a card due tomorrow is not in today's drill", () => {
    const cards = [
      reviewCard("a", new Date("2030-03-05T00:00:00Z")),
      reviewCard("h", new Date("2030-03-04T23:59:59Z")),
    ];
    expect(composeDrill(queueAt(now, cards, 0, { dailyNewLimit: 0 }), 20)).toEqual([
      { skillId: "h", kind: "due" },
    ]);
  });
});

describe("a whole day's drill, played through", () => {
  it("keeps its size while skills unlock, ends, and offers one more after", () => {
    let now = new Date("2030-03-04T09:00:00Z");
    let cards: SkillCard[] = [];
    // A new learner: a and h are new (no prerequisites); the drill is fixed at those two.
    const plan = composeDrill(queueAt(now, cards), settings.sessionLength);
    expect(plan).toEqual([
      { skillId: "a", kind: "new" },
      { skillId: "h", kind: "new" },
    ]);
    const items: DrillItemState[] = plan.map((p, position) => ({ ...p, position, finished: false }));
    expect(drillProgress(items)).toMatchObject({
      done: 0,
      total: 2,
      finished: false,
      next: { skillId: "a" },
    });

    // a answered right, then (a learning step later) right again: learned, so b..g unlock.
    cards = answerRight(cards, "a", now);
    items[0]!.finished = true;
    now = new Date(+now + 11 * MIN);
    cards = answerRight(cards, "a", now);
    const meanwhile = queueAt(now, cards, 1);
    expect(meanwhile.newSkills).toEqual(["b", "c", "d", "e"]);
    // The drill does not grow: still "2 of 2", h is next.
    expect(drillProgress(items)).toMatchObject({
      done: 1,
      total: 2,
      finished: false,
      next: { skillId: "h" },
    });

    cards = answerRight(cards, "h", now);
    items[1]!.finished = true;
    const end = drillProgress(items);
    expect(end).toMatchObject({ done: 2, total: 2, finished: true, next: null });

    // One more: h's learning step is due in 10 minutes, not now, so the first unlocked new skill.
    expect(pickOneMore(queueAt(now, cards, 2), cards, now)).toBe("b");
    // Ten minutes on, h's learning step is due now and comes first.
    const later = new Date(+now + 11 * MIN);
    expect(pickOneMore(queueAt(later, cards, 2), cards, later)).toBe("h");
    // A "one more" item comes after the drill and never counts in it.
    items.push({ position: 2, skillId: "b", kind: "extra", finished: false });
    expect(drillProgress(items)).toMatchObject({ done: 2, total: 2, finished: true, next: { skillId: "b" } });
  });

  it("with the daily limit used and nothing due, one more is the weakest skill; with nothing started, none", () => {
    const now = new Date("2030-03-04T12:00:00Z");
    const cards = [
      reviewCard("a", new Date("2030-03-05T06:00:00Z"), 10),
      reviewCard("h", new Date("2030-03-20T00:00:00Z"), 30),
    ];
    expect(pickOneMore(queueAt(now, cards, 5), cards, now)).toBe("a");
    expect(pickOneMore(queueAt(now, [], 0, { dailyNewLimit: 0 }), [], now)).toBeNull();
  });

  it("an empty drill is finished; items are read in position order", () => {
    expect(drillProgress([])).toMatchObject({ done: 0, total: 0, finished: true, next: null });
    const items: DrillItemState[] = [
      { position: 1, skillId: "h", kind: "new", finished: false },
      { position: 0, skillId: "a", kind: "due", finished: false },
    ];
    expect(drillProgress(items).next?.skillId).toBe("a");
  });
});

describe("dueStatus: one definition of due and recall", () => {
  const now = new Date("2030-03-04T12:00:00Z");
  const at = (iso: string, stability = 10) =>
    dueStatus(reviewCard("a", new Date(iso), stability), now, "UTC");

  it("says when, in the learner's timezone", () => {
    expect(at("2030-03-04T12:00:00Z").label).toBe("due now");
    expect(at("2030-03-04T12:06:00Z").label).toBe("due in 6 min");
    expect(at("2030-03-04T12:05:30Z").label).toBe("due in 6 min");
    expect(at("2030-03-04T14:32:00Z").label).toBe("due today at 14:32");
    expect(at("2030-03-05T09:10:00Z").label).toBe("due tomorrow at 09:10");
    expect(at("2030-03-07T09:10:00Z").label).toBe("due in 3 days");
    expect(at("2030-03-03T09:10:00Z").label).toBe("overdue 1 day");
    expect(at("2030-03-01T09:10:00Z").label).toBe("overdue 3 days");
    expect(dueStatus(undefined, now, "UTC").label).toBe("not started");
    expect(dueStatus(reviewCard("a", new Date("2030-03-04T14:00:00Z")), now, "Asia/Tokyo").label).toBe(
      "due today at 23:00",
    );
  });

  it("due today means before the end of the local day, as the drill takes it", () => {
    expect(at("2030-03-04T23:59:00Z")).toMatchObject({ dueToday: true, dueNow: false });
    expect(at("2030-03-05T00:00:00Z")).toMatchObject({ dueToday: false, dueNow: false, daysAhead: 1 });
    expect(at("2030-03-04T11:00:00Z")).toMatchObject({ dueToday: true, dueNow: true, overdueDays: 0 });
    const q = queueAt(now, [reviewCard("a", new Date("2030-03-04T23:59:00Z"))], 0, { dailyNewLimit: 0 });
    expect(q.due.map((d) => d.skillId)).toEqual(["a"]);
  });

  it("recall is the forgetting curve now, as a whole percentage", () => {
    const card = reviewCard("a", new Date("2030-03-06T12:00:00Z"), 10);
    const s = dueStatus(card, now, "UTC");
    expect(s.recall).toBe(retrievabilityNow(card, now));
    expect(s.recallPercent).toBe(Math.round(s.recall * 100));
    expect(s.recall).toBeGreaterThan(0.5);
    expect(s.recall).toBeLessThan(1);
    expect(dueStatus({ ...newCard(now) }, now, "UTC")).toMatchObject({
      recall: 0,
      dueToday: false,
      dueAt: null,
    });
  });
});
