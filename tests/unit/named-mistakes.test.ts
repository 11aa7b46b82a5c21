// Mistakes named by the diagnosis (lib/calculus/mistakes.ts): the exponent not lowered, one term's
// sign, x'(t) forgotten in a chain rule along a curve, the inner derivative forgotten through every
// outer function of the chain-rule skill; each next to a right answer that is not diagnosed.
import { describe, expect, it } from "vitest";
import { add, mul, type Expr } from "@/lib/calculus/ast";
import { diagnose } from "@/lib/calculus/diagnose";
import { derivative } from "@/lib/calculus/diff";
import { MISTAKES } from "@/lib/calculus/mistakes";
import { parse } from "@/lib/calculus/parse";
import { toText } from "@/lib/calculus/print";
import { buildProblem } from "@/lib/problems/build";
import { generate } from "@/lib/problems/catalogue";
import { T, numericValue, simp, substitute } from "@/lib/problems/exact";
import { grade, withoutKey } from "@/lib/problems";
import type { Problem } from "@/lib/problems/types";

function read(s: string, vars: readonly string[]): Expr {
  const r = parse(s, { vars });
  if (!r.ok) throw new Error(`cannot parse ${s}`);
  return r.expr;
}

function derivativeDiagnosis(f: string, answer: string) {
  const r = diagnose({ task: "derivative", f: read(f, ["x"]), vars: ["x"], answer: read(answer, ["x"]) });
  if ("error" in r) throw new Error("cannot check");
  return r;
}

function drawn(skill: string, pred: (p: Problem, template: string) => boolean): Problem {
  for (let seed = 0; seed < 3000; seed++) {
    const g = generate(skill, seed);
    if (g.ok && pred(g.problem, g.template)) return g.problem;
  }
  throw new Error(`no ${skill} problem found`);
}

describe("the exponent not lowered: d/dx x^n answered n x^n", () => {
  it("is named power_not_lowered, for a power, a reciprocal and a root", () => {
    for (const [f, wrong] of [
      ["5x^4", "20x^4"],
      ["3/x^2", "-6/x^2"],
      ["x^(3/2)", "3/2 x^(3/2)"],
    ]) {
      const r = derivativeDiagnosis(f!, wrong!);
      expect(r.correct, f).toBe(false);
      expect(r.diagnosis?.code, f).toBe("power_not_lowered");
      expect(r.diagnosis?.message).toBe(MISTAKES.power_not_lowered);
    }
  });

  it("a right answer is right, with no diagnosis", () => {
    const r = derivativeDiagnosis("5x^4", "20x^3");
    expect(r.correct).toBe(true);
    expect(r.diagnosis).toBeUndefined();
  });

  it("is named when grading a power-rule problem, and for the derivative at a point", () => {
    const p = drawn("derivative-power-rule", (_, t) => t === "positive-power");
    const f = read(String(p.given.f), ["x"]);
    const wrong = derivative(f, "x", { mistake: "exponent-not-lowered" });
    if (!wrong.ok) throw new Error("diff");
    expect(grade(p, toText(wrong.expr)).diagnosis?.code).toBe("power_not_lowered");
    expect(grade(p, String(p.answer)).correct).toBe(true);
    const atPoint = drawn("derivative-at-a-point", (q, t) => t === "cubic" && Number(q.given.at) === 2);
    const g = read(String(atPoint.given.f), ["x"]);
    const lowered = derivative(g, "x", { mistake: "exponent-not-lowered" });
    if (!lowered.ok) throw new Error("diff");
    const value = toText(substitute(lowered.expr, { x: read("2", []) }));
    const graded = grade(atPoint, value);
    if (Number(value) !== Number(atPoint.value)) expect(graded.diagnosis?.code).toBe("power_not_lowered");
  });
});

describe("a sign error in one term", () => {
  it("is named sign_error_term when one of several terms has the wrong sign", () => {
    const r = derivativeDiagnosis("x^3 - 4x^2 + 7x", "3x^2 + 8x + 7");
    expect(r.correct).toBe(false);
    expect(r.diagnosis?.code).toBe("sign_error_term");
    expect(r.diagnosis?.message).toBe(MISTAKES.sign_error_term);
  });

  it("every sign wrong is still the sign error of the whole answer", () => {
    expect(derivativeDiagnosis("x^3 - 4x^2 + 7x", "-3x^2 + 8x - 7").diagnosis?.code).toBe("sign_error");
  });

  it("a right answer, and a wrong one that is no sign slip, are not called a sign error", () => {
    const right = derivativeDiagnosis("x^3 - 4x^2 + 7x", "3x^2 - 8x + 7");
    expect(right.correct).toBe(true);
    expect(right.diagnosis).toBeUndefined();
    expect(derivativeDiagnosis("x^3 - 4x^2 + 7x", "3x^2 - 8x + 5").diagnosis).toBeUndefined();
  });

  it("is named when grading, and hidden with the key where a problem set hides solutions", () => {
    const p = drawn("derivative-sum-rule", (q) => /^[^+]*\+[^+]*\+/.test(String(q.answer)));
    const key = read(String(p.answer), ["x"]);
    if (key.kind !== "add") throw new Error("not a sum");
    const flipped = toText(add(...key.terms.map((t, i) => (i === 1 ? mul(read("-1", []), t) : t))));
    const shown = grade(p, flipped);
    expect(shown.diagnosis?.code).toBe("sign_error_term");
    const hidden = withoutKey(shown);
    expect(hidden.correct).toBe(false);
    expect(hidden.message).not.toBe(MISTAKES.sign_error_term);
    expect(hidden.counterexample).toBeUndefined();
  });
});

