// Reading a stored problem back into expression trees (its function, point, key), for grading and
// worked solutions. Stored data is trusted to be what a generator wrote; anything unreadable is
// reported, never thrown.
import type { Expr } from "../calculus/ast";
import { parse } from "../calculus/parse";
import type { Problem } from "./types";

export function readExpr(text: unknown, vars: readonly string[]): Expr | null {
  if (typeof text !== "string") return null;
  const r = parse(text, { vars });
  return r.ok ? r.expr : null;
}

export interface Read {
  readonly f: Expr | null;
  /** The function's variables (for a chain problem: x, y; its answer is in t). */
  readonly fvars: string[];
  readonly wrt: string;
  readonly point: Record<string, Expr> | null;
  readonly inner: Record<string, Expr> | null;
}

export function readProblem(p: Problem): Read {
  const g = p.given;
  const fvars = Array.isArray(g.vars) ? (g.vars as string[]) : typeof g.var === "string" ? [g.var] : p.vars;
  const f = readExpr(g.f, fvars);
  const wrt = typeof g.wrt === "string" ? g.wrt : (fvars[0] ?? "x");
  let point: Record<string, Expr> | null = null;
  if (g.at !== undefined && g.at !== null) {
    point = {};
    if (typeof g.at === "object") {
      for (const [k, v] of Object.entries(g.at as Record<string, unknown>)) {
        const e = readExpr(String(v), []);
        if (e) point[k] = e;
      }
    } else {
      const e = readExpr(typeof g.at === "number" ? String(g.at) : g.at, []);
      const name = p.kind === "chain" ? "t" : (fvars[0] ?? "x");
      if (e) point[name] = e;
    }
  }
  let inner: Record<string, Expr> | null = null;
  if (g.inner && typeof g.inner === "object") {
    inner = {};
    for (const [k, v] of Object.entries(g.inner as Record<string, unknown>)) {
      const e = readExpr(v, ["t"]);
      if (e) inner[k] = e;
    }
  }
  return { f, fvars, wrt, point, inner };
}
