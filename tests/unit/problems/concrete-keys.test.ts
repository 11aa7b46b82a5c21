// The concrete skills of Parts 2 and 3 over 1000 seeds: distinct, nice, reproducible, and every key
// confirmed independently of its generator: math.js reads the problem's `given` and differentiates it
// (a computer algebra system of its own), or central differences of the function math.js evaluates,
// and the layout (∂ a row, ∇ a column, ∇_W with W's shape) is checked from `asks` and `decls`.
import { derivative as mjDerivative, parse as mjParse } from "mathjs";
import { describe, expect, it } from "vitest";
import { SKILLS, generate } from "@/lib/problems/catalogue";
import { niceProblemViolations } from "@/lib/problems/niceness";
import type { Problem } from "@/lib/problems/types";
import { problemsOf } from "./support/problems-of";

const SEEDS = 1000;
const CONCRETE = SKILLS.filter((s) => s.kind === "concrete").map((s) => s.id);

const all = (skill: string): Problem[] => problemsOf(skill, SEEDS);

type Scope = Record<string, number>;
/** Our canonical text in math.js's dialect. */
const mj = (s: string): string => s.replace(/\bln\(/g, "log(");
// math.js parses and differentiates each text once (the checks ask for the same ones many times).
const compiled = new Map<string, (scope: Scope) => number>();
const fn = (s: string): ((scope: Scope) => number) => {
  let f = compiled.get(s);
  if (!f) {
    const c = mjParse(mj(s)).compile();
    f = (scope) => Number(c.evaluate({ ...scope }));
    compiled.set(s, f);
  }
  return f;
};
const val = (s: string, scope: Scope = {}): number => fn(s)(scope);
const derivatives = new Map<string, string>();
const d = (s: string, v: string): string => {
  const k = `${v}|${s}`;
  let r = derivatives.get(k);
  if (r === undefined) derivatives.set(k, (r = mjDerivative(mjParse(mj(s)), v).toString()));
  return r;
};
const close = (a: number, b: number, tol = 1e-6): boolean =>
  Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));

const grid = (p: Problem): string[][] => p.answer as string[][];
const nums = (p: Problem): number[][] => grid(p).map((r) => r.map((c) => val(c)));

/** Central difference of f: R^n -> R in coordinate i. */
function cd(f: (x: number[]) => number, x: number[], i: number): number {
  const h = 1e-5;
  const up = [...x];
  const dn = [...x];
  up[i] = x[i]! + h;
  dn[i] = x[i]! - h;
  return (f(up) - f(dn)) / (2 * h);
}

/** Second partial derivative ∂²f/∂xᵢ∂xⱼ by nested central differences (a wider step: rounding). */
function cd2(f: (x: number[]) => number, x: number[], i: number, j: number): number {
  const h = 1e-4;
  const at = (di: number, dj: number) => {
    const y = [...x];
    y[i] = y[i]! + di;
    y[j] = y[j]! + dj;
    return f(y);
  };
  return (at(h, h) - at(h, -h) - at(-h, h) + at(-h, -h)) / (4 * h * h);
}

/** Seeds also checked against math.js's symbolic derivatives (a computer algebra system of its own). */
const CAS_SEEDS = 40;

const dims = (decl: string): [number, number] => {
  if (decl === "scalar") return [1, 1];
  const v = /^vector (\d+)$/.exec(decl);
  if (v) return [Number(v[1]), 1];
  const m = /^matrix (\d+)x(\d+)$/.exec(decl);
  if (m) return [Number(m[1]), Number(m[2])];
  throw new Error(`bad decl ${decl}`);
};

/** The shape the layout convention gives the answer, from `asks` and the declared parameter. */
function layoutShape(p: Problem, n: number): [number, number] {
  const g = p.given as { asks: string; wrt: string; decls: Record<string, string> };
  const wrt = g.decls[g.wrt];
  const [r, c] = wrt ? dims(wrt) : [n, 1];
  if (g.asks === "gradient") return [r, c];
  return c === 1 ? [1, r] : [r, c];
}

const randomPoint = (vars: string[], seed: number): Scope =>
  Object.fromEntries(vars.map((v, i) => [v, 0.3 + ((seed * 0.37 + i * 0.61) % 1.4)]));

