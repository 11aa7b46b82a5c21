// The day's drill as a place to come back to: opens its next problem (the practice view's "Next"
// returns here), or, once every problem is finished, the finish screen: each problem and its result,
// what comes due by tomorrow, the streak, and "one more". A page view only reads.
import "@/components/scheduling/scheduling.css";
import { redirect } from "next/navigation";
import { oneMoreAction } from "@/app/actions/drill";
import { ComingDueList } from "@/components/scheduling/ComingDueList";
import { Streak } from "@/components/scheduling/Streak";
import { getDrill, getDrillSummary } from "@/lib/server/scheduling/scheduling";
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

function Results({ title, items, testId }: { title: string; items: DrillItemView[]; testId: string }) {
  if (items.length === 0) return null;
  return (
    <>
      <h2>{title}</h2>
      <ul className="skill-list" data-testid={testId}>
        {items.map((i) => (
          <ItemRow key={i.position} item={i} />
        ))}
      </ul>
    </>
  );
}

export default async function DrillPage() {
  const actor = await requireUser("/today/drill");
  // The next problem needs the drill alone (one read); the finish screen reads the rest.
  const current = await getDrill({ actor });
  if (!current) redirect("/today");
  if (current.next) {
    const query = new URLSearchParams({
      next: "/today/drill",
      n: String(current.next.n),
      of: String(current.next.of),
      ...(current.next.kind === "extra" ? { as: "extra" } : {}),
    });
    redirect(`/practice/i/${current.next.instanceId}?${query.toString()}`);
  }
  const summary = await getDrillSummary({ actor });
  if (!summary) redirect("/today");
  const { drill } = summary;
  const right = drill.items.filter((i) => i.result === "right").length;
  return (
    <section>
      <h1>Today's drill is done</h1>
      <p className="lead" data-testid="drill-done">
        {drill.total === 0
          ? "Nothing was due today."
          : `${drill.done} of ${drill.total} problems finished, ${right} right.`}{" "}
        <Streak streak={summary.streak} />.
      </p>

      <Results title="What you did" items={drill.items} testId="drill-results" />
      <Results title="Extra practice" items={drill.extra} testId="extra-results" />

      <h2>Coming due by tomorrow</h2>
      <ComingDueList items={summary.tomorrow} emptyTestId="tomorrow-none" />
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
