// Problems a teacher types: keyed by the core, graded and solved like generated ones, refused when
// the core cannot key them.
import { describe, expect, it } from "vitest";
import { grade, hintSteps, solution } from "@/lib/problems";
import { type AuthoredSpec, authoredProblem, keyLatexOf, scheduleSkillFor } from "@/lib/problems/authored";
import { getSkill } from "@/lib/problems";

function ok(spec: AuthoredSpec) {
  const r = authoredProblem(spec);
  if (!r.ok) throw new Error(r.error.message);
  return r.problem;
}

describe("typed problems", () => {
  it("the derivative of f with respect to x", () => {
    const p = ok({ kind: "derivative", f: "x^2 sin x", var: "x" });
    expect(p).toMatchObject({
      skill: "authored",
      kind: "derivative",
      answerKind: "expression",
      answer: "2*x*sin(x) + x^2*cos(x)",
      vars: ["x"],
    });
    expect(grade(p, "2x sin x + x^2 cos x").status).toBe("right");
    expect(grade(p, "2x cos x").status).toBe("wrong");
    expect(solution(p).steps.length).toBeGreaterThan(1);
    expect(hintSteps(p)[1]?.text.length).toBeGreaterThan(5);
    expect(keyLatexOf(p)).toBe("2x\\sin x + x^{2}\\cos x");
  });

  it("the partial derivative with respect to y, with other variables held constant", () => {
    const p = ok({ kind: "partial", f: "x^2 y + y^3", vars: ["x", "y"], wrt: "y" });
    expect(p.answer).toBe("x^2 + 3*y^2");
    expect(grade(p, "x^2 + 3y^2").status).toBe("right");
    expect(grade(p, "2xy").status).toBe("wrong");
  });

  it("the gradient, component by component", () => {
    const p = ok({ kind: "gradient", f: "x y^2", vars: ["x", "y"] });
    expect(p.answer).toEqual(["y^2", "2*x*y"]);
    expect(grade(p, ["y^2", "2xy"]).status).toBe("right");
    expect(grade(p, "(2xy, y^2)").diagnosis?.code).toBe("gradient_swapped");
  });

  it.each([
    [{ kind: "limit", f: "sin(3x)/x", var: "x", to: "0", side: "both" }, "3", "3"],
    [{ kind: "limit", f: "1/x", var: "x", to: "0", side: "both" }, "DNE", "DNE"],
    [{ kind: "limit", f: "1/x", var: "x", to: "0", side: "right" }, "inf", "inf"],
    [{ kind: "limit", f: "(x^2 + 1)/(2x^2 - 3)", var: "x", to: "inf", side: "both" }, "1/2", "0.5"],
  ] as const)("the limit %j", (spec, key, answer) => {
    const p = ok(spec);
    expect(p.answer).toBe(key);
    expect(grade(p, answer).status).toBe("right");
  });

  it.each([
    [{ kind: "derivative", f: "sinx(", var: "x" }, "UNREADABLE", /cannot be read/],
    [{ kind: "derivative", f: "", var: "x" }, "UNREADABLE", /Type the function/],
    [{ kind: "derivative", f: "x y", var: "x" }, "UNREADABLE", /unknown name/],
    [{ kind: "derivative", f: "x", var: "e" }, "BAD_VARIABLE", /not a variable/],
    [{ kind: "partial", f: "x y", vars: ["x", "y"], wrt: "z" }, "BAD_VARIABLE", /not one of the variables/],
    [{ kind: "gradient", f: "x y", vars: ["x", "x"] }, "BAD_VARIABLE", /only once/],
    [
      {
        kind: "limit",
        f: "exp(exp(x - exp(-x))/(1 - 1/x)) - exp(exp(x))",
        var: "x",
        to: "inf",
        side: "both",
      },
      "CANNOT_KEY",
      /cannot decide/,
    ],
    [{ kind: "limit", f: "x", var: "x", to: "y", side: "both" }, "UNREADABLE", /point/],
    [{ kind: "derivative", f: "x".repeat(301), var: "x" }, "UNREADABLE", /too long/],
    // Keys that every answer would be "cannot check" against.
    [{ kind: "derivative", f: "1/0", var: "x" }, "CANNOT_KEY", /could never be checked/],
    [{ kind: "derivative", f: "sqrt(-1 - x^2)", var: "x" }, "CANNOT_KEY", /could never be checked/],
    [{ kind: "gradient", f: "ln(-x^2 - y^2)", vars: ["x", "y"] }, "CANNOT_KEY", /could never be checked/],
  ] as const)("refuses %j with a clear message", (spec, code, message) => {
    const r = authoredProblem(spec as AuthoredSpec);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.message).toMatch(message);
    }
  });
});

