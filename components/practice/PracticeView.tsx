"use client";
// Answering one problem: the answer box with its live reading, submit (exactly once per try), the
// verdict, a second try, the hint, "show me the answer", and once finished the key, the worked
// solution, the picture, "Report this grading" and the way on. Keyboard first: Enter submits, Enter
// again goes on.
import { type ReactNode, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { Formula } from "@/components/Formula";
import { GridInput, emptyCells } from "@/components/practice/GridInput";
import { ReportDialog } from "@/components/practice/ReportDialog";
import { nextStep, type PracticeSession } from "@/lib/practice/session";
import { type AnswerPreview, previewAnswer } from "@/lib/problems/preview";
import { splitVector } from "@/lib/problems/answer-syntax";
import type { FeedbackView, InstanceView, SubmitResult } from "@/lib/server/practice/practice.types";

type Busy = null | "submit" | "hint" | "reveal";

interface ApiError {
  error: { code: string; message: string };
}

const NETWORK_ERROR =
  "The server could not be reached; your answer was not lost. Press Enter to send it again.";

async function post<T>(
  url: string,
  body: unknown,
): Promise<{ ok: true; data: T } | { ok: false; message: string; retry: boolean; status: number }> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      cache: "no-store",
    });
  } catch {
    return { ok: false, message: NETWORK_ERROR, retry: true, status: 0 };
  }
  let json: unknown = null;
  try {
    json = await response.json();
  } catch {
    // A proxy's HTML error page: treated like a lost connection.
  }
  if (response.ok && json !== null) return { ok: true, data: json as T };
  const message =
    (json as ApiError | null)?.error?.message ??
    (response.status >= 500
      ? "The server had a problem; nothing was saved. Try again in a moment."
      : "The request was refused.");
  if (response.status === 401)
    return {
      ok: false,
      message: "Your session has ended. Sign in again to go on.",
      retry: false,
      status: 401,
    };
  return { ok: false, message, retry: response.status >= 500, status: response.status };
}

