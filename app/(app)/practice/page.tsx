// The skill list: every skill grouped by topic with its method, mixed practice, and a marker on the
// skills the learner has already practised. Starting a skill is a POST (StartPractice), never a link.
import type { Metadata } from "next";
import { SKILLS, TOPICS, TOPIC_TITLES, type Topic } from "@/lib/problems";
import { StartPractice } from "@/components/practice/StartPractice";
import { practiceStart } from "@/lib/practice/session";
import { requireUser } from "@/lib/server/session";
import { listPractisedSkills } from "@/lib/server/practice/progress";

export const metadata: Metadata = { title: "Practice" };

const TOPIC_LIST: readonly { id: Topic; title: string }[] = TOPICS.map((id) => ({
  id,
  title: TOPIC_TITLES[id],
}));

const SESSION = 5;

const ERRORS: Record<string, string> = {
  "no-such-skill": "There is no such skill. Pick one from the list.",
  unavailable: "The database is not answering, so no problem could be started. Try again in a moment.",
};

export default async function PracticePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser("/practice");
  const practised = new Map((await listPractisedSkills({ actor: user })).map((c) => [c.skillId, c]));
  const error = (await searchParams).error;
  const message = typeof error === "string" ? ERRORS[error] : undefined;
  return (
    <section className="practice-list">
      <h1>Practice</h1>
      <p className="lead">
        Pick a skill for a session of {SESSION} problems. Each answer is checked as you type and graded when
        you submit; the finished problem shows its worked solution.
      </p>
      {message ? (
        <p className="message message-error" role="status" data-testid="practice-error">
          {message}
        </p>
      ) : null}
      <div className="card mixed-card">
        <h2>Mixed practice</h2>
        <p className="muted">
          {practised.size > 0
            ? `Problems drawn from the ${practised.size} skill${practised.size === 1 ? "" : "s"} you have practised, the ones due soonest first.`
            : "Problems from the starting skills of each topic (you have not practised any skill yet)."}
        </p>
        <StartPractice start={practiceStart("mixed", { n: 1, of: SESSION })} className="button primary">
          Start mixed practice
        </StartPractice>
      </div>
      {practised.size > 0 ? (
        <p className="muted" data-testid="practised-count">
          <span className="practised-mark" aria-hidden="true">
            ✓
          </span>{" "}
          marks the {practised.size} skill{practised.size === 1 ? "" : "s"} you have practised.
        </p>
      ) : null}
      {TOPIC_LIST.map((topic) => {
        const skills = SKILLS.filter((s) => s.topic === topic.id);
        if (skills.length === 0) return null;
        return (
          <section key={topic.id} aria-labelledby={`topic-${topic.id}`} className="topic">
            <h2 id={`topic-${topic.id}`}>{topic.title}</h2>
            <ul className="skill-list">
              {skills.map((s) => {
                const card = practised.get(s.id);
                return (
                  <li key={s.id} className="skill-item" data-testid={`skill-${s.id}`}>
                    <StartPractice start={practiceStart(s.id, { n: 1, of: SESSION })} className="skill-link">
                      <span className="skill-title">{s.title}</span>
                      {card ? (
                        <span
                          className="practised-mark"
                          title={`Practised ${card.reps} time${card.reps === 1 ? "" : "s"}`}
                        >
                          <span aria-hidden="true">✓</span>
                          <span className="visually-hidden">
                            , practised {card.reps} time{card.reps === 1 ? "" : "s"}
                          </span>
                        </span>
                      ) : null}
                    </StartPractice>
                    <p className="skill-description">{s.description}</p>
                    <a className="skill-lesson" href={`/learn/${s.id}`} data-testid={`lesson-${s.id}`}>
                      Lesson<span className="visually-hidden">: {s.title}</span>
                    </a>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
