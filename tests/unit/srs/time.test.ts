// Local day boundaries in IANA timezones, DST changes included.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { localDateKey, localDayBounds, localDayNumber, startOfLocalDay } from "../../../lib/srs";

function bounds(iso: string, tz: string): [string, string, number] {
  const b = localDayBounds(new Date(iso), tz);
  return [b.start.toISOString(), b.end.toISOString(), (+b.end - +b.start) / 3_600_000];
}

describe("localDayBounds", () => {
  it.each([
    // [an instant, timezone, first instant of its local day, of the next, hours in the day]
    ["2026-03-08T14:00:00Z", "America/New_York", "2026-03-08T05:00:00.000Z", "2026-03-09T04:00:00.000Z", 23], // spring forward
    ["2026-11-01T15:00:00Z", "America/New_York", "2026-11-01T04:00:00.000Z", "2026-11-02T05:00:00.000Z", 25], // fall back
    ["2026-07-01T03:59:59Z", "America/New_York", "2026-06-30T04:00:00.000Z", "2026-07-01T04:00:00.000Z", 24],
    ["2026-07-01T04:00:00Z", "America/New_York", "2026-07-01T04:00:00.000Z", "2026-07-02T04:00:00.000Z", 24],
    ["2026-04-04T22:00:00Z", "Pacific/Auckland", "2026-04-04T11:00:00.000Z", "2026-04-05T12:00:00.000Z", 25], // NZDT ends
    ["2026-09-26T20:00:00Z", "Pacific/Auckland", "2026-09-26T12:00:00.000Z", "2026-09-27T11:00:00.000Z", 23], // NZDT starts
    ["2026-03-08T12:00:00Z", "Asia/Kolkata", "2026-03-07T18:30:00.000Z", "2026-03-08T18:30:00.000Z", 24],
    ["2026-03-08T12:00:00Z", "UTC", "2026-03-08T00:00:00.000Z", "2026-03-09T00:00:00.000Z", 24],
    // Chile moves clocks from 00:00 to 01:00: that day starts at 01:00 local (04:00Z).
    ["2026-09-06T12:00:00Z", "America/Santiago", "2026-09-06T04:00:00.000Z", "2026-09-07T03:00:00.000Z", 23],
  ])("%s in %s", (iso, tz, start, end, hours) => {
    expect(bounds(iso, tz)).toEqual([start, end, hours]);
  });

  it("agrees with the local date on both sides of every boundary", () => {
    for (const tz of [
      "America/New_York",
      "Pacific/Auckland",
      "Europe/London",
      "Australia/Lord_Howe",
      "America/Santiago",
    ]) {
      const first = localDayNumber(new Date("2026-01-01T12:00:00Z"), tz);
      for (let d = first; d < first + 366; d++) {
        const s = startOfLocalDay(d, tz);
        expect(localDayNumber(s, tz)).toBe(d);
        expect(localDayNumber(+s - 1000, tz)).toBe(d - 1);
      }
    }
  });

  it("contains the instant, and its start is the first instant of that local date (property)", () => {
    const zones = [
      "America/New_York",
      "Pacific/Auckland",
      "Europe/Berlin",
      "Asia/Kathmandu",
      "America/Santiago",
      "Pacific/Chatham",
      "UTC",
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
        fc.constantFrom(...zones),
        (t, tz) => {
          const b = localDayBounds(new Date(t), tz);
          expect(+b.start).toBeLessThanOrEqual(t);
          expect(+b.end).toBeGreaterThan(t);
          expect(localDayNumber(b.start, tz)).toBe(b.dayNumber);
          expect(localDayNumber(+b.start - 1000, tz)).toBe(b.dayNumber - 1);
          expect(localDayNumber(b.end, tz)).toBe(b.dayNumber + 1);
        },
      ),
      { numRuns: 300, seed: 20260308 },
    );
  });

  it("names local dates", () => {
    expect(localDateKey(new Date("2026-03-09T03:30:00Z"), "America/New_York")).toBe("2026-03-08");
    expect(localDateKey(new Date("2026-03-09T04:30:00Z"), "America/New_York")).toBe("2026-03-09");
    expect(localDateKey(new Date("2026-03-08T12:00:00Z"), "Pacific/Auckland")).toBe("2026-03-09");
  });

  it("rejects an unknown timezone", () => {
    expect(() => localDayBounds(new Date("2026-03-08T12:00:00Z"), "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});
