// The picture of a finished second-order Taylor problem: the curve with its two approximations and a
// text alternative that states them; none for problems where it would not help.
import { describe, expect, it } from "vitest";
import { generate } from "@/lib/problems/catalogue";
import { plotFor } from "@/lib/problems/plot-for";
import type { Problem } from "@/lib/problems/types";

function find(skill: string, pred: (p: Problem) => boolean): Problem {
  for (let seed = 0; seed < 2000; seed++) {
    const g = generate(skill, seed);
    if (g.ok && pred(g.problem)) return g.problem;
  }
  throw new Error(`no ${skill} problem found`);
}

describe("the Taylor picture", () => {
  it("draws f, the tangent line and the parabola for a function of one variable, with a description", () => {
    const p = find("second-order-taylor", (q) => q.vars.length === 1);
    const svg = plotFor(p)!;
    expect(svg).toContain('role="img"');
    expect(svg).toContain("<title");
    expect(svg).toContain(`The solid curve is y = ${String(p.given.f)}`);
    expect(svg).toContain("first-order approximation");
    expect(svg).toMatch(/dotted parabola adds -?[0-9.]+\(x − -?[0-9.]+\)²/);
    expect(svg.match(/class="plot-taylor"/g)?.length).toBeGreaterThan(0);
    expect(svg.match(/class="plot-tangent"/g)?.length).toBeGreaterThan(0);
  });

  it("draws nothing for a Taylor problem in two variables or a concrete problem of another skill", () => {
    expect(plotFor(find("second-order-taylor", (q) => q.vars.length === 2))).toBeUndefined();
    expect(plotFor(find("jacobian-at-a-point", () => true))).toBeUndefined();
  });
});
