// The day's drill as a place to come back to: opens its next problem (the practice view's "Next"
// returns here), or, once every problem is finished, the finish screen: each problem and its result,
// what comes due by tomorrow, the streak, and "one more". A page view only reads.
import "@/components/scheduling/scheduling.css";
import { redirect } from "next/navigation";
import { oneMoreAction } from "@/app/actions/drill";
import { getDrillSummary } from "@/lib/server/scheduling/scheduling";
import type { DrillItemView } from "@/lib/server/scheduling/scheduling.types";
import { requireUser } from "@/lib/server/session";

export const metadata = { title: "Today's drill" };
export const dynamic = "force-dynamic";

const RESULT: Record<NonNullable<DrillItemView["result"]>, string> = {
  right: "right",
  wrong: "wrong",
  revealed: "answer shown",
};

function ItemRow({ item }: { item: DrillItemView }) {
  return (
    <li data-testid="drill-result">
      <a href={`/practice/i/${item.instanceId}`}>{item.title}</a>{" "}
      <span className="muted">
        {item.kind === "new" ? "new · " : item.kind === "due" ? "review · " : ""}
        <span className={`result result-${item.result ?? "open"}`}>
          {item.result ? RESULT[item.result] : "not finished"}
        </span>
      </span>
    </li>
  );
}

export default async function DrillPage() {
  const actor = await requireUser("/today/drill");
  const summary = await getDrillSummary({ actor });
  if (!summary) redirect("/today");
  const { drill } = summary;
  if (drill.next) {
    const query = new URLSearchParams({
      next: "/today/drill",
      n: String(drill.next.n),
      of: String(drill.next.of),
    });
    redirect(`/practice/i/${drill.next.instanceId}?${query.toString()}`);
  }
  const right = drill.items.filter((i) => i.result === "right").length;
  return (
    <section>
      <h1>Today's drill is done</h1>
      <p className="lead" data-testid="drill-done">
        {drill.total === 0
          ? "Nothing was due today."
          : `${drill.done} of ${drill.total} problems finished, ${right} right.`}{" "}
        <span data-testid="streak">
          {summary.streak.current === 1 ? "1-day streak" : `${summary.streak.current}-day streak`}
        </span>
        {summary.streak.longest > summary.streak.current ? (
          <span className="muted"> (longest {summary.streak.longest})</span>
        ) : null}
        .
      </p>

      {drill.items.length > 0 ? (
        <>
          <h2>What you did</h2>
          <ul className="skill-list" data-testid="drill-results">
            {drill.items.map((i) => (
              <ItemRow key={i.position} item={i} />
            ))}
          </ul>
        </>
      ) : null}
      {drill.extra.length > 0 ? (
        <>
          <h2>Extra practice</h2>
          <ul className="skill-list" data-testid="extra-results">
            {drill.extra.map((i) => (
              <ItemRow key={i.position} item={i} />
            ))}
          </ul>
        </>
      ) : null}

      <h2>Coming due by tomorrow</h2>
      {summary.tomorrow.length === 0 ? (
        <p className="muted" data-testid="tomorrow-none">
          Nothing. Tomorrow brings new skills, if any are unlocked.
        </p>
      ) : (
        <ul className="skill-list" data-testid="tomorrow">
          {summary.tomorrow.map((t) => (
            <li key={t.skillId}>
              <span>{t.title}</span>{" "}
              <span className="muted">
                {t.label} · recall {t.recallPercent}%
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="muted">
        Today's drill is fixed when it starts: these wait for tomorrow's, unless you take one now with
        &ldquo;One more problem&rdquo;.
      </p>

      <div className="card">
        <p>Want to keep going? Extra practice does not change today's drill.</p>
        <div className="actions">
          {summary.oneMore ? (
            <form action={oneMoreAction}>
              <button type="submit" className="button primary" data-testid="one-more">
                One more problem
              </button>
            </form>
          ) : null}
          <a href="/today" className="button">
            Back to Today
          </a>
        </div>
      </div>
    </section>
  );
}
