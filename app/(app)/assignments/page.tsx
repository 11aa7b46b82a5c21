// The student's problem sets: overdue, due soon, open, done; and joining a class with a code.
import Link from "next/link";
import { joinClassAction } from "@/app/actions/teaching";
import { Notice, type SearchParams } from "@/components/teaching/Notice";
import { type AssignmentSummary, listMyAssignments } from "@/lib/server/assignments/student";
import { listMyClasses } from "@/lib/server/classes/classes";
import { requireUser } from "@/lib/server/session";
import { timezoneOf } from "@/lib/server/users/timezone";
import { formatInZone } from "@/lib/teaching/time";

export const metadata = { title: "Assignments" };

const GROUPS: { status: AssignmentSummary["status"]; title: string }[] = [
  { status: "overdue", title: "Overdue" },
  { status: "due_soon", title: "Due soon" },
  { status: "open", title: "Open" },
  { status: "done", title: "Done" },
];

export default async function AssignmentsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireUser("/assignments");
  const q = await searchParams;
  const [list, classes, tz] = await Promise.all([
    listMyAssignments({ actor }),
    listMyClasses({ actor }),
    timezoneOf(actor),
  ]);
  return (
    <section>
      <h1>Assignments</h1>
      <Notice id={q.notice} />
      {classes.length === 0 ? (
        <p className="muted" data-testid="no-classes">
          You are not in a class yet. Join one with the code your teacher gave you.
        </p>
      ) : (
        <p className="muted">Your classes: {classes.map((c) => `${c.name} (${c.teacher})`).join(", ")}.</p>
      )}
      {classes.length > 0 && list.length === 0 ? (
        <p className="muted" data-testid="no-assignments">
          No problem sets yet.
        </p>
      ) : null}
      {GROUPS.map((g) => {
        const sets = list.filter((a) => a.status === g.status);
        if (sets.length === 0) return null;
        return (
          <div key={g.status}>
            <h2>{g.title}</h2>
            <ul className="plain-list" aria-label={g.title}>
              {sets.map((a) => (
                <li key={a.id} className="card">
                  <Link href={`/assignments/${a.id}`}>{a.title}</Link>{" "}
                  <span className="muted">
                    · {a.className} · {a.finished} of {a.total} done
                    {a.dueAt ? ` · due ${formatInZone(new Date(a.dueAt), tz)}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      <h2>Join a class</h2>
      <form action={joinClassAction} className="inline-form">
        <div className="field">
          <label htmlFor="join-code">Class code</label>
          <input
            id="join-code"
            name="code"
            required
            maxLength={40}
            autoComplete="off"
            placeholder="ABCD-EFGH"
          />
        </div>
        <button type="submit" className="button primary">
          Join
        </button>
      </form>
    </section>
  );
}
