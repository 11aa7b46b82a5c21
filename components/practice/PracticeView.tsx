"use client";
// Answering one problem: the answer box with its live reading, submit (exactly once per try), the
// verdict, a second try, the hint, "show me the answer", and once finished the key, the worked
// solution, the picture, "Report this grading" and the way on. Keyboard first: Enter submits, Enter
// again goes on. The state and requests live in useProblem; each panel is its own component.
import { type ReactNode, useState } from "react";
import { Formula } from "@/components/Formula";
import { MathText } from "@/components/MathText";
import { ReportDialog } from "@/components/practice/ReportDialog";
import { nextStep, type PracticeSession } from "@/lib/practice/session";
import type { InstanceView } from "@/lib/server/practice/practice.types";
import { AnswerForm } from "./AnswerForm";
import { FinishedPanel } from "./FinishedPanel";
import { post } from "./post";
import { SessionProgress } from "./SessionProgress";
import { useProblem } from "./useProblem";
import { Verdict } from "./Verdict";

export function PracticeView({
  initial,
  session,
  statement,
  closedNotice,
}: {
  initial: InstanceView;
  session: PracticeSession;
  statement: ReactNode;
  /** Why the problem set takes no more answers, in the viewer's timezone: shown instead of the answer box. */
  closedNotice?: string;
}) {
  const p = useProblem(initial);
  const { view, feedback, busy, problem, triesLeft } = p;
  const [reportOpen, setReportOpen] = useState(false);
  const [reported, setReported] = useState(false);
  const step = nextStep(session);
  const lastSubmissionId = feedback?.submissionId;
  const finished = view.finished;

  return (
    <div className="practice">
      <SessionProgress skillTitle={view.skillTitle} session={session} finished={finished} />

      <article className="card problem" aria-labelledby="problem-title">
        <h1 id="problem-title" className="problem-title">
          {view.skillTitle}
        </h1>
        {statement}
        {view.hasLesson ? (
          <p className="lesson-link">
            <a href={`/learn/${view.skillId}`} target="_blank" rel="noopener" data-testid="lesson-link">
              The lesson on this skill (opens in a new tab)
            </a>
          </p>
        ) : null}
      </article>

      {view.hints.length > 0 ? (
        <aside className="hint-box" data-testid="hint" aria-label="Hints">
          <ol className="hint-steps">
            {view.hints.map((h, i) => (
              <li key={i} data-testid="hint-step">
                <strong>
                  Hint {i + 1} · {h.label}:
                </strong>{" "}
                <MathText text={h.text} />
                {h.latex ? <Formula display tex={h.latex} /> : null}
              </li>
            ))}
          </ol>
        </aside>
      ) : null}

      {problem ? (
        <p className="message message-error" data-testid="request-problem" role="status">
          {problem}
        </p>
      ) : null}

      <div aria-live="polite" aria-atomic="true" className="verdict-region" data-testid="verdict-region">
        {busy === "submit" ? <p className="visually-hidden">Checking your answer…</p> : null}
        {feedback && busy !== "submit" ? (
          <Verdict feedback={feedback} finished={finished} triesLeft={triesLeft} />
        ) : null}
      </div>

      {!finished && closedNotice ? (
        <p className="message message-error" data-testid="closed-notice" role="status">
          {closedNotice}
        </p>
      ) : null}
      {!finished && !closedNotice ? <AnswerForm problem={p} /> : null}

      {finished ? <FinishedPanel view={view} next={step} nextRef={p.nextRef} /> : null}

      {feedback || finished ? (
        <div className="report-row">
          {reported ? (
            <p className="message message-success" role="status" data-testid="report-sent">
              Thank you: your report was sent and will be looked at.
            </p>
          ) : (
            <button type="button" className="linklike" onClick={() => setReportOpen(true)}>
              Report this grading
            </button>
          )}
        </div>
      ) : null}

      <ReportDialog
        open={reportOpen}
        instanceId={view.id}
        submissionId={lastSubmissionId}
        onClose={(sent) => {
          setReportOpen(false);
          if (sent) setReported(true);
        }}
        post={post}
      />
    </div>
  );
}
