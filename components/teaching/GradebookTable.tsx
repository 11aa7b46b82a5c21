// The gradebook table for a class of any size: search, filters, sort by any column and pages (all in
// the address, so a view can be bookmarked and works without scripts); the student column stays in
// place while the items scroll; items are headed Q1, Q2, ... with the statement on hover and in the
// legend below.
import Link from "next/link";
import { StudentName } from "@/components/teaching/StudentName";
import type { GradebookColumn, GradebookRow } from "@/lib/server/assignments/gradebook";
import {
  type GradebookQuery,
  minutesText,
  resultWord,
  scoreText,
  viewRows,
} from "@/lib/teaching/gradebook-view";

const pct = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)} %`);

function href(setId: string, query: GradebookQuery, change: Partial<GradebookQuery>): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.filter !== "all") params.set("filter", next.filter);
  if (next.filter === "below") params.set("below", String(next.below));
  if (next.sort !== "name") params.set("sort", next.sort);
  if (next.dir !== "asc") params.set("dir", next.dir);
  if (next.page > 1) params.set("page", String(next.page));
  const s = params.toString();
  return `/teacher/sets/${setId}/gradebook${s ? `?${s}` : ""}`;
}

function SortHeader(props: {
  setId: string;
  query: GradebookQuery;
  sort: string;
  label: string;
  title?: string;
  className?: string;
}) {
  const { setId, query, sort, label, title, className } = props;
  const active = query.sort === sort;
  const dir = active && query.dir === "asc" ? "desc" : "asc";
  return (
    <th
      scope="col"
      className={className}
      aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : "none"}
    >
      <Link href={href(setId, query, { sort, dir, page: 1 })} title={title ?? `Sort by ${label}`}>
        {label}
        {active ? (query.dir === "asc" ? " ▲" : " ▼") : ""}
      </Link>
    </th>
  );
}

export function GradebookTable(props: {
  setId: string;
  columns: GradebookColumn[];
  rows: GradebookRow[];
  query: GradebookQuery;
}) {
  const { setId, columns, query } = props;
  const shown = viewRows(props.rows, query);
  const q = (i: number) => `Q${i + 1}`;
  return (
    <>
      <form className="inline-form" aria-label="Find students" method="get">
        <div className="field">
          <label htmlFor="gb-q">Name, email or number</label>
          <input id="gb-q" name="q" defaultValue={query.q} maxLength={100} type="search" />
        </div>
        <div className="field">
          <label htmlFor="gb-filter">Show</label>
          <select id="gb-filter" name="filter" defaultValue={query.filter}>
            <option value="all">Everyone</option>
            <option value="not_started">Not started</option>
            <option value="late">Late</option>
            <option value="below">Below a score</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="gb-below">Score below (%)</label>
          <input
            id="gb-below"
            name="below"
            type="number"
            min={0}
            max={100}
            defaultValue={query.below}
            className="narrow-number"
          />
        </div>
        {query.sort !== "name" ? <input type="hidden" name="sort" value={query.sort} /> : null}
        {query.dir !== "asc" ? <input type="hidden" name="dir" value={query.dir} /> : null}
        <button type="submit" className="button">
          Show
        </button>
      </form>
      <p className="muted" data-testid="gradebook-count">
        {shown.matching} of {props.rows.length} students
        {shown.pages > 1 ? ` · page ${shown.page} of ${shown.pages}` : ""}
      </p>
      <p className="muted gradebook-help" id="gradebook-help">
        Each problem: its result and the number of tries (“right · 2”: right at the second try). Select a
        result to open the problem with its key, or “Details” for a student&apos;s page.
      </p>
      <div className="table-wrap gradebook-wrap">
        <table className="data-table gradebook" aria-label="Gradebook" aria-describedby="gradebook-help">
          <thead>
            <tr>
              <SortHeader setId={setId} query={query} sort="name" label="Student" className="sticky-col" />
              <SortHeader setId={setId} query={query} sort="score" label="Score" />
              {columns.map((c, i) => (
                <SortHeader
                  key={c.key}
                  className="i"
                  setId={setId}
                  query={query}
                  sort={c.key}
                  label={q(i)}
                  title={`${q(i)}: ${c.label}${c.points !== 1 ? ` (${c.points} points)` : ""}`}
                />
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.rows.map((r) => (
              <tr key={r.userId} data-testid="gradebook-row">
                <th scope="row" className="sticky-col">
                  <StudentName student={r} removed={r.removed} />{" "}
                  <a href={`/teacher/sets/${setId}/students/${r.userId}`} className="detail">
                    Details
                  </a>
                </th>
                <td data-testid="score">
                  {scoreText(r)}
                  {r.late ? <span className="tag bad">late</span> : null}
                  <br />
                  <span className="muted">{minutesText(r.timeMs)}</span>
                </td>
                {columns.map((c) => {
                  const cell = r.cells[c.key];
                  const word = resultWord(c, r.excused, cell);
                  // Lean cells (a class of 200 is 4,000 of them): plain links (no prefetching of
                  // every problem on screen), named by the row and column headers; minutes are in the
                  // student's page, the drill-down and the CSV.
                  if (word === "excused" || word === "full credit")
                    return (
                      <td key={c.key} className="i muted">
                        {cell ? <a href={`/teacher/instances/${cell.instanceId}`}>{word}</a> : word}
                      </td>
                    );
                  if (!cell)
                    return (
                      <td key={c.key} className="i muted">
                        {word}
                      </td>
                    );
                  return (
                    <td key={c.key} className="i">
                      <a href={`/teacher/instances/${cell.instanceId}`}>{word}</a>
                      {cell.overridden ? " (override)" : null}
                      {cell.late ? <b className="bad"> late</b> : null} · {cell.tries}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" className="sticky-col">
                Class accuracy
              </th>
              <td />
              {columns.map((c) => (
                <td key={c.key} className="i" data-testid="accuracy">
                  {pct(c.accuracy)}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row" className="sticky-col">
                Common mistakes
              </th>
              <td />
              {columns.map((c) => (
                <td key={c.key} className="i">
                  {c.mistakes.length
                    ? c.mistakes.map((m) => `${m.code.replace(/_/g, " ")} (${m.count})`).join(", ")
                    : "—"}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
      {shown.pages > 1 ? (
        <nav className="actions" aria-label="Pages">
          {shown.page > 1 ? (
            <Link href={href(setId, query, { page: shown.page - 1 })}>← Previous</Link>
          ) : null}
          {shown.page < shown.pages ? (
            <Link href={href(setId, query, { page: shown.page + 1 })}>Next →</Link>
          ) : null}
        </nav>
      ) : null}
      <h2>Items</h2>
      <ol className="legend" aria-label="Items legend">
        {columns.map((c, i) => (
          <li key={c.key}>
            <strong>{q(i)}</strong> {c.label}
            {c.points !== 1 ? ` · ${c.points} points` : ""}
            {c.excused ? " · excused" : ""}
            {c.fullCredit ? " · full credit" : ""}
          </li>
        ))}
      </ol>
    </>
  );
}
