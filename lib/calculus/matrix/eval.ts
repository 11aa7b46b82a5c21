// Evaluation, compiled once per choice of dimensions: a typed tree becomes closures over flat,
// row-major Float64Arrays (no eval, no new Function). One pass computes the value and, on request,
//   - a tangent (forward-mode automatic differentiation: dual numbers with one seed direction), and
//   - a magnitude (a forward bound on what was combined, the scale of the comparison tolerance, as
//     the scalar core's magnitude.ts does for scalars; doubles only).
// Over residues modulo a prime (field.ts) only rational operations compile; the others give null.
// Piecewise nodes (relu, indicators, abs) report which side of their kink each entry fell on.
import type { MExpr } from "./ast";
import { FLOAT, type Field, identity, invertAndDet, matmul, transposeArray } from "./field";
import type { Dim } from "./shape";
import { type Typed, wholeExponent } from "./types";

export interface Val {
  readonly v: Float64Array;
  /** The tangent; null where it is zero. */
  readonly t: Float64Array | null;
  /** The magnitude (doubles, on request). */
  readonly m: Float64Array | null;
}

/** Which sides of a kink the entries of one piecewise node fell on, and how close they came. */
export interface Gate {
  pos: boolean;
  neg: boolean;
  /** The smallest |argument| seen. */
  closest: number;
}

/** Derivative rules replaced by a typical wrong one (for diagnosis of derivative answers). */
export type RuleSlip = "gate-dropped" | "sigmoid-as-sigmoid" | "sigmoid-as-tanh";

export interface Ctx {
  readonly inputs: ReadonlyMap<string, Float64Array>;
  /** Differentiate along entry `index` of symbol `name`. */
  readonly seed?: { readonly name: string; readonly index: number } | null;
  readonly magnitude?: boolean;
  readonly gates?: Gate[];
  readonly slip?: RuleSlip;
}

export interface Program {
  readonly rows: number;
  readonly cols: number;
  /** How many piecewise nodes (the length `gates` needs). */
  readonly gateCount: number;
  run(ctx: Ctx): Val;
}

type Node = (ctx: Ctx) => Val;

class NotInField extends Error {}

const absArr = (a: Float64Array) => a.map(Math.abs);
const at = (a: Float64Array, i: number) => (a.length === 1 ? a[0]! : a[i]!);

function zip(F: Field, a: Float64Array, b: Float64Array, f: (x: number, y: number) => number): Float64Array {
  const n = Math.max(a.length, b.length);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = f(at(a, i), at(b, i));
  void F;
  return out;
}

function plus(F: Field, a: Float64Array | null, b: Float64Array | null): Float64Array | null {
  if (!a) return b;
  if (!b) return a;
  return zip(F, a, b, F.add);
}

const EW: Record<string, { f: (u: number) => number; d: (u: number, v: number) => number }> = {
  exp: { f: Math.exp, d: (_u, v) => v },
  ln: { f: (u) => (u > 0 ? Math.log(u) : NaN), d: (u) => 1 / u },
  sin: { f: Math.sin, d: (u) => Math.cos(u) },
  cos: { f: Math.cos, d: (u) => -Math.sin(u) },
  tanh: { f: Math.tanh, d: (_u, v) => 1 - v * v },
  sigmoid: { f: (u) => 1 / (1 + Math.exp(-u)), d: (_u, v) => v * (1 - v) },
  relu: { f: (u) => (u > 0 ? u : 0), d: (u) => (u > 0 ? 1 : 0) },
  sqrt: { f: (u) => (u >= 0 ? Math.sqrt(u) : NaN), d: (_u, v) => 1 / (2 * v) },
  abs: { f: Math.abs, d: (u) => Math.sign(u) },
};

/**
 * Compile a typed tree for one choice of dimensions. `size` gives each dimension's value (names,
 * numbers, and the free sizes "?k" the grader bound). Returns null when the tree has an operation
 * the field cannot do (an exponential modulo a prime).
 */
