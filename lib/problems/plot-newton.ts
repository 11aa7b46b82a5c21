// The picture of a finished Newton step in two variables: the level curves of f around the start x₀
// and the new point x₁, the Newton step (solid arrow from x₀ to x₁), the direction of steepest descent
// −∇f(x₀) for comparison (dashed arrow), and the Hessian's eigenvectors drawn through x₁ (the axes of
// the level curves of a quadratic). SVG markup with a text alternative, as in plot.ts.
import type { Expr } from "../calculus/ast";
import { derivative } from "../calculus/diff";
import { compile } from "../calculus/eval";
import { toText } from "../calculus/print";
import { numericValue } from "./exact";
import { Frame, axes, contourSegments, fmt, svg } from "./plot";

export interface NewtonInput {
  f: Expr;
  vars: [string, string];
  from: [number, number];
  to: [number, number];
  id?: string;
}

const arrow = (fr: Frame, a: [number, number], b: [number, number], cls: string, id: string, dash = "") =>
  `<line class="${cls}" x1="${fr.sx(a[0]).toFixed(1)}" y1="${fr.sy(a[1]).toFixed(1)}" x2="${fr.sx(b[0]).toFixed(1)}" y2="${fr.sy(b[1]).toFixed(1)}" stroke="currentColor" stroke-width="2.4"${dash ? ` stroke-dasharray="${dash}"` : ""} marker-end="url(#${id}-arrow)"/>`;

/** Level curves of f with the Newton step from `from` to `to`; null when f cannot be drawn there. */
export function newtonPlot({ f, vars, from, to, id = "plot" }: NewtonInput): string | null {
  const [x, y] = vars;
  const c = compile(f, vars);
  const fx = derivative(f, x);
  const fy = derivative(f, y);
  if (!c.ok || !fx.ok || !fy.ok) return null;
  const fxx = derivative(fx.expr, x);
  const fxy = derivative(fx.expr, y);
  const fyy = derivative(fy.expr, y);
  if (!fxx.ok || !fxy.ok || !fyy.ok) return null;
  const at = { [x]: from[0], [y]: from[1] };
  const g = [numericValue(fx.expr, at), numericValue(fy.expr, at)] as const;
  const [a, b, d] = [numericValue(fxx.expr, at), numericValue(fxy.expr, at), numericValue(fyy.expr, at)];
  if (![...g, a, b, d, ...from, ...to].every(Number.isFinite)) return null;

  // A square window around both points.
  const cx = (from[0] + to[0]) / 2;
  const cy = (from[1] + to[1]) / 2;
  const half = Math.max(1.5, Math.hypot(to[0] - from[0], to[1] - from[1]) * 0.85);
  const grid = 48;
  const xs = Array.from({ length: grid + 1 }, (_, i) => cx - half + (2 * half * i) / grid);
  const ys = Array.from({ length: grid + 1 }, (_, j) => cy - half + (2 * half * j) / grid);
  const values = ys.map((yy) => xs.map((xx) => c.fn([xx, yy])));
  const fr = new Frame({ x: [cx - half, cx + half], y: [cy - half, cy + half] }, 300, 300);
  const finite = values
    .flat()
    .filter(Number.isFinite)
    .sort((p, q) => p - q);
  let lines = "";
  if (finite.length > 0) {
    const lo = finite[Math.floor(finite.length * 0.02)]!;
    const hi = finite[Math.floor(finite.length * 0.9)]!;
    const levels = hi > lo ? Array.from({ length: 9 }, (_, k) => lo + ((hi - lo) * (k + 0.5)) / 9) : [];
    lines = levels
      .map((level) => {
        const segs = contourSegments(values, xs, ys, level);
        const path = segs
          .map(
            ([x1, y1, x2, y2]) =>
              `M${fr.sx(x1).toFixed(1)},${fr.sy(y1).toFixed(1)}L${fr.sx(x2).toFixed(1)},${fr.sy(y2).toFixed(1)}`,
          )
          .join("");
        return path
          ? `<path class="plot-contour" d="${path}" fill="none" stroke="currentColor" stroke-width="1" stroke-opacity="0.45"/>`
          : "";
      })
      .join("");
  }
  // The Hessian's eigenvectors (a symmetric 2×2 matrix: rotation by half the angle of (a − d, 2b)).
  const theta = 0.5 * Math.atan2(2 * b, a - d);
  const axesLines = [theta, theta + Math.PI / 2]
    .map((t) => {
      const ux = Math.cos(t) * half * 0.9;
      const uy = Math.sin(t) * half * 0.9;
      return `<line class="plot-eigen" x1="${fr.sx(to[0] - ux).toFixed(1)}" y1="${fr.sy(to[1] - uy).toFixed(1)}" x2="${fr.sx(to[0] + ux).toFixed(1)}" y2="${fr.sy(to[1] + uy).toFixed(1)}" stroke="currentColor" stroke-width="1" stroke-dasharray="2 4" stroke-opacity="0.7"/>`;
    })
    .join("");
  const gn = Math.hypot(g[0], g[1]);
  const stepLength = Math.hypot(to[0] - from[0], to[1] - from[1]);
  const descent =
    gn > 0
      ? arrow(
          fr,
          from,
          [from[0] - (g[0] / gn) * stepLength * 0.6, from[1] - (g[1] / gn) * stepLength * 0.6],
          "plot-descent",
          id,
          "5 4",
        )
      : "";
  const dot = (p: [number, number], cls: string) =>
    `<circle class="${cls}" cx="${fr.sx(p[0]).toFixed(1)}" cy="${fr.sy(p[1]).toFixed(1)}" r="4.5" fill="currentColor"/>`;
  const ax = axes(fr, [x, y]);
  const body =
    ax.lines +
    lines +
    axesLines +
    descent +
    arrow(fr, from, to, "plot-arrow", id) +
    dot(from, "plot-point") +
    dot(to, "plot-point");
  const p0 = `(${fmt(from[0])}, ${fmt(from[1])})`;
  const p1 = `(${fmt(to[0])}, ${fmt(to[1])})`;
  const title = `Newton's step for f(${x}, ${y}) = ${toText(f)} from ${p0} to ${p1}`;
  const desc = `Level curves of f around the two points. The solid arrow is Newton's step from ${p0} to ${p1}; the dashed arrow points along minus the gradient at ${p0}, the direction gradient descent would take, which is not aimed at ${p1} unless the level curves are circles. The dotted lines through ${p1} are the eigenvectors of the Hessian at ${p0}: for a quadratic f, the axes of its level curves.`;
  return svg(id, fr, title, desc, body, ax.text);
}
