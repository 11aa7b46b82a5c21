// The rating rule: how an auto-graded attempt becomes an FSRS rating.
import { describe, expect, it } from "vitest";
import { type AttemptSummary, Rating, ratingFor, typicalTimeMs } from "../../../lib/srs";

const base: AttemptSummary = {
  outcome: "right",
  tries: 1,
  hintUsed: false,
  durationMs: 30_000,
  pastFirstTryTimesMs: [],
};
const typical = [40_000, 50_000, 60_000]; // median 50 s: fast means <= 30 s

describe("ratingFor", () => {
  const cases: [string, Partial<AttemptSummary>, Rating][] = [
    ["wrong in the end", { outcome: "wrong", tries: 3 }, Rating.Again],
    ["wrong on the only try", { outcome: "wrong" }, Rating.Again],
    ["answer revealed", { outcome: "revealed", tries: 2 }, Rating.Again],
    [
      "revealed even if quick and with history",
      { outcome: "revealed", durationMs: 1000, pastFirstTryTimesMs: typical },
      Rating.Again,
    ],
    ["right on the second try", { tries: 2 }, Rating.Hard],
    ["right on the third try", { tries: 3 }, Rating.Hard],
    ["right first try after a hint", { hintUsed: true }, Rating.Hard],
    [
      "right after a hint, fast",
      { hintUsed: true, durationMs: 1000, pastFirstTryTimesMs: typical },
      Rating.Hard,
    ],
    [
      "right on the second try, fast",
      { tries: 2, durationMs: 1000, pastFirstTryTimesMs: typical },
      Rating.Hard,
    ],
    ["right first try, no history", { durationMs: 1000 }, Rating.Good],
    [
      "right first try, two past times only",
      { durationMs: 1000, pastFirstTryTimesMs: [50_000, 50_000] },
      Rating.Good,
    ],
    [
      "right first try, exactly 0.6 x median",
      { durationMs: 30_000, pastFirstTryTimesMs: typical },
      Rating.Easy,
    ],
    [
      "right first try, just over 0.6 x median",
      { durationMs: 30_001, pastFirstTryTimesMs: typical },
      Rating.Good,
    ],
    ["right first try, well under", { durationMs: 10_000, pastFirstTryTimesMs: typical }, Rating.Easy],
    ["right first try, typical speed", { durationMs: 50_000, pastFirstTryTimesMs: typical }, Rating.Good],
  ];
  it.each(cases)("%s", (_name, over, expected) => {
    const d = ratingFor({ ...base, ...over });
    expect(d.rating).toBe(expected);
    expect(d.explanation.length).toBeGreaterThan(10);
  });

  it("uses only the last 10 past times", () => {
    // 20 old slow times, then 10 recent quick ones: against the recent median (10 s) 6 s is fast and
    // 7 s is not; against all 30 (median 100 s) 7 s would be fast.
    const past = [...Array<number>(20).fill(100_000), ...Array<number>(10).fill(10_000)];
    expect(ratingFor({ ...base, durationMs: 6_000, pastFirstTryTimesMs: past }).rating).toBe(Rating.Easy);
    expect(ratingFor({ ...base, durationMs: 7_000, pastFirstTryTimesMs: past }).rating).toBe(Rating.Good);
  });

  it("explains the rating", () => {
    expect(ratingFor({ ...base, outcome: "revealed" }).explanation).toMatch(/see the answer/);
    expect(ratingFor({ ...base, tries: 2 }).explanation).toMatch(/try 2/);
    expect(ratingFor({ ...base, durationMs: 12_000, pastFirstTryTimesMs: typical }).explanation).toBe(
      "Right on the first try in 12 s, well under your usual 50 s: rated Easy.",
    );
  });

  it("rejects impossible attempts", () => {
    expect(() => ratingFor({ ...base, tries: 0 })).toThrow(RangeError);
    expect(() => ratingFor({ ...base, tries: 1.5 })).toThrow(RangeError);
    expect(() => ratingFor({ ...base, durationMs: -1 })).toThrow(RangeError);
    expect(() => ratingFor({ ...base, durationMs: Number.NaN })).toThrow(RangeError);
  });
});

describe("typicalTimeMs", () => {
  it("is the median of the last 10 valid times, null below 3", () => {
    expect(typicalTimeMs([1, 2])).toBeNull();
    expect(typicalTimeMs([3, 1, 2])).toBe(2);
    expect(typicalTimeMs([4, 1, 3, 2])).toBe(2.5);
    expect(typicalTimeMs([Number.NaN, -5, 0, 10, 20])).toBeNull();
    expect(typicalTimeMs([1000, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBe(5.5);
  });
});
