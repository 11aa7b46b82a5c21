// A wrong answer's counterexample is shown at a point a learner can check by hand (x = 2, 1/2, 1, 0,
// -1, ...) where the key and the answer are both defined and clearly differ; only when no such
// point exists is a sampled point (three decimals) kept.
import { describe, expect, it } from "vitest";
import type { Expr } from "@/lib/calculus/ast";
import { type EquivOptions, equivalent, equivalentShaped } from "@/lib/calculus/equiv";
import { parse } from "@/lib/calculus/parse";

function read(s: string, vars: readonly string[]): Expr {
  const r = parse(s, { vars });
  if (!r.ok) throw new Error(`cannot parse ${s}`);
  return r.expr;
}

function reason(key: string, answer: string, opts: EquivOptions): string {
  const v = equivalent(read(key, opts.vars), read(answer, opts.vars), opts);
  if (!v.ok || v.equivalent) throw new Error("expected a wrong answer");
  return v.reason;
}

describe("counterexamples at simple points", () => {
  it("uses x = 2 when the values differ there", () => {
    expect(reason("3x^2", "3x", { vars: ["x"] })).toBe("At x = 2 your answer is 6, the correct value is 12");
  });

  it("skips a simple point where key and answer happen to agree (2x and x^2 at x = 2)", () => {
    expect(reason("2x", "x^2", { vars: ["x"] })).toMatch(/^At x = 0\.5 your answer is 0\.25/);
  });

  // 3x^2 and 3x differ at every simple point but 0 and 1, so only the domain moves these off x = 2.
  it("skips simple points outside the problem's domain", () => {
    // 2, 1/2, 1, 0, -1 lie outside [2.5, 4]; 3 is the first inside.
    expect(reason("3x^2", "3x", { vars: ["x"], domain: { x: [2.5, 4] } })).toBe(
      "At x = 3 your answer is 9, the correct value is 27",
    );
  });

  it("skips simple points where the function differentiated is undefined", () => {
    // ln(-x) is defined for x < 0 only: 2, 1/2, 1 and 0 are skipped, -1 is the first.
    const opts: EquivOptions = { vars: ["x"], defined: [read("ln(-x)", ["x"])] };
    expect(reason("3x^2", "3x", opts)).toBe("At x = -1 your answer is -3, the correct value is 3");
  });

  it("skips simple points where the key or the answer is undefined", () => {
    // Both are undefined at x = 2: the next simple point.
    expect(reason("2/(x - 2)", "1/(x - 2)", { vars: ["x"] })).toMatch(/^At x = 0\.5 your answer is -0\.6/);
    expect(reason("3x^2", "3x + 0/ln(x - 1)", { vars: ["x"] })).toMatch(/^At x = 3 /);
  });

  it("with no simple point in the domain, the sampled point it keeps is in the domain", () => {
    const v = equivalent(read("3x^2", ["x"]), read("3x", ["x"]), { vars: ["x"], domain: { x: [0.1, 0.2] } });
    const x = v.ok && !v.equivalent ? v.counterexample?.point.x : undefined;
    expect(x).toBeGreaterThanOrEqual(0.1);
    expect(x).toBeLessThanOrEqual(0.2);
  });

  it("keeps the answer's and the key's values at the point it names", () => {
    const v = equivalent(read("2x", ["x"]), read("x^2", ["x"]), { vars: ["x"] });
    expect(v.ok && !v.equivalent && v.counterexample).toEqual({
      point: { x: 0.5 },
      answer: 0.25,
      expected: 1,
    });
  });

  it("uses simple points for several variables, component by component", () => {
    const v = equivalentShaped(
      [read("2x y", ["x", "y"]), read("x^2", ["x", "y"])],
      [read("2x y", ["x", "y"]), read("x^2 + y", ["x", "y"])],
      { vars: ["x", "y"] },
    );
    expect(v.ok && !v.equivalent && v.reason).toBe(
      "Component 2: at (x, y) = (2, 2) your answer is 6, the correct value is 4",
    );
  });

  it("one variable tries all twelve simple values, two variables the first eight each (not 4)", () => {
    const one = equivalent(read("3x^2", ["x"]), read("3x", ["x"]), {
      vars: ["x"],
      domain: { x: [3.5, 4.5] },
    });
    expect(one.ok && !one.equivalent && one.counterexample?.point).toEqual({ x: 4 });
    const vars = ["x", "y"];
    const two = equivalent(read("3x^2 y", vars), read("3x y", vars), {
      vars,
      domain: { x: [3.5, 4.5], y: [3.5, 4.5] },
    });
    const point = two.ok && !two.equivalent ? two.counterexample?.point : undefined;
    expect(point?.x).not.toBe(4);
    expect(point?.x).toBeGreaterThanOrEqual(3.5);
    expect(point?.x).toBeLessThanOrEqual(4.5);
  });

  it("falls back to a sampled point when the two agree at every simple point", () => {
    // x + sin(4 pi x) and x agree at every multiple of 1/4.
    const r = reason("x + sin(4 pi x)", "x", { vars: ["x"] });
    expect(r).toMatch(/^At x = -?\d\.\d{3} /);
    expect(r).not.toMatch(/^At x = -?\d(\.[05]0*)? /);
  });

  it("a right answer has no counterexample", () => {
    const v = equivalent(read("2x", ["x"]), read("x + x", ["x"]), { vars: ["x"] });
    expect(v.ok && v.equivalent).toBe(true);
  });
});
