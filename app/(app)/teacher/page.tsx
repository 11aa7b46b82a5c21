// The teacher's area: what needs attention across classes (students' reports of a grading problem,
// sets due soon), their classes (current, or archived), and a form to create one.
import Link from "next/link";
import { createClassAction } from "@/app/actions/teaching";
import { Notice, type SearchParams } from "@/components/teaching/Notice";
import { StudentName } from "@/components/teaching/StudentName";
import { DUE_AHEAD_DAYS, getTeacherDashboard } from "@/lib/server/assignments/dashboard";
import { listTeacherClasses } from "@/lib/server/classes/classes";
import { requireRole } from "@/lib/server/session";
import { timezoneOf } from "@/lib/server/users/timezone";
import { formatJoinCode } from "@/lib/teaching/join-code";
import { formatInZone } from "@/lib/teaching/time";

export const metadata = { title: "Teaching" };

export default async function TeacherPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireRole("teacher", "/teacher");
  const params = await searchParams;
  const archived = params.classes === "archived";
  const [classes, dashboard, tz] = await Promise.all([
    listTeacherClasses({ actor, archived }),
    getTeacherDashboard({ actor }),
    timezoneOf(actor),
  ]);
  return (
    <section>
      <h1>Teaching</h1>
      <p className="lead" data-testid="teacher-area">
        Your classes: invite students with a code, set problem sets, follow results in the gradebook.
      </p>
      <Notice id={params.notice} />
      <p>
        <Link href="/teacher/catalogue">Browse the catalogue of skills</Link>: sample problems, answers and
        worked solutions, and a practice problem of any skill for you to try.
      </p>

      <div className="grid-2">
        <div className="card">
          <h2>Grading reports to answer</h2>
          {dashboard.reports.length === 0 ? (
            <p className="muted" data-testid="no-reports">
              No open reports. When a student reports a verdict, it appears here.
            </p>
          ) : (
            <ul className="plain-list" aria-label="Open grading reports" data-testid="dashboard-reports">
              {dashboard.reports.map((r) => (
                <li key={r.id}>
                  {r.student ? <StudentName student={r.student} /> : "A former student"} on {r.problem}{" "}
                  <span className="muted">
                    ({r.className} · {r.setTitle} · {formatInZone(new Date(r.createdAt), tz)})
                  </span>
                  : “{r.comment}” <Link href={`/teacher/sets/${r.setId}/gradebook#reports`}>Answer</Link>
                  {" · "}
                  <Link href={`/teacher/instances/${r.instanceId}`}>Open the problem</Link>
                </li>
              ))}
            </ul>
          )}
          {dashboard.reportsTotal > dashboard.reports.length ? (
            <p className="muted">
              The {dashboard.reports.length} oldest of {dashboard.reportsTotal} are shown.
            </p>
          ) : null}
        </div>
        <div className="card">
          <h2>Due soon</h2>
          {dashboard.dueSoon.length === 0 ? (
            <p className="muted" data-testid="nothing-due">
              No published set is due in the next {DUE_AHEAD_DAYS} days.
            </p>
          ) : (
            <ul className="plain-list" aria-label="Sets due soon" data-testid="dashboard-due">
              {dashboard.dueSoon.map((s) => (
                <li key={s.id}>
                  <Link href={`/teacher/sets/${s.id}/gradebook`}>{s.title}</Link>{" "}
                  <span className="muted">
                    · {s.className} · due {formatInZone(new Date(s.dueAt), tz)} · {s.unfinished} of{" "}
                    {s.students} not finished
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>

      <h2>{archived ? "Archived classes" : "Your classes"}</h2>
      {classes.length === 0 ? (
        <p className="muted" data-testid="no-classes">
          {archived
            ? "No archived classes."
            : "You have no classes yet. Create one below; you will get a code and a link to share with your students."}
        </p>
      ) : (
        <ul className="plain-list" aria-label={archived ? "Archived classes" : "Your classes"}>
          {classes.map((c) => (
            <li key={c.id} className="card">
              <Link href={`/teacher/classes/${c.id}`}>{c.name}</Link>{" "}
              <span className="muted">
                · {c.students} student{c.students === 1 ? "" : "s"} · {c.sets} problem set
                {c.sets === 1 ? "" : "s"} · code {formatJoinCode(c.joinCode)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>
        {archived ? (
          <Link href="/teacher">Current classes</Link>
        ) : (
          <Link href="/teacher?classes=archived">Archived classes</Link>
        )}
      </p>
      <h2>New class</h2>
      <form action={createClassAction} className="form narrow">
        <div className="field">
          <label htmlFor="class-name">Class name</label>
          <input id="class-name" name="name" required maxLength={80} />
        </div>
        <div>
          <button type="submit" className="button primary">
            Create class
          </button>
        </div>
      </form>
    </section>
  );
}
