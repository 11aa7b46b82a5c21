"use client";
// A concrete vector or matrix typed cell by cell: the right number of cells for the asked shape, Tab
// and the arrow keys move between them, pasting a row (`1, 2, 3`), a column, or a whole matrix
// (`[[1,2],[3,4]]`, rows from a spreadsheet) fills the grid from the cell pasted into, and a live
// reading shows the matrix and its shape, or the first cell that cannot be read.
import { type ClipboardEvent, type KeyboardEvent, useMemo, useRef } from "react";
import { Formula } from "@/components/Formula";
import { previewAnswer } from "@/lib/problems/preview";
import { splitGridText } from "@/lib/calculus/answer-syntax";
import type { GridView } from "@/lib/server/practice/practice.types";

export const emptyCells = (g: GridView): string[][] =>
  Array.from({ length: g.rows }, () => Array.from({ length: g.cols }, () => ""));

function shapeWords(rows: number, cols: number): string {
  if (rows === 1 && cols === 1) return "a number";
  if (rows === 1) return `a 1×${cols} row`;
  if (cols === 1) return `a ${rows}×1 column`;
  return `a ${rows}×${cols} matrix`;
}

/** Pasted cells placed from (i, j): a single row pasted into a column grid fills the column. */
export function placePasted(
  g: GridView,
  cells: string[][],
  at: [number, number],
  pasted: string[][],
): string[][] {
  const rows = g.cols === 1 && pasted.length === 1 && g.rows > 1 ? pasted[0]!.map((c) => [c]) : pasted;
  const next = cells.map((r) => [...r]);
  rows.forEach((row, di) =>
    row.forEach((text, dj) => {
      const i = at[0] + di;
      const j = at[1] + dj;
      if (i < g.rows && j < g.cols && g.kinds[i]?.[j] !== "word") next[i]![j] = text.trim();
    }),
  );
  return next;
}

