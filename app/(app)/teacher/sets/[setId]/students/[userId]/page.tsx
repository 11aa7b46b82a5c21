// One student's results in a set, for the teacher (the gradebook's "Details", and the way in on a
// phone, where the gradebook shows names and totals): each problem's result, tries, time and lateness,
// with a link to the problem and its key.
import Link from "next/link";
import { notFound } from "next/navigation";
import { StudentName } from "@/components/teaching/StudentName";
import { getGradebook } from "@/lib/server/assignments/gradebook";
import { isAppError } from "@/lib/server/errors";
import { requireRole } from "@/lib/server/session";
import { minutesText, resultWord, scoreText } from "@/lib/teaching/gradebook-view";

export const metadata = { title: "A student's results" };

const mins = (ms: number | null | undefined) => minutesText(ms) || "—";

export default async function StudentResultsPage({
  params,
}: {
  params: Promise<{ setId: string; userId: string }>;
}) {
  const { setId, userId } = await params;
  const actor = await requireRole("teacher", `/teacher/sets/${setId}/students/${userId}`);
  const g = await getGradebook({ actor, setId }).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const r = g.rows.find((row) => row.userId === userId);
  if (!r) notFound();
  return (
    <section>
      <p>
        <Link href={`/teacher/sets/${setId}/gradebook`}>← Gradebook: {g.set.title}</Link>
      </p>
      <h1>{g.set.title}: a student&apos;s results</h1>
      <p>
        <StudentName student={r} removed={r.removed} />
      </p>
      <p data-testid="student-score">
        Score {scoreText(r)}
        {r.late ? <span className="tag bad">late</span> : null} · {mins(r.timeMs)}
      </p>
      <ol className="plain-list" aria-label="Problems">
        {g.columns.map((c, i) => {
          const cell = r.cells[c.key];
          const result = resultWord(c, r.excused, cell);
          return (
            <li key={c.key} className="card" data-testid="student-problem">
              <strong>Q{i + 1}.</strong> {c.label}{" "}
              <span className="muted">
                ({c.points} point{c.points === 1 ? "" : "s"})
              </span>
              <br />
              {result}
              {cell ? (
                <>
                  {cell.overridden ? " (your verdict)" : ""} · {cell.tries} tr{cell.tries === 1 ? "y" : "ies"}{" "}
                  · {mins(cell.durationMs)}
                  {cell.late ? <span className="tag bad">late</span> : null}{" "}
                  <Link href={`/teacher/instances/${cell.instanceId}`}>Open the problem with its key</Link>
                </>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