/** A description of why the key disagrees with the independent computation; null when it agrees. */
function check(p: Problem): string | null {
  const g = p.given;
  const key = grid(p);
  switch (p.skill) {
    case "shapes-of-derivatives": {
      const decls = g.decls as Record<string, string>;
      const fText = String(g.f);
      const out = /^(\w+) = /.exec(fText)?.[1];
      const outRows = out
        ? decls[out]
          ? dims(decls[out])[0]
          : dims(Object.values(decls).find((x) => x.startsWith("matrix"))!)[0]
        : 1;
      const [wr, wc] = dims(decls[String(g.wrt)]!);
      const want =
        g.asks === "hessian"
          ? [wr, wr]
          : g.asks === "gradient"
            ? [wr, wc]
            : outRows === 1 && wc === 1
              ? [1, wr]
              : [outRows, wr];
      return key[0]![0] === String(want[0]) && key[0]![1] === String(want[1])
        ? null
        : `shape ${key[0]!.join("×")} vs ${want.join("×")}`;
    }
    case "jacobian-symbolic":
    case "jacobian-at-a-point":
    case "hessian-symbolic": {
      const vars = g.vars as string[];
      const f = (c: string) => (x: number[]) => fn(c)(Object.fromEntries(vars.map((u, k) => [u, x[k]!])));
      const hessianOf = p.skill === "hessian-symbolic";
      const comps = hessianOf ? [String(g.f)] : (g.f as string[]);
      const rows = hessianOf ? vars.length : comps.length;
      const at = g.at as Scope | undefined;
      for (const s of [1, 2, 3]) {
        const scope = at ?? randomPoint(vars, s);
        const x = vars.map((u) => scope[u]!);
        for (let i = 0; i < rows; i++)
          for (const [j, v] of vars.entries()) {
            const got = val(key[i]![j]!, scope);
            const numeric = hessianOf ? cd2(f(comps[0]!), x, i, j) : cd(f(comps[i]!), x, j);
            if (!close(got, numeric, hessianOf ? 1e-3 : 1e-4))
              return `entry (${i + 1}, ${j + 1}) ${key[i]![j]} vs ${numeric}`;
            if (p.seed < CAS_SEEDS) {
              const cas = hessianOf ? d(d(comps[0]!, vars[i]!), v) : d(comps[i]!, v);
              if (!close(got, val(cas, scope)))
                return `entry (${i + 1}, ${j + 1}) ${key[i]![j]} vs math.js ${cas}`;
            }
          }
        if (at) break;
      }
      return key.length === rows ? null : "shape";
    }
    case "higher-order-derivatives": {
      let e = String(g.f);
      for (let i = 0; i < Number(g.order); i++) e = d(e, "x");
      for (const x of [0.4, 0.9, 1.7])
        if (!close(val(key[0]![0]!, { x }), val(e, { x }))) return `${key[0]![0]} vs ${e}`;
      return null;
    }
    case "hessian-quadratic-form": {
      const A = g.A as number[][];
      const n = A.length;
      const f = (x: number[]) =>
        x.reduce((s, xi, i) => s + xi * A[i]!.reduce((t, a, j) => t + a * x[j]!, 0), 0);
      const x0 = Array.from({ length: n }, (_, i) => 0.5 + i);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          const want = cd((x) => cd(f, x, j), x0, i);
          if (!close(nums(p)[i]![j]!, want, 1e-4)) return `H(${i + 1},${j + 1})`;
        }
      return null;
    }
    case "definiteness-and-curvature": {
      const H = g.H as number[][];
      const tr = H[0]![0]! + H[1]![1]!;
      const det = H[0]![0]! * H[1]![1]! - H[0]![1]! * H[1]![0]!;
      const disc = Math.sqrt(tr * tr - 4 * det);
      const [lo, hi] = [(tr - disc) / 2, (tr + disc) / 2];
      if (lo === 0 || hi === 0) return "singular";
      switch (g.asks) {
        case "eigenvalues":
          return close(nums(p)[0]![0]!, lo) && close(nums(p)[0]![1]!, hi) ? null : "eigenvalues";
        case "condition_number":
          return close(nums(p)[0]![0]!, hi / lo) ? null : "condition number";
        case "definiteness":
          return key[0]![0] === (lo > 0 ? "positive definite" : hi < 0 ? "negative definite" : "indefinite")
            ? null
            : "definiteness";
        default: {
          const m = /^\((-?\d+), (-?\d+)\)(?:\/(√2|5))?$/.exec(String(g.d))!;
          const norm = m[3] === "√2" ? Math.SQRT2 : m[3] === "5" ? 5 : 1;
          const dv = [Number(m[1]) / norm, Number(m[2]) / norm];
          if (!close(Math.hypot(dv[0]!, dv[1]!), 1)) return "direction not unit";
          const want =
            dv[0]! * (H[0]![0]! * dv[0]! + H[0]![1]! * dv[1]!) +
            dv[1]! * (H[1]![0]! * dv[0]! + H[1]![1]! * dv[1]!);
          return close(nums(p)[0]![0]!, want) ? null : "curvature";
        }
      }
    }
    case "classifying-critical-points":
    case "newton-step": {
      const fText = String(g.f);
      const f = (x: number[]) => fn(fText)({ x: x[0]!, y: x[1]! });
      const x0 = p.skill === "newton-step" ? (g.at as Scope) : { x: 0, y: 0 };
      const p0 = [x0.x!, x0.y!];
      const gr = [cd(f, p0, 0), cd(f, p0, 1)];
      const H = [
        [cd2(f, p0, 0, 0), cd2(f, p0, 0, 1)],
        [cd2(f, p0, 1, 0), cd2(f, p0, 1, 1)],
      ];
      if (p.seed < CAS_SEEDS) {
        const cas = [val(d(fText, "x"), x0), val(d(fText, "y"), x0)];
        if (!close(cas[0]!, gr[0]!, 1e-5) || !close(cas[1]!, gr[1]!, 1e-5)) return "math.js gradient differs";
      }
      const det = H[0]![0]! * H[1]![1]! - H[0]![1]! * H[1]![0]!;
      if (Math.abs(det) < 1e-9) return "singular Hessian";
      const s = [
        (H[1]![1]! * gr[0]! - H[0]![1]! * gr[1]!) / det,
        (-H[1]![0]! * gr[0]! + H[0]![0]! * gr[1]!) / det,
      ];
      const x1 = [x0.x! - s[0]!, x0.y! - s[1]!];
      if (p.skill === "newton-step")
        return close(nums(p)[0]![0]!, x1[0]!, 1e-5) && close(nums(p)[1]![0]!, x1[1]!, 1e-5) ? null : "newton";
      // A quadratic: one Newton step from anywhere is its critical point; the gradient vanishes there.
      if (Math.abs(cd(f, x1, 0)) > 1e-5 || Math.abs(cd(f, x1, 1)) > 1e-5) return "not critical";
      const type = det < 0 ? "saddle" : H[0]![0]! > 0 ? "minimum" : "maximum";
      return close(val(key[0]![0]!), x1[0]!, 1e-5) &&
        close(val(key[0]![1]!), x1[1]!, 1e-5) &&
        key[0]![2] === type
        ? null
        : "classification";
    }
    case "second-order-taylor": {
      const vars = g.vars as string[];
      const a = g.at as Scope;
      const fText = String(g.f);
      const f = (x: number[]) => fn(fText)(Object.fromEntries(vars.map((u, k) => [u, x[k]!])));
      const a0 = vars.map((u) => a[u]!);
      const cas = p.seed < CAS_SEEDS;
      for (const s of [1, 2, 3]) {
        const x = randomPoint(vars, s);
        let want = f(a0);
        for (const [i, u] of vars.entries()) {
          const gi = cas ? val(d(fText, u), a) : cd(f, a0, i);
          want += gi * (x[u]! - a[u]!);
          for (const [j, v] of vars.entries()) {
            const hij = cas ? val(d(d(fText, u), v), a) : cd2(f, a0, i, j);
            want += 0.5 * hij * (x[u]! - a[u]!) * (x[v]! - a[v]!);
          }
        }
        if (!close(val(key[0]![0]!, x), want, cas ? 1e-6 : 1e-3)) return `taylor at ${JSON.stringify(x)}`;
      }
      return null;
    }
    case "optimal-step-size": {
      const H = g.H as number[][];
      const b = g.b as number[];
      const x0 = (g.at as { x: number[] }).x;
      const f = (x: number[]) =>
        0.5 *
          (x[0]! * (H[0]![0]! * x[0]! + H[0]![1]! * x[1]!) +
            x[1]! * (H[1]![0]! * x[0]! + H[1]![1]! * x[1]!)) -
        b[0]! * x[0]! -
        b[1]! * x[1]!;
      const gr = [cd(f, x0, 0), cd(f, x0, 1)];
      const phi = (e: number) => f([x0[0]! - e * gr[0]!, x0[1]! - e * gr[1]!]);
      // The minimiser of phi by ternary search (phi is a convex parabola in e).
      let lo = 0;
      let hi = 10;
      for (let i = 0; i < 200; i++) {
        const m1 = lo + (hi - lo) / 3;
        const m2 = hi - (hi - lo) / 3;
        if (phi(m1) < phi(m2)) hi = m2;
        else lo = m1;
      }
      return close(nums(p)[0]![0]!, (lo + hi) / 2, 1e-5) ? null : `step ${key[0]![0]} vs ${(lo + hi) / 2}`;
    }
    default:
      return networkCheck(p);
  }
}

