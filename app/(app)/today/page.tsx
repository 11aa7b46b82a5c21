// Today: what is due, the new skills available, the session's progress, the streak and a start
// button that opens the drill (/today/next).
import "@/components/scheduling/scheduling.css";
import Link from "next/link";
import { getToday } from "@/lib/server/scheduling/scheduling";
import { requireUser } from "@/lib/server/session";

export const metadata = { title: "Today" };
export const dynamic = "force-dynamic";

function when(iso: string, now: string, timezone: string): string {
  if (+new Date(iso) <= +new Date(now)) return "now";
  return new Intl.DateTimeFormat("en-GB", { timeZone: timezone, hour: "2-digit", minute: "2-digit" }).format(
    new Date(iso),
  );
}

export default async function TodayPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireUser("/today");
  const { done } = await searchParams;
  const t = await getToday({ actor });
  const { session } = t;
  const pct = session.total === 0 ? 100 : Math.round((100 * session.done) / session.total);
  const hasWork = t.counts.remaining > 0;
  return (
    <section>
      <h1>Today</h1>
      <p className="lead">
        {new Intl.DateTimeFormat("en-GB", { dateStyle: "full", timeZone: t.timezone }).format(
          new Date(t.now),
        )}{" "}
        ·{" "}
        <span data-testid="streak">
          {t.streak.current === 1 ? "1-day streak" : `${t.streak.current}-day streak`}
        </span>
        {t.streak.longest > t.streak.current ? (
          <span className="muted"> (longest {t.streak.longest})</span>
        ) : null}
      </p>

      <div className="stats" role="list" aria-label="Today in numbers">
        <p role="listitem" className="stat" data-testid="count-due">
          <strong>{t.counts.due}</strong> due
        </p>
        <p role="listitem" className="stat" data-testid="count-new">
          <strong>{t.counts.new}</strong> new
        </p>
        <p role="listitem" className="stat" data-testid="count-done">
          <strong>{t.counts.doneToday}</strong> done today
        </p>
      </div>

      <div className="card">
        <p id="session-label">
          Session:{" "}
          <span data-testid="session-progress">
            {session.done} of {session.total}
          </span>{" "}
          done
        </p>
        <progress max={Math.max(1, session.total)} value={session.done} aria-labelledby="session-label">
          {pct}%
        </progress>
        <p className="actions">
          {hasWork ? (
            <a href="/today/next" className="button primary" data-testid="start-drill">
              {session.done > 0 ? "Continue today's drill" : "Start today's drill"}
            </a>
          ) : t.extra.length > 0 ? (
            <a href="/today/next" className="button primary" data-testid="start-drill">
              Practise more
            </a>
          ) : null}
        </p>
        {!hasWork ? (
          <p className="muted" data-testid="all-done">
            {done || t.counts.doneToday > 0
              ? "You are done for today. Come back tomorrow, or practise your weakest skills."
              : t.settings.dailyNewLimit === 0
                ? "Nothing is due and new skills are off (0 per day in Settings)."
                : "Nothing is due today."}
          </p>
        ) : null}
      </div>

      <h2>Due for review</h2>
      {t.due.length === 0 ? (
        <p className="muted" data-testid="nothing-due">
          Nothing due. Reviews appear here when a skill you practised is about to be forgotten.
        </p>
      ) : (
        <ul className="skill-list" data-testid="due-list">
          {t.due.map((d) => (
            <li key={d.skillId}>
              <span>{d.title}</span>{" "}
              <span className="muted">
                {d.overdueDays > 0 ? `overdue ${d.overdueDays} d` : `due ${when(d.due, t.now, t.timezone)}`} ·
                recall {Math.round(d.retrievability * 100)}%
              </span>
            </li>
          ))}
        </ul>
      )}

      <h2>New skills available</h2>
      {t.newSkills.length === 0 ? (
        <p className="muted" data-testid="no-new">
          {t.settings.dailyNewLimit === 0
            ? "New skills are off. Change it in Settings."
            : t.counts.newIntroducedToday >= t.settings.dailyNewLimit
              ? `You met ${t.counts.newIntroducedToday} new skills today, your daily limit.`
              : "No new skill is unlocked yet: learn the prerequisites first."}
        </p>
      ) : (
        <ul className="skill-list" data-testid="new-list">
          {t.newSkills.map((s) => (
            <li key={s.skillId}>{s.title}</li>
          ))}
        </ul>
      )}
      {t.practiceMore && t.extra.length > 0 ? (
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
        <Link href="/progress">See your progress</Link> · <Link href="/settings">Settings</Link>
      </p>
    </section>
  );
}
