// The skill catalogue: complete for Part 1 of the curriculum, well formed, prerequisites a DAG; worked
// solutions, hints and the command-line operations.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { SKILLS, generate, getSkill } from "@/lib/problems/catalogue";
import { problemOps } from "@/lib/problems/problem-operations";
import { HINT_STEP_LABELS, MAX_HINT_STEPS, hintSteps } from "@/lib/problems/hints";
import { solution } from "@/lib/problems/solution";
import type { Problem } from "@/lib/problems/types";

function problem(skill: string, seed: number): Problem {
  const g = generate(skill, seed);
  if (!g.ok) throw new Error(g.error.message);
  return g.problem;
}

describe("the catalogue", () => {
  it("has at least 30 skills with stable kebab-case ids, titles, descriptions and hints", () => {
    expect(SKILLS.length).toBeGreaterThanOrEqual(30);
    const ids = SKILLS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of SKILLS) {
      expect(s.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(s.title.length).toBeGreaterThan(5);
      expect(s.description.length).toBeGreaterThan(20);
      expect(s.hint.length).toBeGreaterThan(10);
      expect(Number.isInteger(s.version) && s.version >= 1).toBe(true);
      expect(getSkill(s.id)).toEqual(s);
    }
  });

  it("covers every family of Part 1 of the curriculum", () => {
    const ids = new Set(SKILLS.map((s) => s.id));
    const part1 = [
      "limit-direct-substitution",
      "limit-factor-cancel",
      "limit-rationalise",
      "limit-sin-over-x",
      "limit-one-minus-cos",
      "limit-exp-standard",
      "limit-log-standard",
      "limit-rational-at-infinity",
      "limit-exponential-vs-polynomial",
      "limit-infinite",
      "limit-one-sided-abs",
      "limit-does-not-exist",
      "derivative-power-rule",
      "derivative-sum-rule",
      "derivative-product-rule",
      "derivative-quotient-rule",
      "derivative-chain-rule",
      "derivative-exponential",
      "derivative-logarithm",
      "derivative-trigonometric",
      "derivative-inverse-trigonometric",
      "derivative-combined-rules",
      "derivative-at-a-point",
      "tangent-line",
      "partial-derivative-two-variables",
      "partial-derivative-three-variables",
      "partial-derivative-at-a-point",
      "gradient-symbolic",
      "gradient-at-a-point",
      "directional-derivative",
      "steepest-ascent-direction",
      "maximal-rate-of-increase",
      "multivariable-chain-rule",
      "multivariable-chain-rule-at-a-point",
    ];
    for (const id of part1) expect(ids.has(id), id).toBe(true);
    expect(new Set(SKILLS.map((s) => s.topic))).toEqual(
      new Set([
        "limits",
        "derivatives",
        "partial-derivatives",
        "gradients",
        "directional",
        "chain-rule",
        "jacobians",
        "vector-rules",
        "network-gradients",
        "second-order",
      ]),
    );
    // Each kind of problem a skill declares is the kind its generator produces.
    for (const s of SKILLS) expect(problem(s.id, 0).kind, s.id).toBe(s.kind);
  });

  it("covers all 24 skills of Parts 2 and 3", () => {
    const ids = new Set(SKILLS.map((s) => s.id));
    const parts23 = [
      "shapes-of-derivatives",
      "jacobian-symbolic",
      "jacobian-at-a-point",
      "linear-maps",
      "element-wise-binary",
      "element-wise-functions",
      "scalar-expansion",
      "sum-reduction",
      "dot-product",
      "activation-derivatives",
      "vector-chain-rule",
      "neuron-gradient",
      "mean-squared-error-gradient",
      "softmax-cross-entropy",
      "gradient-wrt-matrix",
      "higher-order-derivatives",
      "hessian-symbolic",
      "hessian-quadratic-form",
      "definiteness-and-curvature",
      "classifying-critical-points",
      "second-order-taylor",
      "optimal-step-size",
      "newton-step",
      "backpropagation-two-layers",
    ];
    expect(parts23).toHaveLength(24);
    for (const id of parts23) expect(ids.has(id), id).toBe(true);
  });

  it("has prerequisites that exist and form a DAG", () => {
    const byId = new Map(SKILLS.map((s) => [s.id, s]));
    for (const s of SKILLS)
      for (const p of s.prerequisites) expect(byId.has(p), `${s.id} -> ${p}`).toBe(true);
    const state = new Map<string, "visiting" | "done">();
    const visit = (id: string, path: string[]): void => {
      if (state.get(id) === "done") return;
      if (state.get(id) === "visiting") throw new Error(`cycle: ${[...path, id].join(" -> ")}`);
      state.set(id, "visiting");
      for (const p of byId.get(id)?.prerequisites ?? []) visit(p, [...path, id]);
      state.set(id, "done");
    };
    for (const s of SKILLS) expect(() => visit(s.id, [])).not.toThrow();
    // Some skills are entry points.
    expect(SKILLS.some((s) => s.prerequisites.length === 0)).toBe(true);
  });

  it("reports unknown skills, bad seeds and unknown versions", () => {
    expect(generate("no-such-skill", 1)).toMatchObject({ ok: false, error: { code: "UNKNOWN_SKILL" } });
    expect(generate("tangent-line", -1)).toMatchObject({ ok: false, error: { code: "BAD_SEED" } });
    expect(generate("tangent-line", 2 ** 32)).toMatchObject({ ok: false, error: { code: "BAD_SEED" } });
    expect(generate("tangent-line", 1.5)).toMatchObject({ ok: false, error: { code: "BAD_SEED" } });
    expect(generate("tangent-line", 1, 99)).toMatchObject({ ok: false, error: { code: "UNKNOWN_VERSION" } });
    expect(generate("tangent-line", 2 ** 32 - 1).ok).toBe(true);
  });
});

