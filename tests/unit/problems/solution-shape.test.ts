// The shape of every worked solution and of the hint steps, over many seeds of every skill: one typeset
// line per step with its rule named, the answer exactly once (the last line), the standard limits
// rewritten into their standard quotients, gradients worked component by component; three hint steps
// in order, the third never giving the answer away.
import katex from "katex";
import { describe, expect, it } from "vitest";
import { SKILLS, generate } from "@/lib/problems/catalogue";
import { HINT_STEP_LABELS, hintSteps } from "@/lib/problems/hints";
import { answerLatexOf, solution } from "@/lib/problems/solution";
import type { Problem } from "@/lib/problems/types";

const SEEDS = Array.from({ length: 20 }, (_, i) => i * 7919 + 3);

function problems(skill: string): Problem[] {
  return SEEDS.map((seed) => {
    const g = generate(skill, seed);
    if (!g.ok) throw new Error(`${skill} ${seed}: ${g.error.message}`);
    return g.problem;
  });
}

const PART_ONE = SKILLS.filter((s) => s.kind !== "concrete" && s.kind !== "matrix");
const normal = (latex: string): string => latex.replace(/\s+/g, " ").trim();

describe.each(SKILLS.map((s) => [s.id, s.kind] as const))("the worked solution of %s", (id, kind) => {
  it("names a rule at every step and reaches the answer exactly once, in its last line", () => {
    for (const p of problems(id)) {
      const sol = solution(p);
      const where = `${id} seed ${p.seed}`;
      for (const s of sol.steps) expect(s.rule.trim().length, where).toBeGreaterThan(0);
      expect(
        sol.steps.filter((s) => s.final),
        where,
      ).toHaveLength(1);
      const last = sol.steps.at(-1)!;
      expect(last.final, where).toBe(true);
      expect(normal(last.latex ?? ""), where).toMatch(
        new RegExp(`${normal(sol.answerLatex).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`),
      );
      // Nothing before the last line ends with the answer.
      for (const s of sol.steps.slice(0, -1))
        if (sol.answerLatex.length > 2)
          expect(normal(s.latex ?? "").endsWith(`= ${normal(sol.answerLatex)}`), `${where}: ${s.latex}`).toBe(
            false,
          );
    }
  });

  it("every line and every bit of mathematics in the words typesets (KaTeX, no parse error)", () => {
    for (const p of problems(id)) {
      const tex = [
        ...solution(p).steps.flatMap((s) => [
          s.latex ?? "",
          ...s.why.split("$").filter((_, i) => i % 2 === 1),
        ]),
        ...hintSteps(p).flatMap((h) => [h.latex ?? "", ...h.text.split("$").filter((_, i) => i % 2 === 1)]),
      ].filter((t) => t.length > 0);
      for (const t of tex)
        expect(
          () => katex.renderToString(`\\displaystyle ${t}`, { throwOnError: true }),
          `${id} seed ${p.seed}: ${t}`,
        ).not.toThrow();
    }
  });

  it("typesets every step (one line each, not words followed by a copy)", () => {
    for (const p of problems(id)) {
      for (const s of solution(p).steps) {
        expect(s.latex?.length, `${id} (${kind}) seed ${p.seed}: ${s.rule}`).toBeGreaterThan(0);
        expect(s.why).not.toContain(s.latex!);
      }
    }
  });

  it("gives three hint steps in order; the third does not give the answer away", () => {
    for (const p of problems(id)) {
      const hints = hintSteps(p);
      expect(hints.map((h) => h.label)).toEqual([...HINT_STEP_LABELS]);
      for (const h of hints) expect(h.text.length).toBeGreaterThan(5);
      const answer = normal(answerLatexOf(p));
      const third = normal(hints[2]!.latex ?? "");
      expect(third.endsWith(`= ${answer}`), `${id} seed ${p.seed}: ${third}`).toBe(false);
      if (answer.length > 2) expect(third.includes(answer), `${id} seed ${p.seed}: ${third}`).toBe(false);
    }
  });
});