describe("the chain rule with the inner derivative forgotten", () => {
  it.each([
    "power-of-polynomial",
    "exponential",
    "logarithm",
    "sine-or-cosine",
    "square-root",
    "reciprocal-power",
  ])("is named chain_rule_inner for the template %s, and the key is right", (template) => {
    const forgot = (p: Problem): string => {
      const wrong = derivative(read(String(p.given.f), ["x"]), "x", { mistake: "no-inner-derivative" });
      if (!wrong.ok) throw new Error("diff");
      return toText(wrong.expr);
    };
    // An inner function whose derivative is neither 1 nor -1 (then nothing or only the sign is lost).
    const p = drawn("derivative-chain-rule", (q, t) => {
      if (t !== template) return false;
      const g = grade(q, forgot(q));
      return !g.correct && g.diagnosis?.code !== "sign_error";
    });
    expect(grade(p, forgot(p)).diagnosis?.code).toBe("chain_rule_inner");
    const right = grade(p, String(p.answer));
    expect(right.correct).toBe(true);
    expect(right.diagnosis).toBeUndefined();
  });
});

describe("the chain rule along a curve with x'(t) forgotten", () => {
  /** The answer with the inner derivative of `forgot` left out and every other term right. */
  function forgetting(p: Problem, forgot: string): { text: string; value?: number } {
    const vars = p.given.vars as string[];
    const f = read(String(p.given.f), vars);
    const inner = Object.fromEntries(
      Object.entries(p.given.inner as Record<string, string>).map(([k, v]) => [k, read(v, ["t"])]),
    );
    const terms = vars.map((v) => {
      const d = derivative(f, v);
      const dv = derivative(inner[v]!, "t");
      if (!d.ok || !dv.ok) throw new Error("diff");
      const along = substitute(d.expr, inner);
      return v === forgot ? along : mul(along, dv.expr);
    });
    const e = add(...terms);
    if (p.given.at === undefined) return { text: toText(e) };
    const t0 = p.given.at;
    const at = substitute(e, {
      t: read(typeof t0 === "number" ? String(t0) : typeof t0 === "string" ? t0 : "0", []),
    });
    return { text: T(simp(at)), value: numericValue(at) };
  }
  const nonLinear = (s: unknown): boolean => /t\^|exp|e\^|sin|cos/.test(String(s));

  it("is named chain_one_inner_missing, saying which derivative is missing", () => {
    const p = drawn(
      "multivariable-chain-rule",
      (q) => nonLinear((q.given.inner as Record<string, string>).x) && /x/.test(String(q.given.f)),
    );
    const r = grade(p, forgetting(p, "x").text);
    expect(r.correct).toBe(false);
    expect(r.diagnosis?.code).toBe("chain_one_inner_missing");
    expect(r.diagnosis?.message).toMatch(/x'\(t\)/);
    const right = grade(p, String(p.answer));
    expect(right.correct).toBe(true);
    expect(right.diagnosis).toBeUndefined();
  });

  it("with one variable, the inner derivative forgotten is chain_inner_missing (there is no other term)", () => {
    const p = buildProblem(
      { skill: "multivariable-chain-rule", seed: 0, version: 1 },
      { kind: "chain", f: read("x^3", ["x"]), vars: ["x"], inner: { x: read("t^2 + 1", ["t"]) } },
    );
    const r = grade(p, "3(t^2 + 1)^2");
    expect(r.correct).toBe(false);
    expect(r.diagnosis?.code).toBe("chain_inner_missing");
    expect(r.diagnosis?.message).toBe(MISTAKES.chain_inner_missing);
    expect(grade(p, "6t(t^2 + 1)^2").correct).toBe(true);
  });

  it("is named for the chain rule at a value of t", () => {
    let checked = 0;
    for (let seed = 0; seed < 400 && checked < 5; seed++) {
      const g = generate("multivariable-chain-rule-at-a-point", seed);
      if (!g.ok) continue;
      const p = g.problem;
      const inner = p.given.inner as Record<string, string>;
      if (!nonLinear(inner.x) || !/x/.test(String(p.given.f))) continue;
      const wrong = forgetting(p, "x");
      if (!Number.isFinite(wrong.value) || Math.abs(wrong.value! - Number(p.value)) < 1e-9) continue;
      const r = grade(p, wrong.text);
      expect(r.correct).toBe(false);
      expect(["chain_one_inner_missing", "chain_missing_term"]).toContain(r.diagnosis?.code);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });
});
