// Properties of matrix grading, with random expressions over A, B (n×n), x, y (n) and s, t (scalars)
// written in varied notation: rewrites that keep the value are never rejected; a change of one node
// that changes the value (checked by the independent reference) is never accepted; the reader never
// throws on random or hostile text.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { declare, matrixOps, readMatrix } from "../../../lib/calculus/matrix";
import { type M, dot, diag, eye, had, madd, map, mm, msub, scale, sfn, sum, t, trace } from "./support/ring";

type Shape = "nn" | "n" | "s";
type T =
  | { k: "sym"; name: string; shape: Shape }
  | { k: "num"; v: number }
  | { k: "eye" }
  | { k: "add" | "sub" | "had" | "mul"; a: T; b: T; shape: Shape }
  | { k: "T" | "neg" | "exp"; a: T; shape: Shape }
  | { k: "dot"; a: T; b: T }
  | { k: "sum" | "tr"; a: T }
  | { k: "diag"; a: T };

const DECLS = { A: "n x n", B: "n x n", x: "n", y: "n", s: "scalar", t: "scalar" };
const SYMS: Record<Shape, string[]> = { nn: ["A", "B"], n: ["x", "y"], s: ["s", "t"] };

function shapeOf(e: T): Shape | "row" {
  switch (e.k) {
    case "sym":
      return e.shape;
    case "num":
    case "dot":
    case "sum":
    case "tr":
      return "s";
    case "eye":
    case "diag":
      return "nn";
    default:
      return e.shape;
  }
}

function gen(shape: Shape, depth: number): fc.Arbitrary<T> {
  const leaf: fc.Arbitrary<T> =
    shape === "s"
      ? fc.oneof(
          fc.constantFrom(...SYMS.s).map((name): T => ({ k: "sym", name, shape })),
          fc.integer({ min: 2, max: 5 }).map((v): T => ({ k: "num", v })),
        )
      : fc.constantFrom(...SYMS[shape]).map((name): T => ({ k: "sym", name, shape }));
  if (depth <= 0) return leaf;
  const sub = (s: Shape) => gen(s, depth - 1);
  const same = fc.oneof(
    leaf,
    fc
      .tuple(fc.constantFrom("add" as const, "sub" as const, "had" as const), sub(shape), sub(shape))
      .map(([k, a, b]): T => ({ k, a, b, shape })),
    fc.tuple(sub("s"), sub(shape)).map(([a, b]): T => ({ k: "mul", a, b, shape })),
    sub(shape).map((a): T => ({ k: "neg", a, shape })),
  );
  if (shape === "nn") {
    return fc.oneof(
      same,
      fc.tuple(sub("nn"), sub("nn")).map(([a, b]): T => ({ k: "mul", a, b, shape })),
      sub("nn").map((a): T => ({ k: "T", a, shape })),
      sub("n").map((a): T => ({ k: "diag", a })),
    );
  }
  if (shape === "n") {
    return fc.oneof(
      same,
      fc.tuple(sub("nn"), sub("n")).map(([a, b]): T => ({ k: "mul", a, b, shape })),
      sub("n").map((a): T => ({ k: "exp", a: { k: "mul", a: { k: "num", v: 2 }, b: a, shape }, shape })),
    );
  }
  return fc.oneof(
    same,
    fc.tuple(sub("n"), sub("n")).map(([a, b]): T => ({ k: "dot", a, b })),
    sub("n").map((a): T => ({ k: "sum", a })),
    sub("nn").map((a): T => ({ k: "tr", a })),
  );
}

/** Text in one of several notations (`style` picks them). */
function show(e: T, style: number): string {
  const p = (x: T) => `(${show(x, style)})`;
  switch (e.k) {
    case "sym":
      return e.name;
    case "num":
      return String(e.v);
    case "eye":
      return style % 2 ? "I" : "I_n";
    case "add":
      return `${p(e.a)} + ${p(e.b)}`;
    case "sub":
      return `${p(e.a)} − ${p(e.b)}`;
    case "had":
      return `${p(e.a)} ${["⊙", ".*", "⊗"][style % 3]} ${p(e.b)}`;
    case "mul":
      return `${p(e.a)}${[" ", "*", ""][style % 3]}${p(e.b)}`;
    case "T":
      return `${p(e.a)}${["^T", "ᵀ", "'"][style % 3]}`;
    case "neg":
      return `-${p(e.a)}`;
    case "exp":
      return style % 2 ? `exp(${show(e.a, style)})` : `e^(${show(e.a, style)})`;
    case "dot":
      return style % 2 ? `${p(e.a)}·${p(e.b)}` : `dot(${show(e.a, style)}, ${show(e.b, style)})`;
    case "sum":
      return `sum(${show(e.a, style)})`;
    case "tr":
      return `tr(${show(e.a, style)})`;
    case "diag":
      return `diag(${show(e.a, style)})`;
  }
}

