// How an answer is written, shared by grading and the live preview. The preview runs in the browser,
// so this file stays small and imports nothing heavy: the grader must not reach the client bundle.

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
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charAt(i);
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    else if ((c === "," || c === ";") && depth === 0) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts.length > 1 ? parts.map((p) => p.trim()) : null;
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
