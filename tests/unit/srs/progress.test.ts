// Progress views with fixed dates: forecast, streaks, heatmap, weekly accuracy.
import { describe, expect, it } from "vitest";
import {
  type SkillCard,
  Rating,
  State,
  accuracyByWeek,
  forecast,
  heatmap,
  newCard,
  streak,
} from "../../../lib/srs";

const d = (iso: string) => new Date(iso);

describe("streak", () => {
  const tz = "America/New_York";
  // Local dates: Mar 5, 6, 7 (twice), 8 (the DST day), then a gap, Mar 11.
  const reviews = [
    d("2026-03-05T15:00:00Z"),
    d("2026-03-06T15:00:00Z"),
    d("2026-03-07T15:00:00Z"),
    d("2026-03-08T04:30:00Z"), // 23:30 EST on Mar 7
    d("2026-03-09T03:30:00Z"), // 23:30 EDT on Mar 8
    d("2026-03-11T12:00:00Z"),
  ];

  it("counts local days; today without a review does not break it", () => {
    expect(streak(reviews.slice(0, 5), d("2026-03-09T03:45:00Z"), tz)).toEqual({ current: 4, longest: 4 }); // still Mar 8
    expect(streak(reviews.slice(0, 5), d("2026-03-09T15:00:00Z"), tz)).toEqual({ current: 4, longest: 4 }); // Mar 9, nothing yet
    expect(streak(reviews.slice(0, 5), d("2026-03-10T15:00:00Z"), tz)).toEqual({ current: 0, longest: 4 }); // Mar 9 missed
    expect(streak(reviews, d("2026-03-11T20:00:00Z"), tz)).toEqual({ current: 1, longest: 4 });
    expect(streak(reviews, d("2026-03-12T20:00:00Z"), tz)).toEqual({ current: 1, longest: 4 });
  });

  it("depends on the timezone", () => {
    // In UTC the 04:30Z and 03:30Z reviews fall on Mar 8 and Mar 9: Mar 5..9 is five days.
    expect(streak(reviews.slice(0, 5), d("2026-03-09T15:00:00Z"), "UTC")).toEqual({ current: 5, longest: 5 });
  });

  it("is zero without reviews and ignores future ones", () => {
    expect(streak([], d("2026-03-09T15:00:00Z"), tz)).toEqual({ current: 0, longest: 0 });
    expect(streak([d("2026-04-01T15:00:00Z")], d("2026-03-09T15:00:00Z"), tz)).toEqual({
      current: 0,
      longest: 0,
    });
  });
});

describe("heatmap", () => {
  it("gives one entry per local day for the last weeks x 7 days, oldest first", () => {
    const tz = "Pacific/Auckland";
    const reviews = [
      d("2026-03-08T11:30:00Z"),
      d("2026-03-08T12:30:00Z"),
      d("2026-03-09T02:00:00Z"),
      d("2026-01-01T00:00:00Z"),
    ];
    const h = heatmap(reviews, d("2026-03-09T05:00:00Z"), tz, 1); // Auckland: Mar 9, 18:00 NZDT
    expect(h).toEqual([
      { date: "2026-03-03", count: 0 },
      { date: "2026-03-04", count: 0 },
      { date: "2026-03-05", count: 0 },
      { date: "2026-03-06", count: 0 },
      { date: "2026-03-07", count: 0 },
      { date: "2026-03-08", count: 0 },
      { date: "2026-03-09", count: 3 }, // 00:30, 01:30 and 15:00 NZDT
    ]);
    const full = heatmap(reviews, d("2026-03-09T05:00:00Z"), tz);
    expect(full).toHaveLength(26 * 7);
    expect(full[0]!.date).toBe("2025-09-09"); // 181 days before Mar 9
    expect(full.find((x) => x.date === "2026-01-01")?.count).toBe(1); // 13:00 NZDT
  });
});

describe("forecast", () => {
  const card = (skillId: string, due: string, started = true): SkillCard => ({
    ...newCard(d(due)),
    skillId,
    ...(started
      ? {
          reps: 2,
          state: State.Review,
          stability: 5,
          lastReview: d("2026-10-01T00:00:00Z"),
          lastRating: Rating.Good,
        }
      : {}),
  });

  it("counts due cards per local day; overdue ones count today; unstarted ones not at all", () => {
    const tz = "America/New_York";
    const now = d("2026-10-31T16:00:00Z"); // Oct 31, 12:00 EDT
    const cards = [
      card("overdue", "2026-10-20T12:00:00Z"),
      card("today", "2026-11-01T03:30:00Z"), // 23:30 EDT Oct 31
      card("tomorrow-early", "2026-11-01T04:30:00Z"), // 00:30 EDT Nov 1
      card("tomorrow-late", "2026-11-02T04:30:00Z"), // 23:30 EST Nov 1 (a 25-hour day)
      card("day-after", "2026-11-02T05:30:00Z"), // 00:30 EST Nov 2
      card("far", "2026-12-31T12:00:00Z"),
      card("unstarted", "2026-10-31T12:00:00Z", false),
    ];
    expect(forecast(cards, now, tz, 3)).toEqual([
      { date: "2026-10-31", count: 2 },
      { date: "2026-11-01", count: 2 },
      { date: "2026-11-02", count: 1 },
    ]);
    const f = forecast(cards, now, tz);
    expect(f).toHaveLength(30);
    expect(f.reduce((s, x) => s + x.count, 0)).toBe(5);
  });
});

describe("accuracyByWeek", () => {
  it("groups reviews into local Monday-to-Sunday weeks", () => {
    const tz = "Europe/Paris";
    const now = d("2026-03-18T12:00:00Z"); // Wednesday
    const reviews = [
      { reviewedAt: d("2026-03-16T08:00:00Z"), correct: true }, // Mon this week
      { reviewedAt: d("2026-03-15T23:30:00Z"), correct: true }, // 00:30 Mon Mar 16 in Paris
      { reviewedAt: d("2026-03-15T22:30:00Z"), correct: false }, // 23:30 Sun Mar 15: last week
      { reviewedAt: d("2026-03-09T10:00:00Z"), correct: true },
      { reviewedAt: d("2026-02-01T10:00:00Z"), correct: true }, // outside the window
      { reviewedAt: d("2026-03-25T10:00:00Z"), correct: true }, // future: ignored
    ];
    expect(accuracyByWeek(reviews, now, tz, 3)).toEqual([
      { weekStart: "2026-03-02", reviews: 0, correct: 0, accuracy: null },
      { weekStart: "2026-03-09", reviews: 2, correct: 1, accuracy: 0.5 },
      { weekStart: "2026-03-16", reviews: 2, correct: 2, accuracy: 1 },
    ]);
    expect(accuracyByWeek(reviews, now, tz)).toHaveLength(12);
  });
});
