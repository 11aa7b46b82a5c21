// A student's problem as their teacher sees it: the statement, every try, and the key.
import Link from "next/link";
import { notFound } from "next/navigation";
import { excuseAction } from "@/app/actions/grading";
import { overrideAction } from "@/app/actions/teaching";
import { Formula } from "@/components/Formula";
import { SolutionSteps } from "@/components/practice/SolutionSteps";
import { Notice, type SearchParams } from "@/components/teaching/Notice";
import { StudentName } from "@/components/teaching/StudentName";
import { getStudentInstanceForTeacher } from "@/lib/server/assignments/gradebook";
import { isAppError } from "@/lib/server/errors";
import { requireRole } from "@/lib/server/session";
import { readableText } from "@/lib/problems/readable";

export const metadata = { title: "Student's problem" };

export default async function TeacherInstancePage({
  params,
  searchParams,
}: {
  params: Promise<{ instanceId: string }>;
  searchParams: SearchParams;
}) {
  const { instanceId } = await params;
  const q = await searchParams;
  const actor = await requireRole("teacher", `/teacher/instances/${instanceId}`);
  const { student, setId, itemId, excused, view, parameters } = await getStudentInstanceForTeacher({
    actor,
    instanceId,
  }).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  return (
    <section className="drill-down">
      <p>
        <Link href={`/teacher/sets/${setId}/gradebook`}>← Gradebook</Link>
      </p>
      <h1>{view.skillTitle}</h1>
      <Notice id={q.notice} />
      <p data-testid="instance-student">
        <StudentName student={student} />
      </p>
      <p>{readableText(view.statement)}</p>
      <Formula display tex={view.latex} label="The problem" />
      {parameters ? (
        <p className="muted" data-testid="instance-parameters">
          This student&apos;s parameters: {parameters}
        </p>
      ) : null}
      <p>
        {view.finished ? `Finished: ${view.outcome ?? ""}` : "Not finished"} · {view.triesUsed} of{" "}
        {view.maxTries} tries
        {view.late ? " · late" : ""}
      </p>
      {view.override ? (
        <p className="message message-success">
          Your verdict: {view.override.accepted ? "accepted as right" : "kept"} — {view.override.note}
        </p>
      ) : null}
      <form action={overrideAction} className="form narrow card" aria-label="Your verdict">
        <h2>Your verdict</h2>
        <p className="muted">
          {view.finished ? "Replaces the grader's verdict" : "Counts although the student has not finished"};
          the student sees your note on the set.
        </p>
        <input type="hidden" name="setId" value={setId} />
        <input type="hidden" name="instanceId" value={view.id} />
        <input type="hidden" name="back" value="instance" />
        <div className="field">
          <label htmlFor="note">Note to the student</label>
          <input id="note" name="note" required maxLength={500} defaultValue={view.override?.note ?? ""} />
        </div>
        <div className="actions">
          <button type="submit" name="accept" value="yes" className="button primary small">
            Count as right
          </button>
          <button type="submit" name="accept" value="no" className="button small">
            Count as wrong
          </button>
        </div>
      </form>
      <form action={excuseAction} className="inline-form">
        <input type="hidden" name="setId" value={setId} />
        <input type="hidden" name="itemId" value={itemId} />
        <input type="hidden" name="userId" value={student.userId} />
        <input type="hidden" name="instanceId" value={view.id} />
        <input type="hidden" name="back" value="instance" />
        <input type="hidden" name="excused" value={excused ? "no" : "yes"} />
        {excused ? <span className="tag">excused for this student</span> : null}
        <button type="submit" className="button small">
          {excused ? "Count it again for this student" : "Excuse this problem for this student"}
        </button>
      </form>
      <h2>Tries</h2>
      {view.submissions.length === 0 ? <p className="muted">No tries yet.</p> : null}
      <ol className="tries">
        {view.submissions.map((s) => (
          <li key={s.tryNumber}>
            <code>{Array.isArray(s.answer) ? s.answer.join(", ") : s.answer}</code> —{" "}
            {s.correct ? "right" : "wrong"}. {s.message}
          </li>
        ))}
      </ol>
      {view.key ? (
        <div className="card" data-testid="teacher-key">
          <h2>Key</h2>
          <Formula display tex={view.key.latex} label="The key" />
        </div>
      ) : null}
      {view.solution ? (
        <div className="card" data-testid="teacher-solution">
          <h2>Worked solution</h2>
          <SolutionSteps steps={view.solution.steps} answerTestId="teacher-solution-answer" />
        </div>
      ) : null}
    </section>
  );
}
