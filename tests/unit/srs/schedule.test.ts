// Scheduling through ts-fsrs: golden schedules written as literals, purity, retention bounds,
// and the database row round trip.
import { describe, expect, it } from "vitest";
import {
  type CardRecord,
  type CardRow,
  type CardState,
  type Grade,
  Rating,
  State,
  cardFromRecord,
  cardRowSchema,
  fromRow,
  newCard,
  retrievabilityNow,
  review,
  toRow,
} from "../../../lib/srs";

type Step = [when: "due" | "+10m", rating: Grade];
// After the first review (2026-03-01T09:00Z, Good): each step reviews at the card's due date, or
// 10 minutes after the last review.
const SCRIPT: Step[] = [
  ["+10m", Rating.Good],
  ["due", Rating.Good],
  ["due", Rating.Good],
  ["due", Rating.Again],
  ["+10m", Rating.Good],
  ["due", Rating.Good],
  ["due", Rating.Hard],
  ["due", Rating.Easy],
];

function run(requestRetention: number): {
  rows: CardRow[];
  logs: { elapsedDays: number; scheduledDays: number; stateBefore: State; stateAfter: State }[];
} {
  const start = new Date("2026-03-01T09:00:00Z");
  let r = review(newCard(start), Rating.Good, start, { requestRetention });
  const rows = [toRow(r.after)];
  const logs = [r.log];
  for (const [when, rating] of SCRIPT) {
    const card: CardState = r.after;
    const now = when === "due" ? card.due : new Date(+card.lastReview! + 10 * 60_000);
    r = review(card, rating, now, { requestRetention });
    rows.push(toRow(r.after));
    logs.push(r.log);
  }
  return { rows, logs };
}

// [due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview, lastRating]
type Golden = [
  string,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  CardRow["state"],
  string,
  CardRow["lastRating"],
];
function expectGolden(rows: CardRow[], golden: Golden[]): void {
  expect(rows).toHaveLength(golden.length);
  rows.forEach((row, i) => {
    const [
      due,
      stability,
      difficulty,
      elapsedDays,
      scheduledDays,
      learningSteps,
      reps,
      lapses,
      state,
      lastReview,
      lastRating,
    ] = golden[i]!;
    expect({ ...row, stability: 0, difficulty: 0 }, `step ${i}`).toEqual({
      due,
      stability: 0,
      difficulty: 0,
      elapsedDays,
      scheduledDays,
      learningSteps,
      reps,
      lapses,
      state,
      lastReview,
      lastRating,
    });
    expect(row.stability, `stability at step ${i}`).toBeCloseTo(stability, 6);
    expect(row.difficulty, `difficulty at step ${i}`).toBeCloseTo(difficulty, 6);
  });
}

