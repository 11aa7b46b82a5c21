// Which picture a finished problem gets (none for most): the tangent, the level curves with the
// gradient, the limit's hole or asymptote, the Taylor approximations, Newton's step, the ReLU gate.
import { numericValue } from "./exact";
import { contourPlot, limitPlot, tangentPlot } from "./plot";
import { newtonPlot } from "./plot-newton";
import { reluGatePlot } from "./plot-relu";
import { taylorPlot } from "./plot-taylor";
import { readExpr, readProblem } from "./read";
import type { Problem } from "./types";

function toNumber(text: unknown): number {
  if (text === "inf") return Infinity;
  if (text === "-inf") return -Infinity;
  if (text === "DNE") return NaN;
  const e = readExpr(String(text), []);
  return e ? numericValue(e) : NaN;
}

/**
 * The picture of a problem, or undefined where there is none: a derivative at a point and a tangent
 * line (the curve and its tangent), a gradient at a point of a function of two variables (and the
 * directional derivative and steepest ascent built on it), a limit. Only for finished problems: the
 * tangent line and the arrow give the key away.
 */
export function plotFor(p: Problem, id = "plot"): string | undefined {
  try {
    if (p.kind === "concrete" && p.skill === "neuron-gradient") {
      // The neuron's gate: where its pre-activation z = w·x + b sits on the ReLU.
      const at = p.given.at as { w: number[]; x: number[]; b: number } | undefined;
      if (!at) return undefined;
      const z = at.w.reduce((s, wi, i) => s + wi * (at.x[i] ?? 0), 0) + at.b;
      return reluGatePlot({ z, id }) ?? undefined;
    }
    const r = readProblem(p);
    if (!r.f) return undefined;
    switch (p.kind) {
      case "derivative":
      case "tangent_line": {
        const v = r.fvars[0] ?? "x";
        const at = r.point?.[v];
        if (!at) return undefined;
        return tangentPlot({ f: r.f, v, a: numericValue(at), id }) ?? undefined;
      }
      case "gradient":
      case "directional":
      case "steepest_direction":
      case "max_rate": {
        if (r.fvars.length !== 2 || !r.point) return undefined;
        const [x, y] = r.fvars as [string, string];
        const px = r.point[x];
        const py = r.point[y];
        if (!px || !py) return undefined;
        return (
          contourPlot({ f: r.f, vars: [x, y], at: [numericValue(px), numericValue(py)], id }) ?? undefined
        );
      }
      case "limit": {
        const g = p.given;
        const v = r.fvars[0] ?? "x";
        const side = g.side === "left" || g.side === "right" ? g.side : "both";
        const to = toNumber(g.to);
        const limit = toNumber(p.answer);
        if (Number.isNaN(to)) return undefined;
        return limitPlot({ f: r.f, v, to, limit, side, id }) ?? undefined;
      }
      case "concrete": {
        // A second-order Taylor problem in one variable: the curve with its two approximations.
        if (p.skill === "newton-step" && r.fvars.length === 2 && r.point && Array.isArray(p.answer)) {
          const [x, y] = r.fvars as [string, string];
          const px = r.point[x];
          const py = r.point[y];
          const next = (p.answer as string[][]).map((row) => {
            const e = readExpr(row[0] ?? "", []);
            return e ? numericValue(e) : NaN;
          });
          if (!px || !py || next.length !== 2) return undefined;
          return (
            newtonPlot({
              f: r.f,
              vars: [x, y],
              from: [numericValue(px), numericValue(py)],
              to: [next[0]!, next[1]!],
              id,
            }) ?? undefined
          );
        }
        const v = r.fvars[0] ?? "x";
        const at = r.point?.[v];
        if (p.skill !== "second-order-taylor" || r.fvars.length !== 1 || !at) return undefined;
        return taylorPlot({ f: r.f, v, a: numericValue(at), id }) ?? undefined;
      }
      default:
        return undefined;
    }
  } catch {
    return undefined;
  }
}
