// Progress: mastery per skill over the skill graph (by topic, with prerequisites), the review
// heatmap, weekly accuracy, the 30-day forecast, the streak, and past attempts with their solutions.
import "@/components/scheduling/scheduling.css";
import Link from "next/link";
import { Fragment } from "react";
import { Bars, Heatmap } from "@/components/scheduling/Charts";
import { Formula } from "@/components/Formula";
import { getProgress } from "@/lib/server/scheduling/scheduling";
import { requireUser } from "@/lib/server/session";
import { readableText } from "@/lib/problems/readable";

export const metadata = { title: "Progress" };
export const dynamic = "force-dynamic";

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function days(stability: number): string {
  if (stability < 1) return `${Math.round(stability * 24)} h`;
  return stability < 10 ? `${stability.toFixed(1)} d` : `${Math.round(stability)} d`;
}

export default async function ProgressPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireUser("/progress");
  const { page } = await searchParams;
  const p = await getProgress({ actor, page: typeof page === "string" ? page : 1 });
  const date = (iso: string) =>
    new Intl.DateTimeFormat("en-GB", {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: p.timezone,
    }).format(new Date(iso));
  const dueIn = p.forecast.reduce((s, d) => s + d.count, 0);
  return (
    <section>
      <h1>Progress</h1>
      <p className="muted">
        Know some of Part 1 already? <a href="/placement">The placement check</a> marks what you show as
        known.
      </p>
      <div className="stats" role="list" aria-label="Progress in numbers">
        <p role="listitem" className="stat" data-testid="streak">
          <strong>{p.streak.current}</strong> day streak (longest {p.streak.longest})
        </p>
        <p role="listitem" className="stat">
          <strong>{p.totals.learned}</strong> of {p.topics.reduce((s, t) => s + t.skills.length, 0)} skills
          learned
        </p>
        <p role="listitem" className="stat">
          <strong>{p.totals.reviews}</strong> problems finished
        </p>
      </div>

      <h2>Mastery</h2>
      <p className="muted">
        Recall: the chance you would get a skill right now. Stability: how long until that chance falls to
        90%.
      </p>
      {p.topics.map((t) => (
        <section key={t.topic} className="card topic" aria-labelledby={`topic-${t.topic}`}>
          <h3 id={`topic-${t.topic}`}>{t.title}</h3>
          <ul className="mastery-list">
            {t.skills.map((s) => (
              <li key={s.skillId} data-testid={`mastery-${s.skillId}`} data-due={s.due ?? ""}>
                <div className="mastery-head">
                  <span className="mastery-title">{s.title}</span>
                  <span className="muted">
                    {s.started
                      ? `recall ${s.recallPercent}% · ${s.dueLabel} · stability ${days(s.stability)}`
                      : "not started"}
                    {s.learned ? " · learned" : ""}
                  </span>
                </div>
                <meter min={0} max={1} value={s.retrievability} aria-label={`Recall for ${s.title}`}>
                  {s.recallPercent}%
                </meter>
                {s.prerequisites.length > 0 ? (
                  <p className="prereq muted">Needs: {s.prerequisites.map((q) => q.title).join(", ")}</p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}

      <h2>Reviews per day</h2>
      <Heatmap days={p.heatmap} label="Reviews per day over the last 26 weeks" />

      <h2>Accuracy by week</h2>
      {p.accuracy.every((w) => w.reviews === 0) ? (
        <p className="muted">No finished problems in the last 12 weeks yet.</p>
      ) : (
        <Bars
          testId="accuracy"
          label="Share of problems answered right, per week"
          caption={p.accuracy
            .filter((w) => w.accuracy !== null)
            .map((w) => `week of ${w.weekStart}: ${pct(w.accuracy!)} of ${w.reviews}`)
            .join("; ")}
          valueLabel="Right"
          scale={{
            max: 1,
            ticks: [
              { value: 0, label: "0%" },
              { value: 0.5, label: "50%" },
              { value: 1, label: "100%" },
            ],
          }}
          data={p.accuracy.map((w) => ({
            key: w.weekStart,
            value: w.accuracy,
            text: w.accuracy === null ? "no problems" : `${pct(w.accuracy)} of ${w.reviews}`,
          }))}
        />
      )}

      <h2>Reviews coming due</h2>
      {dueIn === 0 ? (
        <p className="muted">Nothing scheduled in the next 30 days yet.</p>
      ) : (
        <Bars
          testId="forecast"
          label="Reviews due on each of the next 30 days"
          caption={`${dueIn} reviews in the next 30 days; ${p.forecast[0]?.count ?? 0} today.`}
          valueLabel="Reviews due"
          data={p.forecast.map((d) => ({ key: d.date, value: d.count, text: String(d.count) }))}
        />
      )}

      <h2 id="history">Past problems</h2>
      {p.history.total === 0 ? (
        <p className="muted" data-testid="no-history">
          No finished problems yet. <Link href="/today">Start today&apos;s drill</Link>.
        </p>
      ) : (
        <>
          <ol className="history" data-testid="history">
            {p.history.entries.map((e) => (
              <li key={e.instanceId} className="card">
                <p className="muted">
                  {date(e.date)} · {e.skillTitle} ·{" "}
                  <strong className={e.verdict === "right" ? "verdict-right" : "verdict-wrong"}>
                    {e.verdict === "right" ? "Right" : e.verdict === "wrong" ? "Wrong" : "Answer shown"}
                  </strong>{" "}
                  (rated {e.rating})
                </p>
                <p>
                  {e.statementParts.map((part, i) =>
                    "tex" in part ? (
                      <Formula key={i} tex={part.tex} />
                    ) : (
                      <Fragment key={i}>{part.text}</Fragment>
                    ),
                  )}
                </p>
                <Formula display tex={e.latex} label={readableText(e.statement)} />
                <p>
                  Your answer: <code>{e.answer || "(none)"}</code> ·{" "}
                  <Link href={`/practice/i/${e.instanceId}`}>Worked solution</Link>
                </p>
              </li>
            ))}
          </ol>
          <nav aria-label="Past problems pages" className="actions">
            {p.history.page > 1 ? (
              <Link href={`/progress?page=${p.history.page - 1}#history`}>Newer</Link>
            ) : null}
            <span className="muted">
              Page {p.history.page} of {p.history.pages}
            </span>
            {p.history.page < p.history.pages ? (
              <Link href={`/progress?page=${p.history.page + 1}#history`}>Older</Link>
            ) : null}
          </nav>
        </>
      )}
    </section>
  );
}
