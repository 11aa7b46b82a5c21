// Properties: the parser never throws on any string, and trees keep ast.ts's invariants.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { children, type Expr, UNARY_FUNCTIONS } from "../../lib/calculus/ast";
import { ERROR_CODES } from "../../lib/calculus/errors";
import { parse, parseAnswer, type ParseResult } from "../../lib/calculus/parse";

/** Checks ast.ts's invariants; returns a description of the first violation. */
function violation(e: Expr): string | undefined {
  switch (e.kind) {
    case "num":
      if (!Number.isFinite(e.value) || e.value < 0) return `bad number ${e.value}`;
      break;
    case "const":
      if (e.name !== "pi" && e.name !== "e") return `bad constant ${String(e.name)}`;
      break;
    case "var":
      if (!/^[A-Za-z][0-9]*$/.test(e.name)) return `bad variable ${e.name}`;
      break;
    case "add":
      if (e.terms.length < 2 || e.terms.some((t) => t.kind === "add")) return "unflattened add";
      break;
    case "mul":
      if (e.factors.length < 2 || e.factors.some((t) => t.kind === "mul")) return "unflattened mul";
      break;
    case "call":
      if (!(UNARY_FUNCTIONS as readonly string[]).includes(e.fn)) return `bad function ${e.fn}`;
      break;
    case "logb":
      if (!(Number.isFinite(e.base) && e.base > 0 && e.base !== 1)) return `bad log base ${e.base}`;
      break;
    case "neg":
    case "div":
    case "pow":
      break;
  }
  for (const c of children(e)) {
    const v = violation(c);
    if (v !== undefined) return v;
  }
  return undefined;
}

function checkResult(r: ParseResult, input: string): void {
  if (r.ok) {
    expect(violation(r.expr)).toBeUndefined();
    // plain data: survives JSON
    expect(JSON.parse(JSON.stringify(r.expr))).toEqual(r.expr);
    for (const w of r.warnings) {
      expect(w.code).toBe("AMBIGUOUS");
      expect(w.at).toBeGreaterThanOrEqual(0);
      expect(w.at).toBeLessThanOrEqual(input.length);
    }
  } else {
    expect(ERROR_CODES).toContain(r.error.code);
    expect(r.error.message.length).toBeGreaterThan(0);
    expect(r.error.at).toBeGreaterThanOrEqual(0);
    expect(r.error.at).toBeLessThanOrEqual(input.length);
  }
}

const TOKENS = [
  "x",
  "y",
  "e",
  "pi",
  "π",
  "2",
  "0.5",
  ".5",
  "3.",
  "10",
  " ",
  "  ",
  "+",
  "-",
  "−",
  "*",
  "**",
  "/",
  "^",
  "·",
  "(",
  ")",
  "[",
  "]",
  "{",
  "}",
  "|",
  "√",
  "²",
  "⁻¹",
  "sin",
  "cos",
  "tan",
  "ln",
  "log",
  "log_2",
  "log_3",
  "log10",
  "exp",
  "sqrt",
  "abs",
  "arcsin",
  "sin^2",
  "sin^-1",
  "xy",
  "xe",
  "x2",
  "=",
  ",",
  "∞",
  "_",
  "$",
  "\u0000",
  "\ud800",
  "sinx",
  "DNE",
  "inf",
];

const grammarish = fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((ts) => ts.join(""));

describe("parse properties", () => {
  it("never throws on arbitrary unicode strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (s) => {
        checkResult(parse(s), s);
        checkResult(parse(s, { vars: ["x", "y"] }), s);
        const a = parseAnswer(s, { allowSpecial: true });
        if (!a.ok || a.kind === "expr")
          checkResult(a.ok ? { ok: true, expr: a.expr, warnings: a.warnings } : a, s);
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws on grammar-like token soup; trees keep the invariants", () => {
    fc.assert(
      fc.property(grammarish, fc.boolean(), (s, declared) => {
        checkResult(parse(s, declared ? { vars: ["x", "y"] } : undefined), s);
      }),
      { numRuns: 5000 },
    );
  });

  it("never throws on long token soup near the limits", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { minLength: 200, maxLength: 900 }), (ts) => {
        const s = ts.join("");
        checkResult(parse(s), s);
      }),
      { numRuns: 200 },
    );
  });

  it("reads whitespace-padded input the same way", () => {
    fc.assert(
      fc.property(grammarish, (s) => {
        const a = parse(s);
        const b = parse(`  ${s}\u00a0`);
        expect(b.ok).toBe(a.ok);
        if (a.ok && b.ok) expect(b.expr).toEqual(a.expr);
      }),
      { numRuns: 1000 },
    );
  });
});
