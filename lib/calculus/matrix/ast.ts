// The matrix expression tree: a plain, JSON-serialisable union tagged by `k`. `at` is where the node
// starts in the learner's text (for errors); it is not part of the tree's meaning (see `sameTree`).
import type { Dim } from "./shape";

/** Functions applied to every entry. */
export const ELEMENTWISE = ["exp", "ln", "sin", "cos", "tanh", "sigmoid", "relu", "sqrt", "abs"] as const;
export type Elementwise = (typeof ELEMENTWISE)[number];

/** Reductions and structure: a matrix or vector in, something else out. */
export const STRUCTURAL = ["diag", "sum", "norm", "trace", "det", "inv", "softmax", "transpose"] as const;
export type Structural = (typeof STRUCTURAL)[number];

export type Binary = "add" | "sub" | "mul" | "dot" | "had" | "hdiv" | "div";
export type Comparison = ">" | "<" | ">=" | "<=";

type At = { readonly at?: number };

export type MExpr = At &
  (
    | { readonly k: "num"; readonly value: number; readonly p: number; readonly q: number }
    | { readonly k: "const"; readonly name: "pi" | "e" }
    | { readonly k: "sym"; readonly name: string }
    | { readonly k: "dim"; readonly name: string }
    /** The vector of ones and the identity; `dim` null when the context decides the size. */
    | { readonly k: "ones"; readonly dim: Dim | null }
    | { readonly k: "eye"; readonly dim: Dim | null }
    | { readonly k: "neg"; readonly a: MExpr }
    | { readonly k: Binary; readonly a: MExpr; readonly b: MExpr }
    /** Scalar powers with any scalar exponent; square matrices with a whole exponent. */
    | { readonly k: "pow"; readonly a: MExpr; readonly b: MExpr }
    | { readonly k: "fn"; readonly fn: Elementwise; readonly a: MExpr }
    | { readonly k: Structural; readonly a: MExpr }
    /** Indicator per entry: 1 where `a op b`, else 0. */
    | { readonly k: "ind"; readonly op: Comparison; readonly a: MExpr; readonly b: MExpr }
  );

export type Kind = MExpr["k"];

export const BINARY: ReadonlySet<string> = new Set<Binary>([
  "add",
  "sub",
  "mul",
  "dot",
  "had",
  "hdiv",
  "div",
]);
export const isBinary = (e: MExpr): e is Extract<MExpr, { k: Binary }> => BINARY.has(e.k);
export const isStructural = (e: MExpr): e is Extract<MExpr, { k: Structural }> =>
  (STRUCTURAL as readonly string[]).includes(e.k);

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return Math.abs(a);
}

/** A number typed as p/q (q a power of ten, or 1), reduced; p and q stay safe integers. */
export function num(value: number, p = value, q = 1): MExpr {
  const g = gcd(p, q) || 1;
  return { k: "num", value, p: p / g, q: q / g };
}

export const sym = (name: string): MExpr => ({ k: "sym", name });
export const neg = (a: MExpr): MExpr => ({ k: "neg", a });
export const bin = (k: Binary, a: MExpr, b: MExpr): MExpr => ({ k, a, b });
export const add = (a: MExpr, b: MExpr): MExpr => bin("add", a, b);
export const sub = (a: MExpr, b: MExpr): MExpr => bin("sub", a, b);
export const mul = (a: MExpr, b: MExpr): MExpr => bin("mul", a, b);
export const had = (a: MExpr, b: MExpr): MExpr => bin("had", a, b);
export const pow = (a: MExpr, b: MExpr): MExpr => ({ k: "pow", a, b });
export const fn = (f: Elementwise, a: MExpr): MExpr => ({ k: "fn", fn: f, a });
export const structural = (k: Structural, a: MExpr): MExpr => ({ k, a });
export const transpose = (a: MExpr): MExpr => ({ k: "transpose", a });

/** The children of a node, in order. */
export function children(e: MExpr): MExpr[] {
  switch (e.k) {
    case "num":
    case "const":
    case "sym":
    case "dim":
    case "ones":
    case "eye":
      return [];
    case "neg":
    case "fn":
    case "diag":
    case "sum":
    case "norm":
    case "trace":
    case "det":
    case "inv":
    case "softmax":
    case "transpose":
      return [e.a];
    default:
      return [e.a, e.b];
  }
}

/** The same node with new children (same count and order as `children`). */
export function withChildren(e: MExpr, cs: readonly MExpr[]): MExpr {
  const { at: _at, ...rest } = e;
  void _at;
  if (cs.length === 0) return rest;
  if (cs.length === 1) return { ...rest, a: cs[0]! } as MExpr;
  return { ...rest, a: cs[0]!, b: cs[1]! } as MExpr;
}

/** Structural equality, ignoring positions. */
export function sameTree(x: MExpr, y: MExpr): boolean {
  if (x.k !== y.k) return false;
  switch (x.k) {
    case "num":
      return x.p === (y as typeof x).p && x.q === (y as typeof x).q && x.value === (y as typeof x).value;
    case "const":
    case "sym":
    case "dim":
      return x.name === (y as typeof x).name;
    case "ones":
    case "eye":
      return x.dim === (y as typeof x).dim;
    case "fn":
      if (x.fn !== (y as typeof x).fn) return false;
      break;
    case "ind":
      if (x.op !== (y as typeof x).op) return false;
      break;
    default:
      break;
  }
  const a = children(x);
  const b = children(y);
  return a.length === b.length && a.every((c, i) => sameTree(c, b[i]!));
}

/** Number of nodes. */
export function size(e: MExpr): number {
  let n = 1;
  for (const c of children(e)) n += size(c);
  return n;
}

/** Whether any node satisfies `test`. */
export function some(e: MExpr, test: (n: MExpr) => boolean): boolean {
  if (test(e)) return true;
  return children(e).some((c) => some(c, test));
}
