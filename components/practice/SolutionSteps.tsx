// A worked solution: one typeset line per step with its rule and why; the last line reaches the answer
// (shown once, marked "Answer"). Used by the finished problem, the teacher's drill-down and preview, and
// the lessons.
import { Formula } from "@/components/Formula";
import { MathText } from "@/components/MathText";
import type { SolutionStep } from "@/lib/problems/solution-types";

export function SolutionSteps({
  steps,
  answerTestId = "key",
}: {
  steps: readonly SolutionStep[];
  answerTestId?: string;
}) {
  return (
    <ol className="solution-steps">
      {steps.map((s, i) => (
        <li key={i} className={s.final ? "solution-final" : undefined}>
          <p className="solution-rule">
            <strong>{s.final ? `Answer · ${s.rule}` : s.rule}</strong>
            {s.why ? (
              <>
                {" "}
                <span className="muted">
                  (<MathText text={s.why} />)
                </span>
              </>
            ) : null}
          </p>
          {s.latex ? (
            <div data-testid={s.final ? answerTestId : undefined}>
              <Formula display tex={s.latex} label={s.final ? "The answer" : undefined} />
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
