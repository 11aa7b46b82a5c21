// One problem set for the student: their own problems (each created when first started, so its time
// counts from then), each worked in the practice view, with results and any teacher's verdict.
import Link from "next/link";
import { notFound } from "next/navigation";
import { openProblemAction } from "@/app/actions/assignments";
import { Formula } from "@/components/Formula";
import { Notice, type SearchParams } from "@/components/teaching/Notice";
import { openAssignment } from "@/lib/server/assignments/student";
import { isAppError } from "@/lib/server/errors";
import { requireUser } from "@/lib/server/session";
import { timezoneOf } from "@/lib/server/users/timezone";
import { closedMessage } from "@/lib/teaching/closed";
import { formatInZone } from "@/lib/teaching/time";

export const metadata = { title: "Problem set" };

export default async function AssignmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ setId: string }>;
  searchParams: SearchParams;
}) {
  const { setId } = await params;
  const q = await searchParams;
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
      <Notice id={q.notice} />
      {a.instructions ? <p>{a.instructions}</p> : null}
      <p>
        <progress max={a.problems.length} value={done} aria-label="Problems done" /> {done} of{" "}
        {a.problems.length} done
      </p>
      {a.closedReason ? (
        <p className="message message-error" data-testid="closed">
          {closedMessage(a.closedReason, tz)}
        </p>
      ) : null}
      <ol className="plain-list" aria-label="Problems">
        {a.problems.map((p, i) => (
          <li key={`${p.itemId}:${p.copy}`} className="card" data-testid="assignment-problem">
            <strong>{p.label}</strong>{" "}
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
            ) : p.instanceId ? (
              <span className="tag">
                {p.triesUsed} of {p.maxTries} tries used
              </span>
            ) : (
              <span className="tag">not started</span>
            )}
            {p.late ? <span className="tag bad">late</span> : null}
            {p.excused ? <span className="tag">excused: does not count</span> : null}
            {p.override ? (
              <p className="message message-success" data-testid="override">
                Your teacher{" "}
                {p.override.accepted ? "counted this problem as right" : "counted this problem as wrong"}:{" "}
                {p.override.note}
              </p>
            ) : null}
            {p.latex ? <Formula display tex={p.latex} label={`${p.label}: the problem`} /> : null}
            {p.instanceId ? (
              <p>
                <Link href={`/practice/i/${p.instanceId}?next=${next}`} data-testid="work-link">
                  {p.finished ? "Review" : "Work on it"}
                </Link>
              </p>
            ) : p.closed ? (
              <p className="muted">Not started; this problem no longer accepts answers.</p>
            ) : (
              <form action={openProblemAction}>
                <input type="hidden" name="setId" value={a.id} />
                <input type="hidden" name="itemId" value={p.itemId} />
                <input type="hidden" name="copy" value={p.copy} />
                <button
                  type="submit"
                  className="button small"
                  data-testid="open-problem"
                  aria-label={`Start problem ${i + 1}`}
                >
                  Start
                </button>
              </form>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
