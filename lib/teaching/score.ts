// A student's score on a set: each problem is worth its item's points; an item excused (for everyone
// or for this student) leaves the total; full credit counts it right for everyone; a late right answer
// loses the set's late penalty. The teacher's override decides the verdict, finished or not.

export interface ScoredColumn {
  key: string;
  points: number;
  excused: boolean;
  fullCredit: boolean;
}

export interface ScoredCell {
  finished: boolean;
  outcome: string | null;
  overrideCorrect: boolean | null;
  late: boolean;
}

/** Whether a problem counts as right: the override when there is one, else a finished right answer. */
export function isRight(cell: ScoredCell): boolean {
  if (cell.overrideCorrect !== null) return cell.overrideCorrect;
  return cell.finished && cell.outcome === "right";
}

export interface Score {
  /** Points earned, before any late penalty. */
  score: number;
  /** Points earned after the late penalty. */
  afterPenalty: number;
  /** Points possible (excused items left out). */
  total: number;
  /** Whether any counted problem was finished late. */
  late: boolean;
}

export function scoreOf(
  columns: readonly ScoredColumn[],
  cells: Readonly<Record<string, ScoredCell | undefined>>,
  excusedKeys: ReadonlySet<string>,
  latePenaltyPct: number | null,
): Score {
  let score = 0;
  let afterPenalty = 0;
  let total = 0;
  let late = false;
  for (const c of columns) {
    if (c.excused || excusedKeys.has(c.key)) continue;
    total += c.points;
    const cell = cells[c.key];
    if (cell?.late) late = true;
    if (c.fullCredit) {
      score += c.points;
      afterPenalty += c.points;
    } else if (cell && isRight(cell)) {
      score += c.points;
      afterPenalty +=
        cell.late && latePenaltyPct !== null ? (c.points * (100 - latePenaltyPct)) / 100 : c.points;
    }
  }
  return { score, afterPenalty: Math.round(afterPenalty * 100) / 100, total, late };
}

/**
 * Whether a student has finished a set (the dashboard's "not finished"): every problem that counts for
 * them is finished or has the teacher's verdict. An item excused for everyone or for this student, or
 * given full credit, does not count; a student for whom nothing counts has nothing left: finished.
 */
export function hasFinished(
  items: readonly { id: string; count: number; excused: boolean; fullCredit: boolean }[],
  doneOf: (itemId: string) => number,
  excusedFor: (itemId: string) => boolean,
): boolean {
  return items.every((i) => i.excused || i.fullCredit || excusedFor(i.id) || doneOf(i.id) >= i.count);
}
