// A teacher's typed problem of Parts 2 and 3: symbols with their shapes ("W: m x n, x: n, y: m"), a
// function of them (‖Wx − y‖^2), the symbol to differentiate by and what is asked (∂f/∂V or ∇_V f).
// Answers are graded against the derivative computed by the matrix core's forward-mode automatic
// differentiation, so no key needs to be written; a key the teacher does write is checked against it
// and then shown to students once they finish. Pure; never throws; refuses what the core cannot check.
import {
  type Asks,
  type DeclInput,
  declare,
  derivativeKey,
  grade,
  readMatrix,
  toText,
} from "../calculus/matrix";
import { matrixProblem } from "./matrix-problem";
import type { Problem } from "./types";

export interface AuthoredMatrixSpec {
  kind: "matrix";
  /** "W: m x n, x: n, y: m", a symbol's properties in brackets: "A: n x n (symmetric)". */
  symbols: string;
  f: string;
  wrt: string;
  asks: Asks;
  /** Optional: the key as the teacher writes it (checked against the derivative). */
  key?: string;
}

type Failure = { ok: false; error: { code: "UNREADABLE" | "CANNOT_KEY" | "BAD_VARIABLE"; message: string } };
const fail = (code: Failure["error"]["code"], message: string): Failure => ({
  ok: false,
  error: { code, message },
});

const ENTRY = /^([A-Za-z][A-Za-z0-9_]{0,15})\s*:\s*([^()]+?)\s*(?:\(([a-z ,]+)\))?$/;

/** "W: m x n, x: n, y: m" as declarations, or why it cannot be read. */
export function readSymbols(text: string): { ok: true; decls: DeclInput } | Failure {
  const parts = text
    .split(/[,;]\s*(?=[A-Za-z][A-Za-z0-9_]*\s*:)/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length === 0) return fail("BAD_VARIABLE", "Declare the symbols, e.g. W: m x n, x: n, y: m.");
  if (parts.length > 8) return fail("BAD_VARIABLE", "At most eight symbols.");
  const decls: Record<string, string | { shape: string; props: string[] }> = {};
  for (const part of parts) {
    const m = ENTRY.exec(part);
    if (!m)
      return fail(
        "BAD_VARIABLE",
        `'${part.slice(0, 30)}' is not a declaration: write a name, a colon and a shape (scalar, n, m x n).`,
      );
    const [, name, shape, props] = m as unknown as [string, string, string, string | undefined];
    if (name in decls) return fail("BAD_VARIABLE", `'${name}' is declared twice.`);
    decls[name] = props
      ? {
          shape,
          props: props
            .split(/[\s,]+/)
            .map((p) => p.trim())
            .filter(Boolean),
        }
      : shape;
  }
  const d = declare(decls);
  if (!d.ok) return fail("BAD_VARIABLE", d.error.message);
  return { ok: true, decls };
}

/** The stored problem, or the reason the core cannot pose or check it. */
export function authoredMatrixProblem(
  spec: AuthoredMatrixSpec,
  base: { skill: string; seed: number; version: number },
): { ok: true; problem: Problem } | Failure {
  const symbols = readSymbols(spec.symbols);
  if (!symbols.ok) return symbols;
  const declared = declare(symbols.decls);
  if (!declared.ok) return fail("BAD_VARIABLE", declared.error.message);
  const decls = declared.decls;
  if (!decls.symbols.has(spec.wrt))
    return fail("BAD_VARIABLE", `'${spec.wrt.slice(0, 16)}' is not one of the declared symbols.`);
  const f = readMatrix(spec.f, decls);
  if (!f.ok) {
    const at = f.error.at === undefined ? "" : ` (at character ${f.error.at + 1})`;
    return fail("UNREADABLE", `The function cannot be read: ${f.error.message}${at}.`);
  }
  const derived = derivativeKey(decls, f.typed, spec.wrt, spec.asks);
  if (!derived.ok) return fail("CANNOT_KEY", derived.error.message);
  const shape = derived.key.shape;
  // Answers could be checked: the derivative can be sampled (against a zero of its shape).
  const zero = readMatrix("0", decls, shape);
  const probe = zero.ok ? grade(decls, derived.key, zero.typed) : null;
  if (!probe?.ok)
    return fail(
      "CANNOT_KEY",
      "Answers to this problem could never be checked: its derivative is undefined almost everywhere answers are compared.",
    );
  if (probe.equivalent)
    return fail("CANNOT_KEY", "The derivative is zero everywhere: there is nothing to ask.");
  const keyText = spec.key?.trim() ?? "";
  let key = "";
  if (keyText !== "") {
    const read = readMatrix(keyText, decls, shape);
    if (!read.ok) return fail("UNREADABLE", `The key cannot be read: ${read.error.message}.`);
    const verdict = grade(decls, derived.key, read.typed);
    if (!verdict.ok || !verdict.equivalent)
      return fail(
        "CANNOT_KEY",
        `Your key is not the derivative of f${verdict.ok && verdict.counterexample ? `: ${verdict.counterexample}` : "."}`,
      );
    key = toText(read.expr);
  }
  const what = spec.asks === "gradient" ? `∇_${spec.wrt} f` : `∂f/∂${spec.wrt}`;
  try {
    const built = matrixProblem({
      decls: symbols.decls,
      f: toText(f.expr),
      wrt: spec.wrt,
      asks: spec.asks,
      key,
      steps: [
        {
          text: key
            ? "Your teacher's answer, checked against the derivative of f computed numerically (forward-mode automatic differentiation)."
            : `Your teacher wrote no expression for ${what}: answers were checked against the derivative of f computed numerically (forward-mode automatic differentiation).`,
        },
      ],
    });
    return { ok: true, problem: { ...base, kind: "matrix", answerKind: "matrix", ...built } };
  } catch {
    return fail("CANNOT_KEY", "This problem could not be built.");
  }
}
