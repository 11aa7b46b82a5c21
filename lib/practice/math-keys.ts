// The math keys of the answer form: what a key does to the field's text and where the caret goes.
// A key with a closing part wraps the selection (select `x+1`, press √: `sqrt(x+1)`) or, with no
// selection, inserts both parts with the caret between them; a power or a division applies to the
// selection as a whole (`(x+1)^`). Pure: the form applies the result to the field.

export interface MathKey {
  label: string;
  /** Text put before the selection (or at the caret). */
  open: string;
  /** Text put after the selection; a key with one wraps. */
  close?: string;
  /** The key's accessible name. */
  name: string;
  /** A selection of more than one character is bracketed first (a power or a division of it). */
  bracketsSelection?: boolean;
}

export const MATH_KEYS: readonly MathKey[] = [
  { label: "^", open: "^", name: "power", bracketsSelection: true },
  { label: "√", open: "sqrt(", close: ")", name: "square root" },
  { label: "π", open: "π", name: "pi" },
  { label: "( )", open: "(", close: ")", name: "brackets" },
  { label: "/", open: "/", name: "divided by", bracketsSelection: true },
  { label: "|x|", open: "|", close: "|", name: "absolute value" },
];

/** Keys for vector and matrix answers: the notation of matrix calculus. */
export const MATRIX_KEYS: readonly MathKey[] = [
  { label: "xᵀ", open: "ᵀ", name: "transpose", bracketsSelection: true },
  { label: "⊙", open: " ⊙ ", name: "element-wise product" },
  { label: "⊘", open: " ⊘ ", name: "element-wise division" },
  { label: "·", open: " · ", name: "dot product" },
  { label: "‖ ‖", open: "‖", close: "‖", name: "norm" },
  { label: "diag", open: "diag(", close: ")", name: "diag" },
  { label: "sum", open: "sum(", close: ")", name: "sum" },
  { label: "𝟏", open: "𝟏", name: "vector of ones" },
  { label: "I", open: "I", name: "identity matrix" },
  { label: "σ", open: "σ(", close: ")", name: "sigmoid" },
  { label: "( )", open: "(", close: ")", name: "brackets" },
  { label: "^", open: "^", name: "power", bracketsSelection: true },
];

/** Whether `s` is one name or number, which a power or division needs no brackets around. */
const atomic = (s: string) => /^\s*([A-Za-z_][A-Za-z_0-9]*|\d+(\.\d+)?|π)\s*$/.test(s);

/**
 * The text after pressing `key` with the selection [start, end) of `text` (start = end: a caret),
 * and the caret's place: inside the brackets when nothing was selected, after them otherwise.
 */
export function applyMathKey(
  text: string,
  start: number,
  end: number,
  key: Pick<MathKey, "open" | "close" | "bracketsSelection">,
): { text: string; caret: number } {
  const a = Math.max(0, Math.min(start, end, text.length));
  const b = Math.max(a, Math.min(Math.max(start, end), text.length));
  const before = text.slice(0, a);
  const selected = text.slice(a, b);
  const after = text.slice(b);
  if (key.close !== undefined) {
    const middle = key.open + selected + key.close;
    const caret = selected === "" ? a + key.open.length : a + middle.length;
    return { text: before + middle + after, caret };
  }
  if (selected === "") return { text: before + key.open + after, caret: a + key.open.length };
  const base = key.bracketsSelection && !atomic(selected) ? `(${selected})` : selected;
  const middle = key.bracketsSelection ? base + key.open : key.open;
  return { text: before + middle + after, caret: a + middle.length };
}
