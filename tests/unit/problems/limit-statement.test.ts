// A limit problem is stated by one builder: a generated problem and a teacher's authored problem with
// the same function and approach read the same, in words and in LaTeX, and the worked solution's
// limit sign is the statement's.
import { describe, expect, it } from "vitest";
import { parse } from "@/lib/calculus/parse";
import { solution } from "@/lib/problems";
import { authoredProblem } from "@/lib/problems/authored";
import { finish } from "@/lib/problems/build";

const expr = (s: string) => {
  const r = parse(s, { vars: ["x"] });
  if (!r.ok) throw new Error(r.error.message);
  return r.expr;
};

describe("one statement of a limit", () => {
  it.each([
    ["sin(x)/x", "0", "both", "1"],
    ["(x^2 - 4)/(x - 2)", "2", "both", "4"],
    ["1/x", "0", "right", "inf"],
    ["1/x", "0", "left", "-inf"],
    ["(3x^2 + 1)/(x^2 + 5)", "inf", "both", "3"],
    ["e^x", "-inf", "both", "0"],
  ] as const)("lim of %s as x -> %s (%s): generated and authored agree", (f, to, side, key) => {
    const authored = authoredProblem({ kind: "limit", f, var: "x", to, side });
    if (!authored.ok) throw new Error(authored.error.message);
    const generated = finish(
      { skill: "limit-test", seed: 1, version: 1 },
      { kind: "limit", f: expr(f), to, side, key: key === "inf" || key === "-inf" ? key : expr(key) },
    );
    expect(authored.problem.statement).toBe(generated.statement);
    expect(authored.problem.latex).toBe(generated.latex);
    expect(authored.problem.given).toEqual(generated.given);
  });

  it.each([
    ["6/(x + 6)^2 - 2", "\\lim_{x \\to -6} \\left(\\frac{6}{\\left(x + 6\\right)^{2}} - 2\\right)"],
    ["-7abs(x - 4)/(x - 4)", "\\lim_{x \\to -6} \\left(-\\frac{7\\left|x - 4\\right|}{x - 4}\\right)"],
    ["(x + 1)(x - 2)", "\\lim_{x \\to -6} \\left(\\left(x + 1\\right)\\left(x - 2\\right)\\right)"],
    ["(x^2 - 4)/(x - 2)", "\\lim_{x \\to -6} \\frac{x^{2} - 4}{x - 2}"],
  ] as const)("brackets what the limit of %s applies to, unless it is one fraction", (f, latex) => {
    const p = authoredProblem({ kind: "limit", f, var: "x", to: "-6", side: "both" });
    if (!p.ok) throw new Error(p.error.message);
    expect(p.problem.latex).toBe(latex);
  });

  it("the worked solution writes the statement's limit sign", () => {
    const p = authoredProblem({ kind: "limit", f: "(x^2 - 1)/(x - 1)", var: "x", to: "1", side: "left" });
    if (!p.ok) throw new Error(p.error.message);
    const sign = "\\lim_{x \\to 1^{-}}";
    expect(p.problem.latex.startsWith(sign)).toBe(true);
    expect(JSON.stringify(solution(p.problem))).toContain(JSON.stringify(sign).slice(1, -1));
  });
});