type Env = Record<string, M>;
function ev(e: T, env: Env): M {
  const scalarOf = (m: M) => m.length === 1 && m[0]!.length === 1;
  switch (e.k) {
    case "sym":
      return env[e.name]!;
    case "num":
      return [[e.v]];
    case "eye":
      return eye(env.A!.length);
    case "add":
      return madd(ev(e.a, env), ev(e.b, env));
    case "sub":
      return msub(ev(e.a, env), ev(e.b, env));
    case "had":
      return had(ev(e.a, env), ev(e.b, env));
    case "mul": {
      const a = ev(e.a, env);
      const b = ev(e.b, env);
      if (scalarOf(a)) return scale(a[0]![0]!, b);
      if (scalarOf(b)) return scale(b[0]![0]!, a);
      return mm(a, b);
    }
    case "T":
      return t(ev(e.a, env));
    case "neg":
      return scale(-1, ev(e.a, env));
    case "exp":
      return map(ev(e.a, env), (v) => sfn("exp", v));
    case "dot":
      return [[dot(ev(e.a, env), ev(e.b, env))]];
    case "sum":
      return [[sum(ev(e.a, env))]];
    case "tr":
      return [[trace(ev(e.a, env))]];
    case "diag":
      return diag(ev(e.a, env));
  }
}

function envs(n: number, seed: number): Env {
  let a = seed >>> 0;
  const r = () => {
    a = (a * 1664525 + 1013904223) >>> 0;
    return Math.round((a / 4294967296) * 4000 - 2000) / 1000 + 0.0003;
  };
  const mat = (rows: number, cols: number): M =>
    Array.from({ length: rows }, () => Array.from({ length: cols }, r));
  return { A: mat(n, n), B: mat(n, n), x: mat(n, 1), y: mat(n, 1), s: mat(1, 1), t: mat(1, 1) };
}

/** Nodes of a tree with a function to replace each. */
function positions(e: T): { node: T; put: (by: T) => T }[] {
  const out: { node: T; put: (by: T) => T }[] = [{ node: e, put: (by) => by }];
  const kids = (["a", "b"] as const).filter((key) => key in e);
  for (const key of kids) {
    for (const inner of positions((e as unknown as Record<string, T>)[key]!)) {
      out.push({ node: inner.node, put: (by) => ({ ...e, [key]: inner.put(by) }) });
    }
  }
  return out;
}

/** Rewrites that keep the value. */
function rewrites(e: T): T[] {
  const s = shapeOf(e) as Shape;
  const out: T[] = [{ k: "T", a: { k: "T", a: e, shape: s }, shape: s }];
  out.push({ k: "add", a: e, b: { k: "mul", a: { k: "num", v: 0 } as T, b: e, shape: s }, shape: s });
  if (s === "nn") out.push({ k: "mul", a: { k: "eye" }, b: e, shape: s });
  if (e.k === "add" || e.k === "had") out.push({ ...e, a: e.b, b: e.a });
  if (e.k === "sub") out.push({ k: "add", a: e.a, b: { k: "neg", a: e.b, shape: e.shape }, shape: e.shape });
  if (e.k === "neg") out.push({ k: "mul", a: { k: "num", v: -1 } as T, b: e.a, shape: e.shape });
  if (e.k === "mul" && shapeOf(e.a) === "nn") {
    const b = e.b;
    const bs = shapeOf(b) as Shape;
    out.push({
      k: "T",
      a: {
        k: "mul",
        a: { k: "T", a: b, shape: bs } as T,
        b: { k: "T", a: e.a, shape: "nn" },
        shape: e.shape === "n" ? "n" : "nn",
      },
      shape: e.shape,
    });
  }
  if (e.k === "dot")
    out.push({ k: "dot", a: e.b, b: e.a }, { k: "sum", a: { k: "had", a: e.a, b: e.b, shape: "n" } });
  if (e.k === "tr" && e.a.k === "mul" && shapeOf(e.a.a) === "nn" && shapeOf(e.a.b) === "nn") {
    out.push({ k: "tr", a: { ...e.a, a: e.a.b, b: e.a.a } });
  }
  return out;
}

/** One node changed so that the value (usually) changes. */
function mutations(e: T): T[] {
  switch (e.k) {
    case "sym":
      return SYMS[e.shape].filter((n) => n !== e.name).map((name) => ({ ...e, name }));
    case "num":
      return [{ k: "num", v: e.v + 1 }];
    case "add":
      return [{ ...e, k: "sub" }];
    case "sub":
      return [
        { ...e, k: "add" },
        { ...e, a: e.b, b: e.a },
      ];
    case "had":
      return e.shape === "nn" ? [{ ...e, k: "mul" }] : [{ ...e, k: "add" }];
    case "mul":
      return shapeOf(e.a) === "nn" && shapeOf(e.b) === "nn"
        ? [{ ...e, a: e.b, b: e.a }]
        : shapeOf(e.a) === shapeOf(e.b)
          ? [{ ...e, k: "add" as const }]
          : [];
    case "T":
      return [e.a];
    case "neg":
      return [e.a];
    default:
      return [];
  }
}

