// Pictures of a finished problem as SVG markup: the function with its tangent line, a contour plot
// with the gradient arrow, the function near a limit point with its hole or asymptote. Pure (no DOM):
// sampled with the core's compiled evaluator. Colours come from currentColor and CSS variables, so
// the picture follows the light or dark theme of the page it sits in.
import type { Expr } from "../calculus/ast";
import { derivative } from "../calculus/diff";
import { compile } from "../calculus/eval";
import { toText } from "../calculus/print";
import { numericValue } from "./exact";

const W = 360;
const H = 240;
const PAD = 28;
const SAMPLES = 480;

export interface Window {
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
}

export function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export const fmt = (n: number): string => (Math.round(n * 100) / 100).toString();

/** A function of one variable from an expression, NaN where undefined (never throws). */
export function fn1(e: Expr, v: string): ((x: number) => number) | null {
  const c = compile(e, [v]);
  if (!c.ok) return null;
  const buf = [0];
  return (x) => {
    buf[0] = x;
    const y = c.fn(buf);
    return Number.isFinite(y) ? y : NaN;
  };
}

/** Evenly spaced samples over [lo, hi]. */
export function sample(
  f: (x: number) => number,
  lo: number,
  hi: number,
  n = SAMPLES,
): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  for (let i = 0; i <= n; i++) {
    const x = lo + ((hi - lo) * i) / n;
    out.push({ x, y: f(x) });
  }
  return out;
}

/** A y-range that shows the bulk of the values and the points that must be seen; huge values are clipped. */
export function yRange(ys: readonly number[], mustShow: readonly number[] = []): [number, number] {
  const finite = ys.filter(Number.isFinite).sort((a, b) => a - b);
  let lo: number;
  let hi: number;
  if (finite.length === 0) {
    lo = -1;
    hi = 1;
  } else {
    lo = finite[Math.floor(finite.length * 0.08)]!;
    hi = finite[Math.min(finite.length - 1, Math.ceil(finite.length * 0.92))]!;
  }
  for (const m of mustShow) {
    if (Number.isFinite(m)) {
      lo = Math.min(lo, m);
      hi = Math.max(hi, m);
    }
  }
  if (hi - lo < 1e-9) {
    lo -= 1;
    hi += 1;
  }
  const margin = (hi - lo) * 0.2;
  return [lo - margin, hi + margin];
}

/**
 * The polyline pieces of a sampled curve inside (a generous band around) the window: broken where
 * the function is undefined and across jumps larger than the window's height (a discontinuity or an
 * asymptote), so no vertical line is drawn where the graph has none.
 */
export function pieces(
  points: readonly { x: number; y: number }[],
  win: Window,
): { x: number; y: number }[][] {
  const span = win.y[1] - win.y[0];
  const lo = win.y[0] - span * 4;
  const hi = win.y[1] + span * 4;
  const out: { x: number; y: number }[][] = [];
  let cur: { x: number; y: number }[] = [];
  let prev: { x: number; y: number } | null = null;
  const flush = () => {
    if (cur.length > 1) out.push(cur);
    cur = [];
  };
  for (const p of points) {
    if (!Number.isFinite(p.y)) {
      flush();
      prev = null;
      continue;
    }
    if (prev && Math.abs(p.y - prev.y) > span * 0.9) flush();
    const y = Math.min(hi, Math.max(lo, p.y));
    cur.push({ x: p.x, y });
    prev = p;
  }
  flush();
  return out;
}

