// What the gradebook page shows of its rows: searched by name, email or student number, filtered (not
// started, late, below a score), sorted by any column, one page at a time. Pure, so that a class of
// 200 is handled the same way as a class of 5, and testable without a database.

export type GradebookFilter = "all" | "not_started" | "late" | "below";

export interface ViewRow {
  email: string;
  displayName: string;
  studentNumber: string | null;
  afterPenalty: number;
  total: number;
  late: boolean;
  /** Per column key; absent: not started. */
  cells: Record<string, { finished: boolean; correct: boolean } | undefined>;
}

export interface GradebookQuery {
  q: string;
  filter: GradebookFilter;
  /** Percent, for the "below" filter. */
  below: number;
  sort: string;
  dir: "asc" | "desc";
  page: number;
}

export const PAGE_SIZE = 50;

const one = (v: string | string[] | undefined): string => (typeof v === "string" ? v : "");

/** Reads the page's address; anything malformed falls back to the default. */
export function readGradebookQuery(params: Record<string, string | string[] | undefined>): GradebookQuery {
  const filter = one(params.filter);
  const below = Number(one(params.below));
  const page = Number(one(params.page));
  return {
    q: one(params.q).trim().slice(0, 100),
    filter: filter === "not_started" || filter === "late" || filter === "below" ? filter : "all",
    below: Number.isFinite(below) && below >= 0 && below <= 100 ? below : 50,
    sort: one(params.sort).slice(0, 80) || "name",
    dir: one(params.dir) === "desc" ? "desc" : "asc",
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

const percent = (r: ViewRow) => (r.total === 0 ? 100 : (100 * r.afterPenalty) / r.total);

function sortValue(r: ViewRow, sort: string): string | number {
  if (sort === "email") return r.email;
  if (sort === "number") return r.studentNumber ?? "";
  if (sort === "score") return percent(r);
  if (sort === "name") return r.displayName.toLowerCase();
  const cell = r.cells[sort];
  return !cell ? -1 : !cell.finished ? -0.5 : cell.correct ? 1 : 0;
}

/** The rows to show and how many there are in all, after search, filter and sort. */
export function viewRows<T extends ViewRow>(
  rows: readonly T[],
  query: GradebookQuery,
): { rows: T[]; matching: number; pages: number; page: number } {
  const needle = query.q.toLowerCase();
  const kept = rows.filter((r) => {
    if (
      needle &&
      !r.email.toLowerCase().includes(needle) &&
      !r.displayName.toLowerCase().includes(needle) &&
      !(r.studentNumber ?? "").toLowerCase().includes(needle)
    )
      return false;
    if (query.filter === "not_started") return Object.values(r.cells).every((c) => c === undefined);
    if (query.filter === "late") return r.late;
    if (query.filter === "below") return percent(r) < query.below;
    return true;
  });
  const sign = query.dir === "desc" ? -1 : 1;
  const sorted = [...kept].sort((a, b) => {
    const x = sortValue(a, query.sort);
    const y = sortValue(b, query.sort);
    const c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
    return c !== 0 ? sign * c : a.email.localeCompare(b.email);
  });
  const pages = Math.max(1, Math.ceil(sorted.length / PAGE_SIZE));
  const page = Math.min(query.page, pages);
  return {
    rows: sorted.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
    matching: sorted.length,
    pages,
    page,
  };
}

/** How a problem's result is worded in the gradebook, on a student's page and in the CSV. */
export type ResultWord =
  "excused" | "full credit" | "not started" | "in progress" | "right" | "revealed" | "wrong";

/**
 * The result of one student's problem: excused (for everyone, or in `excusedForStudent`), full
 * credit, never opened, unfinished without a verdict, or the verdict (the teacher's override decides).
 */
export function resultWord(
  column: { key: string; excused: boolean; fullCredit: boolean },
  excusedForStudent: readonly string[],
  cell: { finished: boolean; overridden: boolean; correct: boolean; outcome: string | null } | undefined,
): ResultWord {
  if (column.excused || excusedForStudent.includes(column.key)) return "excused";
  if (column.fullCredit) return "full credit";
  if (!cell) return "not started";
  if (!cell.finished && !cell.overridden) return "in progress";
  if (cell.correct) return "right";
  return cell.outcome === "revealed" ? "revealed" : "wrong";
}

/** "3 / 4", or after a late penalty "2.5 (3 before the late penalty) / 4". */
export function scoreText(r: { score: number; afterPenalty: number; total: number }): string {
  const earned =
    r.afterPenalty === r.score ? `${r.score}` : `${r.afterPenalty} (${r.score} before the late penalty)`;
  return `${earned} / ${r.total}`;
}

/** Time taken as shown on the pages ("1.5 min"; nothing when none was recorded). */
export const minutesText = (ms: number | null | undefined): string =>
  ms ? `${(ms / 60000).toFixed(1)} min` : "";
