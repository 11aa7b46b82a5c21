// Properties of every skill's generator over 1000 seeds: distinct, nice, keyed by the core,
// reproducible (docs/curriculum.md, "What makes a good generated problem").
import { describe, expect, it } from "vitest";
import type { Expr } from "@/lib/calculus/ast";
import { derivative } from "@/lib/calculus/diff";
import { equivalent } from "@/lib/calculus/equiv";
import { evaluate } from "@/lib/calculus/eval";
import { type LimitTarget, limit } from "@/lib/calculus/limit";
import { parse } from "@/lib/calculus/parse";
import { toText } from "@/lib/calculus/print";
import { SKILLS, generate } from "@/lib/problems/catalogue";
import { niceProblemViolations } from "@/lib/problems/niceness";
import type { Problem } from "@/lib/problems/types";

const SEEDS = 1000;

function P(text: unknown, vars: readonly string[]): Expr {
  const r = parse(String(text), { vars });
  if (!r.ok) throw new Error(`does not parse: ${String(text)} (${r.error.message})`);
  return r.expr;
}

function problems(skill: string): Problem[] {
  const out: Problem[] = [];
  for (let seed = 0; seed < SEEDS; seed++) {
    const g = generate(skill, seed);
    if (!g.ok) throw new Error(`${skill} seed ${seed}: ${g.error.message}`);
    out.push(g.problem);
  }
  return out;
}

const cache = new Map<string, Problem[]>();
const all = (skill: string): Problem[] => {
  let ps = cache.get(skill);
  if (!ps) cache.set(skill, (ps = problems(skill)));
  return ps;
};

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-7 * Math.max(1, Math.abs(b));

function scopeOf(at: unknown): Record<string, number> {
  const scope: Record<string, number> = {};
  if (typeof at === "object" && at !== null) {
    for (const [k, v] of Object.entries(at)) scope[k] = evaluate(P(v, []), {});
  }
  return scope;
}

/** d/dwrt f at a point, numerically from the core's derivative. */
function slopeAt(f: Expr, wrt: string, scope: Record<string, number>): number {
  const d = derivative(f, wrt);
  if (!d.ok) throw new Error("derivative failed");
  return evaluate(d.expr, scope);
}

function sameExpression(key: Expr, expected: Expr, p: Problem, defined: Expr[]): boolean {
  if (toText(key) === toText(expected)) return true;
  const v = equivalent(expected, key, { vars: p.vars, defined, ...(p.domain ? { domain: p.domain } : {}) });
  return v.ok && v.equivalent;
}

/** Recompute the key from `given` with the core and compare; returns a description of a mismatch. */
function checkKey(p: Problem): string | null {
  const g = p.given;
  const fvars = Array.isArray(g.vars) ? (g.vars as string[]) : [String(g.var)];
  const f = P(g.f, fvars);
  const keys = Array.isArray(p.answer) ? p.answer : [p.answer];
  switch (p.kind) {
    case "limit": {
      const v = String(g.var);
      const to = String(g.to);
      const target: LimitTarget =
        to === "inf" ? { kind: "+inf" } : to === "-inf" ? { kind: "-inf" } : { kind: "point", at: P(to, []) };
      const r = limit(f, v, target, g.side as "both" | "left" | "right");
      if (!r.ok) return `core cannot decide: ${r.error.message}`;
      const core =
        r.kind === "finite" ? r.value : r.kind === "dne" ? "DNE" : r.kind === "+inf" ? "inf" : "-inf";
      if (typeof core === "number") {
        const key = evaluate(P(p.answer, []), {});
        return close(key, core) && close(p.value as number, core)
          ? null
          : `key ${String(p.answer)} but the core says ${core}`;
      }
      return core === p.answer ? null : `key ${String(p.answer)} but the core says ${core}`;
    }
    case "derivative":
    case "partial": {
      const wrt = p.kind === "partial" ? String(g.wrt) : fvars[0]!;
      if (g.at === undefined) {
        const d = derivative(f, wrt);
        if (!d.ok) return "derivative failed";
        return sameExpression(P(p.answer, p.vars), d.expr, p, [f])
          ? null
          : `key ${String(p.answer)} vs ${toText(d.expr)}`;
      }
      const scope = p.kind === "partial" ? scopeOf(g.at) : scopeOf({ [wrt]: g.at });
      const want = slopeAt(f, wrt, scope);
      return close(evaluate(P(p.answer, []), {}), want) && close(p.value as number, want)
        ? null
        : `value ${String(p.answer)} vs ${want}`;
    }
    case "tangent_line": {
      const v = fvars[0]!;
      const a = evaluate(P(g.at, []), {});
      const line = P(p.answer, [v]);
      const fa = evaluate(f, { [v]: a });
      const m = slopeAt(f, v, { [v]: a });
      return close(evaluate(line, { [v]: a }), fa) &&
        close(evaluate(line, { [v]: a + 1 }) - evaluate(line, { [v]: a }), m)
        ? null
        : `line ${String(p.answer)} vs f(a) = ${fa}, f'(a) = ${m}`;
    }
    case "gradient":
    case "steepest_direction":
    case "max_rate":
    case "directional": {
      if (g.at === undefined) {
        for (const [i, v] of fvars.entries()) {
          const d = derivative(f, v);
          if (!d.ok || !sameExpression(P(keys[i], p.vars), d.expr, p, [f]))
            return `component ${i + 1}: ${String(keys[i])}`;
        }
        return null;
      }
      const scope = scopeOf(g.at);
      const grad = fvars.map((v) => slopeAt(f, v, scope));
      const norm = Math.hypot(...grad);
      if (p.kind === "max_rate")
        return close(evaluate(P(p.answer, []), {}), norm) ? null : `rate ${String(p.answer)} vs ${norm}`;
      if (p.kind === "directional") {
        const dir = g.direction as number[];
        const want = grad.reduce((s, c, i) => s + c * dir[i]!, 0) / Math.hypot(...dir);
        return close(evaluate(P(p.answer, []), {}), want) ? null : `D ${String(p.answer)} vs ${want}`;
      }
      return keys.every((k, i) => close(evaluate(P(k, []), {}), grad[i]!)) && norm > 0
        ? null
        : `gradient ${keys.join(", ")} vs ${grad.join(", ")}`;
    }
    case "concrete":
    case "matrix":
      return "concrete and matrix problems are checked in their own tests";
    case "chain": {
      const inner = g.inner as Record<string, string>;
      const composite = fvars.reduce<Expr>((e, v) => substituteVar(e, v, P(inner[v], ["t"])), f);
      const d = derivative(composite, "t");
      if (!d.ok) return "derivative failed";
      if (g.at === undefined)
        return sameExpression(P(p.answer, ["t"]), d.expr, p, [composite])
          ? null
          : `chain ${String(p.answer)} vs ${toText(d.expr)}`;
      const want = evaluate(d.expr, { t: evaluate(P(g.at, []), {}) });
      return close(evaluate(P(p.answer, []), {}), want) ? null : `chain value ${String(p.answer)} vs ${want}`;
    }
  }
}

