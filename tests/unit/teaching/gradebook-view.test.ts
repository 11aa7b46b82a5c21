// The gradebook page's search, filters, sort and paging, on plain rows.
import { describe, expect, it } from "vitest";
import {
  PAGE_SIZE,
  type ViewRow,
  minutesText,
  readGradebookQuery,
  resultWord,
  scoreText,
  viewRows,
} from "@/lib/teaching/gradebook-view";

const row = (i: number, extra: Partial<ViewRow> = {}): ViewRow => ({
  email: `s${String(i).padStart(3, "0")}@uni.example`,
  displayName: `Student ${i % 7}`,
  studentNumber: `N${1000 - i}`,
  afterPenalty: i % 5,
  total: 4,
  late: i % 10 === 0,
  cells: i % 3 === 0 ? {} : { q1: { finished: true, correct: i % 2 === 0 } },
  ...extra,
});
const rows = Array.from({ length: 200 }, (_, i) => row(i));
const query = (p: Record<string, string>) => readGradebookQuery(p);

describe("the gradebook page's rows", () => {
  it("pages 200 students 50 at a time; a page past the end shows the last", () => {
    const first = viewRows(rows, query({}));
    expect([first.rows.length, first.matching, first.pages, first.page]).toEqual([PAGE_SIZE, 200, 4, 1]);
    expect(viewRows(rows, query({ page: "9" })).page).toBe(4);
  });

  it("searches by email, name or student number", () => {
    expect(viewRows(rows, query({ q: "S042@" })).rows.map((r) => r.email)).toEqual(["s042@uni.example"]);
    expect(viewRows(rows, query({ q: "n900" })).rows.map((r) => r.studentNumber)).toEqual(["N900"]);
    expect(viewRows(rows, query({ q: "student 3" })).matching).toBe(
      rows.filter((r) => r.displayName === "Student 3").length,
    );
  });

  it("filters not started, late and below a score", () => {
    expect(viewRows(rows, query({ filter: "not_started" })).matching).toBe(67);
    expect(viewRows(rows, query({ filter: "late" })).matching).toBe(20);
    // Below 50 %: 0 or 1 of 4 points.
    expect(viewRows(rows, query({ filter: "below", below: "50" })).matching).toBe(80);
  });

  it("sorts by any column either way, ties by email", () => {
    const byScore = viewRows(rows, query({ sort: "score", dir: "desc" })).rows;
    expect(byScore[0]!.afterPenalty).toBe(4);
    expect(byScore[0]!.email < byScore[1]!.email).toBe(true);
    const byNumber = viewRows(rows, query({ sort: "number" })).rows;
    expect(byNumber[0]!.studentNumber).toBe("N1000");
    const byItem = viewRows(rows, query({ sort: "q1", dir: "desc" })).rows;
    expect(byItem[0]!.cells.q1).toEqual({ finished: true, correct: true });
  });

  it("reads a malformed address as the default", () => {
    expect(query({ filter: "drop table", below: "-4", page: "0", dir: "sideways" })).toEqual({
      q: "",
      filter: "all",
      below: 50,
      sort: "name",
      dir: "asc",
      page: 1,
    });
  });
});

describe("a problem's result, as the gradebook, a student's page and the CSV word it", () => {
  const column = { key: "q1", excused: false, fullCredit: false };
  const cell = { finished: true, overridden: false, correct: true, outcome: "right" as const };
  it.each([
    ["excused for everyone", { ...column, excused: true }, [], cell, "excused"],
    ["excused for this student", column, ["q1"], undefined, "excused"],
    ["full credit, never opened", { ...column, fullCredit: true }, [], undefined, "full credit"],
    ["never opened", column, [], undefined, "not started"],
    [
      "opened, unfinished",
      column,
      [],
      { ...cell, finished: false, correct: false, outcome: null },
      "in progress",
    ],
    [
      "unfinished with the teacher's verdict",
      column,
      [],
      { ...cell, finished: false, overridden: true },
      "right",
    ],
    ["right", column, [], cell, "right"],
    ["answer shown", column, [], { ...cell, correct: false, outcome: "revealed" as const }, "revealed"],
    ["wrong", column, [], { ...cell, correct: false, outcome: "wrong" as const }, "wrong"],
  ])("%s: %j", (_, c, excused, x, word) => {
    expect(resultWord(c, excused, x)).toBe(word);
  });

  it("words a score after the late penalty with the raw score beside it, and minutes", () => {
    expect(scoreText({ score: 3, afterPenalty: 3, total: 4 })).toBe("3 / 4");
    expect(scoreText({ score: 3, afterPenalty: 2.5, total: 4 })).toBe("2.5 (3 before the late penalty) / 4");
    expect(minutesText(90_000)).toBe("1.5 min");
    expect(minutesText(null)).toBe("");
  });
});
