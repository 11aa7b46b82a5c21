// Naming the mistake: each mistake of grading.md with a realistic learner answer, and no false names.
import { describe, expect, it } from "vitest";
import type { Expr } from "../../lib/calculus/ast";
import { type Task, diagnose } from "../../lib/calculus/diagnose";
import type { MistakeCode as DiagnosisCode } from "../../lib/calculus/mistakes";
import { parse } from "../../lib/calculus/parse";

function read(s: string, vars: readonly string[]): Expr {
  const r = parse(s, { vars });
  if (!r.ok) throw new Error(`cannot parse ${s}: ${r.error.message}`);
  return r.expr;
}

function run(task: Task, f: string, vars: string[], answer: string | string[], wrt?: string) {
  const a = Array.isArray(answer) ? answer.map((s) => read(s, vars)) : read(answer, vars);
  const r = diagnose({ task, f: read(f, vars), vars, answer: a, ...(wrt ? { wrt } : {}) });
  if ("error" in r) throw new Error(JSON.stringify(r.error));
  return r;
}

type Case = [
  name: string,
  task: Task,
  f: string,
  vars: string[],
  answer: string | string[],
  wrt: string | undefined,
  code: DiagnosisCode,
];

const CASES: Case[] = [
  ["sign error", "derivative", "cos(x) + x^2", ["x"], "sin x - 2x", undefined, "sign_error"],
  ["off by a constant factor", "derivative", "x^3", ["x"], "x^2", undefined, "constant_factor"],
  ["off by a factor of 2", "derivative", "x^2 + 3x", ["x"], "4x + 6", undefined, "constant_factor"],
  [
    "chain rule without the inner derivative",
    "derivative",
    "sin(3x)",
    ["x"],
    "cos(3x)",
    undefined,
    "chain_rule_inner",
  ],
  [
    "chain rule without the inner derivative (power)",
    "derivative",
    "(x^2 + 1)^3",
    ["x"],
    "3(x^2 + 1)^2",
    undefined,
    "chain_rule_inner",
  ],
  [
    "chain rule without the inner derivative (exp)",
    "derivative",
    "e^(x^2)",
    ["x"],
    "e^(x^2)",
    undefined,
    "chain_rule_inner",
  ],
  [
    "product rule as the product of the derivatives",
    "derivative",
    "x^2 sin x",
    ["x"],
    "2x cos x",
    undefined,
    "product_rule_as_product",
  ],
  [
    "quotient rule with the numerator reversed",
    "derivative",
    "x/(x+1)",
    ["x"],
    "(x - (x + 1))/(x + 1)^2",
    undefined,
    "quotient_rule_reversed",
  ],
  [
    "quotient of the derivatives",
    "derivative",
    "x^2/(x+1)",
    ["x"],
    "2x",
    undefined,
    "quotient_of_derivatives",
  ],
  [
    "derivative with respect to the wrong variable",
    "partial",
    "x^2 y + y^3",
    ["x", "y"],
    "x^2 + 3y^2",
    "x",
    "wrong_variable",
  ],
  [
    "other variables not held constant",
    "partial",
    "x^2 y + y^3",
    ["x", "y"],
    "2xy + 3y^2",
    "x",
    "partial_not_constant",
  ],
  [
    "other variables treated as varying with x",
    "partial",
    "x^2 y",
    ["x", "y"],
    "2xy + x^2",
    "x",
    "partial_not_constant",
  ],
  ["integrated instead of differentiated", "derivative", "x^3", ["x"], "x^4/4", undefined, "integrated"],
  ["integrated a trigonometric function", "derivative", "sin x", ["x"], "-cos x", undefined, "integrated"],
  [
    "gradient with its components swapped",
    "gradient",
    "x^2 y",
    ["x", "y"],
    ["x^2", "2xy"],
    undefined,
    "gradient_swapped",
  ],
  [
    "gradient without inner derivatives",
    "gradient",
    "sin(x y)",
    ["x", "y"],
    ["cos(xy)", "cos(xy)"],
    undefined,
    "chain_rule_inner",
  ],
];

describe("each listed mistake is named", () => {
  it.each(CASES)("%s", (_name, task, f, vars, answer, wrt, code) => {
    const r = run(task, f, vars, answer, wrt);
    expect(r.correct).toBe(false);
    expect(r.diagnosis?.code).toBe(code);
    expect(r.diagnosis?.message.length).toBeGreaterThan(10);
  });
  it("says which variable was used instead", () => {
    const r = run("partial", "x^2 y + y^3", ["x", "y"], "x^2 + 3y^2", "x");
    expect(r.diagnosis?.message).toBe("You differentiated with respect to y instead of x.");
  });
  it("names the factor", () => {
    expect(run("derivative", "x^3", ["x"], "x^2").diagnosis?.message).toBe(
      "Your answer is 1/3 times the right one.",
    );
  });
});

describe("no mistake is invented", () => {
  it("a right answer is right, with no diagnosis", () => {
    const r = run("derivative", "x^2 sin x", ["x"], "2x sin x + x^2 cos x");
    expect(r.correct).toBe(true);
    expect(r.diagnosis).toBeUndefined();
  });
  it("a right gradient is right", () => {
    expect(run("gradient", "x^2 y", ["x", "y"], ["2xy", "x^2"]).correct).toBe(true);
  });
  it("an unrelated wrong answer gets no name, only the counterexample", () => {
    const r = run("derivative", "x^2 sin x", ["x"], "x + 7");
    expect(r.correct).toBe(false);
    expect(r.diagnosis).toBeUndefined();
    expect(r.verdict.ok && !r.verdict.equivalent && r.verdict.reason).toMatch(/^At x = /);
  });
  it("a sign error on a quotient is not called a reversed numerator when the function is not a quotient", () => {
    expect(run("derivative", "x^3", ["x"], "-3x^2").diagnosis?.code).toBe("sign_error");
  });
});