/** Neurons and networks: central differences of the loss in the asked parameter, at the given point. */
function networkCheck(p: Problem): string | null {
  const g = p.given as { wrt: string; at: Record<string, unknown> };
  const at = g.at;
  const num = (v: unknown): number => (typeof v === "number" ? v : val(String(v)));
  const vec = (k: string): number[] => (at[k] as unknown[]).map(num);
  const dotp = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * b[i]!, 0);
  let loss: (params: Record<string, number[]>) => number;
  let params: Record<string, number[]>;
  switch (p.skill) {
    case "neuron-gradient":
      params = { w: vec("w"), x: vec("x"), b: [num(at.b)] };
      loss = (q) => Math.max(0, dotp(q.w!, q.x!) + q.b![0]!);
      break;
    case "mean-squared-error-gradient": {
      const xs = (at.x as number[][]).map((r) => r.map(num));
      const ys = vec("y");
      params = { w: vec("w"), b: [num(at.b)] };
      loss = (q) => xs.reduce((s, x, i) => s + (dotp(q.w!, x) + q.b![0]! - ys[i]!) ** 2, 0) / xs.length;
      break;
    }
    case "softmax-cross-entropy": {
      const y = vec("y");
      params = { z: vec("z") };
      loss = (q) => {
        const ex = q.z!.map(Math.exp);
        const sum = ex.reduce((s, v) => s + v, 0);
        return -y.reduce((s, yi, i) => s + yi * Math.log(ex[i]! / sum), 0);
      };
      break;
    }
    case "backpropagation-two-layers": {
      const x = vec("x");
      const y = num(at.y);
      params = { W1: (at.W1 as number[][]).flat(), b1: vec("b1"), w2: vec("w2"), b2: [num(at.b2)] };
      loss = (q) => {
        const z = [0, 1].map((i) => q.W1![2 * i]! * x[0]! + q.W1![2 * i + 1]! * x[1]! + q.b1![i]!);
        if (z.some((v) => Math.abs(v) < 1e-3)) return NaN; // at a kink: no derivative
        const h = z.map((v) => Math.max(0, v));
        return (dotp(q.w2!, h) + q.b2![0]! - y) ** 2;
      };
      break;
    }
    default:
      return `no independent check for ${p.skill}`;
  }
  const target = params[g.wrt]!;
  const want = target.map((_, i) => cd((v) => loss({ ...params, [g.wrt]: v }), target, i));
  if (want.some((v) => !Number.isFinite(v))) return "at a kink";
  const got = nums(p).flat();
  const [r, c] = layoutShape(p, target.length);
  if (grid(p).length !== r || grid(p)[0]!.length !== c)
    return `layout ${grid(p).length}×${grid(p)[0]!.length} vs ${r}×${c}`;
  return got.length === want.length && got.every((v, i) => close(v, want[i]!, 1e-5))
    ? null
    : `${got.join(",")} vs ${want.join(",")}`;
}

