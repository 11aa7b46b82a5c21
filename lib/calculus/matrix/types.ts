// The type checker: every node gets a symbolic shape before any number is computed (docs/core.md,
// "Matrix calculus"). `+ - ⊙ ⊘` and comparisons need equal shapes, where a scalar expands; nothing
// else broadcasts. A product needs matching inner dimensions; a 1×1 result is a scalar. `I` and `𝟏`
// without a size take the size their context gives. A shape error names both shapes and, where one
// exists, the transpose that would fix it.
import type { CoreError } from "../errors";
import { type MExpr, children, transpose } from "./ast";
import { toText } from "./print";
import { type Decls, type Dim, type Shape, showShape } from "./shape";

/** Shapes of every node, after unification. */
export interface Typed {
  readonly expr: MExpr;
  readonly shape: Shape;
  /** The resolved shape of each node (fresh sizes that nothing fixed stay as "?k"). */
  readonly shapeOf: (e: MExpr) => Shape;
  /** Sizes that nothing fixed, as "?k": the grader binds them to the key's shape. */
  readonly free: readonly string[];
}

export type TypeResult = { ok: true; typed: Typed } | { ok: false; error: CoreError };

type S = readonly [string, string];
const ONE = "1";
const SCALAR_S: S = [ONE, ONE];

class TypeFailure extends Error {
  constructor(readonly error: CoreError) {
    super(error.message);
  }
}

const dimKey = (d: Dim): string => String(d);
const isFresh = (d: string) => d.startsWith("?");