export function compileProgram(typed: Typed, size: (d: Dim) => number, F: Field = FLOAT): Program | null {
  let gateCount = 0;
  const dims = (e: MExpr) => {
    const s = typed.shapeOf(e);
    return [size(s.rows), size(s.cols)] as const;
  };
  const float = F === FLOAT;

  const build = (e: MExpr): Node => {
    const [rows, cols] = dims(e);
    switch (e.k) {
      case "num": {
        const r = F.ratio(e.p, e.q);
        if (r === null || (!float && !Number.isFinite(e.p))) throw new NotInField();
        const v = new Float64Array([float ? e.value : r]);
        const m = new Float64Array([Number.isInteger(e.value) ? 0 : Math.abs(e.value)]);
        return () => ({ v, t: null, m });
      }
      case "const": {
        if (!float) throw new NotInField();
        const v = new Float64Array([e.name === "pi" ? Math.PI : Math.E]);
        return () => ({ v, t: null, m: v });
      }
      case "dim": {
        const v = new Float64Array([F.int(size(e.name))]);
        const m = new Float64Array(1);
        return () => ({ v, t: null, m });
      }
      case "sym": {
        const name = e.name;
        const n = rows * cols;
        return (ctx) => {
          const v = ctx.inputs.get(name)!;
          let t: Float64Array | null = null;
          if (ctx.seed && ctx.seed.name === name) {
            t = new Float64Array(n);
            t[ctx.seed.index] = F.int(1);
          }
          return { v, t, m: ctx.magnitude ? absArr(v) : null };
        };
      }
      case "ones": {
        const v = new Float64Array(rows).fill(F.int(1));
        const m = new Float64Array(rows);
        return () => ({ v, t: null, m });
      }
      case "eye": {
        const v = identity(F, rows);
        const m = new Float64Array(rows * rows);
        return () => ({ v, t: null, m });
      }
      case "neg": {
        const a = build(e.a);
        return (ctx) => {
          const x = a(ctx);
          return { v: x.v.map(F.neg), t: x.t && x.t.map(F.neg), m: x.m };
        };
      }
      case "add":
      case "sub":
      case "had":
      case "hdiv":
      case "div":
        return elementwise2(e.k, build(e.a), build(e.b));
      case "mul":
      case "dot": {
        const a = build(e.a);
        const b = build(e.b);
        const [ar, ac] = dims(e.a);
        const [br, bc] = dims(e.b);
        if (ar * ac === 1 || br * bc === 1) return elementwise2("had", a, b);
        // A dot product of two vectors (either orientation) is the product of a row and a column.
        const k = e.k === "dot" ? ar * ac : ac;
        const r = e.k === "dot" ? 1 : ar;
        const c = e.k === "dot" ? 1 : bc;
        return (ctx) => {
          const x = a(ctx);
          const y = b(ctx);
          const v = matmul(F, x.v, y.v, r, k, c);
          let t: Float64Array | null = null;
          if (x.t) t = matmul(F, x.t, y.v, r, k, c);
          if (y.t) t = plus(F, t, matmul(F, x.v, y.t, r, k, c));
          let m: Float64Array | null = null;
          if (ctx.magnitude) {
            const ax = absArr(x.v);
            const ay = absArr(y.v);
            const s1 = matmul(F, x.m!, ay, r, k, c);
            const s2 = matmul(F, ax, y.m!, r, k, c);
            const s3 = matmul(F, ax, ay, r, k, c);
            m = s1.map((q, i) => q + s2[i]! + s3[i]!);
          }
          return { v, t, m };
        };
      }
      case "pow": {
        const k = wholeExponent(e.b);
        if (!float && e.a.k === "norm" && k !== null && k > 0 && k % 2 === 0) {
          // Modulo a prime, ‖v‖^2j is (Σ v_i²)^j: rational although the norm is not.
          return squaredNormPower(build(e.a.a), k / 2);
        }
        return power(e, build(e.a), build(e.b), rows);
      }
      case "transpose": {
        const a = build(e.a);
        const [ar, ac] = dims(e.a);
        return (ctx) => {
          const x = a(ctx);
          return {
            v: transposeArray(x.v, ar, ac),
            t: x.t && transposeArray(x.t, ar, ac),
            m: x.m && transposeArray(x.m, ar, ac),
          };
        };
      }
      case "fn":
        return elementFunction(e.fn, build(e.a));
      case "ind": {
        if (!float) throw new NotInField();
        const a = build(e.a);
        const b = build(e.b);
        const gate = gateCount++;
        const op = e.op;
        return (ctx) => {
          const x = a(ctx);
          const y = b(ctx);
          const d = zip(F, x.v, y.v, (p, q) => p - q);
          track(ctx, gate, d);
          const v = d.map((u) =>
            (op === ">" ? u > 0 : op === "<" ? u < 0 : op === ">=" ? u >= 0 : u <= 0) ? 1 : 0,
          );
          return { v, t: null, m: ctx.magnitude ? new Float64Array(v.length) : null };
        };
      }
      case "sum":
      case "trace": {
        const a = build(e.a);
        const [ar, ac] = dims(e.a);
        const pick = e.k === "trace" ? (i: number) => i % (ac + 1) === 0 : () => true;
        const total = (arr: Float64Array, f: (x: number, y: number) => number) => {
          let s = 0;
          for (let i = 0; i < ar * ac; i++) if (pick(i)) s = f(s, arr[i]!);
          return new Float64Array([s]);
        };
        return (ctx) => {
          const x = a(ctx);
          const m = ctx.magnitude
            ? total(
                x.m!.map((q, i) => q + Math.abs(x.v[i]!)),
                (p, q) => p + q,
              )
            : null;
          return { v: total(x.v, F.add), t: x.t && total(x.t, F.add), m };
        };
      }
      case "diag": {
        const a = build(e.a);
        const [ar, ac] = dims(e.a);
        if (ar * ac === 1) return a;
        const n = rows;
        const toMatrix = cols !== 1;
        const place = (x: Float64Array) => {
          if (toMatrix) {
            const out = new Float64Array(n * n);
            for (let i = 0; i < n; i++) out[i * n + i] = x[i]!;
            return out;
          }
          const out = new Float64Array(n);
          for (let i = 0; i < n; i++) out[i] = x[i * n + i]!;
          return out;
        };
        return (ctx) => {
          const x = a(ctx);
          return { v: place(x.v), t: x.t && place(x.t), m: x.m && place(x.m) };
        };
      }
      case "norm": {
        if (!float) throw new NotInField();
        const a = build(e.a);
        return (ctx) => {
          const x = a(ctx);
          let s = 0;
          for (const q of x.v) s += q * q;
          const v = Math.sqrt(s);
          let t: Float64Array | null = null;
          if (x.t) {
            let d = 0;
            for (let i = 0; i < x.v.length; i++) d += x.v[i]! * x.t[i]!;
            t = new Float64Array([v === 0 ? 0 : d / v]);
          }
          let m: Float64Array | null = null;
          if (ctx.magnitude) {
            let d = 0;
            for (let i = 0; i < x.v.length; i++) d += Math.abs(x.v[i]!) * x.m![i]!;
            m = new Float64Array([(v === 0 ? 0 : d / v) + v]);
          }
          return { v: new Float64Array([v]), t, m };
        };
      }
      case "inv":
      case "det":
        return inverseOrDet(e.k, build(e.a), rows === 1 && cols === 1 && e.k === "det" ? dims(e.a)[0] : rows);
      case "softmax": {
        if (!float) throw new NotInField();
        const a = build(e.a);
        return (ctx) => {
          const x = a(ctx);
          let max = -Infinity;
          for (const q of x.v) max = Math.max(max, q);
          const ex = x.v.map((q) => Math.exp(q - max));
          let s = 0;
          for (const q of ex) s += q;
          const v = ex.map((q) => q / s);
          let t: Float64Array | null = null;
          if (x.t) {
            let st = 0;
            for (let i = 0; i < v.length; i++) st += v[i]! * x.t[i]!;
            t = v.map((q, i) => q * (x.t![i]! - st));
          }
          let m: Float64Array | null = null;
          if (ctx.magnitude) {
            let sm = 0;
            for (let i = 0; i < v.length; i++) sm += v[i]! * x.m![i]!;
            m = v.map((q, i) => q * (x.m![i]! + sm) + q);
          }
          return { v, t, m };
        };
      }
    }
  };

  const squaredNormPower =
    (a: Node, j: number): Node =>
    (ctx) => {
      const x = a(ctx);
      let s = 0;
      let ds = 0;
      for (let i = 0; i < x.v.length; i++) {
        s = F.add(s, F.mul(x.v[i]!, x.v[i]!));
        if (x.t) ds = F.add(ds, F.mul(F.int(2), F.mul(x.v[i]!, x.t[i]!)));
      }
      let v = F.int(1);
      let below = F.int(1);
      for (let i = 0; i < j; i++) {
        below = v;
        v = F.mul(v, s);
      }
      // (s^j)' = j s^(j-1) s'
      const t = x.t ? new Float64Array([F.mul(F.mul(F.int(j), below), ds)]) : null;
      return { v: new Float64Array([v]), t, m: null };
    };

  const track = (ctx: Ctx, gate: number, d: Float64Array) => {
    const g = ctx.gates;
    if (!g) return;
    const s = (g[gate] ??= { pos: false, neg: false, closest: Infinity });
    for (const u of d) {
      if (u > 0) s.pos = true;
      else if (u < 0) s.neg = true;
      s.closest = Math.min(s.closest, Math.abs(u));
    }
  };

  const elementwise2 = (k: "add" | "sub" | "had" | "hdiv" | "div", a: Node, b: Node): Node => {
    const op = k === "add" ? F.add : k === "sub" ? F.sub : k === "had" ? F.mul : F.div;
    return (ctx) => {
      const x = a(ctx);
      const y = b(ctx);
      const v = zip(F, x.v, y.v, op);
      let t: Float64Array | null = null;
      if (k === "add" || k === "sub") {
        t =
          x.t && y.t
            ? zip(F, x.t, y.t, op)
            : x.t
              ? x.t.length === v.length
                ? x.t
                : zip(F, x.t, v, (p) => p)
              : null;
        if (!x.t && y.t) t = k === "add" ? zip(F, y.t, v, (p) => p) : zip(F, y.t, v, (p) => F.neg(p));
      } else if (k === "had") {
        if (x.t) t = zip(F, x.t, y.v, F.mul);
        if (y.t) t = plus(F, t, zip(F, x.v, y.t, F.mul));
      } else {
        // (x/y)' = x'/y - v y'/y
        if (x.t) t = zip(F, x.t, y.v, F.div);
        if (y.t) {
          const q = zip(F, zip(F, v, y.t, F.mul), y.v, F.div);
          t = t ? zip(F, t, q, F.sub) : q.map(F.neg);
        }
      }
      let m: Float64Array | null = null;
      if (ctx.magnitude) {
        const mx = x.m!;
        const my = y.m!;
        const n = v.length;
        m = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          const p = at(x.v, i);
          const q = at(y.v, i);
          if (k === "add" || k === "sub") m[i] = at(mx, i) + at(my, i) + Math.abs(p) + Math.abs(q);
          else if (k === "had") m[i] = at(mx, i) * Math.abs(q) + Math.abs(p) * at(my, i) + Math.abs(v[i]!);
          else m[i] = at(mx, i) / Math.abs(q) + (Math.abs(p) * at(my, i)) / (q * q) + Math.abs(v[i]!);
        }
      }
      return { v, t, m };
    };
  };

  const elementFunction = (f: string, a: Node): Node => {
    if (!float) throw new NotInField();
    const { f: fv, d } = EW[f]!;
    const gate = f === "relu" || f === "abs" ? gateCount++ : -1;
    return (ctx) => {
      const x = a(ctx);
      if (gate >= 0) track(ctx, gate, x.v);
      const v = x.v.map(fv);
      const slope = (u: number, w: number) => {
        if (ctx.slip === "gate-dropped" && f === "relu") return 1;
        if (ctx.slip === "sigmoid-as-sigmoid" && f === "sigmoid") return w;
        if (ctx.slip === "sigmoid-as-tanh" && f === "sigmoid") return 1 - w * w;
        return d(u, w);
      };
      const t = x.t && x.t.map((q, i) => q * slope(x.v[i]!, v[i]!));
      const m = ctx.magnitude ? x.m!.map((q, i) => Math.abs(d(x.v[i]!, v[i]!)) * q + Math.abs(v[i]!)) : null;
      return { v, t, m };
    };
  };

  const inverseOrDet = (k: "inv" | "det", a: Node, n: number): Node => {
    return (ctx) => {
      const x = a(ctx);
      const { inv, det } = invertAndDet(F, x.v, n);
      if (k === "inv") {
        // (A^-1)' = -A^-1 A' A^-1
        const t = x.t && matmul(F, matmul(F, inv, x.t, n, n, n), inv, n, n, n).map(F.neg);
        let m: Float64Array | null = null;
        if (ctx.magnitude) {
          const ai = absArr(inv);
          m = matmul(F, matmul(F, ai, x.m!, n, n, n), ai, n, n, n).map((q, i) => q + Math.abs(inv[i]!));
        }
        return { v: inv, t, m };
      }
      // det' = det tr(A^-1 A')
      let t: Float64Array | null = null;
      if (x.t) {
        let s = 0;
        const p = matmul(F, inv, x.t, n, n, n);
        for (let i = 0; i < n; i++) s = F.add(s, p[i * n + i]!);
        t = new Float64Array([F.mul(det, s)]);
      }
      let m: Float64Array | null = null;
      if (ctx.magnitude) {
        let s = 0;
        for (let i = 0; i < n * n; i++) s += Math.abs(inv[i]!) * (x.m![i]! + Math.abs(x.v[i]!));
        m = new Float64Array([Math.abs(det) * (1 + s)]);
      }
      return { v: new Float64Array([det]), t, m };
    };
  };

  const power = (e: Extract<MExpr, { k: "pow" }>, a: Node, b: Node, n: number): Node => {
    const k = wholeExponent(e.b);
    const [ar, ac] = dims(e.a);
    if (ar * ac !== 1) {
      // A whole power of a square matrix: repeated products, after an inverse for negative powers.
      const base = k! < 0 ? inverseOrDet("inv", a, n) : a;
      const times = Math.abs(k!);
      return (ctx) => {
        const x = base(ctx);
        let acc: Val = { v: identity(F, n), t: null, m: ctx.magnitude ? new Float64Array(n * n) : null };
        for (let i = 0; i < times; i++) {
          const v = matmul(F, acc.v, x.v, n, n, n);
          let t: Float64Array | null = acc.t && matmul(F, acc.t, x.v, n, n, n);
          if (x.t) t = plus(F, t, matmul(F, acc.v, x.t, n, n, n));
          let m: Float64Array | null = null;
          if (ctx.magnitude) {
            const s1 = matmul(F, acc.m!, absArr(x.v), n, n, n);
            const s2 = matmul(F, absArr(acc.v), x.m!, n, n, n);
            m = s1.map((q, j) => q + s2[j]! + Math.abs(v[j]!));
          }
          acc = { v, t, m };
        }
        return acc;
      };
    }
    if (!float) {
      if (k === null) throw new NotInField();
      // Modulo a prime: a whole power by repeated multiplication (and an inverse when negative).
      // (‖v‖^2k is rational: norm(v)^2 compiles as v·v.)
      return (ctx) => {
        const x = a(ctx);
        const u = x.v[0]!;
        const base = k < 0 ? F.div(1, u) : u;
        let v = F.int(1);
        for (let i = 0; i < Math.abs(k); i++) v = F.mul(v, base);
        // (u^k)' = k u^(k-1) u'
        let t: Float64Array | null = null;
        if (x.t) {
          let p = F.int(1);
          for (let i = 0; i < Math.abs(k - 1); i++) p = F.mul(p, k - 1 < 0 ? F.div(1, u) : u);
          t = new Float64Array([F.mul(F.mul(F.int(k), p), x.t[0]!)]);
        }
        return { v: new Float64Array([v]), t, m: null };
      };
    }
    const frac = e.b.k === "num" ? e.b.value : k;
    return (ctx) => {
      const x = a(ctx);
      const y = b(ctx);
      const u = x.v[0]!;
      const p = frac ?? y.v[0]!;
      const v = realPow(u, p, e.b);
      let t: Float64Array | null = null;
      if (x.t) t = new Float64Array([(u === 0 && p >= 1 ? (p === 1 ? 1 : 0) : (p * v) / u) * x.t[0]!]);
      if (y.t && frac === null) t = plus(F, t, new Float64Array([v * Math.log(u) * y.t[0]!]));
      const m = ctx.magnitude
        ? new Float64Array([Math.abs(u === 0 ? 0 : (p * v) / u) * x.m![0]! + Math.abs(v)])
        : null;
      return { v: new Float64Array([v]), t, m };
    };
  };

  try {
    const root = build(typed.expr);
    const [rows, cols] = dims(typed.expr);
    return { rows, cols, gateCount, run: root };
  } catch (err) {
    if (err instanceof NotInField) return null;
    throw err;
  }
}

/** u^p over the reals: an odd-denominator fraction typed as such is the real root for u < 0. */
function realPow(u: number, p: number, typed: MExpr): number {
  if (u >= 0 || Number.isInteger(p)) return Math.pow(u, p);
  if (typed.k === "div" && typed.a.k === "num" && typed.b.k === "num" && typed.b.value % 2 === 1) {
    const r = Math.pow(-u, p);
    return typed.a.value % 2 === 0 ? r : -r;
  }
  return NaN;
}
