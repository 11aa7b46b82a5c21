// The end of a practice session: each problem with its outcome and rating, what changed for each
// skill (its state and interval) and when it comes back, and the way on.
import "@/components/scheduling/scheduling.css";
import { StartPractice } from "@/components/practice/StartPractice";
import { practiceStart } from "@/lib/practice/session";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isAppError } from "@/lib/server/errors";
import { getSessionSummary, type SessionSummary } from "@/lib/server/practice/progress";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Session summary" };
export const dynamic = "force-dynamic";

const OUTCOME: Record<string, string> = { right: "Right", wrong: "Not right", revealed: "Answer shown" };

/** The card states in words. */
const STATE: Record<string, string> = {
  New: "new",
  Learning: "learning (short steps)",
  Review: "in review",
  Relearning: "relearning",
};

const interval = (days: number) => (days === 0 ? "none" : days === 1 ? "1 day" : `${days} days`);

export default async function SummaryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const q = await searchParams;
  const user = await requireUser("/practice");
  const one = (k: string) => (typeof q[k] === "string" ? q[k] : undefined);
  let summary: SessionSummary;
  try {
    summary = await getSessionSummary({
      actor: user,
      input: { first: one("s"), of: Number(one("of")), skill: one("skill") },
    });
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const again = practiceStart(summary.skill, { n: 1, of: summary.items.length || 1 });
  return (
    <section className="narrow summary" data-testid="session-summary">
      <h1>Session finished</h1>
      <p className="lead" data-testid="summary-score">
        {summary.right} of {summary.items.length} right.
      </p>
      {summary.items.length === 0 ? (
        <p className="muted">No problems in this session.</p>
      ) : (
        <ol className="summary-list" data-testid="summary-problems">
          {summary.items.map((item) => (
            <li key={item.id}>
              <a href={`/practice/i/${item.id}`}>{item.skillTitle}</a>
              {": "}
              <span
                className={`result result-${item.outcome ?? "open"}`}
                data-outcome={item.outcome ?? "open"}
              >
                {item.finished ? (OUTCOME[item.outcome ?? ""] ?? "Finished") : "Not finished"}
              </span>
              {item.tries > 1 ? <span className="muted"> ({item.tries} tries)</span> : null}
              {item.hintUsed ? <span className="muted"> (with a hint)</span> : null}
              {item.rating ? <span className="muted"> · rated {item.rating}</span> : null}
            </li>
          ))}
        </ol>
      )}
      {summary.skills.length > 0 ? (
        <>
          <h2>What changed</h2>
          <ul className="summary-skills" data-testid="summary-skills">
            {summary.skills.map((s) => (
              <li key={s.skillId}>
                <strong>{s.skillTitle}</strong>
                <span data-testid={`changed-${s.skillId}`}>
                  {s.before === "New" ? "New skill" : `Was ${STATE[s.before] ?? s.before}`}, now{" "}
                  {STATE[s.after] ?? s.after}
                  {s.intervalAfter > 0
                    ? ` (interval ${interval(s.intervalBefore)} → ${interval(s.intervalAfter)})`
                    : ""}
                  .
                </span>
                <span className="muted" data-testid={`next-${s.skillId}`}>
                  Next review: {s.next} · recall now {s.recallPercent}%
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="actions">
        <StartPractice start={again} className="button primary">
          Practise again
        </StartPractice>
        <a className="button" href="/practice">
          All skills
        </a>
      </div>
    </section>
  );
}
