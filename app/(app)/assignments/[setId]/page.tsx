// One problem set for the student: their own problems (created on the first visit), each worked in
// the practice view, with results and any teacher's verdict.
import Link from "next/link";
import { notFound } from "next/navigation";
import { openAssignment } from "@/lib/server/assignments/student";
import { isAppError } from "@/lib/server/errors";
import { requireUser } from "@/lib/server/session";
import { timezoneOf } from "@/lib/server/users/timezone";
import { formatInZone } from "@/lib/teaching/time";

export const metadata = { title: "Problem set" };

export default async function AssignmentPage({ params }: { params: Promise<{ setId: string }> }) {
  const { setId } = await params;
  const actor = await requireUser(`/assignments/${setId}`);
  const a = await openAssignment({ actor, setId }).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const tz = await timezoneOf(actor);
  const next = encodeURIComponent(`/assignments/${a.id}`);
  const done = a.problems.filter((p) => p.finished).length;
  return (
    <section>
      <p>
        <Link href="/assignments">← Assignments</Link>
      </p>
      <h1>{a.title}</h1>
      <p className="muted">
        {a.className}
        {a.dueAt ? ` · due ${formatInZone(new Date(a.dueAt), tz)}` : ""}
        {a.latePolicy === "refuse"
          ? " · late answers are not accepted"
          : a.dueAt
            ? " · late answers are marked late"
            : ""}
      </p>
      {a.instructions ? <p>{a.instructions}</p> : null}
      <p>
        <progress max={a.problems.length} value={done} aria-label="Problems done" /> {done} of{" "}
        {a.problems.length} done
      </p>
      {a.closed ? (
        <p className="message message-error" data-testid="closed">
          This set is past its due date and no longer accepts answers.
        </p>
      ) : null}
      <ol className="plain-list" aria-label="Problems">
        {a.problems.map((p, i) => (
          <li key={p.instanceId} className="card" data-testid="assignment-problem">
            <strong>
              {i + 1}. {p.label}
            </strong>{" "}
            {p.finished ? (
              <span
                className={(p.override ? p.override.accepted : p.outcome === "right") ? "tag ok" : "tag bad"}
              >
                {(p.override ? p.override.accepted : p.outcome === "right")
                  ? "right"
                  : p.outcome === "revealed"
                    ? "answer shown"
                    : "wrong"}
              </span>
            ) : (
              <span className="tag">
                {p.triesUsed} of {p.maxTries} tries used
              </span>
            )}
            {p.late ? <span className="tag bad">late</span> : null}
            {p.override ? (
              <p className="message message-success" data-testid="override">
                Your teacher{" "}
                {p.override.accepted
                  ? "accepted your answer as right"
                  : "reviewed your report and kept the verdict"}
                : {p.override.note}
              </p>
            ) : null}
            <p>
              <Link href={`/practice/i/${p.instanceId}?next=${next}`} data-testid="work-link">
                {p.finished ? "Review" : "Work on it"}
              </Link>
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