describe("golden schedules (FSRS-6 defaults, fuzz off)", () => {
  it("retention 0.9", () => {
    // prettier-ignore
    expectGolden(run(0.9).rows, [
      ["2026-03-01T09:10:00.000Z", 2.3065, 2.11810397, 0, 0, 1, 1, 0, "Learning", "2026-03-01T09:00:00.000Z", "Good"],
      ["2026-03-03T09:10:00.000Z", 2.3065, 2.11121424, 0, 2, 0, 2, 0, "Review", "2026-03-01T09:10:00.000Z", "Good"],
      ["2026-03-14T09:10:00.000Z", 10.97104786, 2.1043314, 2, 11, 0, 3, 0, "Review", "2026-03-03T09:10:00.000Z", "Good"],
      ["2026-04-29T09:10:00.000Z", 46.31685657, 2.09745544, 11, 46, 0, 4, 0, "Review", "2026-03-14T09:10:00.000Z", "Good"],
      ["2026-04-29T09:20:00.000Z", 2.93384526, 7.38771571, 46, 0, 0, 5, 1, "Relearning", "2026-04-29T09:10:00.000Z", "Again"],
      ["2026-05-02T09:20:00.000Z", 2.93384526, 7.37555636, 0, 3, 0, 6, 1, "Review", "2026-04-29T09:20:00.000Z", "Good"],
      ["2026-05-10T09:20:00.000Z", 7.79910198, 7.36340917, 3, 8, 0, 7, 1, "Review", "2026-05-02T09:20:00.000Z", "Good"],
      ["2026-05-24T09:20:00.000Z", 14.44506127, 8.23493651, 8, 14, 0, 8, 1, "Review", "2026-05-10T09:20:00.000Z", "Hard"],
      ["2026-07-03T09:20:00.000Z", 39.7019295, 7.63036291, 14, 40, 0, 9, 1, "Review", "2026-05-24T09:20:00.000Z", "Easy"],
    ]);
  });

  it("retention 0.8 gives longer intervals from the same memory", () => {
    // prettier-ignore
    expectGolden(run(0.8).rows, [
      ["2026-03-01T09:10:00.000Z", 2.3065, 2.11810397, 0, 0, 1, 1, 0, "Learning", "2026-03-01T09:00:00.000Z", "Good"],
      ["2026-03-09T09:10:00.000Z", 2.3065, 2.11121424, 0, 8, 0, 2, 0, "Review", "2026-03-01T09:10:00.000Z", "Good"],
      ["2026-05-24T09:10:00.000Z", 22.78405258, 2.1043314, 8, 76, 0, 3, 0, "Review", "2026-03-09T09:10:00.000Z", "Good"],
      ["2027-10-31T09:10:00.000Z", 158.3022468, 2.09745544, 76, 525, 0, 4, 0, "Review", "2026-05-24T09:10:00.000Z", "Good"],
      ["2027-10-31T09:20:00.000Z", 5.50503978, 7.38771571, 525, 0, 0, 5, 1, "Relearning", "2027-10-31T09:10:00.000Z", "Again"],
      ["2027-11-18T09:20:00.000Z", 5.50503978, 7.37555636, 0, 18, 0, 6, 1, "Review", "2027-10-31T09:20:00.000Z", "Good"],
      ["2028-01-31T09:20:00.000Z", 22.23637811, 7.36340917, 18, 74, 0, 7, 1, "Review", "2027-11-18T09:20:00.000Z", "Good"],
      ["2028-07-31T09:20:00.000Z", 54.84656776, 8.23493651, 74, 182, 0, 8, 1, "Review", "2028-01-31T09:20:00.000Z", "Hard"],
      ["2030-07-25T09:20:00.000Z", 218.4694087, 7.63036291, 182, 724, 0, 9, 1, "Review", "2028-07-31T09:20:00.000Z", "Easy"],
    ]);
  });

  it("logs each review's elapsed and scheduled days and the state change", () => {
    const { logs } = run(0.9);
    expect(logs.map((l) => [l.elapsedDays, l.scheduledDays, l.stateBefore, l.stateAfter])).toEqual([
      [0, 0, State.New, State.Learning],
      [0, 2, State.Learning, State.Review],
      [2, 11, State.Review, State.Review],
      [11, 46, State.Review, State.Review],
      [46, 0, State.Review, State.Relearning],
      [0, 3, State.Relearning, State.Review],
      [3, 8, State.Review, State.Review],
      [8, 14, State.Review, State.Review],
      [14, 40, State.Review, State.Review],
    ]);
  });
});

describe("review", () => {
  const now = new Date("2026-03-01T09:00:00Z");

  it("does not modify its input and returns the card before", () => {
    const card = newCard(now);
    const snapshot = structuredClone(card);
    const r = review(card, Rating.Good, now, { requestRetention: 0.9 });
    expect(card).toEqual(snapshot);
    expect(r.before).toEqual(snapshot);
    expect(r.log.rating).toBe(Rating.Good);
    expect(r.log.reviewedAt).toEqual(now);
  });

  it("is reproducible (no fuzz)", () => {
    const card = review(newCard(now), Rating.Easy, now, { requestRetention: 0.9 }).after;
    const later = new Date("2026-03-20T09:00:00Z");
    expect(review(card, Rating.Good, later, { requestRetention: 0.9 })).toEqual(
      review(card, Rating.Good, later, { requestRetention: 0.9 }),
    );
  });

  it("validates the desired retention (0.70..0.97)", () => {
    const card = newCard(now);
    for (const bad of [0.69, 0.98, 1, 0, Number.NaN]) {
      expect(() => review(card, Rating.Good, now, { requestRetention: bad })).toThrow(RangeError);
    }
    for (const ok of [0.7, 0.97])
      expect(() => review(card, Rating.Good, now, { requestRetention: ok })).not.toThrow();
  });

  it("refuses a review dated before the last one", () => {
    const card = review(newCard(now), Rating.Good, now, { requestRetention: 0.9 }).after;
    expect(() => review(card, Rating.Good, new Date(+now - 1000), { requestRetention: 0.9 })).toThrow(
      RangeError,
    );
  });
});