export class Frame {
  constructor(
    readonly win: Window,
    readonly w = W,
    readonly h = H,
  ) {}
  sx(x: number): number {
    return PAD + ((x - this.win.x[0]) / (this.win.x[1] - this.win.x[0])) * (this.w - 2 * PAD);
  }
  sy(y: number): number {
    return this.h - PAD - ((y - this.win.y[0]) / (this.win.y[1] - this.win.y[0])) * (this.h - 2 * PAD);
  }
  /** The polyline through the points, without the points it would pass within PATH_TOLERANCE of anyway. */
  path(ps: readonly { x: number; y: number }[]): string {
    const n = ps.length;
    const xs = new Float64Array(n);
    const ys = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      xs[i] = this.sx(ps[i]!.x);
      ys[i] = this.sy(ps[i]!.y);
    }
    const keep = simplified(xs, ys, PATH_TOLERANCE);
    let d = "";
    for (let i = 0; i < n; i++)
      if (keep[i]) d += `${d === "" ? "M" : "L"}${xs[i]!.toFixed(1)},${ys[i]!.toFixed(1)}`;
    return d;
  }
}

/**
 * How far (in the picture's units, about a pixel each) a drawn polyline may pass from a sampled point
 * it leaves out: a quarter of a pixel, less than the 0.1 the coordinates are written to plus the
 * stroke's width can show. A smooth curve of 480 samples then needs a few dozen points.
 */
const PATH_TOLERANCE = 0.25;

/**
 * Which points a polyline keeps (Ramer-Douglas-Peucker): the ends, and every point farther than
 * `tolerance` from the segment between the points kept on either side of it.
 */
export function simplified(xs: Float64Array, ys: Float64Array, tolerance: number): Uint8Array {
  const n = xs.length;
  const keep = new Uint8Array(n);
  if (n === 0) return keep;
  keep[0] = 1;
  keep[n - 1] = 1;
  const stack: number[] = [0, n - 1];
  const tol2 = tolerance * tolerance;
  while (stack.length > 0) {
    const b = stack.pop()!;
    const a = stack.pop()!;
    const dx = xs[b]! - xs[a]!;
    const dy = ys[b]! - ys[a]!;
    const len2 = dx * dx + dy * dy;
    let far = -1;
    let farD2 = tol2;
    for (let i = a + 1; i < b; i++) {
      const px = xs[i]! - xs[a]!;
      const py = ys[i]! - ys[a]!;
      // Squared distance from the segment (from the end point when the projection falls outside it).
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
      const ex = px - t * dx;
      const ey = py - t * dy;
      const d2 = ex * ex + ey * ey;
      if (d2 > farD2) {
        farD2 = d2;
        far = i;
      }
    }
    if (far < 0) continue;
    keep[far] = 1;
    stack.push(a, far, far, b);
  }
  return keep;
}

/** The axes' lines (drawn inside the clipped area) and their labels with the window's extent (outside it). */
export function axes(
  fr: Frame,
  labels: [string, string],
  mark?: { x: number; label: string },
): { lines: string; text: string } {
  const { win } = fr;
  const parts: string[] = [];
  const text: string[] = [];
  const x0 = win.y[0] <= 0 && win.y[1] >= 0 ? fr.sy(0) : fr.h - PAD;
  const y0 = win.x[0] <= 0 && win.x[1] >= 0 ? fr.sx(0) : PAD;
  parts.push(
    `<line class="plot-axis" x1="${PAD}" y1="${x0.toFixed(1)}" x2="${fr.w - PAD}" y2="${x0.toFixed(1)}" stroke="currentColor" stroke-opacity="0.45"/>`,
  );
  parts.push(
    `<line class="plot-axis" x1="${y0.toFixed(1)}" y1="${PAD}" x2="${y0.toFixed(1)}" y2="${fr.h - PAD}" stroke="currentColor" stroke-opacity="0.45"/>`,
  );
  text.push(
    `<text x="${fr.w - PAD + 4}" y="${(x0 + 4).toFixed(1)}" font-size="11" fill="currentColor">${esc(labels[0])}</text>`,
  );
  text.push(
    `<text x="${(y0 + 4).toFixed(1)}" y="${PAD - 8}" font-size="11" fill="currentColor">${esc(labels[1])}</text>`,
  );
  // The window's extent, so the scale can be read.
  text.push(
    `<text x="${PAD}" y="${fr.h - 8}" font-size="10" fill="currentColor" fill-opacity="0.7">${fmt(win.x[0])}</text>`,
  );
  text.push(
    `<text x="${fr.w - PAD}" y="${fr.h - 8}" font-size="10" text-anchor="end" fill="currentColor" fill-opacity="0.7">${fmt(win.x[1])}</text>`,
  );
  if (mark)
    text.push(
      `<text x="${fr.sx(mark.x).toFixed(1)}" y="${fr.h - 8}" font-size="10" text-anchor="middle" fill="currentColor">${esc(mark.label)}</text>`,
    );
  return { lines: parts.join(""), text: text.join("") };
}

