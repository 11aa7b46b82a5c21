// Hostile input through every operation of the core: an answer or a structured error, never an
// exception, and bounded work by design (length, depth and node budgets).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { handle } from "../../lib/calculus/tool-protocol";

const HOSTILE: string[] = [
  "x^x^x^x^x^x^x^x",
  "((((((((((x^x)^x)^x)^x)^x)^x)^x)^x)^x)^x)",
  "sin(sin(sin(sin(sin(sin(sin(sin(sin(sin(sin(sin(sin(sin(sin(sin(x))))))))))))))))",
  "x^999999999",
  "(x+1)^100000",
  "2^2^2^2^2",
  "10^400 x",
  "99999999999999999999999x",
  "0.000000000000000000000001x",
  "1/0",
  "0/0 + x",
  "ln(0)",
  "sqrt(-1) x",
  "asin(2) + x",
  "(x-x)^(-1)",
  "x".repeat(1999),
  "(".repeat(60) + "x" + ")".repeat(60),
  "-".repeat(1000) + "x",
  "|".repeat(50),
  "e^e^e^e^e^e^x",
  "tan(x)^tan(x)^tan(x)",
  "(x^2+1)^(x^2+1)^(x^2+1)",
  Array.from({ length: 40 }, (_, i) => `(x+${i})`).join(""),
  Array.from({ length: 30 }, (_, i) => `sin(${i}x)`).join("*"),
  "x/(x/(x/(x/(x/(x/(x/(x/(x/(x/x)))))))))",
  "\u0000x",
  "x\uD800",
  "𝑥^2",
];

describe("hostile input never throws", () => {
  it.each(HOSTILE.map((s) => [s.length > 40 ? s.slice(0, 40) + "…" : s, s]))("diff %s", (_label, s) => {
    const r = handle({ op: "diff", expr: s, var: "x" });
    expect(typeof r.ok).toBe("boolean");
    if (!r.ok)
      expect(r.error).toMatchObject({
        code: expect.any(String) as string,
        message: expect.any(String) as string,
      });
  });

  it.each(HOSTILE.map((s) => [s.length > 40 ? s.slice(0, 40) + "…" : s, s]))(
    "equiv and limit %s",
    (_label, s) => {
      for (const r of [
        handle({ op: "equiv", expected: s, answer: "x", vars: ["x"] }),
        handle({ op: "equiv", expected: "x", answer: s, vars: ["x"] }),
        handle({ op: "limit", expr: s, var: "x", to: "0", side: "both" }),
        handle({ op: "hessian", expr: s, vars: ["x", "y"] }),
      ]) {
        expect(typeof r.ok).toBe("boolean");
      }
    },
  );

  it("random requests of every operation are answered, never thrown", () => {
    const str = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom("x^2", "sin x", "1/x", "e^x", "|x|", "ln x"),
    );
    const req = fc.record({
      op: fc.constantFrom(
        "parse",
        "diff",
        "grad",
        "jacobian",
        "hessian",
        "equiv",
        "limit",
        "diagnose",
        "nope",
      ),
      input: str,
      expr: str,
      exprs: fc.array(str, { maxLength: 3 }),
      expected: str,
      answer: fc.oneof(str, fc.array(str, { maxLength: 3 })),
      var: fc.constantFrom("x", "y", "e", "", "xx"),
      vars: fc.oneof(
        fc.constant(["x"]),
        fc.constant(["x", "y"]),
        fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 }),
      ),
      to: fc.constantFrom("0", "inf", "-inf", "pi/2", "x", "", "1/0"),
      side: fc.constantFrom("both", "left", "right", "up"),
      task: fc.constantFrom("derivative", "partial", "gradient", "other"),
      f: str,
    });
    fc.assert(
      fc.property(req, (r) => {
        const out = handle(r);
        return typeof out.ok === "boolean";
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});
