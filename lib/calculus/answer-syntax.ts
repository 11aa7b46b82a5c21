// How an answer is written, shared by the core's answer forms, grading and the live preview. The
// preview runs in the browser, so this file stays small and imports nothing: the grader must not
// reach the client bundle.

const OPEN_CLOSE: Record<string, string> = { "(": ")", "[": "]", "<": ">", "⟨": "⟩", "{": "}" };

/** "(a, b)", "<a, b>", "[a, b]" or "a, b" -> ["a", "b"]; null when there is no top-level comma. */
export function splitVector(text: string): string[] | null {
  let s = text.trim();
  const open = s.charAt(0);
  const close = OPEN_CLOSE[open];
  if (close !== undefined && s.endsWith(close)) {
    // Only strip when the opening bracket closes at the very end.
    let depth = 0;
    let matchesEnd = true;
    for (let i = 0; i < s.length; i++) {
      const c = s.charAt(i);
      if (c === "(" || c === "[" || c === "{") depth++;
      else if (c === ")" || c === "]" || c === "}") depth--;
      if (open !== "<" && open !== "⟨" && depth === 0 && i < s.length - 1) {
        matchesEnd = false;
        break;
      }
    }
    if (matchesEnd) s = s.slice(1, -1);
  }
  const parts = splitTopLevel(s, ",;");
  return parts.length > 1 ? parts.map((p) => p.trim()) : null;
}

/** Splits `s` at any of `separators` outside brackets (so `f(1, 2)` stays whole). */
function splitTopLevel(s: string, separators: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charAt(i);
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    else if (depth === 0 && separators.includes(c)) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

/**
 * Splits pasted or typed text into rows of cells: `[[1,2],[3,4]]`, `[1, 2]`, `1 2 3`, `1, 2; 3, 4`,
 * or rows on separate lines (a spreadsheet's tab-separated rows). Null when nothing is there.
 */
export function splitGridText(text: string): string[][] | null {
  const t = text.trim();
  if (t === "") return null;
  const outer = /^\[\s*\[([\s\S]*)\]\s*\]$/.exec(t);
  if (outer) {
    const rows = (outer[1] ?? "").split(/\]\s*,?\s*\[/);
    return rows.map((r) => splitCells(r));
  }
  const bracketed = /^[[(]([\s\S]*)[\])]$/.exec(t);
  const body = bracketed ? (bracketed[1] ?? "") : t;
  const rows = body.split(/\s*(?:;|\r?\n)\s*/).filter((r) => r.trim() !== "");
  return rows.map((r) => splitCells(r));
}

/** Cells of one row: separated by commas or tabs, else by spaces between complete numbers. */
function splitCells(row: string): string[] {
  const r = row.trim();
  if (/[,\t]/.test(r)) return splitTopLevel(r, ",\t").map((c) => c.trim());
  // "1 -2 3/4": spaces separate cells only when every piece is a plain number.
  const pieces = r.split(/\s+/);
  if (pieces.length > 1 && pieces.every((p) => /^[+\-−]?\d+(\.\d+)?(\/\d+)?$/.test(p))) return pieces;
  return [r];
}

/**
 * The left-hand side of "LHS = answer" when it names what is asked for (f'(2), df/dx, grad f(1, 2),
 * L): letters, primes and d/∂/∇, with numbers only inside brackets; else null.
 */
export function lhsOf(text: string): string | null {
  const i = text.indexOf("=");
  if (i < 0 || text.indexOf("=", i + 1) >= 0) return null;
  const lhs = text.slice(0, i).trim();
  if (lhs === "" || lhs.length > 30 || !/^[A-Za-z0-9'′∂∇π/*()_,.\s^+\-−]+$/.test(lhs)) return null;
  const outside = lhs.replace(/\([^()]*\)/g, "");
  if (/[0-9+\-−]/.test(outside) || !/[A-Za-z∂∇]/.test(outside)) return null;
  return lhs;
}
