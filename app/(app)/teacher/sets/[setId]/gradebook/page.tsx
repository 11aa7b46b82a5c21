// The gradebook of a set: students x problems, class accuracy, common mistakes, predicted
// retention, grading reports with the teacher's verdict, CSV downloads.
import Link from "next/link";
import { notFound } from "next/navigation";
import { overrideAction } from "@/app/actions/teaching";
import { Notice, type SearchParams } from "@/components/teaching/Notice";
import { GradebookTable } from "@/components/teaching/GradebookTable";
import { getGradebook } from "@/lib/server/assignments/gradebook";
import { isAppError } from "@/lib/server/errors";
import { requireRole } from "@/lib/server/session";
import { timezoneOf } from "@/lib/server/users/timezone";
import { readGradebookQuery } from "@/lib/teaching/gradebook-view";
import { formatInZone } from "@/lib/teaching/time";
import { studentLine } from "@/lib/teaching/student";

export const metadata = { title: "Gradebook" };

const pct = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)} %`);

export default async function GradebookPage({
  params,
  searchParams,
}: {
  params: Promise<{ setId: string }>;
  searchParams: SearchParams;
}) {
  const { setId } = await params;
  const actor = await requireRole("teacher", `/teacher/sets/${setId}/gradebook`);
  const q = await searchParams;
  const g = await getGradebook({ actor, setId }).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const tz = await timezoneOf(actor);
  return (
    <section>
      <p>
        <Link href={`/teacher/sets/${setId}`}>← {g.set.title}</Link>
      </p>
      <h1>Gradebook: {g.set.title}</h1>
      <Notice id={q.notice} />
      <p className="actions">
        <a
          className="button"
          href={`/api/teacher/sets/${setId}/gradebook.csv`}
          download
          data-testid="csv-gradebook"
        >
          Download gradebook (CSV)
        </a>
        <a
          className="button"
          href={`/api/teacher/sets/${setId}/attempts.csv`}
          download
          data-testid="csv-attempts"
        >
          Download all attempts (CSV)
        </a>
      </p>
      {g.rows.length === 0 ? (
        <p className="muted">No students in this class yet.</p>
      ) : (
        <GradebookTable setId={setId} columns={g.columns} rows={g.rows} query={readGradebookQuery(q)} />
      )}

      <h2>Predicted recall {g.recallAt.atDue ? "at the due date" : "in a week"}</h2>
      <p className="muted" data-testid="recall-meaning">
        The share of the class expected to answer each skill right on{" "}
        {formatInZone(new Date(g.recallAt.date), tz)} without practising in between, from their reviews;
        stability is how many days it takes a student&apos;s recall to fall to 90 %.
      </p>
      {g.retention.length === 0 ? (
        <p className="muted">This set has no catalogue skills.</p>
      ) : (
        <ul aria-label="Predicted recall">
          {g.retention.map((s) => (
            <li key={s.skillId}>
              {s.title}:{" "}
              {s.recall === null
                ? "no reviews yet"
                : `${pct(s.recall)} expected recall, stability ${(s.stabilityDays ?? 0).toFixed(1)} days`}{" "}
              <span className="muted">
                ({s.students} student{s.students === 1 ? "" : "s"} with reviews)
              </span>
            </li>
          ))}
        </ul>
      )}

      <h2 id="reports">Grading reports</h2>
      {g.reports.length === 0 ? <p className="muted">No student has reported a verdict.</p> : null}
      <ul className="plain-list" aria-label="Grading reports">
        {g.reports.map((r) => (
          <li key={r.id} className="card" data-testid="report">
            <p>
              <strong>{r.student ? studentLine(r.student) : "A former student"}</strong> on{" "}
              {r.label || "a problem"}
              {r.answer ? (
                <>
                  , answer <code>{r.answer}</code>
                </>
              ) : null}
              : “{r.comment}” <span className={r.status === "open" ? "tag" : "tag ok"}>{r.status}</span>
            </p>
            {r.note ? <p className="muted">Your note: {r.note}</p> : null}
            <p>
              <Link href={`/teacher/instances/${r.instanceId}`}>Open the problem with its key</Link>
            </p>
            {r.status === "open" ? (
              <form
                action={overrideAction}
                className="inline-form"
                aria-label={`Verdict on the report of ${r.student ? studentLine(r.student) : "a former student"}`}
              >
                <input type="hidden" name="setId" value={setId} />
                <input type="hidden" name="instanceId" value={r.instanceId} />
                <input type="hidden" name="reportId" value={r.id} />
                <div className="field">
                  <label htmlFor={`note-${r.id}`}>Note to the student</label>
                  <input id={`note-${r.id}`} name="note" required maxLength={500} />
                </div>
                <button type="submit" name="accept" value="yes" className="button primary small">
                  Accept as right
                </button>
                <button type="submit" name="accept" value="no" className="button small">
                  Keep the verdict
                </button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
