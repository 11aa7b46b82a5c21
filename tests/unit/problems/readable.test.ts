// Statements shown to learners read like a textbook and still parse to the same expression.
import { describe, expect, it } from "vitest";
import { equivalent } from "@/lib/calculus/equiv";
import { parse } from "@/lib/calculus/parse";
import { readableText } from "@/lib/problems/readable";

describe("readable statements", () => {
  it.each([
    ["(-2*x^2 + 7)*ln(x)", "(-2x^2 + 7) ln(x)"],
    ["2*x*sin(x)", "2x sin(x)"],
    ["2*(x + 1)", "2(x + 1)"],
    ["x^2*y", "x^2 y"],
    ["5*x*y^2 - 3*z", "5xy^2 - 3z"],
    ["4*x^3*(-2)*x", "4x^3 (-2) x"],
    ["3/2*x", "3/2*x"],
    ["2*3", "2*3"],
    ["Differentiate f(x) = 2*x*e^x with respect to x.", "Differentiate f(x) = 2xe^x with respect to x."],
  ])("%s reads %s", (input, expected) => {
    expect(readableText(input)).toBe(expected);
  });

  it("reads back as the same function", () => {
    for (const s of [
      "(-2*x^2 + 7)*ln(x)",
      "2*x*sin(x)",
      "x^2*y + x*y^3",
      "5*x*e^(2*x)*cos(x)",
      "(x + 1)*(x - 1)*sqrt(x)",
    ]) {
      const a = parse(s, { vars: ["x", "y"] });
      const b = parse(readableText(s), { vars: ["x", "y"] });
      expect(a.ok && b.ok).toBe(true);
      if (a.ok && b.ok)
        expect(equivalent(a.expr, b.expr, { vars: ["x", "y"] })).toMatchObject({ equivalent: true });
    }
  });
});
