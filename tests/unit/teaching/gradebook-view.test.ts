// The gradebook page's search, filters, sort and paging, on plain rows.
import { describe, expect, it } from "vitest";
import { PAGE_SIZE, readGradebookQuery, type ViewRow, viewRows } from "@/lib/teaching/gradebook-view";

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