export function svg(id: string, fr: Frame, title: string, desc: string, body: string, overlay = ""): string {
  const clip = `${id}-clip`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="plot" viewBox="0 0 ${fr.w} ${fr.h}" role="img" aria-labelledby="${id}-title ${id}-desc">` +
    `<title id="${id}-title">${esc(title)}</title><desc id="${id}-desc">${esc(desc)}</desc>` +
    `<defs><clipPath id="${clip}"><rect x="${PAD}" y="${PAD}" width="${fr.w - 2 * PAD}" height="${fr.h - 2 * PAD}"/></clipPath>` +
    `<marker id="${id}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" class="plot-mark" fill="currentColor"/></marker></defs>` +
    `<g clip-path="url(#${clip})">${body}</g>${overlay}` +
    `</svg>`
  );
}

export function curvePath(
  fr: Frame,
  points: readonly { x: number; y: number }[],
  cls = "plot-curve",
): string {
  return pieces(points, fr.win)
    .map(
      (p) => `<path class="${cls}" d="${fr.path(p)}" fill="none" stroke="currentColor" stroke-width="2.2"/>`,
    )
    .join("");
}

// ---------------------------------------------------------------- tangent line

export interface TangentInput {
  f: Expr;
  v: string;
  a: number;
  id?: string;
}

/** The function near x = a with its tangent line and the point (a, f(a)); null when f(a) or f'(a) is undefined. */
export function tangentPlot({ f, v, a, id = "plot" }: TangentInput): string | null {
  const g = fn1(f, v);
  const d = derivative(f, v);
  if (!g || !d.ok) return null;
  const dg = fn1(d.expr, v);
  const fa = g(a);
  const m = dg ? dg(a) : NaN;
  if (!Number.isFinite(fa) || !Number.isFinite(m)) return null;
  const half = Math.max(2, Math.abs(a) * 0.5);
  const lo = a - half;
  const hi = a + half;
  const pts = sample(g, lo, hi);
  const win: Window = {
    x: [lo, hi],
    y: yRange(
      pts.map((p) => p.y),
      [fa],
    ),
  };
  const fr = new Frame(win);
  const line = (x: number) => fa + m * (x - a);
  const ax = axes(fr, [v, "y"], { x: a, label: `${v} = ${fmt(a)}` });
  const body =
    ax.lines +
    curvePath(fr, pts) +
    `<line class="plot-tangent" x1="${fr.sx(lo).toFixed(1)}" y1="${fr.sy(line(lo)).toFixed(1)}" x2="${fr.sx(hi).toFixed(1)}" y2="${fr.sy(line(hi)).toFixed(1)}" stroke="currentColor" stroke-width="1.8" stroke-dasharray="6 4"/>` +
    `<circle class="plot-point" cx="${fr.sx(a).toFixed(1)}" cy="${fr.sy(fa).toFixed(1)}" r="4.5" fill="currentColor"/>`;
  const title = `Graph of y = ${toText(f)} near ${v} = ${fmt(a)} with its tangent line`;
  const desc = `The solid curve is y = ${toText(f)} for ${v} from ${fmt(lo)} to ${fmt(hi)}. The dashed line is the tangent at (${fmt(a)}, ${fmt(fa)}), with slope ${fmt(m)}; the dot marks the point.`;
  return svg(id, fr, title, desc, body, ax.text);
}

// ---------------------------------------------------------------- contour plot with the gradient

export interface ContourInput {
  f: Expr;
  vars: readonly [string, string];
  at: readonly [number, number];
  id?: string;
  levels?: number;
  grid?: number;
}

type Seg = [number, number, number, number];

/** Marching squares: the segments of the level set f = level over a grid of values (row-major, rows along y). */
export function contourSegments(
  values: readonly number[][],
  xs: readonly number[],
  ys: readonly number[],
  level: number,
): Seg[] {
  const segs: Seg[] = [];
  const lerp = (a: number, b: number, va: number, vb: number) => a + ((level - va) / (vb - va)) * (b - a);
  for (let j = 0; j + 1 < ys.length; j++) {
    for (let i = 0; i + 1 < xs.length; i++) {
      const v00 = values[j]![i]!;
      const v10 = values[j]![i + 1]!;
      const v01 = values[j + 1]![i]!;
      const v11 = values[j + 1]![i + 1]!;
      if (![v00, v10, v01, v11].every(Number.isFinite)) continue;
      const x0 = xs[i]!;
      const x1 = xs[i + 1]!;
      const y0 = ys[j]!;
      const y1 = ys[j + 1]!;
      // Crossing points on the four edges of the cell.
      const cross: [number, number][] = [];
      if (v00 < level !== v10 < level) cross.push([lerp(x0, x1, v00, v10), y0]);
      if (v10 < level !== v11 < level) cross.push([x1, lerp(y0, y1, v10, v11)]);
      if (v11 < level !== v01 < level) cross.push([lerp(x1, x0, v11, v01), y1]);
      if (v01 < level !== v00 < level) cross.push([x0, lerp(y1, y0, v01, v00)]);
      if (cross.length === 2) segs.push([cross[0]![0], cross[0]![1], cross[1]![0], cross[1]![1]]);
      else if (cross.length === 4) {
        segs.push([cross[0]![0], cross[0]![1], cross[1]![0], cross[1]![1]]);
        segs.push([cross[2]![0], cross[2]![1], cross[3]![0], cross[3]![1]]);
      }
    }
  }
  return segs;
}

/** Contour lines of f near the point with the gradient arrow there; null when f or its gradient is undefined at the point. */
export function contourPlot({
  f,
  vars,
  at,
  id = "plot",
  levels = 9,
  grid = 48,
}: ContourInput): string | null {
  const c = compile(f, vars);
  const dx = derivative(f, vars[0]);
  const dy = derivative(f, vars[1]);
  if (!c.ok || !dx.ok || !dy.ok) return null;
  const [a, b] = at;
  const val = (x: number, y: number) => {
    const z = c.fn([x, y]);
    return Number.isFinite(z) ? z : NaN;
  };
  const gx = numericValue(dx.expr, { [vars[0]]: a, [vars[1]]: b });
  const gy = numericValue(dy.expr, { [vars[0]]: a, [vars[1]]: b });
  const fab = val(a, b);
  if (!Number.isFinite(gx) || !Number.isFinite(gy) || !Number.isFinite(fab)) return null;
  const half = Math.max(1.5, Math.max(Math.abs(a), Math.abs(b)) * 0.3);
  const xs = Array.from({ length: grid + 1 }, (_, i) => a - half + (2 * half * i) / grid);
  const ys = Array.from({ length: grid + 1 }, (_, j) => b - half + (2 * half * j) / grid);
  const values = ys.map((y) => xs.map((x) => val(x, y)));
  const finite = values
    .flat()
    .filter(Number.isFinite)
    .sort((p, q) => p - q);
  const size = 300;
  const fr = new Frame({ x: [a - half, a + half], y: [b - half, b + half] }, size, size);
  let lines = "";
  if (finite.length > 0) {
    const lo = finite[Math.floor(finite.length * 0.05)]!;
    const hi = finite[Math.min(finite.length - 1, Math.floor(finite.length * 0.95))]!;
    const levelsAt =
      hi > lo ? Array.from({ length: levels }, (_, k) => lo + ((hi - lo) * (k + 0.5)) / levels) : [];
    // The level through the point itself, so the arrow is seen to cross its contour at a right angle.
    levelsAt.push(fab);
    lines = levelsAt
      .map((level, k) => {
        const segs = contourSegments(values, xs, ys, level);
        if (segs.length === 0) return "";
        const d = segs
          .map(
            ([x1, y1, x2, y2]) =>
              `M${fr.sx(x1).toFixed(1)},${fr.sy(y1).toFixed(1)}L${fr.sx(x2).toFixed(1)},${fr.sy(y2).toFixed(1)}`,
          )
          .join("");
        const own = k === levelsAt.length - 1;
        return `<path class="${own ? "plot-contour-own" : "plot-contour"}" d="${d}" fill="none" stroke="currentColor" stroke-width="${own ? 1.6 : 1}" stroke-opacity="${own ? 0.9 : 0.45}"/>`;
      })
      .join("");
  }
  const norm = Math.hypot(gx, gy);
  let arrow = "";
  if (norm > 0) {
    const len = half * 0.6;
    const ex = a + (gx / norm) * len;
    const ey = b + (gy / norm) * len;
    arrow = `<line class="plot-arrow" x1="${fr.sx(a).toFixed(1)}" y1="${fr.sy(b).toFixed(1)}" x2="${fr.sx(ex).toFixed(1)}" y2="${fr.sy(ey).toFixed(1)}" stroke="currentColor" stroke-width="2.4" marker-end="url(#${id}-arrow)"/>`;
  }
  const ax = axes(fr, [vars[0], vars[1]]);
  const body =
    ax.lines +
    lines +
    arrow +
    `<circle class="plot-point" cx="${fr.sx(a).toFixed(1)}" cy="${fr.sy(b).toFixed(1)}" r="4.5" fill="currentColor"/>`;
  const title = `Contour lines of f(${vars[0]}, ${vars[1]}) = ${toText(f)} near (${fmt(a)}, ${fmt(b)}) with the gradient`;
  const desc =
    norm > 0
      ? `Level curves of f for ${vars[0]} from ${fmt(a - half)} to ${fmt(a + half)} and ${vars[1]} from ${fmt(b - half)} to ${fmt(b + half)}. The arrow at the point shows the direction of the gradient (${fmt(gx)}, ${fmt(gy)}), at right angles to the level curve through the point.`
      : `Level curves of f near the point; the gradient there is zero, so there is no arrow.`;
  return svg(id, fr, title, desc, body, ax.text);
}

// ---------------------------------------------------------------- limits

export interface LimitInput {
  f: Expr;
  v: string;
  /** The point approached, or ±Infinity. */
  to: number;
  /** The key: a number, ±Infinity, or NaN when the limit does not exist. */
  limit: number;
  side?: "both" | "left" | "right";
  id?: string;
}

/**
 * The function near the point approached: a filled point where it is continuous (the limit is its
 * value), an open circle at a hole, or the asymptote at an infinite limit.
 */
export function limitPlot({ f, v, to, limit, side = "both", id = "plot" }: LimitInput): string | null {
  const g = fn1(f, v);
  if (!g) return null;
  let lo: number;
  let hi: number;
  if (to === Infinity) [lo, hi] = [0, 40];
  else if (to === -Infinity) [lo, hi] = [-40, 0];
  else {
    const half = Math.max(2, Math.abs(to) * 0.5);
    [lo, hi] = [to - half, to + half];
  }
  // Continuous at the point (direct substitution): f(a) is the limit, drawn as a filled point on an
  // unbroken curve. Otherwise never sample exactly at the point: the interesting value is the limit.
  const fa = Number.isFinite(to) ? g(to) : NaN;
  const continuous = Number.isFinite(limit) && Number.isFinite(fa) && Math.abs(fa - limit) < 1e-9;
  const pts = sample(g, lo, hi).map((p) =>
    !continuous && Number.isFinite(to) && Math.abs(p.x - to) < 1e-12 ? { x: p.x, y: NaN } : p,
  );
  const must = Number.isFinite(limit) ? [limit] : [];
  const win: Window = {
    x: [lo, hi],
    y: yRange(
      pts.map((p) => p.y),
      must,
    ),
  };
  const fr = new Frame(win);
  let marks = "";
  let what: string;
  if (Number.isFinite(to) && Number.isFinite(limit)) {
    if (continuous) {
      marks += `<circle class="plot-point" cx="${fr.sx(to).toFixed(1)}" cy="${fr.sy(limit).toFixed(1)}" r="5" fill="currentColor"/>`;
      what = `the function is continuous at ${v} = ${fmt(to)}: the filled point (${fmt(to)}, ${fmt(limit)}) is its value there, which is the limit`;
    } else {
      marks += `<circle class="plot-hole" cx="${fr.sx(to).toFixed(1)}" cy="${fr.sy(limit).toFixed(1)}" r="5" fill="var(--surface, white)" stroke="currentColor" stroke-width="2"/>`;
      what = `the open circle at (${fmt(to)}, ${fmt(limit)}) marks the limit, which the function approaches but does not take there`;
    }
  } else if (Number.isFinite(to) && !Number.isNaN(limit)) {
    marks += `<line class="plot-asymptote" x1="${fr.sx(to).toFixed(1)}" y1="${PAD}" x2="${fr.sx(to).toFixed(1)}" y2="${fr.h - PAD}" stroke="currentColor" stroke-dasharray="4 4" stroke-opacity="0.8"/>`;
    what = `the dashed vertical line ${v} = ${fmt(to)} is an asymptote; the function tends to ${limit > 0 ? "+" : "-"}infinity there`;
  } else if (Number.isFinite(to)) {
    marks += `<line class="plot-asymptote" x1="${fr.sx(to).toFixed(1)}" y1="${PAD}" x2="${fr.sx(to).toFixed(1)}" y2="${fr.h - PAD}" stroke="currentColor" stroke-dasharray="2 5" stroke-opacity="0.6"/>`;
    what = `the two sides of ${v} = ${fmt(to)} do not approach one value, so the limit does not exist`;
  } else if (Number.isFinite(limit)) {
    marks += `<line class="plot-asymptote" x1="${PAD}" y1="${fr.sy(limit).toFixed(1)}" x2="${fr.w - PAD}" y2="${fr.sy(limit).toFixed(1)}" stroke="currentColor" stroke-dasharray="4 4" stroke-opacity="0.8"/>`;
    what = `the dashed horizontal line y = ${fmt(limit)} is the value the function approaches as ${v} goes to ${to > 0 ? "+" : "-"}infinity`;
  } else {
    what = `as ${v} goes to ${to > 0 ? "+" : "-"}infinity the function ${Number.isNaN(limit) ? "does not settle on a value" : `tends to ${limit > 0 ? "+" : "-"}infinity`}`;
  }
  const ax = axes(fr, [v, "y"], Number.isFinite(to) ? { x: to, label: `${v} = ${fmt(to)}` } : undefined);
  const body = ax.lines + curvePath(fr, pts) + marks;
  const where = Number.isFinite(to)
    ? `${v} = ${fmt(to)}${side === "left" ? " (from the left)" : side === "right" ? " (from the right)" : ""}`
    : `${v} going to ${to > 0 ? "+" : "-"}infinity`;
  const title = `Graph of y = ${toText(f)} near ${where}`;
  const desc = `The curve is y = ${toText(f)} for ${v} from ${fmt(lo)} to ${fmt(hi)}; ${what}.`;
  return svg(id, fr, title, desc, body, ax.text);
}
