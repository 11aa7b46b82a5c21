// /learn/[skillId]: a skill's lesson — the rule, a worked example from the skill's own generator (a
// fixed seed, so it never goes stale) with its worked solution, and the common mistakes with the
// feedback the grader gives them. Reachable from the catalogue and from each problem.
import { NoSuchSkill } from "@/components/practice/NoSuchSkill";
import type { Metadata } from "next";
import { Formula } from "@/components/Formula";
import { MathText } from "@/components/MathText";
import { SolutionSteps } from "@/components/practice/SolutionSteps";
import { StartPractice } from "@/components/practice/StartPractice";
import { lessonOf } from "@/lib/problems/lesson";
import { practiceStart } from "@/lib/practice/session";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Lesson" };

export default async function LessonPage({ params }: { params: Promise<{ skillId: string }> }) {
  const { skillId } = await params;
  const id = skillId.slice(0, 80);
  await requireUser(`/learn/${encodeURIComponent(id)}`);
  const lesson = /^[a-z0-9-]+$/.test(id) ? lessonOf(id) : null;
  if (!lesson) {
    return <NoSuchSkill heading="Lesson" testId="lesson-error" />;
  }
  const { skill, example } = lesson;
  return (
    <article className="lesson" data-testid="lesson" aria-labelledby="lesson-title">
      <p className="muted lesson-kicker">Lesson</p>
      <h1 id="lesson-title">{skill.title}</h1>
      <section className="card lesson-rule" aria-labelledby="rule-title">
        <h2 id="rule-title">The rule</h2>
        <div data-testid="lesson-rule">
          <Formula display tex={lesson.rule} label="The rule" />
        </div>
        <p>
          <MathText text={lesson.prose} />
        </p>
      </section>
      {example ? (
        <section className="card" aria-labelledby="example-title" data-testid="lesson-example">
          <h2 id="example-title">A worked example</h2>
          <p>{example.statement}</p>
          <Formula display tex={example.latex} label="The example" />
          <SolutionSteps steps={example.solution.steps} answerTestId="lesson-answer" />
        </section>
      ) : null}
      <section className="card" aria-labelledby="mistakes-title" data-testid="lesson-mistakes">
        <h2 id="mistakes-title">Common mistakes</h2>
        <p className="muted">What the grader says when it sees them:</p>
        <ul className="lesson-mistakes">
          {lesson.mistakes.map((m) => (
            <li key={m.code} data-testid={`mistake-${m.code}`}>
              {m.feedback}
            </li>
          ))}
        </ul>
      </section>
      <div className="actions">
        <StartPractice
          start={practiceStart(skill.id, { n: 1, of: 5 })}
          className="button primary"
          testId="lesson-start"
        >
          Practise this skill
        </StartPractice>
        <a className="button" href="/practice">
          All skills
        </a>
      </div>
    </article>
  );
}
