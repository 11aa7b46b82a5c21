// Whole-answer forms beyond a single expression: a vector typed in one field (`(a, b)`, `<a, b>`,
// `a, b`, or with unit vectors `a i + b j + c k`) and a line typed as an equation
// (`y = 3x - 2`, point-slope `y - 1 = 3(x - 1)`). Each reads into plain expressions that the
// equivalence check compares with the key; text that is not such a form gives null (read it as an
// expression) or a form error saying what to type.
import { add, type Expr, freeVariables, mul, neg, num, div, substitute, variable } from "./ast";
import type { CoreError } from "./errors";
import { equivalent } from "./equiv";
import { parse, type ParseWarning } from "./parse";
import { simplify } from "./simplify";

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

export type FormResult =
  { ok: true; exprs: Expr[]; warnings: ParseWarning[] } | { ok: false; error: CoreError };

const UNITS = ["i", "j", "k"] as const;

/** `î`, `ĵ`, `k̂` as the plain letters (same length, so positions hold). */
function plainUnits(text: string): string {
  return text
    .replace(/\u00ee/g, "i")
    .replace(/\u0135/g, "j")
    .replace(/k\u0302/g, "k ");
}

/**
 * A vector of `n` (2 or 3) components written with the unit vectors i, j (, k): `2x i + 3y j`,
 * `(2x)i - j`, `3î + 4ĵ`. Null when the text uses none of them or they are variables of the
 * problem; a form error when it uses them but is not a sum of multiples of them.
 */
export function readUnitVector(text: string, vars: readonly string[], n: number): FormResult | null {
  if (n < 2 || n > 3) return null;
  const units = UNITS.slice(0, n);
  if (units.some((u) => vars.includes(u))) return null;
  const plain = plainUnits(text);
  if (!units.some((u) => plain.includes(u))) return null;
  const r = parse(plain, { vars: [...vars, ...units] });
  if (!r.ok) return null;
  const zero: Record<string, Expr> = {};
  for (const u of units) zero[u] = num(0);
  const rest = substitute(r.expr, zero);
  const exprs = units.map((u) => add(substitute(r.expr, { ...zero, [u]: num(1) }), neg(rest)));
  const all = [...vars, ...units];
  const rebuilt = add(...exprs.map((c, i) => mul(c, variable(units[i]!))));
  const linear = equivalent(r.expr, add(rebuilt, rest), { vars: all });
  const noConstant = equivalent(num(0), rest, { vars: [...vars] });
  const used = new Set(freeVariables(r.expr));
  if (
    !linear.ok ||
    !linear.equivalent ||
    !noConstant.ok ||
    !noConstant.equivalent ||
    !units.some((u) => used.has(u))
  ) {
    return {
      ok: false,
      error: {
        code: "BAD_SHAPE",
        message: `Write the vector as a sum of multiples of ${units.join(", ")}, like 2x i + 3 j, or as (${units.map((_, i) => `a${i + 1}`).join(", ")})`,
      },
    };
  }
  return { ok: true, exprs, warnings: r.warnings };
}

/**
 * A line `y = f(x)` typed as an equation in y and the problem's variables, solved for y when y
 * occurs to the first power with a constant coefficient: `y = 3x - 2`, `y - 1 = 3(x - 1)`,
 * `2y = 6x - 4`. Null without a single '=' or when y is a variable of the problem.
 */
export function readLineEquation(text: string, vars: readonly string[]): FormResult | null {
  const at = text.indexOf("=");
  if (at < 0 || text.indexOf("=", at + 1) >= 0 || vars.includes("y")) return null;
  const lhsText = text.slice(0, at);
  const rhsText = text.slice(at + 1);
  const withY = [...vars, "y"];
  const bad = (message: string, pos = at): FormResult => ({
    ok: false,
    error: { code: "BAD_LINE", message, at: pos },
  });
  const lhs = parse(lhsText, { vars: withY });
  if (!lhs.ok) return bad(`Before '=': ${lhs.error.message}`, lhs.error.at);
  const rhs = parse(rhsText, { vars: withY });
  if (!rhs.ok) {
    const where = rhs.error.at === undefined ? undefined : rhs.error.at + at + 1;
    return bad(`After '=': ${rhs.error.message}`, where);
  }
  const d = add(lhs.expr, neg(rhs.expr));
  if (!freeVariables(d).includes("y")) return bad("Write the line as an equation in y, like y = 3x - 2");
  const at0 = substitute(d, { y: num(0) });
  const coefficient = simplify(add(substitute(d, { y: num(1) }), neg(at0)));
  const c = coefficient.ok ? coefficient.expr : null;
  const linear = c ? equivalent(d, add(mul(c, variable("y")), at0), { vars: withY }) : null;
  if (
    !c ||
    freeVariables(c).length > 0 ||
    (c.kind === "num" && c.value === 0) ||
    !linear?.ok ||
    !linear.equivalent
  ) {
    return bad("Write the line as y = (an expression in x), or as y - y0 = m(x - x0)");
  }
  const solved = div(neg(at0), c);
  return { ok: true, exprs: [solved], warnings: [...lhs.warnings, ...rhs.warnings] };
}
