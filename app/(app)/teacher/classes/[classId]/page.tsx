// One class for its teacher: the join code and link, the roster, problem sets, reset links.
import Link from "next/link";
import { notFound } from "next/navigation";
import {
  createSetAction,
  importStudentNumbersAction,
  removeStudentAction,
  rotateCodeAction,
  studentNumberAction,
} from "@/app/actions/teaching";
import { Notice, type SearchParams } from "@/components/teaching/Notice";
import { ResetLinkForm } from "@/components/teaching/ResetLinkForm";
import { StudentName } from "@/components/teaching/StudentName";
import { baseUrl } from "@/lib/server/base-url";
import { getClassForTeacher } from "@/lib/server/classes/classes";
import { isAppError } from "@/lib/server/errors";
import { requireRole } from "@/lib/server/session";
import { timezoneOf } from "@/lib/server/users/timezone";
import { formatJoinCode } from "@/lib/teaching/join-code";
import { studentLine } from "@/lib/teaching/student";
import { formatInZone } from "@/lib/teaching/time";

export const metadata = { title: "Class" };

export default async function ClassPage({
  params,
  searchParams,
}: {
  params: Promise<{ classId: string }>;
  searchParams: SearchParams;
}) {
  const { classId } = await params;
  const actor = await requireRole("teacher", `/teacher/classes/${classId}`);
  const q = await searchParams;
  const view = await getClassForTeacher({ actor, classId }).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const tz = await timezoneOf(actor);
  // Links from the configured base URL, never from the Host or X-Forwarded-Host header.
  const base = baseUrl();
  const joinLink = `${base}/join/${view.joinCode}`;
  const current = view.roster.filter((r) => !r.removed);
  const removed = view.roster.filter((r) => r.removed);
  return (
    <section>
      <p>
        <Link href="/teacher">← Teaching</Link>
      </p>
      <h1>{view.name}</h1>
      <Notice id={q.notice} />
      <div className="card">
        <h2>Join code</h2>
        <p>
          <span className="code" data-testid="join-code">
            {formatJoinCode(view.joinCode)}
          </span>
        </p>
        <p>
          Link: <code data-testid="join-link">{joinLink}</code>
        </p>
        <form action={rotateCodeAction}>
          <input type="hidden" name="classId" value={view.id} />
          <button type="submit" className="button small">
            Make a new code (the old one stops working)
          </button>
        </form>
      </div>

      <h2>Problem sets</h2>
      <p>
        <Link href={`/teacher/classes/${view.id}/gradebook`}>
          Class gradebook: every set, and who has not started
        </Link>
      </p>
      {view.sets.length === 0 ? <p className="muted">No problem sets yet.</p> : null}
      <ul className="plain-list" aria-label="Problem sets">
        {view.sets.map((s) => (
          <li key={s.id}>
            <Link href={`/teacher/sets/${s.id}`}>{s.title}</Link>{" "}
            <span className={s.published ? "tag ok" : "tag"}>{s.published ? "published" : "draft"}</span>{" "}
            <span className="muted">
              {s.items} item{s.items === 1 ? "" : "s"}
              {s.dueAt ? ` · due ${formatInZone(new Date(s.dueAt), tz)}` : ""}
            </span>{" "}
            {s.published ? <Link href={`/teacher/sets/${s.id}/gradebook`}>Gradebook</Link> : null}
          </li>
        ))}
      </ul>
      <form action={createSetAction} className="inline-form">
        <input type="hidden" name="classId" value={view.id} />
        <div className="field">
          <label htmlFor="set-title">New problem set title</label>
          <input id="set-title" name="title" required maxLength={120} />
        </div>
        <button type="submit" className="button primary">
          Create problem set
        </button>
      </form>

      <h2>Students</h2>
      {current.length === 0 ? (
        <p className="muted" data-testid="empty-roster">
          No students yet. Give them the code or the link above.
        </p>
      ) : (
        <div className="table-wrap">
          <table className="data-table" aria-label="Roster">
            <thead>
              <tr>
                <th scope="col">Student</th>
                <th scope="col">Student number</th>
                <th scope="col">Joined</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {current.map((r) => (
                <tr key={r.userId}>
                  <td>
                    <StudentName student={r} />
                  </td>
                  <td>
                    <form action={studentNumberAction} className="inline-form">
                      <input type="hidden" name="classId" value={view.id} />
                      <input type="hidden" name="userId" value={r.userId} />
                      <input
                        name="studentNumber"
                        defaultValue={r.studentNumber ?? ""}
                        maxLength={32}
                        size={10}
                        aria-label={`Student number of ${studentLine(r)}`}
                      />
                      <button
                        type="submit"
                        className="button small"
                        aria-label={`Save the number of ${studentLine(r)}`}
                      >
                        Save
                      </button>
                    </form>
                  </td>
                  <td>{formatInZone(new Date(r.joinedAt), tz)}</td>
                  <td>
                    <ResetLinkForm classId={view.id} userId={r.userId} label={studentLine(r)} />
                    <form action={removeStudentAction} className="inline-form">
                      <input type="hidden" name="classId" value={view.id} />
                      <input type="hidden" name="userId" value={r.userId} />
                      <button
                        type="submit"
                        className="button small danger"
                        aria-label={`Remove ${studentLine(r)}`}
                      >
                        Remove
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {view.roster.length > 0 ? (
        <form action={importStudentNumbersAction} aria-label="Import student numbers">
          <input type="hidden" name="classId" value={view.id} />
          <div className="field">
            <label htmlFor="numbers">
              Import student numbers: one line per student, <code>email, number</code> (pasted from a
              spreadsheet; a header line is skipped)
            </label>
            <textarea id="numbers" name="text" rows={4} maxLength={100000} />
          </div>
          <button type="submit" className="button">
            Import numbers
          </button>
        </form>
      ) : null}
      {removed.length > 0 ? (
        <p className="muted">
          Removed (results kept in the gradebook): {removed.map(studentLine).join("; ")}. They can come back
          with the current code.
        </p>
      ) : null}
    </section>
  );
}
