// The symbolic skills of Parts 2 and 3 (answers such as -diag(w ⊘ (x ⊙ x)) or 2(Wx − y)xᵀ), over 1000
// seeds each: every key agrees with the derivative of the problem's function by forward-mode automatic
// differentiation (at the grader's choices of dimensions) and, independently, with central differences
// of the function's values; problems are distinct, reproducible and state the shape asked for; the key
// grades right, and the transposed, negated and doubled keys grade wrong (the transpose named as a
// layout mistake, never giving the key away on a set that hides it).
import { describe, expect, it } from "vitest";
import {
  type Decls,
  compileProgram,
  declare,
  derivativeKey,
  grade as gradeMatrix,
  readMatrix,
} from "@/lib/calculus/matrix";
import { SKILLS, generate } from "@/lib/problems/catalogue";
import { grade, withoutKey } from "@/lib/problems/grade";
import type { MatrixGiven } from "@/lib/problems/matrix-problem";
import type { Problem } from "@/lib/problems/types";
import { problemsOf } from "./support/problems-of";

const SEEDS = 1000;
const MATRIX_SKILLS = SKILLS.filter((s) => s.kind === "matrix").map((s) => s.id);

const all = (skill: string): Problem[] => problemsOf(skill, SEEDS);

const givenOf = (p: Problem) => p.given as unknown as MatrixGiven;
function declsOf(p: Problem): Decls {
  const d = declare(givenOf(p).decls);
  if (!d.ok) throw new Error(d.error.message);
  return d.decls;
}

/** Small deterministic numbers for the finite-difference check. */
function numbers(seed: number) {
  let s = seed >>> 0 || 1;
  return (positive: boolean) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const u = s / 2 ** 32;
    return positive ? 0.5 + 2 * u : -2 + 4 * u;
  };
}

/**
 * The key against central differences of f's values at one point (sizes 2 and 3): f is evaluated, never
 * differentiated, so this check does not share the automatic differentiation it confirms.
 */
function centralDifferences(p: Problem, seed: number): string | null {
  const g = givenOf(p);
  const decls = declsOf(p);
  const sizes = new Map(decls.dims.map((d, i) => [d, [3, 2, 4, 2][i] ?? 2]));
  const size = (d: string | number) => (typeof d === "number" ? d : sizes.get(d)!);
  const f = readMatrix(g.f, decls);
  const key = readMatrix(String(p.answer), decls);
  if (!f.ok || !key.ok) return "does not read";
  const fp = compileProgram(f.typed, size);
  const kp = compileProgram(key.typed, size);
  if (!fp || !kp) return "cannot compile";
  const draw = numbers(seed);
  const inputs = new Map<string, Float64Array>();
  for (const [name, d] of decls.symbols) {
    const n = size(d.shape.rows) * size(d.shape.cols);
    inputs.set(
      name,
      Float64Array.from({ length: n }, () => draw(d.props.includes("positive"))),
    );
  }
  const keyValues = kp.run({ inputs }).v.slice(); // a run's arrays are reused by the next
  const v = inputs.get(g.wrt)!;
  const vShape = decls.symbols.get(g.wrt)!.shape;
  const vr = size(vShape.rows);
  const vc = size(vShape.cols);
  const out = fp.run({ inputs }).v.slice();
  const h = 1e-5;
  // derivative[i][j]: ∂f_i/∂v_j (v row-major); arranged as the key is laid out.
  for (let j = 0; j < v.length; j++) {
    const saved = v[j]!;
    v[j] = saved + h;
    const up = fp.run({ inputs }).v.slice();
    v[j] = saved - h;
    const down = fp.run({ inputs }).v.slice();
    v[j] = saved;
    for (let i = 0; i < out.length; i++) {
      const d = (up[i]! - down[i]!) / (2 * h);
      let at: number;
      if (g.asks === "gradient")
        at = j; // the variable's shape, row-major
      else if (out.length === 1 && (vr === 1 || vc === 1))
        at = j; // a row
      else if (vr === 1 || vc === 1)
        at = i * v.length + j; // the Jacobian, rows = outputs
      else at = j; // scalar by a matrix (not asked here)
      const want = keyValues[at]!;
      if (Math.abs(d - want) > 1e-4 * Math.max(1, Math.abs(want)))
        return `entry ${at}: central difference ${d}, key ${want}`;
    }
  }
  return null;
}

