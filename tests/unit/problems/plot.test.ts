// The pictures of finished problems: SVG with a title and description, the right marks for each
// kind, curves broken at discontinuities, huge values clipped, and nothing where there is no picture.
import { describe, expect, it } from "vitest";
import { parse } from "@/lib/calculus/parse";
import { SKILLS, generate } from "@/lib/problems";
import {
  Frame,
  contourPlot,
  contourSegments,
  limitPlot,
  pieces,
  sample,
  simplified,
  tangentPlot,
  yRange,
} from "@/lib/problems/plot";
import { plotFor } from "@/lib/problems/plot-for";
import type { Problem } from "@/lib/problems";

const E = (s: string, vars = ["x", "y"]) => {
  const r = parse(s, { vars });
  if (!r.ok) throw new Error(r.error.message);
  return r.expr;
};

const count = (svg: string, re: RegExp) => (svg.match(re) ?? []).length;

function problem(skill: string, seed = 11): Problem {
  const g = generate(skill, seed);
  if (!g.ok) throw new Error(g.error.message);
  return g.problem;
}

describe("tangentPlot", () => {
  it("draws the curve, the tangent through (a, f(a)) with slope f'(a), and the point", () => {
    const svg = tangentPlot({ f: E("x^2"), v: "x", a: 1 })!;
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain('role="img"');
    expect(svg).toMatch(/<title id="plot-title">Graph of y = x\^2 near x = 1 with its tangent line<\/title>/);
    expect(svg).toContain("tangent at (1, 1), with slope 2");
    expect(count(svg, /class="plot-tangent"/g)).toBe(1);
    expect(count(svg, /class="plot-point"/g)).toBe(1);
    expect(count(svg, /class="plot-curve"/g)).toBe(1);
  });

  it("refuses a point where the function or its derivative is undefined", () => {
    expect(tangentPlot({ f: E("ln(x)"), v: "x", a: -1 })).toBeNull();
    expect(tangentPlot({ f: E("abs(x)^(1/2)"), v: "x", a: 0 })).toBeNull();
  });

  it("uses theme colours only (currentColor), never a fixed colour", () => {
    const svg = tangentPlot({ f: E("sin(x)"), v: "x", a: 0 })!;
    expect(svg).not.toMatch(/#[0-9a-f]{3,6}\b|\b(black|red|blue)\b/i);
  });
});

describe("limitPlot", () => {
  it("marks the hole of a removable discontinuity with an open circle at the limit", () => {
    const svg = limitPlot({ f: E("(x^2 - 4)/(x - 2)"), v: "x", to: 2, limit: 4 })!;
    expect(count(svg, /class="plot-hole"/g)).toBe(1);
    expect(svg).toContain("open circle at (2, 4)");
    expect(svg).not.toContain("plot-asymptote");
  });

  it("draws a filled point on an unbroken curve where the function is continuous (direct substitution)", () => {
    const svg = limitPlot({ f: E("(x^2 - 7)/(x^2 + 7)"), v: "x", to: 3, limit: 2 / 16 })!;
    expect(count(svg, /class="plot-point"/g)).toBe(1);
    expect(svg).not.toContain("plot-hole");
    expect(count(svg, /class="plot-curve"/g)).toBe(1);
    expect(svg).toContain("continuous at x = 3: the filled point (3, 0.13)");
  });

  it("draws a vertical asymptote at an infinite limit and breaks the curve there", () => {
    const svg = limitPlot({ f: E("1/(x - 1)"), v: "x", to: 1, limit: NaN })!;
    expect(count(svg, /class="plot-asymptote"/g)).toBe(1);
    // Two branches, never one polyline jumping from -inf to +inf.
    expect(count(svg, /class="plot-curve"/g)).toBe(2);
    const inf = limitPlot({ f: E("1/(x - 1)^2"), v: "x", to: 1, limit: Infinity })!;
    expect(inf).toContain("tends to +infinity");
  });

  it("breaks the curve at a jump", () => {
    const svg = limitPlot({ f: E("abs(x)/x"), v: "x", to: 0, limit: NaN })!;
    expect(count(svg, /class="plot-curve"/g)).toBe(2);
    expect(svg).toContain("do not approach one value");
  });

  it("shows a horizontal asymptote for a limit at infinity", () => {
    const svg = limitPlot({ f: E("(2x + 1)/(x + 3)"), v: "x", to: Infinity, limit: 2 })!;
    expect(svg).toContain("y = 2 is the value the function approaches");
  });
});

describe("contourPlot", () => {
  it("draws level curves and the gradient arrow at the point", () => {
    const svg = contourPlot({ f: E("x^2 + y^2"), vars: ["x", "y"], at: [1, 1] })!;
    expect(count(svg, /class="plot-contour"/g)).toBeGreaterThan(3);
    expect(count(svg, /class="plot-contour-own"/g)).toBe(1);
    expect(count(svg, /class="plot-arrow"/g)).toBe(1);
    expect(svg).toContain("direction of the gradient (2, 2)");
  });

  it("has no arrow where the gradient is zero", () => {
    const svg = contourPlot({ f: E("x^2 + y^2"), vars: ["x", "y"], at: [0, 0] })!;
    expect(svg).not.toContain(`class="plot-arrow"`);
    expect(svg).toContain("the gradient there is zero");
  });

  it("the arrow points up the hill: for f = x its end is to the right of the point", () => {
    const svg = contourPlot({ f: E("x"), vars: ["x", "y"], at: [0, 0] })!;
    const m = /class="plot-arrow" x1="([\d.]+)" y1="([\d.]+)" x2="([\d.]+)" y2="([\d.]+)"/.exec(svg)!;
    expect(Number(m[3])).toBeGreaterThan(Number(m[1]));
    expect(Number(m[4])).toBeCloseTo(Number(m[2]), 5);
  });
});

describe("helpers", () => {
  it("contourSegments finds the level set of a plane", () => {
    const xs = [0, 1, 2];
    const ys = [0, 1];
    const values = ys.map((y) => xs.map((x) => x + 0 * y));
    const segs = contourSegments(values, xs, ys, 0.5);
    expect(segs).toHaveLength(1);
    expect(segs[0]![0]).toBeCloseTo(0.5);
    expect(segs[0]![2]).toBeCloseTo(0.5);
  });

  it("yRange clips huge values and keeps the points that must show", () => {
    const ys = [...Array.from({ length: 100 }, (_, i) => i / 100), 1e12, -1e12];
    const [lo, hi] = yRange(ys, [5]);
    expect(lo).toBeGreaterThan(-2);
    expect(hi).toBeLessThan(10);
    expect(hi).toBeGreaterThan(5);
  });

  it("pieces breaks at undefined points", () => {
    const pts = sample((x) => (x < 0 ? NaN : x), -1, 1, 20);
    expect(pieces(pts, { x: [-1, 1], y: [-1, 1] })).toHaveLength(1);
  });

  it("a curve is drawn through few points, passing within a quarter pixel of every sample", () => {
    const win = { x: [-3, 3], y: [-1.5, 1.5] } as const;
    const fr = new Frame(win);
    const pts = sample(Math.sin, -3, 3);
    const d = fr.path(pts);
    const drawn = [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(drawn.length).toBeLessThan(pts.length / 4);
    // Every sample lies within 0.25 px (plus the 0.05 of the written coordinates) of the polyline.
    const dist = (px: number, py: number) =>
      Math.min(
        ...drawn.slice(1).map(([bx, by], i) => {
          const [ax, ay] = drawn[i]!;
          const [dx, dy] = [bx! - ax!, by! - ay!];
          const t = Math.max(0, Math.min(1, ((px - ax!) * dx + (py - ay!) * dy) / (dx * dx + dy * dy)));
          return Math.hypot(px - ax! - t * dx, py - ay! - t * dy);
        }),
      );
    for (const p of pts) expect(dist(fr.sx(p.x), fr.sy(p.y))).toBeLessThan(0.25 + 0.1);
    // The ends and a corner are kept.
    const corner = fr.path(sample((x) => Math.abs(x), -3, 3));
    expect(corner).toMatch(/^M28\.0,-?[\d.]+L180\.0,-?[\d.]+L332\.0,-?[\d.]+$/);
  });

  it("simplified keeps only the ends of a straight line", () => {
    const xs = Float64Array.from({ length: 50 }, (_, i) => i);
    const ys = Float64Array.from({ length: 50 }, (_, i) => 2 * i + 1);
    expect([...simplified(xs, ys, 0.25)].filter(Boolean)).toHaveLength(2);
  });
});

describe("plotFor", () => {
  it("gives a picture for every seed of the skills that have one, and none for the others", () => {
    const pictured = new Set([
      "derivative-at-a-point",
      "tangent-line",
      "gradient-at-a-point",
      "limit-factor-cancel",
      "limit-infinite",
      "limit-does-not-exist",
      "limit-rational-at-infinity",
      "newton-step",
      "neuron-gradient",
    ]);
    for (const skill of pictured) {
      for (let seed = 1; seed <= 20; seed++) {
        const svg = plotFor(problem(skill, seed));
        const p = problem(skill, seed);
        // A gradient at a point of a function of three variables has no picture.
        if (p.kind === "gradient" && p.vars.length !== 2) continue;
        expect(svg, `${skill} seed ${seed}`).toMatch(/^<svg[^>]*role="img"/);
        expect(svg).toContain("<title");
        expect(svg).toContain("<desc");
      }
    }
    expect(plotFor(problem("derivative-power-rule"))).toBeUndefined();
    expect(plotFor(problem("partial-derivative-two-variables"))).toBeUndefined();
  });

  it("Newton's step: the level curves, the step as an arrow, steepest descent dashed and the Hessian's axes", () => {
    const svg = plotFor(problem("newton-step", 3))!;
    expect(svg).toContain('class="plot-arrow"');
    expect(svg).toContain('class="plot-descent"');
    expect(svg.match(/class="plot-eigen"/g)).toHaveLength(2);
    expect(svg.match(/class="plot-contour"/g)?.length ?? 0).toBeGreaterThan(3);
    expect(svg).toMatch(/<desc[^>]*>Level curves of f around the two points/);
  });

  it("the ReLU gate of a neuron: open on the rising side, closed on the flat side", () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 40; seed++) {
      const p = problem("neuron-gradient", seed);
      const at = p.given.at as { w: number[]; x: number[]; b: number };
      const z = at.w.reduce((s, w, i) => s + w * at.x[i]!, 0) + at.b;
      const svg = plotFor(p)!;
      const state = z > 0 ? "open" : "closed";
      expect(svg).toContain(`the gate is ${state}`);
      seen.add(state);
    }
    expect(seen).toEqual(new Set(["open", "closed"]));
  });

  it("never throws for any skill", () => {
    for (const s of SKILLS)
      for (let seed = 1; seed <= 5; seed++) expect(() => plotFor(problem(s.id, seed))).not.toThrow();
  });

  it("escapes text that would break the markup", () => {
    const svg = tangentPlot({ f: E("x"), v: "x", a: 0, id: "p" })!;
    expect(svg).not.toContain("<script");
    expect(svg).toContain('id="p-title"');
  });
});
