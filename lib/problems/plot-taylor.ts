// The picture of a finished second-order Taylor problem in one variable: the function near the point
// with its first-order (tangent) and second-order approximations, so the learner sees the parabola
// hug the curve where the line leaves it. SVG markup with a text alternative, as in plot.ts.
import type { Expr } from "../calculus/ast";
import { derivative } from "../calculus/diff";
import { toText } from "../calculus/print";
import { Frame, type Window, axes, curvePath, fmt, fn1, sample, svg, yRange } from "./plot";

/** f near x = a with its Taylor polynomials of order 1 (dashed) and 2 (dotted); null when undefined at a. */
export function taylorPlot({
  f,
  v,
  a,
  id = "plot",
}: {
  f: Expr;
  v: string;
  a: number;
  id?: string;
}): string | null {
  const g = fn1(f, v);
  const d1 = derivative(f, v);
  const d2 = d1.ok ? derivative(d1.expr, v) : null;
  if (!g || !d1.ok || !d2?.ok) return null;
  const g1 = fn1(d1.expr, v);
  const g2 = fn1(d2.expr, v);
  const fa = g(a);
  const m = g1 ? g1(a) : NaN;
  const c = g2 ? g2(a) : NaN;
  if (![fa, m, c].every(Number.isFinite)) return null;
  const lo = a - 2;
  const hi = a + 2;
  const pts = sample(g, lo, hi);
  const win: Window = {
    x: [lo, hi],
    y: yRange(
      pts.map((p) => p.y),
      [fa],
    ),
  };
  const fr = new Frame(win);
  const first = sample((x) => fa + m * (x - a), lo, hi, 40);
  const second = sample((x) => fa + m * (x - a) + (c / 2) * (x - a) ** 2, lo, hi, 160);
  const ax = axes(fr, [v, "y"], { x: a, label: `${v} = ${fmt(a)}` });
  const body =
    ax.lines +
    curvePath(fr, pts) +
    curvePath(fr, first, "plot-tangent").replace(
      /stroke-width="2.2"/g,
      'stroke-width="1.8" stroke-dasharray="6 4"',
    ) +
    curvePath(fr, second, "plot-taylor").replace(
      /stroke-width="2.2"/g,
      'stroke-width="2" stroke-dasharray="2 3"',
    ) +
    `<circle class="plot-point" cx="${fr.sx(a).toFixed(1)}" cy="${fr.sy(fa).toFixed(1)}" r="4.5" fill="currentColor"/>`;
  const title = `Graph of y = ${toText(f)} near ${v} = ${fmt(a)} with its first- and second-order Taylor approximations`;
  const desc =
    `The solid curve is y = ${toText(f)} for ${v} from ${fmt(lo)} to ${fmt(hi)}. The dashed line is the ` +
    `first-order approximation ${fmt(fa)} + ${fmt(m)}(${v} − ${fmt(a)}); the dotted parabola adds ` +
    `${fmt(c / 2)}(${v} − ${fmt(a)})² and stays close to the curve over a wider stretch. The dot marks (${fmt(a)}, ${fmt(fa)}).`;
  return svg(id, fr, title, desc, body, ax.text);
}
