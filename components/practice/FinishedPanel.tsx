// A finished problem: how it ended, the worked solution ending with the answer (shown once), the
// picture, and the way on.
import type { RefObject } from "react";
import Link from "next/link";
import { SolutionSteps } from "@/components/practice/SolutionSteps";
import { StartPractice } from "@/components/practice/StartPractice";
import type { NextStep } from "@/lib/practice/session";
import type { InstanceView } from "@/lib/server/practice/practice.types";

const PLOT_CAPTION: Partial<Record<InstanceView["kind"], string>> = {
  derivative:
    "The function near the point; the dashed line is its tangent, whose slope is the derivative there.",
  tangent_line: "The function near the point with its tangent line (dashed).",
  gradient:
    "Level curves of f near the point; the gradient (the arrow) crosses the level curve through the point at a right angle.",
  directional: "Level curves of f near the point with the gradient (the arrow).",
  steepest_direction: "Level curves of f near the point; f increases fastest along the arrow, the gradient.",
  max_rate:
    "Level curves of f near the point with the gradient (the arrow); its length is the fastest rate of increase.",
  concrete:
    "The function near the point with its first-order (dashed) and second-order (dotted) Taylor approximations.",
  limit:
    "The function near the point approached: a filled point is its value where it is continuous, an open circle a limit it does not take there, a dashed line an asymptote.",
};

/** Skills whose picture is not their kind's. */
const PLOT_CAPTION_BY_SKILL: Partial<Record<string, string>> = {
  "newton-step":
    "Level curves of f: Newton's step (the solid arrow) against steepest descent (dashed); the dotted lines are the Hessian's eigenvectors (for a quadratic f, the axes of its level curves).",
  "neuron-gradient":
    "The ReLU and the neuron's pre-activation z = w·x + b: on the rising side the gate is open (slope 1), on the flat side closed (slope 0).",
};

export function FinishedPanel({
  view,
  next,
  nextRef,
}: {
  view: InstanceView;
  next: NextStep;
  nextRef: RefObject<(HTMLAnchorElement & HTMLButtonElement) | null>;
}) {
  const step = next;
  return (
    <section className="finished" aria-labelledby="solution-title" data-testid="finished">
      <p className={`outcome outcome-${view.outcome ?? "wrong"}`} data-testid="outcome">
        {view.placement
          ? view.outcome === "right"
            ? "Right. Here is the worked solution."
            : "Not right this time; here is the answer. The check now looks at what this skill builds on."
          : !view.solutionShown
            ? view.outcome === "right"
              ? "Solved."
              : "No tries left. Your teacher keeps the answers of this set hidden."
            : view.outcome === "right"
              ? "Solved. Here is the worked solution."
              : view.outcome === "revealed"
                ? "The answer was shown; this problem is finished and will come back sooner."
                : "No tries left; here is the answer. This skill will come back sooner."}
      </p>
      {view.solution ? (
        <div className="card solution" data-testid="solution">
          <h2 id="solution-title">Worked solution</h2>
          <SolutionSteps steps={view.solution.steps} />
          {view.hasLesson ? (
            <p className="lesson-link">
              <Link href={`/learn/${view.skillId}`} data-testid="lesson-link-finished">
                The lesson on this skill
              </Link>
            </p>
          ) : null}
        </div>
      ) : (
        <h2 id="solution-title" className="visually-hidden">
          Finished
        </h2>
      )}
      {view.plot ? (
        <figure className="card plot-figure" data-testid="plot">
          <div dangerouslySetInnerHTML={{ __html: view.plot }} />
          <figcaption className="muted">
            {PLOT_CAPTION_BY_SKILL[view.skillId] ?? PLOT_CAPTION[view.kind] ?? "The picture of this problem."}
          </figcaption>
        </figure>
      ) : null}
      <div className="actions">
        {"start" in step ? (
          <StartPractice start={step.start} className="button primary" testId="next" buttonRef={nextRef}>
            {step.label}
          </StartPractice>
        ) : (
          <a ref={nextRef} className="button primary" href={step.href} data-testid="next">
            {step.label}
          </a>
        )}
        {view.placement ? null : (
          <a className="button" href="/practice">
            All skills
          </a>
        )}
      </div>
    </section>
  );
}