const differs = (a: T, b: T) =>
  [1, 2, 3].some((seed) => {
    const x = ev(a, envs(3, seed)).flat() as number[];
    const y = ev(b, envs(3, seed)).flat() as number[];
    return x.some((v, i) => Math.abs(v - y[i]!) > 1e-6 * Math.max(1, Math.abs(v), Math.abs(y[i]!)));
  });

type Res = { ok: boolean; equivalent?: boolean };
const mequiv = (expected: string, answer: string) =>
  matrixOps({ op: "mequiv", decls: DECLS, expected, answer }) as unknown as Res;

const tree = fc.constantFrom<Shape>("nn", "n", "s").chain((s) => gen(s, 3));

describe("matrix grading properties", () => {
  it("never rejects a rewrite that keeps the value, in any notation", () => {
    fc.assert(
      fc.property(tree, fc.nat(), fc.nat(), fc.nat(), (e, where, which, style) => {
        const spots = positions(e);
        const spot = spots[where % spots.length]!;
        const options = rewrites(spot.node);
        const rewritten = spot.put(options[which % options.length]!);
        const r = mequiv(show(e, style), show(rewritten, style + 1));
        expect({ key: show(e, style), answer: show(rewritten, style + 1), ...r }).toMatchObject({
          ok: true,
          equivalent: true,
        });
      }),
      { numRuns: 150, seed: 20261130 },
    );
  });

  it("never accepts a change of one node that changes the value", () => {
    fc.assert(
      fc.property(tree, fc.nat(), fc.nat(), fc.nat(), (e, where, which, style) => {
        const spots = positions(e);
        const spot = spots[where % spots.length]!;
        const options = mutations(spot.node);
        fc.pre(options.length > 0);
        const mutated = spot.put(options[which % options.length]!);
        fc.pre(differs(e, mutated));
        const r = mequiv(show(e, style), show(mutated, style));
        expect({ key: show(e, style), answer: show(mutated, style), ...r }).toMatchObject({
          ok: true,
          equivalent: false,
        });
      }),
      { numRuns: 150, seed: 20261130 },
    );
  });
});

describe("the reader on random and hostile text", () => {
  const d = declare(DECLS);
  if (!d.ok) throw new Error(d.error.message);
  const pieces = [
    "A",
    "x",
    "^T",
    "ᵀ",
    "'",
    "(",
    ")",
    "[",
    "]",
    "‖",
    "|",
    "||",
    "⊙",
    ".*",
    "./",
    "·",
    "*",
    "/",
    "+",
    "−",
    "-",
    "^",
    "-1",
    "⁻¹",
    "²",
    "1_n",
    "𝟏",
    "I",
    "diag",
    "sum",
    "norm",
    "max(0,",
    "σ",
    "softmax",
    ">",
    "0",
    " ",
    "\\top",
    "e^",
    "1_",
    "{",
    "}",
    ",",
    "\u0000",
    "\u202e",
    "é",
    "\uD800",
  ];
  it("never throws and answers with ok or a positioned error", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 60 }),
          fc.string({ unit: "grapheme", maxLength: 40 }),
          fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((a) => a.join("")),
        ),
        (s) => {
          const r = readMatrix(s, d.decls);
          if (!r.ok) {
            expect(r.error.code).toMatch(/^[A-Z_]+$/);
            expect(r.error.message.length).toBeGreaterThan(5);
            if (r.error.at !== undefined) expect(r.error.at).toBeLessThanOrEqual(s.length);
          }
          const g = matrixOps({ op: "mequiv", decls: DECLS, expected: "A x", answer: s }) as unknown as {
            ok: boolean;
          };
          expect(typeof g.ok).toBe("boolean");
        },
      ),
      { numRuns: 400, seed: 7 },
    );
  });
  it("reads long and deep hostile inputs quickly, with a clear error", () => {
    const cases = [
      "(".repeat(5000),
      "x".repeat(1999),
      "‖".repeat(1999),
      "-".repeat(1999) + "x",
      "exp ".repeat(400) + "x",
      "x^T".repeat(600),
      "[x > 0]".repeat(250),
      "A".repeat(40) + "B",
    ];
    for (const s of cases) {
      const r = readMatrix(s, d.decls);
      expect(r.ok ? "ok" : r.error.code).toMatch(
        /ok|TOO_LONG|TOO_DEEP|UNKNOWN_NAME|SHAPE_MISMATCH|UNBALANCED|UNEXPECTED/,
      );
    }
  });
});
