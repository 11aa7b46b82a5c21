"use client";
// The state of one problem on the practice page and its requests: the answer fields and their live
// readings, submit (exactly once per try, resent unchanged after a lost connection), the hint, "show
// me the answer", and where focus goes after each result.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { splitVector } from "@/lib/calculus/answer-syntax";
import { type MathKey, applyMathKey } from "@/lib/practice/math-keys";
import { previewAnswer } from "@/lib/problems/preview";
import { emptyCells } from "@/components/practice/GridInput";
import type { FeedbackView, InstanceView, SubmitResult } from "@/lib/server/practice/practice.types";
import { newId, post } from "./post";

export type Busy = null | "submit" | "hint" | "reveal";

export function useProblem(initial: InstanceView) {
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
  const nextRef = useRef<(HTMLAnchorElement & HTMLButtonElement) | null>(null);
  const revealYes = useRef<HTMLButtonElement | null>(null);
  const started = useRef(Date.now());
  // The id of a try whose request may or may not have arrived; resent unchanged with the same answer.
  const pending = useRef<{ id: string; answer: string } | null>(null);

  const previews = useMemo(
    () =>
      fields.map((t) =>
        previewAnswer(t, {
          answerKind: view.answerKind,
          vars: view.vars,
          allowSpecial: view.allowSpecial,
          ...(view.matrix ? { matrix: view.matrix } : {}),
        }),
      ),
    [fields, view.answerKind, view.vars, view.allowSpecial, view.matrix],
  );
  const firstIsWhole =
    view.answerKind === "vector" &&
    fieldCount > 1 &&
    splitVector(fields[0] ?? "") !== null &&
    fields.slice(1).every((f) => f.trim() === "");
  const triesLeft = view.maxTries - view.triesUsed;

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

  async function takeHint(step: number) {
    if (busy || view.finished) return;
    setBusy("hint");
    setProblem(null);
    const r = await post<InstanceView>(`/api/practice/instances/${view.id}/hint`, { step });
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

  function askReveal() {
    setConfirmReveal(true);
    setFocusRequest((r) => ({ to: "reveal", seq: (r?.seq ?? 0) + 1 }));
  }

  function keepTrying() {
    setConfirmReveal(false);
    focusAnswer();
  }

  /** A math key at the caret: wraps the selection, or inserts balanced brackets with the caret inside. */
  function insertKey(key: MathKey) {
    const i = lastFocused.current;
    const el = inputs.current[i];
    const text = fields[i] ?? "";
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    const { text: updated, caret } = applyMathKey(text, start, end, key);
    pendingCaret.current = { field: i, at: caret };
    setFields((fs) => fs.map((f, k) => (k === i ? updated : f)));
  }

  function setSpecial(value: string) {
    setFields((fs) => fs.map((f, k) => (k === 0 ? value : f)));
    requestAnimationFrame(() => inputs.current[0]?.focus());
  }

  function setField(i: number, value: string) {
    setFields((fs) => fs.map((f, k) => (k === i ? value : f)));
  }

  return {
    view,
    fields,
    grid,
    cells,
    setCells,
    fieldCount,
    previews,
    firstIsWhole,
    feedback,
    busy,
    problem,
    confirmReveal,
    triesLeft,
    ready,
    inputs,
    lastFocused,
    nextRef,
    revealYes,
    submit,
    takeHint,
    reveal,
    askReveal,
    keepTrying,
    insertKey,
    setSpecial,
    setField,
  };
}

export type ProblemState = ReturnType<typeof useProblem>;
