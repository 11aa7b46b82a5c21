// Forty-odd identities of matrix calculus, each true by an independent check (central differences
// and the scalar core's derivative of every component, or the defining side, computed by the
// reference in support/ring.ts), then graded through the command-line operations: every right form
// accepted, every wrong form rejected with the expected diagnosis (or none).
import { describe, expect, it } from "vitest";
import { matrixOps } from "../../../lib/calculus/matrix";
import { type Env, type M, centralJacobian, mm, scalarCoreJacobian, t } from "./support/ring";
import { IDENTITIES, type Identity } from "./support/identities";

type Res = {
  ok: boolean;
  equivalent?: boolean;
  correct?: boolean;
  diagnosis?: { code: string };
  error?: { message: string };
};
const call = (r: Record<string, unknown> & { op: string }) => matrixOps(r) as unknown as Res;

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a * 1664525 + 1013904223) >>> 0;
    return a / 4294967296;
  };
}

function shapeOf(
  spec: Identity["decls"][string],
  sizes: Record<string, number>,
): { r: number; c: number; props: string[] } {
  const text = typeof spec === "string" ? spec : spec.shape;
  const props = typeof spec === "string" ? [] : [...(spec.props ?? [])];
  if (text === "scalar") return { r: 1, c: 1, props };
  const parts = text.split(" x ");
  const size = (d: string) => (/^[0-9]+$/.test(d) ? Number(d) : sizes[d]!);
  return { r: size(parts[0]!), c: parts[1] ? size(parts[1]) : 1, props };
}

function environment(id: Identity, seed: number): { env: Env; shapes: Record<string, [number, number]> } {
  const sizes = { n: 2, m: 3, N: 3, ...id.sizes };
  const rand = random(seed);
  const env: Env = {};
  const shapes: Record<string, [number, number]> = {};
  for (const [name, spec] of Object.entries(id.decls)) {
    const { r, c, props } = shapeOf(spec, sizes);
    let v: M = Array.from({ length: r }, () =>
      Array.from({ length: c }, () => Math.round((rand() * 4 - 2) * 1000) / 1000 + 0.0007),
    );
    if (props.includes("spd"))
      v = mm(v, t(v)).map((row, i) => row.map((x, j) => (x as number) + (i === j ? r : 0)));
    else if (props.includes("symmetric"))
      v = v.map((row, i) => row.map((x, j) => ((x as number) + (v[j]![i] as number)) / 2));
    env[name] = v;
    shapes[name] = [r, c];
  }
  return { env, shapes };
}

/** The Jacobian (outputs × inputs) in the layout asked for. */
function arrange(j: number[][], f: M, v: [number, number], asks: "derivative" | "gradient"): number[][] {
  const scalarF = f.length === 1 && f[0]!.length === 1;
  const [vr, vc] = v;
  const asV = () => Array.from({ length: vr }, (_, i) => j[0]!.slice(i * vc, (i + 1) * vc));
  if (asks === "gradient") return asV();
  if (scalarF) return vr === 1 || vc === 1 ? [j[0]!] : (t(asV()) as number[][]);
  return j;
}

function expectClose(actual: number[][], expected: M, rel: number) {
  const e = expected.flat() as number[];
  const a = actual.flat();
  expect(a.length).toBe(e.length);
  a.forEach((x, i) => expect(Math.abs(x - e[i]!)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(e[i]!))));
}

describe.each(IDENTITIES.map((id) => [id.name, id] as const))("%s", (_name, id) => {
  it("has at least two right and two wrong forms", () => {
    expect(id.right.length).toBeGreaterThanOrEqual(2);
    expect(id.wrong.length).toBeGreaterThanOrEqual(2);
  });

  it("is true, by a check independent of the matrix module", () => {
    for (const seed of [1, 2, 3]) {
      const { env, shapes } = environment(id, seed * 7919);
      const key = id.keyRef(env);
      if (id.f) {
        const f = id.f.ref(env);
        const central = arrange(centralJacobian(id.f.ref, env, id.f.wrt), f, shapes[id.f.wrt]!, id.f.asks);
        expectClose(central, key, 1e-5);
        const exact = arrange(
          scalarCoreJacobian(id.f.ref, shapes, env, id.f.wrt),
          f,
          shapes[id.f.wrt]!,
          id.f.asks,
        );
        expectClose(exact, key, 1e-8);
      } else {
        expectClose(
          id.lhs!(env).map((r) => r.map(Number)),
          key,
          1e-9,
        );
      }
    }
  });

  it("accepts the key and every right form", () => {
    for (const answer of [id.key, ...id.right]) {
      const r = call({ op: "mequiv", decls: id.decls, expected: id.key, answer });
      expect({ answer, ...r }).toMatchObject({ answer, ok: true, equivalent: true });
      if (id.f) {
        const d = call({
          op: "mderiv",
          decls: id.decls,
          f: id.f.text,
          wrt: id.f.wrt,
          asks: id.f.asks,
          answer,
        });
        expect({ answer, ...d }).toMatchObject({ answer, ok: true, correct: true });
      }
    }
  });

  it("rejects every wrong form, naming the mistake where there is one", () => {
    for (const [answer, code] of id.wrong) {
      const r = call({ op: "mequiv", decls: id.decls, expected: id.key, answer });
      expect({ answer, ...r }).toMatchObject({ answer, ok: true, equivalent: false });
      expect({ answer, code: r.diagnosis?.code ?? null }).toEqual({ answer, code });
      if (id.f) {
        const d = call({
          op: "mderiv",
          decls: id.decls,
          f: id.f.text,
          wrt: id.f.wrt,
          asks: id.f.asks,
          answer,
        });
        expect({ answer, ...d }).toMatchObject({ answer, ok: true, correct: false });
      }
    }
  });
});