describe("worked solutions and hints", () => {
  it("give steps ending with the answer for every skill, and a rule that is not the answer", () => {
    for (const s of SKILLS) {
      for (const seed of [0, 1, 2]) {
        const p = problem(s.id, seed);
        const sol = solution(p);
        expect(sol.steps.length, s.id).toBeGreaterThan(0);
        expect(sol.answerLatex.length).toBeGreaterThan(0);
        for (const st of sol.steps) expect(st.rule.length).toBeGreaterThan(0);
        // Every problem has exactly MAX_HINT_STEPS steps, in the labels' order (taking a hint counts on it).
        const steps = hintSteps(p);
        expect(
          steps.map((h) => h.label),
          s.id,
        ).toEqual([...HINT_STEP_LABELS]);
        expect(steps).toHaveLength(MAX_HINT_STEPS);
        const rule = steps[1]!.text;
        expect(rule.length).toBeGreaterThan(10);
        if (typeof p.answer === "string" && p.answer.length > 2) expect(rule).not.toContain(p.answer);
      }
    }
  });

  it("names the rule at each step of a derivative, from the differentiator's trace", () => {
    const p = [...Array(200).keys()]
      .map((seed) => problem("derivative-product-rule", seed))
      .find((q) => /\*sin\(x\)$/.test(String(q.given.f)));
    expect(p).toBeDefined();
    const sol = solution(p!);
    const product = sol.steps.find((s) => s.rule === "Product rule");
    expect(product?.latex).toMatch(/\\left\(\\sin x\\right\)'/);
    expect(sol.steps.some((s) => s.rule === "Derivative of sin")).toBe(true);
    expect(sol.steps.at(-1)?.latex).toMatch(/^f'\(x\) = /);
  });

  it("explains a limit by its method", () => {
    const fc = solution(problem("limit-factor-cancel", 0));
    expect(fc.steps.map((s) => s.rule)).toEqual(["Substitute first", "Factor", "Cancel", "Substitute"]);
    const dne = solution(problem("limit-does-not-exist", 1));
    expect(dne.answerLatex).toBe("\\text{does not exist}");
    expect(dne.steps.map((s) => s.why).join(" ")).toMatch(/one-sided limits differ/);
    // A look-alike whose one-sided limit exists is explained by its side.
    const oneSided = solution(problem("limit-does-not-exist", 0));
    expect(oneSided.answerLatex).toBe("-5");
    expect(oneSided.steps.map((s) => s.why).join(" ")).toMatch(/only the right side is asked/);
    const ch = solution(problem("multivariable-chain-rule", 0));
    expect(ch.steps.map((s) => s.rule)).toContain("Multivariable chain rule");
  });
});

describe("calc batch operations", () => {
  it("lists skills, generates and grades", () => {
    const skills = problemOps({ op: "skills" });
    expect(skills?.ok).toBe(true);
    expect((skills?.skills as unknown[]).length).toBe(SKILLS.length);
    expect((skills?.skills as Record<string, unknown>[])[1]).toEqual({
      id: "limit-factor-cancel",
      title: SKILLS[1]!.title,
      kind: "limit",
      prerequisites: ["limit-direct-substitution"],
    });
    const g = problemOps({ op: "generate", skill: "gradient-at-a-point", seed: 7 });
    expect(g?.ok).toBe(true);
    const prob = g?.problem as Record<string, unknown>;
    expect(Object.keys(prob).sort()).toEqual([
      "answer",
      "given",
      "kind",
      "latex",
      "seed",
      "skill",
      "statement",
      "version",
    ]);
    const key = prob.answer as string[];
    expect(problemOps({ op: "grade", skill: "gradient-at-a-point", seed: 7, answer: key })).toEqual({
      ok: true,
      correct: true,
      message: "Right.",
    });
    expect(
      problemOps({ op: "grade", skill: "gradient-at-a-point", seed: 7, answer: `<${key.join(", ")}>` })
        ?.correct,
    ).toBe(true);
    const swapped = problemOps({
      op: "grade",
      skill: "gradient-at-a-point",
      seed: 7,
      answer: [...key].reverse(),
    });
    if (key[0] !== key[1])
      expect(swapped).toMatchObject({ ok: true, correct: false, diagnosis: "gradient_swapped" });
    expect(problemOps({ op: "grade", skill: "tangent-line", seed: 1, answer: "y = 2x +" })).toMatchObject({
      ok: false,
      error: { code: "UNEXPECTED_END" },
    });
    expect(problemOps({ op: "generate", skill: "nope", seed: 1 })).toMatchObject({
      ok: false,
      error: { code: "UNKNOWN_SKILL" },
    });
    expect(problemOps({ op: "generate", skill: "tangent-line", seed: -3 })).toMatchObject({
      ok: false,
      error: { code: "BAD_REQUEST" },
    });
    expect(problemOps({ op: "generate", skill: "tangent-line", seed: "1" })).toMatchObject({
      ok: false,
      error: { code: "BAD_REQUEST" },
    });
    expect(problemOps({ op: "grade", skill: "tangent-line", seed: 1 })).toMatchObject({
      ok: false,
      error: { code: "BAD_REQUEST" },
    });
    expect(problemOps({ op: "diff" })).toBeNull();
  });

  it("is wired into bin/calc.ts", async () => {
    const root = fileURLToPath(new URL("../..", import.meta.url));
    const child = spawn(`${root}node_modules/.bin/tsx`, ["bin/calc.ts", "batch"], {
      cwd: root,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (c: string) => (out += c));
    child.stdin.end(
      [
        '{"op":"generate","skill":"limit-does-not-exist","seed":1,"id":1}',
        '{"op":"grade","skill":"limit-does-not-exist","seed":1,"answer":"DNE"}',
        '{"op":"diff","expr":"x^2","var":"x"}',
      ].join("\n") + "\n",
    );
    await new Promise((r) => child.on("close", r));
    const lines = out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ id: 1, ok: true, problem: { answer: "DNE", kind: "limit" } });
    expect(lines[1]).toEqual({ ok: true, correct: true, message: "Right." });
    expect(lines[2]).toMatchObject({ ok: true, result: "2*x" });
  }, 30_000);
});
