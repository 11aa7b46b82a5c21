// Statements for people: the plain text of a generated statement keeps the explicit `*` of the
// canonical form (`(-2*x^2 + 7)*ln(x)`); shown to a learner it reads like a textbook instead
// (`(-2x^2 + 7) ln(x)`), in notation the answer box still reads the same way.

const FUNCTION_START =
  /^(sin|cos|tan|sec|csc|cot|asin|acos|atan|asec|acsc|acot|sinh|cosh|tanh|exp|ln|log|sqrt|abs|sign)\(/;

/**
 * Drops a `*` where writing the factors side by side reads the same: `2*x` -> `2x`, `2*(x + 1)` ->
 * `2(x + 1)`, `x*y` -> `xy`; keeps a space before a function or after a bracket or an exponent
 * (`x sin(x)`, `(x + 1) ln(x)`, `x^2 y`); leaves `*` before a number or a sign.
 */
export function readableText(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch !== "*" || i === 0) {
      out += ch;
      continue;
    }
    const before = s[i - 1]!;
    const rest = s.slice(i + 1);
    const next = rest[0] ?? "";
    // After a fraction (3/2*x) the `*` stays: 3/2x would read as ambiguous.
    const afterFraction = /\/[0-9.]+$/.test(s.slice(0, i));
    if (!/[0-9A-Za-z)]/.test(before) || !/[A-Za-z(]/.test(next) || afterFraction) {
      out += ch;
      continue;
    }
    // The factor before ends with an exponent (x^2) or a bracket, or a function follows: a space.
    const exponentBefore = /\^[0-9A-Za-z]+$/.test(s.slice(0, i));
    out += before === ")" || exponentBefore || FUNCTION_START.test(rest) ? " " : "";
  }
  return out;
}