function newId(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`;
}

/** The field's text with the character at `at` marked, so a parse error shows where it is. */
function Marked({ text, at }: { text: string; at: number }) {
  const i = Math.max(0, Math.min(at, text.length));
  const ch = text.slice(i, i + 1);
  return (
    <code className="parse-echo" data-testid="parse-echo">
      {text.slice(0, i)}
      <mark>{ch === "" || ch === " " ? "\u2009" : ch}</mark>
      {text.slice(i + 1)}
    </code>
  );
}

function PreviewLine({ preview, text, id }: { preview: AnswerPreview; text: string; id: string }) {
  if (preview.state === "empty") {
    return (
      <div id={id} className="answer-preview muted" data-testid="answer-preview">
        Your answer will show here as it is read.
      </div>
    );
  }
  return (
    <div id={id} className="answer-preview" data-testid="answer-preview">
      {preview.state === "ok" ? (
        <div className="preview-ok">
          <span className="preview-label">Read as</span> <Formula tex={preview.latex} />
        </div>
      ) : (
        <div className="preview-error" data-testid="parse-error">
          <p className="field-error">{preview.error.message}</p>
          {preview.error.at !== undefined ? <Marked text={text} at={preview.error.at} /> : null}
        </div>
      )}
      {preview.warnings.map((w, i) => (
        <p key={i} className="preview-warning" data-testid="parse-warning">
          {w.message}
        </p>
      ))}
    </div>
  );
}

const STATUS_TITLE: Record<FeedbackView["status"], string> = {
  right: "Right",
  wrong: "Not right",
  cannot_check: "Cannot check this answer",
  invalid: "Not read",
};

function Verdict({
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
    "The function near the point approached: an open circle marks a limit the function does not take there, a dashed line an asymptote.",
};

/** Keys phones make hard to type, inserted at the cursor of the answer field. */
const MATH_KEYS: readonly { label: string; insert: string; caret?: number; name: string }[] = [
  { label: "^", insert: "^", name: "power" },
  { label: "√", insert: "√(", name: "square root" },
  { label: "π", insert: "π", name: "pi" },
  { label: "( )", insert: "()", caret: 1, name: "brackets" },
  { label: "/", insert: "/", name: "divided by" },
  { label: "|x|", insert: "||", caret: 1, name: "absolute value" },
];

export function PracticeView({
  initial,
  session,
  statement,
}: {
  initial: InstanceView;
  session: PracticeSession;
  statement: ReactNode;
}) {
  const [view, setView] = useState(initial);
  const fieldCount = view.answerKind === "vector" ? Math.max(1, view.components?.length ?? 1) : 1;
  const [fields, setFields] = useState<string[]>(() => Array.from({ length: fieldCount }, () => ""));
  // A concrete vector or matrix: one cell per entry (components/practice/GridInput.tsx).
  const grid = view.answerKind === "grid" ? view.grid : undefined;
  const [cells, setCells] = useState<string[][]>(() => (grid ? emptyCells(grid) : []));
  const [feedback, setFeedback] = useState<FeedbackView | null>(
    () => initial.submissions[initial.submissions.length - 1] ?? null,
  );
  const [busy, setBusy] = useState<Busy>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirmReveal, setConfirmReveal] = useState(false);
  const [reportOpen, setReportOpen] = useState(false);
  const [reported, setReported] = useState(false);
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const lastFocused = useRef(0);
  // Where the caret goes once an inserted key's text is on screen (set after React commits it, so
  // typing right after the tap lands inside the brackets).
  const pendingCaret = useRef<{ field: number; at: number } | null>(null);
  useLayoutEffect(() => {
    const p = pendingCaret.current;
    if (!p) return;
    pendingCaret.current = null;
    const el = inputs.current[p.field];
    el?.focus();
    el?.setSelectionRange(p.at, p.at);
  }, [fields]);
  const nextRef = useRef<HTMLAnchorElement | null>(null);
  const revealYes = useRef<HTMLButtonElement | null>(null);
  const started = useRef(Date.now());
  // The id of a try whose request may or may not have arrived; resent unchanged with the same answer.
  const pending = useRef<{ id: string; answer: string } | null>(null);

  const previews = useMemo(
    () =>
      fields.map((t) =>
        previewAnswer(t, { answerKind: view.answerKind, vars: view.vars, allowSpecial: view.allowSpecial }),
      ),
    [fields, view.answerKind, view.vars, view.allowSpecial],
  );
  const firstIsWhole =
    view.answerKind === "vector" &&
    fieldCount > 1 &&
    splitVector(fields[0] ?? "") !== null &&
    fields.slice(1).every((f) => f.trim() === "");
  const triesLeft = view.maxTries - view.triesUsed;
  const step = nextStep(session);

  // Until the page is interactive the submit button stays disabled, which also blocks the browser's
  // own submission on Enter (that would reload the page and lose the answer).
  const [ready, setReady] = useState(false);
  useEffect(() => {
    setReady(true);
  }, []);

  useEffect(() => {
    if (!view.finished) (inputs.current[0] ?? document.getElementById("cell-0-0"))?.focus();
    // Only on arrival (the instance never changes here): later focus moves follow what the learner does.
  }, [view.finished]);

  const focusAnswer = useCallback(() => {
    const el = inputs.current[lastFocused.current] ?? inputs.current[0];
    if (!el) {
      document.getElementById("cell-0-0")?.focus();
      return;
    }
    el.focus();
    el.select();
  }, []);

  // Where focus goes after a result, applied once React has committed it (the "Next" link only
  // exists then): to "Next" once finished, else back to the answer.
  const [focusRequest, setFocusRequest] = useState<{ to: "next" | "answer" | "reveal"; seq: number } | null>(
    null,
  );
  useEffect(() => {
    if (!focusRequest) return;
    if (focusRequest.to === "next") nextRef.current?.focus();
    else if (focusRequest.to === "reveal") revealYes.current?.focus();
    else focusAnswer();
  }, [focusRequest, focusAnswer]);

  function afterResult(next: InstanceView) {
    setFocusRequest((r) => ({ to: next.finished ? "next" : "answer", seq: (r?.seq ?? 0) + 1 }));
  }

  function answerPayload(): string | string[] | string[][] {
    if (grid) return cells.map((r) => r.map((c) => c.trim()));
    if (view.answerKind !== "vector") return fields[0] ?? "";
    if (fieldCount === 1 || firstIsWhole) return fields[0] ?? "";
    return fields.map((f) => f.trim());
  }

  async function submit() {
    if (busy || view.finished) return;
    if (grid) {
      const empty = cells.flat().findIndex((c) => c.trim() === "");
      if (empty >= 0) {
        setProblem("Fill in every cell of the answer.");
        document.getElementById(`cell-${Math.floor(empty / grid.cols)}-${empty % grid.cols}`)?.focus();
        return;
      }
    } else if (fields.every((f) => f.trim() === "")) {
      setProblem("Type an answer first.");
      focusAnswer();
      return;
    }
    if (view.answerKind === "vector" && !firstIsWhole && fields.some((f) => f.trim() === "")) {
      setProblem("Fill in every component (or type the whole vector as (a, b) in the first field).");
      const empty = fields.findIndex((f) => f.trim() === "");
      inputs.current[empty]?.focus();
      return;
    }
    const answer = answerPayload();
    const key = JSON.stringify(answer);
    if (!pending.current || pending.current.answer !== key) pending.current = { id: newId(), answer: key };
    setBusy("submit");
    setProblem(null);
    const r = await post<SubmitResult>(`/api/practice/instances/${view.id}/submit`, {
      clientSubmissionId: pending.current.id,
      answer,
      elapsedMs: Math.max(0, Math.min(24 * 3600 * 1000, Date.now() - started.current)),
    });
    setBusy(null);
    if (!r.ok) {
      if (!r.retry) pending.current = null;
      setProblem(r.message);
      focusAnswer();
      return;
    }
    pending.current = null;
    const { instance, feedback: fb } = r.data;
    setView(instance);
    setFeedback(fb);
    if (r.data.kind === "graded") started.current = Date.now();
    afterResult(instance);
  }

  async function takeHint() {
    if (busy || view.finished) return;
    setBusy("hint");
    setProblem(null);
    const r = await post<InstanceView>(`/api/practice/instances/${view.id}/hint`, {});
    setBusy(null);
    if (!r.ok) {
      setProblem(r.message);
      return;
    }
    setView(r.data);
    focusAnswer();
  }

  async function reveal() {
    if (busy || view.finished) return;
    setBusy("reveal");
    setProblem(null);
    const r = await post<InstanceView>(`/api/practice/instances/${view.id}/reveal`, {
      clientSubmissionId: newId(),
    });
    setBusy(null);
    setConfirmReveal(false);
    if (!r.ok) {
      setProblem(r.message);
      return;
    }
    setView(r.data);
    afterResult(r.data);
  }

  function insertKey(insert: string, caret = insert.length) {
    const i = lastFocused.current;
    const el = inputs.current[i];
    const text = fields[i] ?? "";
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    const updated = text.slice(0, start) + insert + text.slice(end);
    pendingCaret.current = { field: i, at: start + caret };
    setFields((fs) => fs.map((f, k) => (k === i ? updated : f)));
  }

  function setSpecial(value: string) {
    setFields((fs) => fs.map((f, k) => (k === 0 ? value : f)));
    requestAnimationFrame(() => inputs.current[0]?.focus());
  }

  const fieldLabel = (i: number): string => {
    if (view.answerKind === "vector")
      return fieldCount > 1 ? (view.components?.[i] ?? `Component ${i + 1}`) : "Your answer (a vector)";
    if (view.answerKind === "line") return "Your answer: the tangent line";
    return "Your answer";
  };

  const fieldHint = (): string => {
    switch (view.answerKind) {
      case "vector":
        return fieldCount > 1
          ? "One field per component; or type the whole vector as (a, b) in the first field."
          : "Type the vector as (a, b).";
      case "limit":
        return "A number or expression, or DNE, inf, -inf.";
      case "line":
        return "Type y = ... or just the right-hand side.";
      case "number":
        return "An exact value (3/2, pi/4, sqrt(2)) or a decimal with at least 3 significant figures.";
      default:
        return `An expression in ${view.vars.join(", ")}. Use ^ for powers, sqrt( ), abs( ), pi, e.`;
    }
  };

  const lastSubmissionId = feedback?.submissionId;
  const finished = view.finished;
  const progressDone = finished ? session.n : session.n - 1;

  return (
    <div className="practice">
      <div className="session-progress">
        <div className="session-progress-text">
          <span>{view.skillTitle}</span>
          <span data-testid="session-position">
            Problem {session.n} of {session.of}
          </span>
        </div>
        <progress
          max={session.of}
          value={progressDone}
          aria-label={`Session progress: problem ${session.n} of ${session.of}`}
        />
      </div>

      <article className="card problem" aria-labelledby="problem-title">
        <h1 id="problem-title" className="problem-title">
          {view.skillTitle}
        </h1>
        {statement}
      </article>

      {view.hint ? (
        <aside className="hint-box" data-testid="hint" aria-label="Hint">
          <strong>Hint:</strong> {view.hint}
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

      {!finished ? (
        <form
          className="answer-form"
          aria-label="Answer"
          aria-busy={busy === "submit"}
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <p className="muted tries">
            Try {view.triesUsed + 1} of {view.maxTries}
          </p>
          {grid ? <GridInput grid={grid} cells={cells} onChange={setCells} vars={view.vars} /> : null}
          {(grid ? [] : fields).map((text, i) => {
            const id = `answer-${i}`;
            const preview = previews[i] ?? ({ state: "empty" } as const);
            const ignored = firstIsWhole && i > 0;
            return (
              <div className="field answer-field" key={i}>
                <label htmlFor={id}>{fieldLabel(i)}</label>
                <input
                  id={id}
                  ref={(el) => {
                    inputs.current[i] = el;
                  }}
                  value={text}
                  onChange={(e) => {
                    const v = e.target.value;
                    setFields((fs) => fs.map((f, k) => (k === i ? v : f)));
                  }}
                  onFocus={() => {
                    lastFocused.current = i;
                  }}
                  autoComplete="off"
                  autoCapitalize="off"
                  autoCorrect="off"
                  spellCheck={false}
                  inputMode="text"
                  maxLength={2000}
                  disabled={ignored}
                  aria-invalid={preview.state === "error" ? true : undefined}
                  aria-describedby={`${id}-preview${i === 0 ? " answer-hint" : ""}`}
                  className="answer-input"
                />
                {i === 0 ? (
                  <p id="answer-hint" className="hint">
                    {fieldHint()}
                  </p>
                ) : null}
                {ignored ? (
                  <p className="hint">Read from the first field.</p>
                ) : (
                  <PreviewLine preview={preview} text={text} id={`${id}-preview`} />
                )}
              </div>
            );
          })}

          {view.allowSpecial ? (
            <div className="special-keys" role="group" aria-label="Special answers">
              <button type="button" className="button small" onClick={() => setSpecial("DNE")}>
                DNE <span className="visually-hidden">(does not exist)</span>
              </button>
              <button
                type="button"
                className="button small"
                onClick={() => setSpecial("inf")}
                aria-label="Infinity"
              >
                ∞
              </button>
              <button
                type="button"
                className="button small"
                onClick={() => setSpecial("-inf")}
                aria-label="Minus infinity"
              >
                −∞
              </button>
            </div>
          ) : null}

          {grid ? null : (
            <div className="math-keys" role="group" aria-label="Math keys" data-testid="math-keys">
              {MATH_KEYS.map((k) => (
                <button
                  key={k.name}
                  type="button"
                  className="button small math-key"
                  aria-label={`Insert ${k.name}`}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => insertKey(k.insert, k.caret)}
                >
                  {k.label}
                </button>
              ))}
            </div>
          )}

          <div className="actions answer-actions">
            <button
              type="submit"
              className="button primary"
              disabled={!ready || busy !== null}
              data-testid="submit"
            >
              {busy === "submit" ? (
                <>
                  <span className="spinner" aria-hidden="true" /> Checking…
                </>
              ) : (
                "Check answer"
              )}
            </button>
            {!view.hint ? (
              <button
                type="button"
                className="button"
                onClick={() => void takeHint()}
                disabled={busy !== null}
              >
                {busy === "hint" ? "Getting the hint…" : "Hint (a right answer then counts as Hard)"}
              </button>
            ) : null}
            {!confirmReveal ? (
              <button
                type="button"
                className="button"
                onClick={() => {
                  setConfirmReveal(true);
                  setFocusRequest((r) => ({ to: "reveal", seq: (r?.seq ?? 0) + 1 }));
                }}
                disabled={busy !== null}
              >
                Show me the answer
              </button>
            ) : null}
          </div>
          {confirmReveal ? (
            <div className="confirm" role="group" aria-label="Show the answer?">
              <p>Show the answer? This problem then ends and counts as not known yet.</p>
              <div className="actions">
                <button
                  ref={revealYes}
                  type="button"
                  className="button danger"
                  onClick={() => void reveal()}
                  disabled={busy !== null}
                >
                  {busy === "reveal" ? "Showing…" : "Yes, show the answer"}
                </button>
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    setConfirmReveal(false);
                    focusAnswer();
                  }}
                >
                  Keep trying
                </button>
              </div>
            </div>
          ) : null}
        </form>
      ) : null}

      {finished ? (
        <section className="finished" aria-labelledby="solution-title" data-testid="finished">
          <p className={`outcome outcome-${view.outcome ?? "wrong"}`} data-testid="outcome">
            {view.outcome === "right"
              ? "Solved. Here is the worked solution."
              : view.outcome === "revealed"
                ? "The answer was shown; this problem is finished and will come back sooner."
                : "No tries left; here is the answer. This skill will come back sooner."}
          </p>
          {view.key ? (
            <div className="card key">
              <h2>The answer</h2>
              <div data-testid="key">
                <Formula display tex={view.key.latex} label="The answer" />
              </div>
            </div>
          ) : null}
          {view.solution ? (
            <div className="card solution" data-testid="solution">
              <h2 id="solution-title">Worked solution</h2>
              <ol className="solution-steps">
                {view.solution.steps.map((s, i) => (
                  <li key={i}>
                    <p>{s.text}</p>
                    {s.latex ? <Formula display tex={s.latex} /> : null}
                  </li>
                ))}
              </ol>
              <div className="solution-answer">
                <Formula display tex={view.solution.answerLatex} label="Result" />
              </div>
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
                {PLOT_CAPTION[view.kind] ?? "The picture of this problem."}
              </figcaption>
            </figure>
          ) : null}
          <div className="actions">
            <a ref={nextRef} className="button primary" href={step.href} data-testid="next">
              {step.label}
            </a>
            <a className="button" href="/practice">
              All skills
            </a>
          </div>
        </section>
      ) : null}

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