export function GridInput({
  grid,
  cells,
  onChange,
  vars,
  disabled,
}: {
  grid: GridView;
  cells: string[][];
  onChange: (cells: string[][]) => void;
  vars: string[];
  disabled?: boolean;
}) {
  const refs = useRef<(HTMLInputElement | HTMLSelectElement | null)[][]>([]);
  const focus = (i: number, j: number) => {
    const el = refs.current[i]?.[j];
    el?.focus();
    if (el instanceof HTMLInputElement) el.select();
  };

  const previews = useMemo(
    () =>
      cells.map((row, i) =>
        row.map((text, j) =>
          grid.kinds[i]?.[j] === "word"
            ? null
            : previewAnswer(text, {
                answerKind: grid.kinds[i]?.[j] === "expression" ? "expression" : "number",
                vars: grid.kinds[i]?.[j] === "expression" ? vars : [],
                allowSpecial: false,
              }),
        ),
      ),
    [cells, grid.kinds, vars],
  );
  const firstError = (() => {
    for (const [i, row] of previews.entries())
      for (const [j, p] of row.entries())
        if (p?.state === "error")
          return { label: grid.labels[i]?.[j] ?? `entry (${i + 1}, ${j + 1})`, message: p.error.message };
    return null;
  })();
  const complete = previews.every((row, i) =>
    row.every((p, j) => (p ? p.state === "ok" : cells[i]?.[j] !== "")),
  );
  const readingTex = complete
    ? grid.rows * grid.cols === 1
      ? previews[0]![0]?.state === "ok"
        ? previews[0]![0].latex
        : `\\text{${cells[0]![0]}}`
      : `\\begin{pmatrix} ${previews
          .map((row, i) =>
            row
              .map((p, j) =>
                p?.state === "ok" ? p.latex : `\\text{${(cells[i]?.[j] ?? "").replace(/[^a-z ]/gi, "")}}`,
              )
              .join(" & "),
          )
          .join(" \\\\ ")} \\end{pmatrix}`
    : null;

  function set(i: number, j: number, text: string) {
    onChange(cells.map((r, a) => r.map((c, b) => (a === i && b === j ? text : c))));
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement | HTMLSelectElement>, i: number, j: number) {
    const el = e.currentTarget;
    const atStart = !(el instanceof HTMLInputElement) || (el.selectionStart === 0 && el.selectionEnd === 0);
    const atEnd = !(el instanceof HTMLInputElement) || el.selectionStart === el.value.length;
    if (e.key === "ArrowRight" && atEnd && j + 1 < grid.cols) {
      e.preventDefault();
      focus(i, j + 1);
    } else if (e.key === "ArrowLeft" && atStart && j > 0) {
      e.preventDefault();
      focus(i, j - 1);
    } else if (e.key === "ArrowDown" && el instanceof HTMLInputElement && i + 1 < grid.rows) {
      e.preventDefault();
      focus(i + 1, j);
    } else if (e.key === "ArrowUp" && el instanceof HTMLInputElement && i > 0) {
      e.preventDefault();
      focus(i - 1, j);
    }
  }

  function onPaste(e: ClipboardEvent<HTMLInputElement>, i: number, j: number) {
    const text = e.clipboardData.getData("text");
    const pasted = splitGridText(text);
    if (!pasted || (pasted.length === 1 && pasted[0]!.length === 1)) return; // one value: an ordinary paste
    e.preventDefault();
    onChange(placePasted(grid, cells, [i, j], pasted));
  }

  return (
    <div className="grid-answer" data-testid="grid-answer">
      <p className="grid-object" id="grid-object">
        Your answer: {grid.object}.{" "}
        <span className="muted">Expected shape: {shapeWords(grid.rows, grid.cols)}.</span>
      </p>
      <div
        className={`grid-cells${grid.rows * grid.cols > 1 ? " grid-matrix" : ""}`}
        role="group"
        aria-labelledby="grid-object"
        style={{ gridTemplateColumns: `repeat(${grid.cols}, minmax(3.5rem, 1fr))` }}
      >
        {cells.map((row, i) =>
          row.map((text, j) => {
            const label = grid.labels[i]?.[j] ?? `entry (${i + 1}, ${j + 1})`;
            const where = grid.rows * grid.cols > 1 ? ` (row ${i + 1}, column ${j + 1})` : "";
            const common = {
              id: `cell-${i}-${j}`,
              "aria-label": `${label}${where}`,
              disabled,
              "data-testid": `cell-${i}-${j}`,
            };
            const ref = (el: HTMLInputElement | HTMLSelectElement | null) => {
              (refs.current[i] ??= [])[j] = el;
            };
            if (grid.kinds[i]?.[j] === "word") {
              return (
                <select
                  key={`${i}-${j}`}
                  {...common}
                  ref={ref}
                  value={text}
                  className="grid-cell"
                  onChange={(e) => set(i, j, e.target.value)}
                  onKeyDown={(e) => onKeyDown(e, i, j)}
                >
                  <option value="">Choose…</option>
                  {(grid.choices ?? []).map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              );
            }
            const p = previews[i]?.[j];
            return (
              <input
                key={`${i}-${j}`}
                {...common}
                ref={ref}
                value={text}
                className="grid-cell answer-input"
                aria-invalid={p?.state === "error" ? true : undefined}
                autoComplete="off"
                autoCapitalize="off"
                autoCorrect="off"
                spellCheck={false}
                inputMode="text"
                maxLength={500}
                onChange={(e) => set(i, j, e.target.value)}
                onKeyDown={(e) => onKeyDown(e, i, j)}
                onPaste={(e) => onPaste(e, i, j)}
              />
            );
          }),
        )}
      </div>
      <p className="hint">
        Tab or the arrow keys move between cells; paste a row, a column or a whole matrix such as [[1, 2], [3,
        4]] to fill several cells. Exact values (3/2, -1/4) or decimals with at least 3 significant figures.
      </p>
      <div className="answer-preview" data-testid="answer-preview" aria-live="polite">
        {firstError ? (
          <p className="field-error" data-testid="parse-error">
            {firstError.label}: {firstError.message}
          </p>
        ) : readingTex ? (
          <div className="preview-ok">
            <span className="preview-label">Reads as {shapeWords(grid.rows, grid.cols)}:</span>{" "}
            <Formula tex={readingTex} />
          </div>
        ) : (
          <span className="muted">Fill in every cell; the reading shows here.</span>
        )}
      </div>
    </div>
  );
}
