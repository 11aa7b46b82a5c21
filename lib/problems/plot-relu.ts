// The picture of a finished neuron problem: the ReLU a = max(0, z) with the neuron's pre-activation
// z = w·x + b marked, on the rising side (the gate is open: the gradient passes back with slope 1) or
// on the flat side (closed: nothing passes back, slope 0). SVG markup with a text alternative.
import { Frame, axes, curvePath, fmt, svg } from "./plot";

/** The ReLU near z with the point (z, max(0, z)) and the slope there drawn thick. */
export function reluGatePlot({ z, id = "plot" }: { z: number; id?: string }): string | null {
  if (!Number.isFinite(z) || z === 0) return null;
  const reach = Math.max(3, Math.abs(z) + 2);
  const fr = new Frame({ x: [-reach, reach], y: [-reach * 0.25, reach] });
  const curve = curvePath(fr, [
    { x: -reach, y: 0 },
    { x: 0, y: 0 },
    { x: reach, y: reach },
  ]);
  const open = z > 0;
  const a = Math.max(0, z);
  // The piece of the curve the point is on, drawn thick: its slope is the gate (1 or 0).
  const [x1, x2] = open ? [Math.max(0, z - 1.2), z + 1.2] : [z - 1.2, Math.min(0, z + 1.2)];
  const piece = `<line class="plot-tangent" x1="${fr.sx(x1).toFixed(1)}" y1="${fr.sy(open ? x1 : 0).toFixed(1)}" x2="${fr.sx(x2).toFixed(1)}" y2="${fr.sy(open ? x2 : 0).toFixed(1)}" stroke="currentColor" stroke-width="5" stroke-opacity="0.45"/>`;
  const point = `<circle class="plot-point" cx="${fr.sx(z).toFixed(1)}" cy="${fr.sy(a).toFixed(1)}" r="5" fill="currentColor"/>`;
  const ax = axes(fr, ["z", "a"]);
  const title = `The ReLU a = max(0, z) at z = ${fmt(z)}: the gate is ${open ? "open" : "closed"}`;
  const desc = open
    ? `The neuron's pre-activation z = w·x + b = ${fmt(z)} is positive, on the rising side of the ReLU, where its slope is 1: the gate is open and the gradient passes back unchanged.`
    : `The neuron's pre-activation z = w·x + b = ${fmt(z)} is negative, on the flat side of the ReLU, where its slope is 0: the gate is closed and no gradient passes back to w, x or b.`;
  return svg(id, fr, title, desc, ax.lines + curve + piece + point, ax.text);
}