describe("the methods the solutions show", () => {
  it("standard limits are rewritten into their standard quotients", () => {
    const quotient: Record<string, RegExp> = {
      "limit-sin-over-x": /\\frac\{\\(sin|tan)\\left\(/,
      "limit-one-minus-cos": /\\frac\{1 - \\cos\\left\(/,
      "limit-exp-standard": /\\frac\{e\^\{[^}]+\} - 1\}/,
      "limit-log-standard": /\\frac\{\\ln\\left\(1 \+ /,
    };
    for (const [id, re] of Object.entries(quotient)) {
      for (const p of problems(id)) {
        const steps = solution(p).steps;
        const rewrite = steps.find((s) => s.rule === "Rewrite into the standard form");
        expect(rewrite?.latex, `${id} seed ${p.seed}`).toMatch(re);
        expect(steps.some((s) => s.rule === "Standard limit")).toBe(true);
      }
    }
  });

  it("sin(3x)/x is written as 3 · sin(3x)/(3x) and tends to 3", () => {
    const p = problems("limit-sin-over-x")[0]!;
    const sol = solution({ ...p, given: { ...p.given, f: "sin(3*x)/x" }, answer: "3" });
    const rewrite = sol.steps.find((s) => s.rule === "Rewrite into the standard form");
    expect(normal(rewrite!.latex!)).toBe(
      "\\frac{\\sin 3x}{x} = 3\\left(\\frac{\\sin\\left(3x\\right)}{3x}\\right)",
    );
    expect(normal(sol.steps.at(-1)!.latex!)).toBe(
      "\\lim_{x \\to 0} \\frac{\\sin 3x}{x} = 3\\left(1\\right) = 3",
    );
  });

  it("gradients and directional derivatives are worked component by component", () => {
    for (const id of [
      "gradient-symbolic",
      "gradient-at-a-point",
      "directional-derivative",
      "steepest-ascent-direction",
      "maximal-rate-of-increase",
    ]) {
      for (const p of problems(id)) {
        const steps = solution(p).steps;
        const vars = p.given.vars as string[];
        const partials = steps.filter((s) =>
          /^\\frac\{\\partial f\}\{\\partial [a-z]\} = /.test(s.latex ?? ""),
        );
        expect(
          partials.map((s) => s.rule),
          `${id} seed ${p.seed}`,
        ).toEqual(vars.map((v) => `Partial derivative in ${v}`));
        const order = (re: RegExp) => steps.findIndex((s) => re.test(s.latex ?? ""));
        const vector = order(/^\\nabla f/);
        expect(vector).toBeGreaterThan(steps.indexOf(partials.at(-1)!));
        if (id === "directional-derivative") {
          const unit = steps.findIndex((s) => s.rule === "Unit direction");
          const dot = steps.findIndex((s) => s.rule === "Dot product with the unit direction");
          expect(unit).toBeGreaterThan(vector);
          expect(dot).toBe(steps.length - 1);
          expect(steps[dot]!.latex).toMatch(/^D_u f = /);
        }
      }
    }
  });
});

it("Part 1 covers every kind of problem with typeset steps", () => {
  expect(new Set(PART_ONE.map((s) => s.kind)).size).toBeGreaterThanOrEqual(9);
});

describe("the steps of Parts 2 and 3 that a generator wrote in words", () => {
  it("are typeset from the mathematics in their words, which stay as the why", () => {
    const p = problems("hessian-symbolic")[0]!;
    const row = "Row 1: differentiate ∂f/∂x = 2*x*y + y^2 with respect to x, y: 2*y, 2*x + 2*y.";
    const stored = { ...p, steps: [{ text: row }, ...(p.steps ?? []).slice(-1)] };
    const first = solution(stored).steps[0]!;
    expect(first.why).toBe(row);
    expect(normal(first.latex!)).toBe(
      "\\left(\\frac{\\partial^{2} f}{\\partial x\\,\\partial x},\\ \\frac{\\partial^{2} f}{\\partial y\\,\\partial x}\\right) = \\left(2y,\\ 2x + 2y\\right)",
    );
  });

  it("keep a matrix written as nested lists as a matrix", () => {
    const p = problems("newton-step")[0]!;
    const stored = {
      ...p,
      steps: [{ text: "H(x₀) = [[8, 1], [1, 4]], determinant 31." }, ...(p.steps ?? []).slice(-1)],
    };
    expect(normal(solution(stored).steps[0]!.latex!)).toBe(
      "H (x _{0}) = \\begin{pmatrix} 8 & 1 \\\\ 1 & 4 \\end{pmatrix}",
    );
  });
});
