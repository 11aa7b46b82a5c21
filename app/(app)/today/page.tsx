// Today: the day's drill (what it takes, or where the learner stands in it, fixed once started), the
// streak, and a button that starts it (a POST; /today/drill then opens each problem in turn).
import "@/components/scheduling/scheduling.css";
import Link from "next/link";
import { oneMoreAction, startDrillAction } from "@/app/actions/drill";
import { startPlacementAction } from "@/app/actions/placement";
import { getPlacementOffer } from "@/lib/server/placement/placement";
import { ComingDueList } from "@/components/scheduling/ComingDueList";
import { Streak } from "@/components/scheduling/Streak";
import { getToday } from "@/lib/server/scheduling/scheduling";
import { requireUser } from "@/lib/server/session";

export const metadata = { title: "Today" };
export const dynamic = "force-dynamic";

export default async function TodayPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireUser("/today");
  const { nothing } = await searchParams;
  const [t, placement] = await Promise.all([getToday({ actor }), getPlacementOffer({ actor })]);
  const placementOpen = placement.open;
  const { session, drill } = t;
  const pct = session.total === 0 ? 100 : Math.round((100 * session.done) / session.total);
  const finished = drill?.finished ?? false;
  return (
    <section>
      <h1>Today</h1>
      <p className="lead">
        {new Intl.DateTimeFormat("en-GB", { dateStyle: "full", timeZone: t.timezone }).format(
          new Date(t.now),
        )}{" "}
        · <Streak streak={t.streak} />
      </p>

      <div className="stats" role="list" aria-label="Today in numbers">
        <p role="listitem" className="stat" data-testid="count-due">
          <strong>{t.counts.due}</strong> {t.counts.due === 1 ? "review" : "reviews"}
        </p>
        <p role="listitem" className="stat" data-testid="count-new">
          <strong>{t.counts.new}</strong> new
        </p>
        <p role="listitem" className="stat" data-testid="count-done">
          <strong>{t.counts.doneToday}</strong> done today
        </p>
      </div>

      {placement.offered || placementOpen ? (
        <div className="card placement-offer" data-testid="placement-offer">
          <h2>Already know Part 1?</h2>
          <p>
            Take the placement check: up to 12 questions, one try each. The skills you show are marked known
            and come back for review in about a week, instead of being drilled from the start.
          </p>
          {placementOpen ? (
            <a href="/placement" className="button" data-testid="placement-continue">
              Continue the placement check
            </a>
          ) : (
            <form action={startPlacementAction}>
              <button type="submit" className="button" data-testid="placement-start">
                Take the placement check
              </button>
            </form>
          )}
        </div>
      ) : null}

      <div className="card">
        <p id="session-label">
          Today's drill:{" "}
          <span data-testid="session-progress">
            {session.done} of {session.total}
          </span>{" "}
          done
        </p>
        <progress max={Math.max(1, session.total)} value={session.done} aria-labelledby="session-label">
          {pct}%
        </progress>
        <div className="actions">
          {!drill && session.total > 0 ? (
            <form action={startDrillAction}>
              <button type="submit" className="button primary" data-testid="start-drill">
                Start today's drill
              </button>
            </form>
          ) : null}
          {drill && !finished ? (
            <a href="/today/drill" className="button primary" data-testid="start-drill">
              Continue today's drill
            </a>
          ) : null}
          {finished ? (
            <a href="/today/drill" className="button" data-testid="drill-summary">
              See what you did
            </a>
          ) : null}
          {finished || (!drill && session.total === 0 && t.extra.length > 0) ? (
            <form action={oneMoreAction}>
              <button type="submit" className="button primary" data-testid="one-more">
                {finished ? "One more problem" : "Practise more"}
              </button>
            </form>
          ) : null}
        </div>
        {finished ? (
          <p className="muted" data-testid="all-done">
            You are done for today. What comes due waits for tomorrow's drill.
          </p>
        ) : null}
        {!drill && session.total === 0 ? (
          <p className="muted" data-testid="all-done">
            {nothing
              ? "Nothing to practise yet."
              : t.settings.dailyNewLimit === 0
                ? "Nothing is due and new skills are off (0 per day in Settings)."
                : "Nothing is due today."}
          </p>
        ) : null}
      </div>

      {finished ? (
        <>
          <h2>Coming due by tomorrow</h2>
          <ComingDueList items={t.tomorrow} emptyTestId="nothing-due" />
        </>
      ) : (
        <>
          <h2>Due for review</h2>
          {t.due.length === 0 ? (
            <p className="muted" data-testid="nothing-due">
              Nothing due. Reviews appear here when a skill you practised is about to be forgotten.
            </p>
          ) : (
            <ul className="skill-list" data-testid="due-list">
              {t.due.map((d) => (
                <li key={d.skillId} className={d.done ? "item-done" : undefined}>
                  <span>{d.title}</span>{" "}
                  <span className="muted" data-testid={`due-${d.skillId}`}>
                    {d.done ? "done" : `${d.label} · recall ${d.recallPercent}%`}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}

      {finished ? null : (
        <>
          <h2>New skills today</h2>
          {t.newSkills.length === 0 ? (
            <p className="muted" data-testid="no-new">
              {t.settings.dailyNewLimit === 0
                ? "New skills are off. Change it in Settings."
                : t.counts.newIntroducedToday >= t.settings.dailyNewLimit
                  ? `You met ${t.counts.newIntroducedToday} new skills today, your daily limit.`
                  : drill
                    ? "Today's drill has no new skill."
                    : "No new skill is unlocked yet: learn the prerequisites first."}
            </p>
          ) : (
            <ul className="skill-list" data-testid="new-list">
              {t.newSkills.map((s) => (
                <li key={s.skillId} className={s.done ? "item-done" : undefined}>
                  {s.title}
                  {s.done ? <span className="muted"> · done</span> : null}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {!drill && t.practiceMore && t.extra.length > 0 ? (
        <>
          <h2>Practise more</h2>
          <p className="muted">Your weakest skills right now:</p>
          <ul className="skill-list">
            {t.extra.slice(0, 5).map((s) => (
              <li key={s.skillId}>{s.title}</li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <Link href="/progress">See your progress</Link> · <Link href="/settings">Settings</Link> ·{" "}
        <Link href="/placement">Placement check</Link>
      </p>
    </section>
  );
}
