// The placement check: what it is and a button to start it; while it runs, where the learner stands
// (each question's result, progress, the next question or stopping here); once finished, what it
// marked known. A page view only reads: every step is a form (POST).
import "@/components/scheduling/scheduling.css";
import { finishPlacementAction, nextPlacementAction, startPlacementAction } from "@/app/actions/placement";
import { placementQuestionHref } from "@/lib/practice/session";
import { getPlacement } from "@/lib/server/placement/placement";
import type { PlacementSkill, PlacementView } from "@/lib/server/placement/placement.types";
import { requireUser } from "@/lib/server/session";

export const metadata = { title: "Placement check" };
export const dynamic = "force-dynamic";

function SkillList({ skills, testId }: { skills: PlacementSkill[]; testId: string }) {
  return (
    <ul className="skill-list" data-testid={testId}>
      {skills.map((s) => (
        <li key={s.skillId}>{s.title}</li>
      ))}
    </ul>
  );
}

function Questions({ p }: { p: PlacementView }) {
  if (p.questions.length === 0) return null;
  return (
    <ol className="skill-list placement-questions" data-testid="placement-questions">
      {p.questions.map((q) => (
        <li key={q.position}>
          <a href={placementQuestionHref(q, p.maxQuestions)} data-testid={`placement-question-${q.position}`}>
            {q.title}
          </a>{" "}
          <span className={`result result-${q.result ?? "open"}`}>
            {q.result === "right" ? "right" : q.result === "wrong" ? "not right" : "not answered yet"}
          </span>
        </li>
      ))}
    </ol>
  );
}

function Hidden({ p }: { p: PlacementView }) {
  return <input type="hidden" name="placementId" value={p.id} />;
}

function Running({ p }: { p: PlacementView }) {
  const answered = p.questions.filter((q) => q.result !== null).length;
  const stopLabel =
    p.known.length === 0
      ? "Stop the check (nothing is marked)"
      : `Stop here and mark ${p.known.length} ${p.known.length === 1 ? "skill" : "skills"} known`;
  return (
    <>
      <div className="card">
        <p id="placement-progress-label">
          <span data-testid="placement-progress">
            {answered} of at most {p.maxQuestions}
          </span>{" "}
          questions answered
        </p>
        <progress max={p.maxQuestions} value={answered} aria-labelledby="placement-progress-label" />
        <div className="actions">
          {p.current ? (
            <a
              className="button primary"
              data-testid="placement-go-on"
              href={placementQuestionHref(p.current, p.maxQuestions)}
            >
              Answer question {p.current.position}
            </a>
          ) : p.canContinue ? (
            <form action={nextPlacementAction}>
              <Hidden p={p} />
              <input type="hidden" name="after" value={p.questions.length} />
              <button type="submit" className="button primary" data-testid="placement-next" autoFocus>
                Next question ({p.questions.length + 1} of at most {p.maxQuestions})
              </button>
            </form>
          ) : null}
          <form action={finishPlacementAction}>
            <Hidden p={p} />
            <button
              type="submit"
              className={p.canContinue || p.current ? "button" : "button primary"}
              data-testid="placement-finish"
              autoFocus={!p.canContinue && !p.current}
            >
              {p.canContinue || p.current
                ? stopLabel
                : p.known.length === 0
                  ? "Finish the check"
                  : `Finish: mark ${p.known.length} ${p.known.length === 1 ? "skill" : "skills"} known`}
            </button>
          </form>
        </div>
        {!p.canContinue && !p.current ? (
          <p className="muted" data-testid="placement-complete">
            That is all the check needs to ask.
          </p>
        ) : null}
      </div>
      <h2>Your answers</h2>
      <Questions p={p} />
      <h2>Shown known so far</h2>
      {p.known.length === 0 ? (
        <p className="muted" data-testid="placement-known-none">
          Nothing yet: a right answer shows its skill and everything it builds on.
        </p>
      ) : (
        <SkillList skills={p.known} testId="placement-known" />
      )}
    </>
  );
}

function Finished({ p, justNow }: { p: PlacementView; justNow: boolean }) {
  const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "long" }).format(new Date(p.finishedAt!));
  return (
    <div className="card" data-testid="placement-result">
      <h2>{justNow ? "Placement check finished" : `Your placement check of ${when}`}</h2>
      {p.known.length === 0 ? (
        <p data-testid="placement-marked-none">
          Nothing was marked known. The daily drill introduces the skills one by one, from the start.
        </p>
      ) : (
        <>
          <p data-testid="placement-marked-count">
            Marked {p.known.length} {p.known.length === 1 ? "skill" : "skills"} known. Each counts as reviewed
            once (rated Easy), so its first review comes in about a week, not in today's drill:
          </p>
          <SkillList skills={p.known} testId="placement-marked" />
        </>
      )}
      {p.alreadyStarted.length > 0 ? (
        <p className="muted">
          Already practised, so left on their own schedule: {p.alreadyStarted.map((s) => s.title).join(", ")}.
        </p>
      ) : null}
      <h3>Your answers</h3>
      <Questions p={p} />
      <div className="actions">
        <a className="button primary" href="/today">
          Go to Today
        </a>
        <a className="button" href="/progress">
          See Progress
        </a>
      </div>
    </div>
  );
}

export default async function PlacementPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireUser("/placement");
  const { finished, error } = await searchParams;
  const { placement: p } = await getPlacement({ actor });
  return (
    <section className="placement">
      <h1>Placement check</h1>
      <p className="lead">
        Already know some of Part 1 (limits, derivatives, partial derivatives, gradients, the chain rule)?
        Answer up to 12 questions, one try each, and the skills you show are marked known instead of being
        drilled from the start. A right answer shows its skill and everything it builds on; a wrong one makes
        the check ask about what that skill builds on. You can stop at any time.
      </p>
      {error ? (
        <p className="message message-error" role="alert" data-testid="placement-error">
          That step could not be taken (the check may have finished in another tab). Here is where it stands.
        </p>
      ) : null}
      {p?.open ? <Running p={p} /> : null}
      {p && !p.open ? <Finished p={p} justNow={finished === "1"} /> : null}
      {!p?.open ? (
        <form action={startPlacementAction} className="actions">
          <button type="submit" className={p ? "button" : "button primary"} data-testid="placement-start">
            {p ? "Take the placement check again" : "Start the placement check"}
          </button>
        </form>
      ) : null}
    </section>
  );
}
