// One class for its teacher: the join code and link, the roster (added by code, link or a list of
// emails; pending invitations), problem sets, reset links, and renaming, archiving or deleting it.
import Link from "next/link";
import { notFound } from "next/navigation";
import {
  createSetAction,
  importStudentNumbersAction,
  removeStudentAction,
  rotateCodeAction,
  studentNumberAction,
} from "@/app/actions/teaching";
import {
  archiveClassAction,
  cancelInviteAction,
  deleteClassAction,
  inviteAction,
  renameClassAction,
} from "@/app/actions/reuse";
import { Confirm } from "@/components/teaching/Confirm";
import { Notice, type SearchParams } from "@/components/teaching/Notice";
import { ResetLinkForm } from "@/components/teaching/ResetLinkForm";
import { StudentName } from "@/components/teaching/StudentName";
import { baseUrl } from "@/lib/server/base-url";
import { getClassForTeacher } from "@/lib/server/classes/classes";
import { MAX_INVITES, listInvitations } from "@/lib/server/classes/invitations";
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
  const [view, invitations] = await Promise.all([
    getClassForTeacher({ actor, classId }),
    listInvitations({ actor, classId }),
  ]).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const tz = await timezoneOf(actor);
  // Links from the configured base URL, never from the Host or X-Forwarded-Host header.
  const base = baseUrl();
  const joinLink = `${base}/join/${view.joinCode}`;
  const current = view.roster.filter((r) => !r.removed);
  const removed = view.roster.filter((r) => r.removed);
  const activeSets = view.sets.filter((s) => !s.archived);
  const archivedSets = view.sets.filter((s) => s.archived);
  const showArchivedSets = q.sets === "archived";
  const listedSets = showArchivedSets ? archivedSets : activeSets;
  return (
    <section>
      <p>
        <Link href="/teacher">← Teaching</Link>
      </p>
      <h1>
        {view.name} {view.archived ? <span className="tag">archived</span> : null}
      </h1>
      <Notice id={q.notice} />
      {view.archived ? (
        <p className="message message-error" data-testid="class-archived">
          This class is archived: students do not see it, its sets take no answers and nobody can join.
          Results are kept.
        </p>
      ) : null}
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
        <Confirm
          action={rotateCodeAction}
          fields={{ classId: view.id }}
          label="Make a new code…"
          question="Make a new code? The old code and link stop working at once; students already in the class stay."
          confirmLabel="Yes, make a new code"
          testId="rotate-code"
        />
      </div>

      <h2>Problem sets</h2>
      <p>
        <Link href={`/teacher/classes/${view.id}/gradebook`}>
          Class gradebook: every set, and who has not started
        </Link>
      </p>
      {listedSets.length === 0 ? (
        <p className="muted">{showArchivedSets ? "No archived sets." : "No problem sets yet."}</p>
      ) : null}
      <ul className="plain-list" aria-label={showArchivedSets ? "Archived problem sets" : "Problem sets"}>
        {listedSets.map((s) => (
          <li key={s.id}>
            <Link href={`/teacher/sets/${s.id}`}>{s.title}</Link>{" "}
            <span className={s.published ? "tag ok" : "tag"}>{s.published ? "published" : "draft"}</span>{" "}
            {s.archived ? <span className="tag">archived</span> : null}{" "}
            <span className="muted">
              {s.items} item{s.items === 1 ? "" : "s"}
              {s.dueAt ? ` · due ${formatInZone(new Date(s.dueAt), tz)}` : ""}
            </span>{" "}
            {s.published ? <Link href={`/teacher/sets/${s.id}/gradebook`}>Gradebook</Link> : null}
          </li>
        ))}
      </ul>
      {showArchivedSets ? (
        <p>
          <Link href={`/teacher/classes/${view.id}`}>Current sets</Link>
        </p>
      ) : archivedSets.length > 0 ? (
        <p>
          <Link href={`/teacher/classes/${view.id}?sets=archived`}>
            Archived sets ({archivedSets.length})
          </Link>
        </p>
      ) : null}
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
          No students yet. Give them the code or the link above, or add them by email below.
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
                    <Confirm
                      action={removeStudentAction}
                      fields={{ classId: view.id, userId: r.userId }}
                      label="Remove…"
                      accessibleLabel={`Remove ${studentLine(r)}`}
                      question={`Remove ${studentLine(r)}? They lose the class and its sets at once; their results stay in the gradebook, marked removed.`}
                      confirmLabel="Yes, remove"
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {view.archived ? (
        <p className="muted" data-testid="invite-archived">
          This class is archived: restore it to add students.
        </p>
      ) : (
        <form action={inviteAction} aria-label="Add students by email" className="card">
          <input type="hidden" name="classId" value={view.id} />
          <div className="field">
            <label htmlFor="emails">
              Add students by email: paste up to {MAX_INVITES} addresses, separated by commas or new lines.
              Students with an account join now; the others join when they first sign in or sign up with that
              email (you can also send them the join link above).
            </label>
            <textarea id="emails" name="emails" rows={4} maxLength={60000} required />
          </div>
          <button type="submit" className="button">
            Add students
          </button>
        </form>
      )}
      {invitations.length > 0 ? (
        <>
          <h3>Waiting for a first sign-in ({invitations.length})</h3>
          <ul className="plain-list" aria-label="Pending invitations" data-testid="invitations">
            {invitations.map((i) => (
              <li key={i.email}>
                {i.email} <span className="muted">· invited {formatInZone(new Date(i.invitedAt), tz)}</span>{" "}
                <form action={cancelInviteAction} className="inline-form">
                  <input type="hidden" name="classId" value={view.id} />
                  <input type="hidden" name="email" value={i.email} />
                  <button
                    type="submit"
                    className="button small"
                    aria-label={`Cancel the invitation of ${i.email}`}
                  >
                    Cancel
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </>
      ) : null}
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

      <h2>This class</h2>
      <form action={renameClassAction} className="inline-form">
        <input type="hidden" name="classId" value={view.id} />
        <div className="field">
          <label htmlFor="class-name">Name</label>
          <input id="class-name" name="name" required maxLength={80} defaultValue={view.name} />
        </div>
        <button type="submit" className="button">
          Rename
        </button>
      </form>
      <div className="actions-row">
        {view.archived ? (
          <form action={archiveClassAction}>
            <input type="hidden" name="classId" value={view.id} />
            <input type="hidden" name="archived" value="no" />
            <button type="submit" className="button small">
              Restore this class
            </button>
          </form>
        ) : (
          <Confirm
            action={archiveClassAction}
            fields={{ classId: view.id, archived: "yes" }}
            label="Archive…"
            question="Archive this class? Students no longer see it, its sets take no answers and nobody can join; results stay, and you can restore it."
            confirmLabel="Yes, archive"
            testId="archive-class"
          />
        )}
        <Confirm
          action={deleteClassAction}
          fields={{ classId: view.id }}
          label="Delete…"
          question="Delete this class, its sets, roster and invitations? Only possible while no student has answered anything in it (otherwise archive it). This cannot be undone."
          confirmLabel="Yes, delete the class"
          testId="delete-class"
        />
      </div>
    </section>
  );
}
