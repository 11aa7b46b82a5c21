// A student's score on a set: points per item, excused items out of the total, full credit, the
// teacher's verdict on finished or unfinished problems, and the late penalty.
import { describe, expect, it } from "vitest";
import { type ScoredCell, scoreOf } from "@/lib/teaching/score";

const col = (key: string, points = 1, extra: { excused?: boolean; fullCredit?: boolean } = {}) => ({
  key,
  points,
  excused: extra.excused ?? false,
  fullCredit: extra.fullCredit ?? false,
});
const cell = (outcome: string | null, extra: Partial<ScoredCell> = {}): ScoredCell => ({
  finished: outcome !== null,
  outcome,
  overrideCorrect: null,
  late: false,
  ...extra,
});

describe("scores", () => {
  it("adds the points of right problems over the points of those that count", () => {
    const s = scoreOf(
      [col("a", 2), col("b", 3), col("c")],
      { a: cell("right"), b: cell("wrong") },
      new Set(),
      null,
    );
    expect(s).toEqual({ score: 2, afterPenalty: 2, total: 6, late: false });
  });

  it("an excused item (everyone's or this student's) leaves the total; full credit counts without an answer", () => {
    const columns = [col("a", 2, { excused: true }), col("b", 3), col("c", 1, { fullCredit: true })];
    expect(scoreOf(columns, { a: cell("right"), b: cell("right") }, new Set(["b"]), null)).toEqual({
      score: 1,
      afterPenalty: 1,
      total: 1,
      late: false,
    });
  });

  it("the teacher's verdict decides, finished or not", () => {
    const columns = [col("a"), col("b")];
    const cells = { a: cell(null, { overrideCorrect: true }), b: cell("right", { overrideCorrect: false }) };
    expect(scoreOf(columns, cells, new Set(), null).score).toBe(1);
  });

  it("a late right answer loses the penalty after it; without a penalty nothing is lost", () => {
    const columns = [col("a", 3), col("b", 1)];
    const cells = { a: cell("right", { late: true }), b: cell("right") };
    expect(scoreOf(columns, cells, new Set(), 50)).toEqual({
      score: 4,
      afterPenalty: 2.5,
      total: 4,
      late: true,
    });
    expect(scoreOf(columns, cells, new Set(), null).afterPenalty).toBe(4);
    expect(scoreOf(columns, cells, new Set(), 100).afterPenalty).toBe(1);
  });
});
