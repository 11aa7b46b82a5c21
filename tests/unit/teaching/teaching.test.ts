// The pure parts of teaching: CSV cells, per-student seeds, join codes, dates in a viewer's timezone.
import { describe, expect, it } from "vitest";
import { BOM, csvCell, toCsv } from "@/lib/teaching/csv";
import { assignmentSeed } from "@/lib/teaching/seed";
import { CODE_ALPHABET, formatJoinCode, makeJoinCode, normaliseJoinCode } from "@/lib/teaching/join-code";
import { formatInZone, utcToZonedInput, zonedToUtc } from "@/lib/teaching/time";

describe("CSV", () => {
  it.each([
    ["=SUM(A1:A9)", `"'=SUM(A1:A9)"`],
    ["+1+2", `"'+1+2"`],
    ["-2+3", `"'-2+3"`],
    ["-2.5", `"-2.5"`],
    ["-1-1", `"'-1-1"`],
    ["@cmd", `"'@cmd"`],
    ["\t=1", `"'\t=1"`],
    ["2x + 1", `"2x + 1"`],
    ['say "hi"', `"say ""hi"""`],
    ["a,b\nc", `"a,b\nc"`],
    ["", `""`],
  ])("quotes every cell and neutralises formulas: %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it("numbers (negative ones stay numbers), booleans and missing values", () => {
    expect([csvCell(3), csvCell(-1), csvCell(true), csvCell(null), csvCell(undefined)]).toEqual([
      '"3"',
      `"-1"`,
      '"true"',
      '""',
      '""',
    ]);
  });

  it("a file: BOM, header row, CRLF lines", () => {
    const text = toCsv(
      ["student", "score"],
      [
        ["Émilie", 2],
        ["=HYPERLINK()", 0],
      ],
    );
    expect(text.startsWith(BOM)).toBe(true);
    expect(text).toBe(`${BOM}"student","score"\r\n"Émilie","2"\r\n"'=HYPERLINK()","0"\r\n`);
  });
});

describe("per-student seeds", () => {
  const set = "5f0c6a1e-0000-4000-8000-000000000001";
  const item = "5f0c6a1e-0000-4000-8000-000000000002";
  it("are the same for the same (set, student, item, copy) and in range", () => {
    const a = assignmentSeed(set, "u1", item, 0);
    expect(assignmentSeed(set, "u1", item, 0)).toBe(a);
    expect(Number.isInteger(a) && a >= 0 && a < 2 ** 31 - 1).toBe(true);
  });
  it("differ across students, copies, items and attempts", () => {
    const seeds = new Set<number>();
    for (let u = 0; u < 200; u++)
      for (let c = 0; c < 3; c++) seeds.add(assignmentSeed(set, `user-${u}`, item, c));
    expect(seeds.size).toBe(600);
    expect(assignmentSeed(set, "u1", item, 0, 1)).not.toBe(assignmentSeed(set, "u1", item, 0, 0));
    expect(assignmentSeed(set, "u1", "other", 0)).not.toBe(assignmentSeed(set, "u1", item, 0));
  });
});

describe("join codes", () => {
  it("use only unambiguous characters", () => {
    for (const bad of "0O1IL5S2Z8B") expect(CODE_ALPHABET).not.toContain(bad);
    let i = 0;
    const code = makeJoinCode((n) => i++ % n);
    expect(code).toHaveLength(8);
    expect(formatJoinCode(code)).toBe(`${code.slice(0, 4)}-${code.slice(4)}`);
  });
  it("are read generously and refused when impossible", () => {
    expect(normaliseJoinCode(" acde-fghj ")).toBe("ACDEFGHJ");
    expect(normaliseJoinCode("ACDE FGHJ")).toBe("ACDEFGHJ");
    expect(normaliseJoinCode("ACDE-FGH0")).toBeNull();
    expect(normaliseJoinCode("ACD")).toBeNull();
    expect(normaliseJoinCode("x".repeat(1000))).toBeNull();
  });
});

describe("dates in the viewer's timezone", () => {
  it("reads a wall-clock time in a zone as UTC, across DST", () => {
    expect(zonedToUtc("2026-11-27T17:00", "Europe/Paris")?.toISOString()).toBe("2026-11-27T16:00:00.000Z");
    expect(zonedToUtc("2026-07-01T17:00", "Europe/Paris")?.toISOString()).toBe("2026-07-01T15:00:00.000Z");
    expect(zonedToUtc("2026-11-27T17:00", "UTC")?.toISOString()).toBe("2026-11-27T17:00:00.000Z");
    expect(zonedToUtc("2026-11-27T17:00", "America/New_York")?.toISOString()).toBe(
      "2026-11-27T22:00:00.000Z",
    );
    expect(zonedToUtc("27/11/2026", "UTC")).toBeNull();
    expect(zonedToUtc("2026-11-27T17:00", "Not/AZone")).toBeNull();
  });
  it("round-trips to the input value and formats with the zone", () => {
    const d = new Date("2026-11-27T16:00:00Z");
    expect(utcToZonedInput(d, "Europe/Paris")).toBe("2026-11-27T17:00");
    expect(formatInZone(d, "Asia/Tokyo")).toContain("28 Nov 2026, 01:00");
  });
});