/** The key transposed, negated and doubled, as a learner might write them. */
function wrongForms(p: Problem): { transposed: string | null; others: string[] } {
  const key = String(p.answer);
  const decls = declsOf(p);
  const r = readMatrix(key, decls);
  const square = r.ok && r.shape.rows === r.shape.cols;
  const vectorOrMatrix = r.ok && !(r.shape.rows === 1 && r.shape.cols === 1);
  return {
    transposed: vectorOrMatrix && !square ? `(${key})^T` : null,
    others: [`-(${key})`, `2 (${key})`],
  };
}

describe.each(MATRIX_SKILLS.map((id) => [id]))("matrix skill %s over 1000 seeds", (id) => {
  it("gives at least 80% distinct problems, reproducible and serialisable, with the shape asked for stated", () => {
    const ps = all(id);
    expect(new Set(ps.map((p) => JSON.stringify(p.given))).size).toBeGreaterThanOrEqual(0.8 * SEEDS);
    for (const seed of [0, 1, 17, 999]) {
      const again = generate(id, seed, ps[seed]!.version);
      expect(again.ok && again.problem).toEqual(ps[seed]);
      expect(JSON.parse(JSON.stringify(ps[seed]))).toEqual(ps[seed]);
    }
    for (const p of ps.slice(0, 50)) {
      expect(p.statement).toMatch(/find the (Jacobian|derivative|gradient)/);
      // The shape asked for, except for a derivative that is a scalar.
      expect(p.statement).toMatch(/×|\bderivative ∂\w+\/∂\w+ of/);
      expect(p.latex).toContain("= \\;?");
      expect(p.steps?.length ?? 0).toBeGreaterThan(0);
    }
  });

  it("keys every problem as forward-mode AD of the function computes it", () => {
    const bad: string[] = [];
    for (const p of all(id)) {
      const g = givenOf(p);
      const decls = declsOf(p);
      const f = readMatrix(g.f, decls);
      if (!f.ok) {
        bad.push(`seed ${p.seed}: the function does not read`);
        continue;
      }
      const k = derivativeKey(decls, f.typed, g.wrt, g.asks);
      const answer = readMatrix(String(p.answer), decls, k.ok ? k.key.shape : undefined);
      const verdict = k.ok && answer.ok ? gradeMatrix(decls, k.key, answer.typed) : null;
      if (!verdict?.ok || !verdict.equivalent) bad.push(`seed ${p.seed}: ${String(p.answer)} for ${g.f}`);
      if (bad.length >= 3) break;
    }
    expect(bad).toEqual([]);
  }, 120_000);

  it("keys agree with central differences of the function's values", () => {
    const bad: string[] = [];
    for (const p of all(id).slice(0, 200)) {
      const why = centralDifferences(p, p.seed + 1);
      if (why) bad.push(`seed ${p.seed} (${givenOf(p).f}, ${String(p.answer)}): ${why}`);
      if (bad.length >= 3) break;
    }
    expect(bad).toEqual([]);
  });

  it("grades the key right and the transposed, negated and doubled keys wrong", () => {
    for (const p of all(id).slice(0, 30)) {
      const r = grade(p, String(p.answer));
      expect(r.status, `${p.statement} ${String(p.answer)}: ${r.message}`).toBe("right");
      const forms = wrongForms(p);
      if (forms.transposed) {
        const t = grade(p, forms.transposed);
        expect(t, `${p.statement}: ${forms.transposed}`).toMatchObject({ status: "wrong", correct: false });
        expect(t.diagnosis?.code).toMatch(/layout/);
        // On a set that hides the key, the layout mistake is not described (it gives the key away).
        const hidden = withoutKey(t);
        expect(hidden.message).not.toMatch(/transpose|layout/i);
        expect(hidden.counterexample).toBeUndefined();
      }
      for (const w of forms.others) {
        const v = grade(p, w);
        expect(v.status, `${p.statement} key ${String(p.answer)} answer ${w}: ${v.message}`).toBe("wrong");
      }
    }
  });
});

describe("reading a matrix answer", () => {
  const p = all("gradient-wrt-matrix").find((q) => givenOf(q).wrt !== "b" && /‖.*‖\^2$/.test(givenOf(q).f))!;
  it("a shape error or an unknown name is not a try: it says what to fix", () => {
    const r = grade(p, "x^T y");
    expect(r.status).toBe("invalid");
    expect(r.message.length).toBeGreaterThan(10);
    expect(grade(p, "2 (W x - ").status).toBe("invalid");
    expect(grade(p, "q").status).toBe("invalid");
  });
  it("the key with another notation reads and grades right (positive control)", () => {
    expect(grade(p, String(p.answer).replace(/\*/g, " ")).status).toBe("right");
  });
});
