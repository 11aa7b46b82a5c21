// The verdict on the last try: right, not right (with the likely mistake and a point where the answer
// differs), cannot check, or not read; and how many tries are left.
import { Formula } from "@/components/Formula";
import type { FeedbackView } from "@/lib/server/practice/practice.types";

const STATUS_TITLE: Record<FeedbackView["status"], string> = {
  right: "Right",
  wrong: "Not right",
  cannot_check: "Cannot check this answer",
  invalid: "Not read",
};

export function Verdict({
  feedback,
  finished,
  triesLeft,
}: {
  feedback: FeedbackView;
  finished: boolean;
  triesLeft: number;
}) {
  const answer = Array.isArray(feedback.answer)
    ? feedback.answer.map((c) => (Array.isArray(c) ? `[${c.join(", ")}]` : c)).join(", ")
    : feedback.answer;
  const showMessage = !feedback.diagnosis || feedback.message !== feedback.diagnosis.message;
  return (
    <div className={`verdict verdict-${feedback.status}`} data-testid="verdict" data-status={feedback.status}>
      <p className="verdict-title">
        <span aria-hidden="true">
          {feedback.status === "right" ? "✓ " : feedback.status === "wrong" ? "✗ " : "! "}
        </span>
        {STATUS_TITLE[feedback.status]}
        {feedback.tryNumber > 0 ? <span className="muted"> (try {feedback.tryNumber})</span> : null}
      </p>
      {answer ? (
        <p className="muted verdict-answer">
          You typed: <code>{answer}</code>
        </p>
      ) : null}
      {feedback.preview ? (
        <p className="verdict-read">
          Read as <Formula tex={feedback.preview.latex} />
        </p>
      ) : null}
      {feedback.diagnosis ? (
        <p className="diagnosis" data-testid="diagnosis">
          <strong>Likely mistake:</strong> {feedback.diagnosis.message}
        </p>
      ) : null}
      {showMessage && feedback.message ? <p data-testid="verdict-message">{feedback.message}</p> : null}
      {feedback.counterexample && feedback.counterexample !== feedback.message ? (
        <p className="counterexample" data-testid="counterexample">
          {feedback.counterexample}
        </p>
      ) : null}
      {feedback.warnings.map((w, i) => (
        <p key={i} className="preview-warning">
          {w}
        </p>
      ))}
      {feedback.status === "invalid" ? (
        <p className="muted">Nothing was recorded: fix the answer and submit again.</p>
      ) : null}
      {feedback.status === "cannot_check" ? (
        <p className="muted">
          The checker could not decide about this answer, so it was not counted. Try writing it in another
          form, or report it below.
        </p>
      ) : null}
      {feedback.status === "wrong" && !finished && triesLeft > 0 ? (
        <p data-testid="try-again">
          You have {triesLeft === 1 ? "one more try" : `${triesLeft} more tries`}.
        </p>
      ) : null}
    </div>
  );
}
