// The class gradebook: each student across every published set (score after the late penalty over
// the points that count, or "not started"), and who has not started which set.
import Link from "next/link";
import { notFound } from "next/navigation";
import { StudentName } from "@/components/teaching/StudentName";
import { getClassGradebook } from "@/lib/server/assignments/class-gradebook";
import { isAppError } from "@/lib/server/errors";
import { requireRole } from "@/lib/server/session";
import { timezoneOf } from "@/lib/server/users/timezone";
import { studentLine } from "@/lib/teaching/student";
import { formatInZone } from "@/lib/teaching/time";

export const metadata = { title: "Class gradebook" };

export default async function ClassGradebookPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const actor = await requireRole("teacher", `/teacher/classes/${classId}/gradebook`);
  const g = await getClassGradebook({ actor, classId }).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const tz = await timezoneOf(actor);
  return (
    <section>
      <p>
        <Link href={`/teacher/classes/${g.class.id}`}>← {g.class.name}</Link>
      </p>
      <h1>Class gradebook: {g.class.name}</h1>
      {g.sets.length === 0 ? (
        <p className="muted">No published problem sets yet.</p>
      ) : g.rows.length === 0 ? (
        <p className="muted">No students in this class yet.</p>
      ) : (
        <>
          <h2>Not started</h2>
          <ul aria-label="Not started">
            {g.sets.map((s) => (
              <li key={s.id} data-testid="not-started">
                <Link href={`/teacher/sets/${s.id}/gradebook?filter=not_started`}>{s.title}</Link>
                {s.dueAt ? <span className="muted"> (due {formatInZone(new Date(s.dueAt), tz)})</span> : null}
                :{" "}
                {s.notStarted.length === 0
                  ? "everyone has started"
                  : `${s.notStarted.length} student${s.notStarted.length === 1 ? "" : "s"}: ${s.notStarted.map(studentLine).join("; ")}`}
              </li>
            ))}
          </ul>
          <div className="table-wrap gradebook-wrap">
            <table className="data-table gradebook" aria-label="Class gradebook">
              <thead>
                <tr>
                  <th scope="col" className="sticky-col">
                    Student
                  </th>
                  {g.sets.map((s) => (
                    <th scope="col" key={s.id}>
                      <Link href={`/teacher/sets/${s.id}/gradebook`}>{s.title}</Link>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {g.rows.map((r) => (
                  <tr key={r.userId} data-testid="class-gradebook-row">
                    <th scope="row" className="sticky-col">
                      <StudentName student={r} removed={r.removed} />
                    </th>
                    {g.sets.map((s) => {
                      const x = r.sets[s.id]!;
                      return (
                        <td key={s.id} className={x.started ? undefined : "muted"}>
                          {x.started ? `${x.afterPenalty} / ${x.total}` : "not started"}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
