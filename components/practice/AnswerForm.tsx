"use client";
// The answer form: one field per component (or one), each with its live reading; the special answers
// of limits; the math keys phones make hard to type (lib/practice/math-keys.ts: they wrap a selection); check, hint and "show me the answer" (confirmed).
import { GridInput } from "@/components/practice/GridInput";
import { MATH_KEYS, MATRIX_KEYS } from "@/lib/practice/math-keys";
import { PreviewLine } from "./AnswerPreviewLine";
import type { ProblemState } from "./useProblem";

export function AnswerForm({ problem: p }: { problem: ProblemState }) {
  const {
    view,
    fields,
    grid,
    cells,
    setCells,
    fieldCount,
    previews,
    firstIsWhole,
    busy,
    confirmReveal,
    ready,
    inputs,
    lastFocused,
    revealYes,
    submit,
    takeHint,
    reveal,
    askReveal,
    keepTrying,
    insertKey,
    setSpecial,
    setField,
  } = p;
  const nextHint = view.nextHint;
  const fieldLabel = (i: number): string => {
    if (view.answerKind === "vector")
      return fieldCount > 1 ? (view.components?.[i] ?? `Component ${i + 1}`) : "Your answer (a vector)";
    if (view.answerKind === "line") return "Your answer: the tangent line";
    if (view.matrix) return `Your answer (${view.matrix.shape})`;
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
      case "matrix":
        return `An expression in ${view.vars.join(", ")}: ᵀ or ^T transposes, ⊙ (or .*) and ⊘ (or ./) act entry by entry, · is the dot product; diag( ), sum( ), ‖ ‖, 𝟏 (1_n) and I (I_n).`;
      case "number":
        return "An exact value (3/2, pi/4, sqrt(2)) or a decimal with at least 3 significant figures.";
      default:
        return `An expression in ${view.vars.join(", ")}. Use ^ for powers, sqrt( ), abs( ), pi, e.`;
    }
  };

  return (
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
              onChange={(e) => setField(i, e.target.value)}
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
        <div
          className={view.matrix ? "math-keys matrix-keys" : "math-keys"}
          role="group"
          aria-label="Math keys"
          data-testid="math-keys"
        >
          {(view.matrix ? MATRIX_KEYS : MATH_KEYS).map((k) => (
            <button
              key={k.name}
              type="button"
              className="button small math-key"
              aria-label={`Insert ${k.name}`}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => insertKey(k)}
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
        {nextHint && view.offers?.hint !== false ? (
          <button
            type="button"
            className="button"
            onClick={() => void takeHint(nextHint.step)}
            disabled={busy !== null}
            data-testid="hint-button"
          >
            {busy === "hint"
              ? "Getting the hint…"
              : `Hint ${nextHint.step} of ${nextHint.of}: ${nextHint.reveals.toLowerCase()} (${
                  view.hints.length === 0
                    ? "a right answer then counts as Hard"
                    : "no extra cost: a right answer counts as Hard already"
                })`}
          </button>
        ) : null}
        {/* Nothing to show on a set that hides the answer, or that does not offer it: no button. */}
        {!confirmReveal && view.solutionShown && view.offers?.reveal !== false ? (
          <button type="button" className="button" onClick={askReveal} disabled={busy !== null}>
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
            <button type="button" className="button" onClick={keepTrying}>
              Keep trying
            </button>
          </div>
        </div>
      ) : null}
    </form>
  );
}