describe("a typed problem is refused when its key cannot be checked", () => {
  it.each(["sqrt(x)", "ln(x)", "1/x", "sqrt(1 - x^2)"])(
    "keeps %s, defined on part of where answers are compared (its key grades as right)",
    (f) => {
      const p = ok({ kind: "derivative", f, var: "x" });
      expect(grade(p, p.answer).status).toBe("right");
    },
  );
});

describe("the schedule a typed problem counts for", () => {
  it.each([
    [{ kind: "derivative", f: "x^2 sin x", var: "x" }, "derivative-combined-rules"],
    [{ kind: "partial", f: "x y", vars: ["x", "y"], wrt: "x" }, "partial-derivative-two-variables"],
    [{ kind: "partial", f: "x y z", vars: ["x", "y", "z"], wrt: "x" }, "partial-derivative-three-variables"],
    [{ kind: "gradient", f: "x y", vars: ["x", "y"] }, "gradient-symbolic"],
    [{ kind: "limit", f: "x^2 + 1", var: "x", to: "2", side: "both" }, "limit-direct-substitution"],
    [{ kind: "limit", f: "(x^2 - 4)/(x - 2)", var: "x", to: "2", side: "both" }, "limit-factor-cancel"],
    [{ kind: "limit", f: "1/x", var: "x", to: "0", side: "right" }, "limit-infinite"],
    [{ kind: "limit", f: "1/x", var: "x", to: "0", side: "both" }, "limit-does-not-exist"],
    [
      { kind: "limit", f: "(2x + 1)/(x - 3)", var: "x", to: "inf", side: "both" },
      "limit-rational-at-infinity",
    ],
  ] as const)("%j -> %s (a catalogue skill)", (spec, skill) => {
    const s = scheduleSkillFor(ok(spec as AuthoredSpec));
    expect(s).toBe(skill);
    expect(getSkill(s)).toBeDefined();
  });
});