function substituteVar(e: Expr, name: string, by: Expr): Expr {
  const walk = (n: Expr): Expr => {
    switch (n.kind) {
      case "var":
        return n.name === name ? by : n;
      case "num":
      case "const":
        return n;
      case "add":
        return { kind: "add", terms: n.terms.map(walk) };
      case "mul":
        return { kind: "mul", factors: n.factors.map(walk) };
      case "neg":
        return { kind: "neg", arg: walk(n.arg) };
      case "div":
        return { kind: "div", num: walk(n.num), den: walk(n.den) };
      case "pow":
        return { kind: "pow", base: walk(n.base), exp: walk(n.exp) };
      case "call":
        return { kind: "call", fn: n.fn, arg: walk(n.arg) };
      case "logb":
        return { kind: "logb", base: n.base, arg: walk(n.arg) };
    }
  };
  return walk(e);
}

// Concrete problems of Parts 2 and 3 have their own properties (tests/unit/problems/concrete-*.test.ts).
const PART1 = SKILLS.filter((s) => s.kind !== "concrete" && s.kind !== "matrix");

describe.each(PART1.map((s) => [s.id]))("skill %s over 1000 seeds", (id) => {
  it("gives at least 80% distinct problems, all nice", () => {
    const ps = all(id);
    const distinct = new Set(ps.map((p) => JSON.stringify(p.given)));
    expect(distinct.size).toBeGreaterThanOrEqual(0.8 * SEEDS);
    const bad = ps.map((p) => [p.seed, niceProblemViolations(p)] as const).filter(([, v]) => v.length > 0);
    expect(bad.slice(0, 3)).toEqual([]);
  });

  it("keys every problem as the core computes it from `given`", () => {
    const bad: string[] = [];
    for (const p of all(id)) {
      const why = checkKey(p);
      if (why) bad.push(`seed ${p.seed}: ${why}`);
      if (bad.length >= 3) break;
    }
    expect(bad).toEqual([]);
  }, 60_000);

  it("is reproducible and serialisable: same (skill, seed, version) -> deep-equal problem", () => {
    const ps = all(id);
    for (const seed of [0, 1, 17, 999]) {
      const again = generate(id, seed, ps[seed]!.version);
      expect(again.ok && again.problem).toEqual(ps[seed]);
      expect(JSON.parse(JSON.stringify(ps[seed]))).toEqual(ps[seed]);
    }
  });
});

describe("the key check itself", () => {
  it("flags a corrupted key of every kind", () => {
    for (const s of PART1) {
      const p = all(s.id)[3]!;
      const answer = Array.isArray(p.answer)
        ? p.answer.map((a) => `${String(a)} + 1`)
        : p.answer === "DNE" || p.answer === "inf" || p.answer === "-inf"
          ? p.answer === "DNE"
            ? "inf"
            : "DNE"
          : `${p.answer} + 1`;
      const value =
        typeof p.value === "number"
          ? p.value + 1
          : Array.isArray(p.value)
            ? p.value.map((v) => v + 1)
            : undefined;
      const corrupted = { ...p, answer, ...(value === undefined ? {} : { value }) } as Problem;
      expect(checkKey(corrupted), s.id).not.toBeNull();
    }
  });
});
