// The one reader of special answers and of infinity as a limit target: DNE, "does not exist",
// "doesn't exist" or "no limit", and
// infinity written inf, infinity, ∞ or oo (as computer algebra systems print it), with an optional
// sign (+, -, or the typographic minus and dashes), any case, full-width forms and spaces allowed.
// The parser, the limit request of the command-line tool, the authored-problem reader, grading and
// the live preview all read these words here, so they cannot disagree.
import { isSpace, normCode } from "./lex";

export type SpecialAnswer = "dne" | "inf" | "-inf";

/** `input` with full-width forms folded, dashes made '-', spaces collapsed, trimmed, lower case. */
function normalized(input: string): string {
  let s = "";
  let lastSpace = true;
  for (let i = 0; i < input.length; i++) {
    let c = normCode(input.charCodeAt(i));
    if (isSpace(c)) {
      if (!lastSpace) s += " ";
      lastSpace = true;
      continue;
    }
    lastSpace = false;
    if (c === 0x2212 || (c >= 0x2010 && c <= 0x2014) || c === 0xfe63) c = 0x2d;
    s += String.fromCharCode(c);
  }
  return s.trim().toLowerCase();
}

/** How learners write "the limit does not exist" (a final full stop is dropped first). */
const DNE_WORDS = new Set(["dne", "d.n.e", "does not exist", "doesn't exist", "doesn’t exist", "no limit"]);

/** The special answer `input` spells, if any. */
export function readSpecial(input: string): SpecialAnswer | undefined {
  const s = normalized(input).replace(/\.$/, "");
  if (DNE_WORDS.has(s)) return "dne";
  const m = /^([+-]?) ?(inf|infinity|∞|oo)$/.exec(s);
  if (!m) return undefined;
  return m[1] === "-" ? "-inf" : "inf";
}

/** The infinity `input` spells as a limit target, if any (DNE is not a target). */
export function readInfinity(input: string): "+inf" | "-inf" | undefined {
  const s = readSpecial(input);
  return s === "inf" ? "+inf" : s === "-inf" ? "-inf" : undefined;
}
