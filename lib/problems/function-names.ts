// What a teacher is told when a function they typed does not exist in the reader (`floor(x)`): the
// name and the functions that do, rather than the reader's "unknown name 'f'" about its first letter.
import { FUNCTION_NAMES, LETTER_FUNCTION_NAMES, REGIONAL_FUNCTION_NAMES } from "../calculus/lex-names";

/** The functions f may use, as the reader names them (its aliases, such as arcsin, read as these). */
export const SUPPORTED_FUNCTIONS = [...new Set(FUNCTION_NAMES.values()), "log_b"].join(", ");

/**
 * The message for the first `name(` in `text` that is neither a function, nor a declared name, nor a
 * product of declared names and the constants e and pi (`xy(x+1)`); null when there is none.
 */
export function unsupportedFunction(text: string, names: readonly string[]): string | null {
  const pieces = [...names, "pi", "e"].sort((a, b) => b.length - a.length).map((n) => n.replace(/\W/g, ""));
  const product = new RegExp(`^(?:${pieces.join("|")})+$`);
  for (const m of text.matchAll(/([A-Za-z][A-Za-z0-9]*)\s*\(/g)) {
    const word = m[1]!;
    const lower = word.toLowerCase();
    if (FUNCTION_NAMES.has(lower) || REGIONAL_FUNCTION_NAMES.has(lower) || product.test(word)) continue;
    // A known function glued to other letters (`xsin(x)`): the reader's own message says more.
    if (LETTER_FUNCTION_NAMES.some((f) => lower.includes(f))) continue;
    return `${word.slice(0, 20)} is not a supported function (supported: ${SUPPORTED_FUNCTIONS}).`;
  }
  return null;
}