describe("a teacher's vectors-and-matrices problem (∇_W of ‖Wx − y‖²)", () => {
  const spec = {
    kind: "matrix" as const,
    symbols: "W: m x n, x: n, y: m",
    f: "‖W x - y‖^2",
    wrt: "W",
    asks: "gradient" as const,
  };
  const built = (extra: Record<string, unknown> = {}) => {
    const r = authoredProblem({ ...spec, ...extra });
    if (!r.ok) throw new Error(r.error.message);
    return r.problem;
  };

  it("needs no key: answers are graded against the derivative by automatic differentiation", () => {
    const p = built();
    expect(p).toMatchObject({ kind: "matrix", answerKind: "matrix", answer: "" });
    expect(p.statement).toContain("∇_W f");
    // The learner is told every symbol's shape, in words and typeset.
    expect(p.statement).toContain("W ∈ ℝ^(m×n), x ∈ ℝⁿ, y ∈ ℝᵐ");
    expect(p.latex).toContain("W \\in \\mathbb{R}^{m \\times n}");
    expect(grade(p, "2(W x - y) x^T")).toMatchObject({ status: "right", correct: true });
    expect(grade(p, "2 W x x^T - 2 y x^T")).toMatchObject({ status: "right" });
    expect(grade(p, "(W x - y) x^T")).toMatchObject({ status: "wrong", correct: false });
    expect(grade(p, "2 x (W x - y)^T").status).toBe("wrong");
    expect(grade(p, "W W").status).toBe("invalid");
    expect(keyLatexOf(p)).toContain("no expression given");
    // Scheduled as the skill it practises.
    expect(scheduleSkillFor(p)).toBe("gradient-wrt-matrix");
    expect(scheduleSkillFor(built({ symbols: "W: m x n, x: n, y: m", wrt: "x" }))).toBe("vector-chain-rule");
  });

  it("a key the teacher writes is checked against the derivative and shown after; a wrong one is refused", () => {
    const p = built({ key: "2 (W x - y) x^T" });
    expect(p.answer).toBe("2*(W*x - y)*x^T");
    expect(keyLatexOf(p)).toContain("\\top");
    expect(grade(p, "2 x^T").status).toBe("wrong");
    const wrong = authoredProblem({ ...spec, key: "(W x - y) x^T" });
    expect(wrong).toMatchObject({ ok: false, error: { code: "CANNOT_KEY" } });
    expect(!wrong.ok && wrong.error.message).toMatch(/not the derivative of f/);
  });

  it("refuses what cannot be posed, with the reason", () => {
    const refused = (extra: Record<string, unknown>, pattern: RegExp) => {
      const r = authoredProblem({ ...spec, ...extra });
      expect(r.ok, JSON.stringify(extra)).toBe(false);
      expect(!r.ok && r.error.message).toMatch(pattern);
    };
    refused({ symbols: "W m x n" }, /not a declaration/);
    refused({ symbols: "W: m x n, W: n" }, /declared twice/);
    refused({ wrt: "Q" }, /not one of the declared symbols/);
    refused({ f: "W x + y x" }, /cannot be read/);
    refused({ f: "x^T x", symbols: "x: n, W: m x n" }, /zero everywhere/);
    refused({ f: "W x - y", asks: "gradient" }, /gradient needs a scalar/i);
  });
});

describe("a teacher's Hessian and Taylor problems", () => {
  it("the Hessian of f(x, y): a grid of expressions keyed by the core, graded cell by cell", () => {
    const p = ok({ kind: "hessian", f: "x^3 - 3x*y^2 + y^4", vars: ["x", "y"] });
    expect(p).toMatchObject({ kind: "concrete", answerKind: "grid" });
    expect(
      grade(p, [
        ["6x", "-6y"],
        ["-6y", "-6x + 12y^2"],
      ]).status,
    ).toBe("right");
    expect(
      grade(p, [
        ["6x", "-6y"],
        ["-6y", "-6x"],
      ]).status,
    ).toBe("wrong");
    expect(scheduleSkillFor(p)).toBe("hessian-symbolic");
    const linear = authoredProblem({ kind: "hessian", f: "2x + 3y", vars: ["x", "y"] });
    expect(!linear.ok && linear.error.message).toMatch(/cannot be posed: zero Hessian/);
    const one = authoredProblem({ kind: "hessian", f: "x^3", vars: ["x"] });
    expect(!one.ok && one.error.message).toMatch(/two or three variables/);
  });

  it("the second-order Taylor approximation at a point (e^x cos y at (0, 0)), and a bad point refused", () => {
    const p = ok({ kind: "taylor2", f: "e^x cos(y)", vars: ["x", "y"], at: "0, 0" });
    expect(grade(p, [["1 + x + (x^2 - y^2)/2"]]).status).toBe("right");
    expect(grade(p, [["1 + x + x^2 - y^2"]]).status).toBe("wrong");
    expect(scheduleSkillFor(p)).toBe("second-order-taylor");
    const point = authoredProblem({ kind: "taylor2", f: "e^x cos(y)", vars: ["x", "y"], at: "0" });
    expect(!point.ok && point.error.message).toMatch(/Give the point as 2 whole numbers/);
    const flat = authoredProblem({ kind: "taylor2", f: "3x + 1", vars: ["x"], at: "1" });
    expect(flat.ok).toBe(false);
  });
});