describe("retrievabilityNow", () => {
  it("is 0 for a new card, 0.9 at a Review card's scheduled interval, falling with time", () => {
    const t0 = new Date("2026-03-01T09:00:00Z");
    expect(retrievabilityNow(newCard(t0), t0)).toBe(0);
    const card: CardState = {
      ...newCard(t0),
      state: State.Review,
      reps: 3,
      stability: 10,
      difficulty: 5,
      lastReview: t0,
      lastRating: Rating.Good,
    };
    expect(retrievabilityNow(card, t0)).toBe(1);
    expect(retrievabilityNow(card, new Date("2026-03-11T09:00:00Z"))).toBeCloseTo(0.9, 6);
    const r5 = retrievabilityNow(card, new Date("2026-03-06T09:00:00Z"));
    const r5h = retrievabilityNow(card, new Date("2026-03-06T21:00:00Z"));
    expect(r5).toBeGreaterThan(r5h);
    expect(r5h).toBeGreaterThan(0.9);
  });
});

describe("database row", () => {
  it("round-trips every card of a schedule", () => {
    const { rows } = run(0.9);
    for (const row of rows) expect(toRow(fromRow(row))).toEqual(row);
  });

  it("round-trips a card: fromRow(toRow(card)) equals the card", () => {
    const t0 = new Date("2026-03-01T09:00:00Z");
    const fresh = newCard(t0);
    expect(fromRow(toRow(fresh))).toEqual(fresh);
    const reviewed = review(
      review(fresh, Rating.Again, t0, { requestRetention: 0.9 }).after,
      Rating.Hard,
      new Date("2026-03-01T09:05:00Z"),
      {
        requestRetention: 0.9,
      },
    ).after;
    expect(fromRow(JSON.parse(JSON.stringify(toRow(reviewed))))).toEqual(reviewed);
  });

  it("writes ISO strings and enum names", () => {
    const t0 = new Date("2026-03-01T09:00:00Z");
    expect(toRow(newCard(t0))).toEqual({
      due: "2026-03-01T09:00:00.000Z",
      stability: 0,
      difficulty: 0,
      elapsedDays: 0,
      scheduledDays: 0,
      learningSteps: 0,
      reps: 0,
      lapses: 0,
      state: "New",
      lastReview: null,
      lastRating: null,
    });
  });

  it("rejects malformed rows", () => {
    const good = toRow(newCard(new Date("2026-03-01T09:00:00Z")));
    expect(() => fromRow({ ...good, due: "yesterday" })).toThrow();
    expect(() => fromRow({ ...good, state: "Done" })).toThrow();
    expect(() => fromRow({ ...good, reps: -1 })).toThrow();
    expect(() => fromRow(null)).toThrow();
  });
});

describe("the card as the database returns it", () => {
  it("has the row's fields, with dates as Date objects, and reads back into the same card", () => {
    const t0 = new Date("2026-03-01T09:00:00Z");
    const card = review(newCard(t0), Rating.Good, t0, { requestRetention: 0.9 }).after;
    const row = toRow(card);
    const record: CardRecord = {
      ...row,
      skillId: "chain-rule",
      due: new Date(row.due),
      lastReview: row.lastReview === null ? null : new Date(row.lastReview),
    };
    expect(Object.keys(record).sort()).toEqual([...Object.keys(cardRowSchema.shape), "skillId"].sort());
    expect(cardFromRecord(record)).toEqual({ ...card, skillId: "chain-rule" });
  });

  it("refuses a record with a state the scheduler does not know", () => {
    const record = { ...toRow(newCard(new Date(0))), skillId: "x", due: new Date(0), lastReview: null };
    expect(() => cardFromRecord({ ...record, state: "Lost" as "New" })).toThrow();
  });
});
