// Statements as a learner reads them: every piece of mathematics typeset, never the code notation the
// statement is stored in, over every Part 1 skill and many seeds; matrix statements stay text.
import { describe, expect, it } from "vitest";
import { PART_ONE_TOPICS, SKILLS, generate } from "@/lib/problems";
import { statementParts } from "@/lib/problems/statement-parts";
import katex from "katex";

const textOf = (parts: ReturnType<typeof statementParts>) =>
  parts.map((p) => ("text" in p ? p.text : "")).join("");

describe("statementParts", () => {
  it("typesets the function, the approach, points and values of a Part 1 statement", () => {
    const parts = statementParts({
      statement: "Find the gradient of f(x, y) = 4*x^2*y - y + 2*sin(pi*x*y) at (-2, -1).",
      given: { f: "4*x^2*y - y + 2*sin(pi*x*y)", vars: ["x", "y"], at: { x: -2, y: -1 } },
      vars: ["x", "y"],
    });
    expect(parts).toEqual([
      { text: "Find the gradient of " },
      { tex: "f(x, y) = 4x^{2}y - y + 2\\sin\\left(\\pi xy\\right)" },
      { text: " at " },
      { tex: "(-2, -1)" },
      { text: "." },
    ]);
    const limit = statementParts({
      statement: "Find the limit of (x^2 - 7)/(x^2 + 7) as x -> 3. (Type DNE if it does not exist.)",
      given: { f: "(x^2 - 7)/(x^2 + 7)", var: "x", to: "3" },
      vars: ["x"],
    });
    expect(limit).toContainEqual({ tex: "x \\to 3" });
    expect(textOf(limit)).not.toContain("->");
  });

  it("leaves no code notation in the text of any Part 1 statement, and every piece typesets", () => {
    for (const s of SKILLS.filter((k) => PART_ONE_TOPICS.includes(k.topic))) {
      for (let seed = 0; seed < 10; seed++) {
        const g = generate(s.id, seed);
        if (!g.ok) continue;
        const parts = statementParts(g.problem);
        const text = textOf(parts);
        expect(text, `${s.id}#${seed}: ${text}`).not.toMatch(/->|\^|\*|sqrt|\bpi|[a-z]\(x/);
        for (const p of parts) {
          if ("tex" in p) expect(() => katex.renderToString(p.tex, { throwOnError: true })).not.toThrow();
        }
      }
    }
    // Generating hundreds of problems takes a while on a busy machine; this is no speed check.
  }, 120_000);

  it("keeps a statement without a typeset function as readable text", () => {
    const statement = "With x ∈ ℝⁿ: find the Jacobian ∂f/∂x (n×n) of the f below.";
    expect(statementParts({ statement, given: { decls: [] }, vars: [] })).toEqual([{ text: statement }]);
  });
});