describe.each(CONCRETE.map((id) => [id]))("concrete skill %s over 1000 seeds", (id) => {
  it("gives at least 80% distinct problems, all nice, with the grid the key fills", () => {
    const ps = all(id);
    expect(new Set(ps.map((p) => JSON.stringify(p.given))).size).toBeGreaterThanOrEqual(0.8 * SEEDS);
    const bad = ps.map((p) => [p.seed, niceProblemViolations(p)] as const).filter(([, v]) => v.length > 0);
    expect(bad.slice(0, 3)).toEqual([]);
    for (const p of ps) {
      expect(p.answerKind).toBe("grid");
      expect(grid(p).length).toBe(p.grid!.rows);
      expect(p.grid!.object.length).toBeGreaterThan(5);
    }
  }, 300_000);

  it("keys every problem as an independent computation from `given` says", () => {
    const bad: string[] = [];
    for (const p of all(id)) {
      const why = check(p);
      if (why) bad.push(`seed ${p.seed}: ${why}`);
      if (bad.length >= 3) break;
    }
    expect(bad).toEqual([]);
  }, 300_000);

  it("is reproducible and serialisable", () => {
    for (const seed of [0, 1, 17, 999]) {
      const p = all(id)[seed]!;
      const again = generate(id, seed, p.version);
      expect(again.ok && again.problem).toEqual(p);
      expect(JSON.parse(JSON.stringify(p))).toEqual(p);
    }
  });
});

describe("the independent key check itself", () => {
  it("flags a corrupted key of every concrete skill", () => {
    for (const id of CONCRETE) {
      const p = all(id)[5]!;
      const corrupted = grid(p).map((r, i) =>
        r.map((c, j) =>
          i === 0 && j === 0
            ? /^[a-z ]+$/.test(c)
              ? c === "saddle"
                ? "minimum"
                : "saddle"
              : `${c} + 1`
            : c,
        ),
      );
      expect(check({ ...p, answer: corrupted }), id).not.toBeNull();
    }
  });

  it("covers Parts 2 and 3: at least 15 concrete skills", () => {
    expect(CONCRETE.length).toBeGreaterThanOrEqual(15);
  });
});
