// A student's problem as their teacher sees it: the statement, every try, and the key.
import Link from "next/link";
import { notFound } from "next/navigation";
import { Formula } from "@/components/Formula";
import { StudentName } from "@/components/teaching/StudentName";
import { getStudentInstanceForTeacher } from "@/lib/server/assignments/gradebook";
import { isAppError } from "@/lib/server/errors";
import { requireRole } from "@/lib/server/session";
import { readableText } from "@/lib/problems/readable";

export const metadata = { title: "Student's problem" };

export default async function TeacherInstancePage({ params }: { params: Promise<{ instanceId: string }> }) {
  const { instanceId } = await params;
  const actor = await requireRole("teacher", `/teacher/instances/${instanceId}`);
  const { student, setId, view } = await getStudentInstanceForTeacher({ actor, instanceId }).catch(
    (e: unknown) => {
      if (isAppError(e) && e.code === "NOT_FOUND") notFound();
      throw e;
    },
  );
  return (
    <section>
      <p>
        <Link href={`/teacher/sets/${setId}/gradebook`}>← Gradebook</Link>
      </p>
      <h1>{view.skillTitle}</h1>
      <p data-testid="instance-student">
        <StudentName student={student} />
      </p>
      <p>{readableText(view.statement)}</p>
      <Formula display tex={view.latex} label="The problem" />
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
      <h2>Tries</h2>
      {view.submissions.length === 0 ? <p className="muted">No tries yet.</p> : null}
      <ol>
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
    </section>
  );
}
