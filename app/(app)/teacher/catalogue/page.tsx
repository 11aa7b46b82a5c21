// The catalogue for teachers: a searchable list of the skills by topic, each with a sample problem, its
// answer and worked solution, and "Try it", which starts a practice problem of that skill for the
// teacher alone (their own practice; no student sees or is affected by it).
import Link from "next/link";
import { StartPractice } from "@/components/practice/StartPractice";
import { Formula } from "@/components/Formula";
import { SolutionSteps } from "@/components/practice/SolutionSteps";
import { one, type SearchParams } from "@/components/teaching/Notice";
import { practiceStart } from "@/lib/practice/session";
import { readableText } from "@/lib/problems/readable";
import { requireRole } from "@/lib/server/session";
import { catalogueView } from "@/lib/teaching/catalogue-view";

export const metadata = { title: "Catalogue" };

export default async function CataloguePage({ searchParams }: { searchParams: SearchParams }) {
  await requireRole("teacher", "/teacher/catalogue");
  const { query, topics, count } = catalogueView(one((await searchParams).q));
  return (
    <section className="catalogue">
      <p>
        <Link href="/teacher">← Teaching</Link>
      </p>
      <h1>Catalogue</h1>
      <p className="lead">
        Every skill you can put in a set, with a sample problem, its answer and the worked solution students
        see. &quot;Try it&quot; opens a practice problem of the skill for you alone.
      </p>
      <form role="search" method="get" className="inline-form" aria-label="Search the catalogue">
        <div className="field">
          <label htmlFor="catalogue-q">Search skills</label>
          <input
            id="catalogue-q"
            name="q"
            type="search"
            maxLength={80}
            defaultValue={query}
            placeholder="chain rule"
          />
        </div>
        <button type="submit" className="button">
          Search
        </button>
        {query ? <Link href="/teacher/catalogue">Show all</Link> : null}
      </form>
      <p className="muted" data-testid="catalogue-count" role="status">
        {count === 0
          ? `No skill matches "${query}". Try fewer or other words.`
          : `${count} skill${count === 1 ? "" : "s"}${query ? ` matching "${query}"` : ""}.`}
      </p>
      {topics.map((t) => (
        <section key={t.topic} aria-labelledby={`topic-${t.topic}`}>
          <h2 id={`topic-${t.topic}`}>{t.title}</h2>
          <ul className="plain-list" aria-label={t.title}>
            {t.skills.map((s) => (
              <li key={s.id} className="card" data-testid="catalogue-skill">
                <h3>{s.title}</h3>
                <p className="muted">{s.description}</p>
                <p>
                  <Link href={`/learn/${s.id}`}>
                    Lesson<span className="visually-hidden">: {s.title}</span>
                  </Link>
                </p>
                {s.sample ? (
                  <details>
                    <summary>Sample problem, answer and solution</summary>
                    <p>{readableText(s.sample.statement)}</p>
                    <Formula display tex={s.sample.latex} label={`${s.title}: sample problem`} />
                    <p>Answer:</p>
                    <Formula display tex={s.sample.keyLatex} label={`${s.title}: answer`} />
                    <p>Worked solution:</p>
                    <SolutionSteps steps={s.sample.steps} answerTestId="catalogue-solution-answer" />
                  </details>
                ) : null}
                <StartPractice start={practiceStart(s.id, { n: 1, of: 1 })} className="button small">
                  Try it<span className="visually-hidden">: {s.title}</span>
                </StartPractice>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