/** Check `e` against the declarations. `expect`, when given, is the shape the context asks for. */
export function typecheck(e: MExpr, decls: Decls, expect?: Shape, fallback?: Dim): TypeResult {
  const parent = new Map<string, string>();
  const shapes = new Map<MExpr, S>();
  let fresh = 0;
  const find = (d: string): string => {
    let r = d;
    while (parent.has(r)) r = parent.get(r)!;
    return r;
  };
  const unify = (a: string, b: string): boolean => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return true;
    if (isFresh(ra)) parent.set(ra, rb);
    else if (isFresh(rb)) parent.set(rb, ra);
    else return false;
    return true;
  };
  const newDim = () => `?${++fresh}`;
  const scalarS = (s: S) => find(s[0]) === ONE && find(s[1]) === ONE;
  const show = (s: S) => `${find(s[0]).replace(/^\?\d+/, "k")}×${find(s[1]).replace(/^\?\d+/, "k")}`;
  const name = (n: MExpr) => {
    const t = toText(n);
    return t.length > 30 ? `${t.slice(0, 28)}…` : t;
  };
  const fail = (message: string, at: number | undefined): never => {
    throw new TypeFailure(
      at === undefined ? { code: "SHAPE_MISMATCH", message } : { code: "SHAPE_MISMATCH", message, at },
    );
  };
  const flip = (n: MExpr): MExpr => (n.k === "transpose" ? n.a : transpose(n));
  const flipS = (s: S): S => [s[1], s[0]];
  const compatible = (x: string, y: string) => {
    const a = find(x);
    const b = find(y);
    return a === b || isFresh(a) || isFresh(b);
  };

  /** A fix by transposing one side (or both), said as the learner would type it. */
  /** The same node with one side (or both) transposed so that `ok` holds, as typed; or null. */
  const transposedFix = (n: MExpr, a: MExpr, b: MExpr, sa: S, sb: S, ok: (x: S, y: S) => boolean) => {
    const tries: [MExpr, MExpr, S, S][] = [
      [a, flip(b), sa, flipS(sb)],
      [flip(a), b, flipS(sa), sb],
      [flip(a), flip(b), flipS(sa), flipS(sb)],
    ];
    for (const [x, y, s1, s2] of tries) {
      if (ok(s1, s2)) return toText({ ...n, a: x, b: y } as MExpr).replace(/\*/g, " ");
    }
    return null;
  };
  const suggest = (n: MExpr, a: MExpr, b: MExpr, sa: S, sb: S, ok: (x: S, y: S) => boolean): string => {
    const fix = transposedFix(n, a, b, sa, sb, ok);
    return fix === null ? "." : `: did you mean ${fix}?`;
  };

  const sameOrExpand = (n: MExpr, a: MExpr, b: MExpr, sa: S, sb: S, what: string): S => {
    if (scalarS(sa)) return sb;
    if (scalarS(sb)) return sa;
    if (compatible(sa[0], sb[0]) && compatible(sa[1], sb[1])) {
      unify(sa[0], sb[0]);
      unify(sa[1], sb[1]);
      return sa;
    }
    const hint = suggest(n, a, b, sa, sb, (x, y) => compatible(x[0], y[0]) && compatible(x[1], y[1]));
    return fail(
      `${name(a)} is ${show(sa)} and ${name(b)} is ${show(sb)}: ${what} need the same shape${hint}`,
      n.at,
    );
  };

  const vectorLength = (s: S): string | null => {
    if (find(s[1]) === ONE) return s[0];
    if (find(s[0]) === ONE) return s[1];
    return null;
  };

  const square = (n: MExpr, s: S, what: string): S => {
    if (!compatible(s[0], s[1])) fail(`${what} needs a square matrix, but ${name(n)} is ${show(s)}.`, n.at);
    unify(s[0], s[1]);
    return s;
  };

  const visit = (n: MExpr): S => {
    const s = shapeOfNode(n);
    shapes.set(n, s);
    return s;
  };

  const shapeOfNode = (n: MExpr): S => {
    switch (n.k) {
      case "num":
      case "const":
      case "dim":
        return SCALAR_S;
      case "sym": {
        const d = decls.symbols.get(n.name)!;
        return [dimKey(d.shape.rows), dimKey(d.shape.cols)];
      }
      case "ones":
        return [n.dim === null ? newDim() : dimKey(n.dim), ONE];
      case "eye": {
        const d = n.dim === null ? newDim() : dimKey(n.dim);
        return [d, d];
      }
      case "neg":
      case "transpose": {
        const s = visit(n.a);
        return n.k === "neg" ? s : flipS(s);
      }
      case "add":
      case "sub":
        return sameOrExpand(
          n,
          n.a,
          n.b,
          visit(n.a),
          visit(n.b),
          n.k === "add" ? "terms added" : "terms subtracted",
        );
      case "had":
      case "hdiv":
        return sameOrExpand(n, n.a, n.b, visit(n.a), visit(n.b), "entry-by-entry operations");
      case "ind":
        return sameOrExpand(n, n.a, n.b, visit(n.a), visit(n.b), "sides of a comparison");
      case "mul": {
        const sa = visit(n.a);
        const sb = visit(n.b);
        if (scalarS(sa)) return sb;
        if (scalarS(sb)) return sa;
        if (!compatible(sa[1], sb[0])) {
          // a column vector v before a matrix with as many rows: diag(v) is meant (a Jacobian)
          const fits = (x: S, y: S) => compatible(x[1], y[0]);
          const diagonal = find(sa[1]) === ONE && find(sa[0]) !== ONE && compatible(sa[0], sb[0]);
          const fix = transposedFix(n, n.a, n.b, sa, sb, fits);
          const hint = diagonal
            ? `: did you mean diag(${name(n.a)}) ${name(n.b)}${fix === null ? "" : ` (or ${fix})`}?`
            : suggest(n, n.a, n.b, sa, sb, fits);
          fail(
            `${name(n.a)} is ${show(sa)} and ${name(n.b)} is ${show(sb)}: they cannot be multiplied${hint}`,
            n.at,
          );
        }
        unify(sa[1], sb[0]);
        return [sa[0], sb[1]];
      }
      case "dot": {
        const sa = visit(n.a);
        const sb = visit(n.b);
        if (scalarS(sa) || scalarS(sb)) return scalarS(sa) ? sb : sa;
        const la = vectorLength(sa);
        const lb = vectorLength(sb);
        if ((la === null || lb === null) && compatible(sa[1], sb[0])) {
          // W·x with a matrix on one side can only mean the product.
          unify(sa[1], sb[0]);
          return [sa[0], sb[1]];
        }
        if (la === null || lb === null) {
          fail(
            `· is the dot product of two vectors, but ${name(la === null ? n.a : n.b)} is ${show(la === null ? sa : sb)}: for a matrix product write A B.`,
            n.at,
          );
        }
        if (!compatible(la!, lb!))
          fail(
            `${name(n.a)} is ${show(sa)} and ${name(n.b)} is ${show(sb)}: a dot product needs vectors of the same length.`,
            n.at,
          );
        unify(la!, lb!);
        return SCALAR_S;
      }
      case "div": {
        const sa = visit(n.a);
        const sb = visit(n.b);
        if (!scalarS(sb)) {
          fail(
            `${name(n.b)} is ${show(sb)}: divide only by a scalar; write ⊘ (or ./) to divide entry by entry, or inv(…) for an inverse.`,
            n.b.at ?? n.at,
          );
        }
        return sa;
      }
      case "pow": {
        const sa = visit(n.a);
        const sb = visit(n.b);
        if (!scalarS(sb))
          fail(`The exponent ${name(n.b)} is ${show(sb)}: an exponent must be a scalar.`, n.b.at ?? n.at);
        if (scalarS(sa)) return sa;
        const k = wholeExponent(n.b);
        if (vectorLength(sa) !== null && !compatible(sa[0], sa[1])) {
          fail(
            `${name(n.a)} is a vector (${show(sa)}): a vector has no power; write ‖v‖^2, v^T v or v ⊙ v.`,
            n.at,
          );
        }
        if (k === null) fail(`Only whole powers of a square matrix are defined (such as A^2 or A^-1).`, n.at);
        if (k !== null && Math.abs(k) > 64)
          fail(`A matrix power is limited to exponents between -64 and 64.`, n.at);
        return square(n.a, sa, "A matrix power");
      }
      case "fn": {
        const s = visit(n.a);
        if ((n as { bars?: boolean }).bars && !scalarS(s)) {
          fail(
            `|…| is the absolute value of a scalar, but ${name(n.a)} is ${show(s)}: write ‖v‖ or norm(v) for a length, or abs(v) for each entry's absolute value.`,
            n.at,
          );
        }
        return s;
      }
      case "softmax": {
        const s = visit(n.a);
        if (vectorLength(s) === null) fail(`softmax needs a vector, but ${name(n.a)} is ${show(s)}.`, n.at);
        return s;
      }
      case "diag": {
        const s = visit(n.a);
        if (scalarS(s)) return s;
        const l = vectorLength(s);
        if (l !== null && !(isFresh(find(s[0])) && isFresh(find(s[1])))) return [l, l];
        square(n.a, s, "diag of a matrix (its diagonal)");
        return [s[0], ONE];
      }
      case "sum":
      case "norm":
        visit(n.a);
        return SCALAR_S;
      case "trace":
      case "det":
        square(n.a, visit(n.a), n.k === "trace" ? "The trace" : "The determinant");
        return SCALAR_S;
      case "inv":
        return square(n.a, visit(n.a), "An inverse");
    }
  };

  try {
    let root = visit(e);
    if (expect) {
      const want: S = [dimKey(expect.rows), dimKey(expect.cols)];
      // A size nothing fixed never becomes 1: I is not the number 1, 𝟏 is not a bare 1.
      const bindable = (x: string, w: string) => compatible(x, w) && !(isFresh(find(x)) && w === ONE);
      if (bindable(root[0], want[0]) && bindable(root[1], want[1])) {
        unify(root[0], want[0]);
        unify(root[1], want[1]);
      }
      root = [root[0], root[1]];
    }
    if (fallback !== undefined) {
      // Sizes nothing fixed take the problem's only dimension (I is n×n when n is the only one).
      for (const s of shapes.values()) for (const x of s) if (isFresh(find(x))) unify(x, dimKey(fallback));
    }
    const resolve = (s: S): Shape => {
      const d = (x: string): Dim => {
        const r = find(x);
        return /^[0-9]+$/.test(r) ? Number(r) : r;
      };
      return { rows: d(s[0]), cols: d(s[1]) };
    };
    const freeDims = new Set<string>();
    for (const s of shapes.values()) for (const x of s) if (isFresh(find(x))) freeDims.add(find(x));
    const resolved = new Map<MExpr, Shape>();
    const shapeOf = (n: MExpr): Shape => {
      let r = resolved.get(n);
      if (!r) resolved.set(n, (r = resolve(shapes.get(n) ?? SCALAR_S)));
      return r;
    };
    return { ok: true, typed: { expr: e, shape: resolve(root), shapeOf, free: [...freeDims] } };
  } catch (err) {
    if (err instanceof TypeFailure) return { ok: false, error: err.error };
    throw err;
  }
}

/** A whole-number exponent (`2`, `-1`), or null. */
export function wholeExponent(e: MExpr): number | null {
  if (e.k === "num" && e.q === 1 && Number.isInteger(e.value)) return e.value;
  if (e.k === "neg" && e.a.k === "num" && e.a.q === 1 && Number.isInteger(e.a.value)) return -e.a.value;
  return null;
}

export { showShape };

/** Every node of `e`, parents before children. */
export function nodes(e: MExpr): MExpr[] {
  const out: MExpr[] = [];
  const walk = (n: MExpr) => {
    out.push(n);
    for (const c of children(n)) walk(c);
  };
  walk(e);
  return out;
}
