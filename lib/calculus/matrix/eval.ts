// Evaluation, compiled once per choice of dimensions: a typed tree becomes closures over flat,
// row-major Float64Arrays (no eval, no new Function). Every node owns its output buffers, allocated
// at compile time and overwritten by each run, so a run allocates almost nothing. One pass computes
// the value and, on request,
//   - the tangents along every entry of one symbol at once (vector-mode forward automatic
//     differentiation: `t[i * dirs + d]` is the derivative of entry i along direction d), and
//   - a magnitude (a forward bound on what was combined, the scale of the comparison tolerance, as
//     the scalar core's magnitude.ts does for scalars; doubles only).
// Over residues modulo a prime (field.ts) only rational operations compile; the others give null.
// Piecewise nodes (relu, indicators, abs) report which side of their kink each entry fell on.
// Over 500 lines: one compiler whose node rules share the compile state (field, directions, buffers);
// each rule is short.
import type { MExpr } from "./ast";
import { FLOAT, type Field, identity, invertAndDet, matmul, transposeArray } from "./field";
import { matmulInto, seedProduct, tangentTimes, timesTangent } from "./kernels";
import type { Dim } from "./shape";
import { type Typed, wholeExponent } from "./types";

/** A node's output. The arrays belong to the program: valid until its next run. */
export interface Val {
  readonly v: Float64Array;
  /** Tangents, `rows·cols × dirs` row-major; null where they are all zero. */
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
  readonly magnitude?: boolean;
  readonly gates?: Gate[];
  readonly slip?: RuleSlip;
}

export interface CompileOptions {
  /** Carry tangents along every entry of this symbol (one direction per entry, row-major). */
  readonly wrt?: string;
}

export interface Program {
  readonly rows: number;
  readonly cols: number;
  /** Tangent directions per entry (the size of `wrt`; 0 without it). */
  readonly dirs: number;
  /** How many piecewise nodes (the length `gates` needs). */
  readonly gateCount: number;
  run(ctx: Ctx): Val;
}

type Out = { v: Float64Array; t: Float64Array | null; m: Float64Array | null };
type Node = (ctx: Ctx) => Out;

/**
 * The most arithmetic one run may do (entries computed, each with its tangents; n³ for a product
 * or an inverse): a grade runs a program a few dozen times, so this bounds a grade to well under a
 * second whatever sizes are declared. Beyond it compiling throws a RangeError (RESULT_TOO_LARGE).
 */
const WORK_LIMIT = 10_000_000;

/** The seed's tangent where no one reads it (a product handles the identity itself). */
const UNREAD_SEED = new Float64Array(0);

class NotInField extends Error {}
/** Thrown when the field cannot do an operation: one instance, made once (no stack per throw). */
const NOT_IN_FIELD = new NotInField("not in the field");

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

const absOf = (a: Float64Array): Float64Array => a.map(Math.abs);

/**
 * Compile a typed tree for one choice of dimensions. `size` gives each dimension's value (names,
 * numbers, and the free sizes "?k" the grader bound). Returns null when the tree has an operation
 * the field cannot do (an exponential modulo a prime).
 */
export function compileProgram(
  typed: Typed,
  size: (d: Dim) => number,
  F: Field = FLOAT,
  options: CompileOptions = {},
): Program | null {
  let gateCount = 0;
  const dimsOf = (e: MExpr) => {
    const s = typed.shapeOf(e);
    return [size(s.rows), size(s.cols)] as const;
  };
  const float = F === FLOAT;
  const exact = F.exact;
  const wrt = options.wrt;
  const wrtDecl = wrt === undefined ? undefined : findSym(typed.expr, wrt);
  const dirs = wrtDecl
    ? (() => {
        const [r, c] = dimsOf(wrtDecl);
        return r * c;
      })()
    : 0;
  const add = exact ? F.add : (a: number, b: number) => a + b;
  const mul = exact ? F.mul : (a: number, b: number) => a * b;
  const sub = F.sub;
  const neg = F.neg;
  /** Whether a subtree depends on the symbol differentiated by. */
  const memo = new Map<MExpr, boolean>();
  const varies = (e: MExpr): boolean => {
    if (!wrt) return false;
    let r = memo.get(e);
    if (r === undefined) memo.set(e, (r = variesNow(e)));
    return r;
  };
  const variesNow = (e: MExpr): boolean => {
    if (e.k === "sym") return e.name === wrt;
    switch (e.k) {
      case "num":
      case "const":
      case "dim":
      case "ones":
      case "eye":
        return false;
      case "ind":
        return false;
      default: {
        const x = e as { a?: MExpr; b?: MExpr };
        return (!!x.a && varies(x.a)) || (!!x.b && varies(x.b));
      }
    }
  };
  const tangentBuffer = (e: MExpr, len: number): Float64Array | null =>
    varies(e) ? new Float64Array(len * dirs) : null;
  const constant = (v: Float64Array, m: Float64Array): Node => {
    const out: Out = { v, t: null, m };
    return () => out;
  };

  /** `seedUnread`: the parent never reads this node's tangent if it is the seed (a product). */
  let work = 0;
  /** Count the arithmetic of one run (`entries` values, each with its tangents); refuse too much. */
  const spend = (entries: number) => {
    work += entries * (1 + dirs);
    if (work > WORK_LIMIT) throw new RangeError("too much arithmetic for one run");
  };
  const build = (e: MExpr, seedUnread = false): Node => {
    const [rows, cols] = dimsOf(e);
    const len = rows * cols;
    spend(len);
    switch (e.k) {
      case "num": {
        const r = F.ratio(e.p, e.q);
        if (r === null || (!float && !Number.isFinite(e.p))) throw NOT_IN_FIELD;
        return constant(
          new Float64Array([float ? e.value : r]),
          new Float64Array([Number.isInteger(e.value) ? 0 : Math.abs(e.value)]),
        );
      }
      case "const": {
        if (!float) throw NOT_IN_FIELD;
        const v = new Float64Array([e.name === "pi" ? Math.PI : Math.E]);
        return constant(v, v);
      }
      case "dim":
        return constant(new Float64Array([F.int(size(e.name))]), new Float64Array(1));
      case "sym": {
        const name = e.name;
        const seeded = name === wrt;
        const t = seeded ? (seedUnread ? UNREAD_SEED : identity(F, len)) : null;
        const out: Out = { v: new Float64Array(0), t, m: null };
        let m: Float64Array | null = null;
        return (ctx) => {
          const v = ctx.inputs.get(name)!;
          out.v = v;
          if (ctx.magnitude) {
            m ??= new Float64Array(len);
            for (let i = 0; i < len; i++) m[i] = Math.abs(v[i]!);
            out.m = m;
          } else out.m = null;
          return out;
        };
      }
      case "ones":
        return constant(new Float64Array(rows).fill(F.int(1)), new Float64Array(rows));
      case "eye":
        return constant(identity(F, rows), new Float64Array(rows * rows));
      case "neg": {
        const a = build(e.a);
        const v = new Float64Array(len);
        const t = tangentBuffer(e, len);
        const out: Out = { v, t: null, m: null };
        return (ctx) => {
          const x = a(ctx);
          for (let i = 0; i < len; i++) v[i] = neg(x.v[i]!);
          if (t && x.t) for (let i = 0; i < t.length; i++) t[i] = neg(x.t[i]!);
          out.t = t && x.t ? t : null;
          out.m = x.m;
          return out;
        };
      }
      case "add":
      case "sub":
      case "had":
      case "hdiv":
      case "div":
        return elementwise2(e, e.k, build(e.a), build(e.b), len);
      case "mul":
      case "dot": {
        const [ar, ac] = dimsOf(e.a);
        const [br, bc] = dimsOf(e.b);
        if (ar * ac === 1 || br * bc === 1) return elementwise2(e, "had", build(e.a), build(e.b), len);
        // a factor that is the differentiated symbol itself has the identity as its tangent: the
        // product uses that without reading it (seedProduct)
        const aSeed = e.a.k === "sym" && e.a.name === wrt;
        const bSeed = e.b.k === "sym" && e.b.name === wrt;
        const a = build(e.a, aSeed);
        const b = build(e.b, bSeed);
        // A dot product of two vectors (either orientation) is the product of a row and a column.
        const vectors = e.k === "dot" && (ar === 1 || ac === 1) && (br === 1 || bc === 1);
        const k = vectors ? ar * ac : ac;
        const r = vectors ? 1 : ar;
        const c = vectors ? 1 : bc;
        spend(r * k * c);
        const v = new Float64Array(r * c);
        const t = tangentBuffer(e, r * c);
        const out: Out = { v, t: null, m: null };
        return (ctx) => {
          const x = a(ctx);
          const y = b(ctx);
          matmulInto(F, v, x.v, y.v, r, k, c);
          let has = false;
          if (t) {
            if (x.t) {
              if (aSeed) seedProduct(F, t, y.v, true, r, k, c, dirs, false);
              else tangentTimes(F, t, x.t, y.v, r, k, c, dirs, false);
              has = true;
            }
            if (y.t) {
              if (bSeed) seedProduct(F, t, x.v, false, r, k, c, dirs, has);
              else timesTangent(F, t, x.v, y.t, r, k, c * dirs, has);
              has = true;
            }
          }
          out.t = has ? t : null;
          if (ctx.magnitude) {
            const ax = absOf(x.v);
            const ay = absOf(y.v);
            const s1 = matmul(F, x.m!, ay, r, k, c);
            const s2 = matmul(F, ax, y.m!, r, k, c);
            const s3 = matmul(F, ax, ay, r, k, c);
            out.m = s1.map((q, i) => q + s2[i]! + s3[i]!);
          } else out.m = null;
          return out;
        };
      }
      case "pow": {
        const k = wholeExponent(e.b);
        if (!float && e.a.k === "norm" && k !== null && k > 0 && k % 2 === 0) {
          // Modulo a prime, ‖v‖^2j is (Σ v_i²)^j: rational although the norm is not.
          return squaredNormPower(e, build(e.a.a), k / 2);
        }
        return power(e, build(e.a), build(e.b), rows);
      }
      case "transpose": {
        const a = build(e.a);
        const [ar, ac] = dimsOf(e.a);
        const v = new Float64Array(len);
        const t = tangentBuffer(e, len);
        const out: Out = { v, t: null, m: null };
        return (ctx) => {
          const x = a(ctx);
          for (let i = 0; i < ar; i++) for (let j = 0; j < ac; j++) v[j * ar + i] = x.v[i * ac + j]!;
          if (t && x.t) {
            for (let i = 0; i < ar; i++) {
              for (let j = 0; j < ac; j++) {
                const from = (i * ac + j) * dirs;
                const to = (j * ar + i) * dirs;
                for (let d = 0; d < dirs; d++) t[to + d] = x.t[from + d]!;
              }
            }
          }
          out.t = t && x.t ? t : null;
          out.m = x.m && transposeArray(x.m, ar, ac);
          return out;
        };
      }
      case "fn":
        return elementFunction(e, e.fn, build(e.a), len);
      case "ind": {
        if (!float) throw NOT_IN_FIELD;
        const a = build(e.a);
        const b = build(e.b);
        const gate = gateCount++;
        const op = e.op;
        const v = new Float64Array(len);
        const diff = new Float64Array(len);
        const zero = new Float64Array(len);
        const out: Out = { v, t: null, m: null };
        return (ctx) => {
          const x = a(ctx);
          const y = b(ctx);
          const la = x.v.length;
          const lb = y.v.length;
          for (let i = 0; i < len; i++) diff[i] = x.v[la === 1 ? 0 : i]! - y.v[lb === 1 ? 0 : i]!;
          track(ctx, gate, diff);
          for (let i = 0; i < len; i++) {
            const u = diff[i]!;
            v[i] = (op === ">" ? u > 0 : op === "<" ? u < 0 : op === ">=" ? u >= 0 : u <= 0) ? 1 : 0;
          }
          out.m = ctx.magnitude ? zero : null;
          return out;
        };
      }
      case "sum":
      case "trace": {
        const a = build(e.a);
        const [ar, ac] = dimsOf(e.a);
        const n = ar * ac;
        const step = e.k === "trace" ? ac + 1 : 1;
        const v = new Float64Array(1);
        const t = tangentBuffer(e, 1);
        const out: Out = { v, t: null, m: null };
        return (ctx) => {
          const x = a(ctx);
          let s = 0;
          for (let i = 0; i < n; i += step) s = add(s, x.v[i]!);
          v[0] = s;
          if (t && x.t) {
            t.fill(0);
            for (let i = 0; i < n; i += step) {
              const o = i * dirs;
              for (let d = 0; d < dirs; d++) t[d] = add(t[d]!, x.t[o + d]!);
            }
          }
          out.t = t && x.t ? t : null;
          if (ctx.magnitude) {
            let s2 = 0;
            for (let i = 0; i < n; i += step) s2 += x.m![i]! + Math.abs(x.v[i]!);
            out.m = new Float64Array([s2]);
          } else out.m = null;
          return out;
        };
      }
      case "diag": {
        const a = build(e.a);
        const [ar, ac] = dimsOf(e.a);
        if (ar * ac === 1) return a;
        const n = rows;
        const toMatrix = cols !== 1;
        const v = new Float64Array(len);
        const t = tangentBuffer(e, len);
        const out: Out = { v, t: null, m: null };
        // entry `from` of the argument goes to entry `to` of the result
        const to = (i: number) => (toMatrix ? i * n + i : i);
        const from = (i: number) => (toMatrix ? i : i * n + i);
        const place = (x: Float64Array, into: Float64Array) => {
          for (let i = 0; i < n; i++) into[to(i)] = x[from(i)]!;
          return into;
        };
        return (ctx) => {
          const x = a(ctx);
          place(x.v, v);
          if (t && x.t) {
            // the other entries of t stay zero
            for (let i = 0; i < n; i++) {
              const f = from(i) * dirs;
              const o = to(i) * dirs;
              for (let d = 0; d < dirs; d++) t[o + d] = x.t[f + d]!;
            }
          }
          out.t = t && x.t ? t : null;
          out.m = x.m && place(x.m, new Float64Array(len));
          return out;
        };
      }
      case "norm": {
        if (!float) throw NOT_IN_FIELD;
        const a = build(e.a);
        const v = new Float64Array(1);
        const t = tangentBuffer(e, 1);
        const out: Out = { v, t: null, m: null };
        return (ctx) => {
          const x = a(ctx);
          const n = x.v.length;
          let s = 0;
          for (let i = 0; i < n; i++) s += x.v[i]! * x.v[i]!;
          const r = Math.sqrt(s);
          v[0] = r;
          if (t && x.t) {
            t.fill(0);
            if (r !== 0) {
              for (let i = 0; i < n; i++) {
                const q = x.v[i]! / r;
                const o = i * dirs;
                for (let d = 0; d < dirs; d++) t[d]! += q * x.t[o + d]!;
              }
            }
          }
          out.t = t && x.t ? t : null;
          if (ctx.magnitude) {
            let d = 0;
            for (let i = 0; i < n; i++) d += Math.abs(x.v[i]!) * x.m![i]!;
            out.m = new Float64Array([(r === 0 ? 0 : d / r) + r]);
          } else out.m = null;
          return out;
        };
      }
      case "inv":
      case "det":
        spend(dimsOf(e.a)[0] ** 3);
        return inverseOrDet(e, e.k, build(e.a), e.k === "det" ? dimsOf(e.a)[0] : rows);
      case "softmax": {
        if (!float) throw NOT_IN_FIELD;
        const a = build(e.a);
        const v = new Float64Array(len);
        const t = tangentBuffer(e, len);
        const st = new Float64Array(dirs);
        const out: Out = { v, t: null, m: null };
        return (ctx) => {
          const x = a(ctx);
          let max = -Infinity;
          for (let i = 0; i < len; i++) max = Math.max(max, x.v[i]!);
          let s = 0;
          for (let i = 0; i < len; i++) s += v[i] = Math.exp(x.v[i]! - max);
          for (let i = 0; i < len; i++) v[i]! /= s;
          if (t && x.t) {
            // t_i = v_i (x'_i − Σ_j v_j x'_j)
            st.fill(0);
            for (let j = 0; j < len; j++) for (let d = 0; d < dirs; d++) st[d]! += v[j]! * x.t[j * dirs + d]!;
            for (let i = 0; i < len; i++)
              for (let d = 0; d < dirs; d++) t[i * dirs + d] = v[i]! * (x.t[i * dirs + d]! - st[d]!);
          }
          out.t = t && x.t ? t : null;
          if (ctx.magnitude) {
            let sm = 0;
            for (let i = 0; i < len; i++) sm += v[i]! * x.m![i]!;
            out.m = v.map((q, i) => q * (x.m![i]! + sm) + q);
          } else out.m = null;
          return out;
        };
      }
    }
  };

  const squaredNormPower = (e: MExpr, a: Node, j: number): Node => {
    const v = new Float64Array(1);
    const t = tangentBuffer(e, 1);
    const out: Out = { v, t: null, m: null };
    return (ctx) => {
      const x = a(ctx);
      const n = x.v.length;
      let s = 0;
      for (let i = 0; i < n; i++) s = add(s, mul(x.v[i]!, x.v[i]!));
      let p = F.int(1);
      let below = F.int(1);
      for (let i = 0; i < j; i++) {
        below = p;
        p = mul(p, s);
      }
      v[0] = p;
      if (t && x.t) {
        // (s^j)' = j s^(j-1) · Σ 2 v_i v_i'
        const c = mul(F.int(2 * j), below);
        t.fill(0);
        for (let i = 0; i < n; i++) {
          const q = mul(c, x.v[i]!);
          for (let d = 0; d < dirs; d++) t[d] = add(t[d]!, mul(q, x.t[i * dirs + d]!));
        }
      }
      out.t = t && x.t ? t : null;
      return out;
    };
  };

  const track = (ctx: Ctx, gate: number, d: Float64Array) => {
    const g = ctx.gates;
    if (!g) return;
    const s = (g[gate] ??= { pos: false, neg: false, closest: Infinity });
    for (let i = 0; i < d.length; i++) {
      const u = d[i]!;
      if (u > 0) s.pos = true;
      else if (u < 0) s.neg = true;
      s.closest = Math.min(s.closest, Math.abs(u));
    }
  };

  const elementwise2 = (
    e: MExpr,
    k: "add" | "sub" | "had" | "hdiv" | "div",
    a: Node,
    b: Node,
    n: number,
  ): Node => {
    const op = k === "add" ? add : k === "sub" ? sub : k === "had" ? mul : F.div;
    const v = new Float64Array(n);
    const t = tangentBuffer(e, n);
    const out: Out = { v, t: null, m: null };
    return (ctx) => {
      const x = a(ctx);
      const y = b(ctx);
      const xs = x.v.length === 1 ? 0 : 1;
      const ys = y.v.length === 1 ? 0 : 1;
      for (let i = 0; i < n; i++) v[i] = op(x.v[i * xs]!, y.v[i * ys]!);
      if (t && (x.t || y.t)) {
        const xt = x.t;
        const yt = y.t;
        for (let i = 0; i < n; i++) {
          const o = i * dirs;
          const ox = i * xs * dirs;
          const oy = i * ys * dirs;
          if (k === "add" || k === "sub") {
            const s = k === "add" ? add : sub;
            if (xt && yt) for (let d = 0; d < dirs; d++) t[o + d] = s(xt[ox + d]!, yt[oy + d]!);
            else if (xt) for (let d = 0; d < dirs; d++) t[o + d] = xt[ox + d]!;
            else if (k === "add") for (let d = 0; d < dirs; d++) t[o + d] = yt![oy + d]!;
            else for (let d = 0; d < dirs; d++) t[o + d] = neg(yt![oy + d]!);
          } else if (k === "had") {
            const p = x.v[i * xs]!;
            const q = y.v[i * ys]!;
            if (xt && yt)
              for (let d = 0; d < dirs; d++) t[o + d] = add(mul(xt[ox + d]!, q), mul(p, yt[oy + d]!));
            else if (xt) for (let d = 0; d < dirs; d++) t[o + d] = mul(xt[ox + d]!, q);
            else for (let d = 0; d < dirs; d++) t[o + d] = mul(p, yt![oy + d]!);
          } else {
            // (x/y)' = (x' − v y') / y
            const q = y.v[i * ys]!;
            const w = v[i]!;
            for (let d = 0; d < dirs; d++) {
              const num = sub(xt ? xt[ox + d]! : 0, yt ? mul(w, yt[oy + d]!) : 0);
              t[o + d] = F.div(num, q);
            }
          }
        }
        out.t = t;
      } else out.t = null;
      if (ctx.magnitude) {
        const mx = x.m!;
        const my = y.m!;
        const m = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          const p = x.v[i * xs]!;
          const q = y.v[i * ys]!;
          const ma = mx[i * xs]!;
          const mb = my[i * ys]!;
          if (k === "add" || k === "sub") m[i] = ma + mb + Math.abs(p) + Math.abs(q);
          else if (k === "had") m[i] = ma * Math.abs(q) + Math.abs(p) * mb + Math.abs(v[i]!);
          else m[i] = ma / Math.abs(q) + (Math.abs(p) * mb) / (q * q) + Math.abs(v[i]!);
        }
        out.m = m;
      } else out.m = null;
      return out;
    };
  };

  const elementFunction = (e: MExpr, f: string, a: Node, n: number): Node => {
    if (!float) throw NOT_IN_FIELD;
    const { f: fv, d: slope } = EW[f]!;
    const gate = f === "relu" || f === "abs" ? gateCount++ : -1;
    const v = new Float64Array(n);
    const t = tangentBuffer(e, n);
    const out: Out = { v, t: null, m: null };
    return (ctx) => {
      const x = a(ctx);
      if (gate >= 0) track(ctx, gate, x.v);
      for (let i = 0; i < n; i++) v[i] = fv(x.v[i]!);
      if (t && x.t) {
        const slip = ctx.slip;
        for (let i = 0; i < n; i++) {
          const u = x.v[i]!;
          const w = v[i]!;
          let s: number;
          if (slip === "gate-dropped" && f === "relu") s = 1;
          else if (slip === "sigmoid-as-sigmoid" && f === "sigmoid") s = w;
          else if (slip === "sigmoid-as-tanh" && f === "sigmoid") s = 1 - w * w;
          else s = slope(u, w);
          const o = i * dirs;
          for (let d = 0; d < dirs; d++) t[o + d] = x.t[o + d]! * s;
        }
        out.t = t;
      } else out.t = null;
      out.m = ctx.magnitude
        ? x.m!.map((q, i) => Math.abs(slope(x.v[i]!, v[i]!)) * q + Math.abs(v[i]!))
        : null;
      return out;
    };
  };

  const inverseOrDet = (e: MExpr, k: "inv" | "det", a: Node, n: number): Node => {
    const t = tangentBuffer(e, k === "inv" ? n * n : 1);
    const p = t ? new Float64Array(n * n * dirs) : null;
    const out: Out = { v: new Float64Array(0), t: null, m: null };
    return (ctx) => {
      const x = a(ctx);
      const { inv, det } = invertAndDet(F, x.v, n);
      if (t && p && x.t) {
        // P = A⁻¹ A' (n × n·dirs)
        timesTangent(F, p, inv, x.t, n, n, n * dirs, false);
        if (k === "inv") {
          // (A⁻¹)' = −A⁻¹ A' A⁻¹
          tangentTimes(F, t, p, inv, n, n, n, dirs, false);
          for (let i = 0; i < t.length; i++) t[i] = neg(t[i]!);
        } else {
          // det' = det tr(A⁻¹ A')
          t.fill(0);
          for (let i = 0; i < n; i++) {
            const o = (i * n + i) * dirs;
            for (let d = 0; d < dirs; d++) t[d] = add(t[d]!, p[o + d]!);
          }
          for (let d = 0; d < dirs; d++) t[d] = mul(det, t[d]!);
        }
        out.t = t;
      } else out.t = null;
      if (k === "inv") {
        out.v = inv;
        if (ctx.magnitude) {
          const ai = absOf(inv);
          out.m = matmul(F, matmul(F, ai, x.m!, n, n, n), ai, n, n, n).map((q, i) => q + Math.abs(inv[i]!));
        } else out.m = null;
        return out;
      }
      out.v = new Float64Array([det]);
      if (ctx.magnitude) {
        let s = 0;
        for (let i = 0; i < n * n; i++) s += Math.abs(inv[i]!) * (x.m![i]! + Math.abs(x.v[i]!));
        out.m = new Float64Array([Math.abs(det) * (1 + s)]);
      } else out.m = null;
      return out;
    };
  };

  const power = (e: Extract<MExpr, { k: "pow" }>, a: Node, b: Node, n: number): Node => {
    const k = wholeExponent(e.b);
    const [ar, ac] = dimsOf(e.a);
    if (ar * ac !== 1) {
      // A whole power of a square matrix: repeated products, after an inverse for negative powers.
      const base = k! < 0 ? inverseOrDet(e.a, "inv", a, n) : a;
      const times = Math.abs(k!);
      spend(times * n ** 3);
      const one = identity(F, n);
      const tracks = varies(e);
      // two buffers of each kind, used in turn
      const vs = [new Float64Array(n * n), new Float64Array(n * n)];
      const ts = tracks ? [new Float64Array(n * n * dirs), new Float64Array(n * n * dirs)] : null;
      const out: Out = { v: one, t: null, m: null };
      return (ctx) => {
        const x = base(ctx);
        let v = one;
        let t: Float64Array | null = null;
        let m: Float64Array | null = ctx.magnitude ? new Float64Array(n * n) : null;
        for (let i = 0; i < times; i++) {
          const nv = vs[i % 2]!;
          matmulInto(F, nv, v, x.v, n, n, n);
          let nt: Float64Array | null = null;
          if (ts && (t || x.t)) {
            nt = ts[i % 2]!;
            let has = false;
            if (t) {
              tangentTimes(F, nt, t, x.v, n, n, n, dirs, false);
              has = true;
            }
            if (x.t) timesTangent(F, nt, v, x.t, n, n, n * dirs, has);
          }
          if (m) {
            const s1 = matmul(F, m, absOf(x.v), n, n, n);
            const s2 = matmul(F, absOf(v), x.m!, n, n, n);
            m = s1.map((q, j) => q + s2[j]! + Math.abs(nv[j]!));
          }
          v = nv;
          t = nt;
        }
        out.v = v;
        out.t = t;
        out.m = m;
        return out;
      };
    }
    const v = new Float64Array(1);
    const t = tangentBuffer(e, 1);
    const out: Out = { v, t: null, m: null };
    if (!float) {
      if (k === null) throw NOT_IN_FIELD;
      // Modulo a prime: a whole power by repeated multiplication (and an inverse when negative).
      // (‖v‖^2k is rational: norm(v)^2 compiles as v·v.)
      return (ctx) => {
        const x = a(ctx);
        const u = x.v[0]!;
        const base = k < 0 ? F.div(1, u) : u;
        let p = F.int(1);
        for (let i = 0; i < Math.abs(k); i++) p = mul(p, base);
        v[0] = p;
        if (t && x.t) {
          // (u^k)' = k u^(k-1) u'
          let q = F.int(1);
          for (let i = 0; i < Math.abs(k - 1); i++) q = mul(q, k - 1 < 0 ? F.div(1, u) : u);
          const c = mul(F.int(k), q);
          for (let d = 0; d < dirs; d++) t[d] = mul(c, x.t[d]!);
          out.t = t;
        } else out.t = null;
        return out;
      };
    }
    const frac = e.b.k === "num" ? e.b.value : k;
    return (ctx) => {
      const x = a(ctx);
      const y = b(ctx);
      const u = x.v[0]!;
      const p = frac ?? y.v[0]!;
      const r = realPow(u, p, e.b);
      v[0] = r;
      if (t && (x.t || (y.t && frac === null))) {
        const cx = u === 0 && p >= 1 ? (p === 1 ? 1 : 0) : (p * r) / u;
        const cy = y.t && frac === null ? r * Math.log(u) : 0;
        for (let d = 0; d < dirs; d++)
          t[d] = (x.t ? cx * x.t[d]! : 0) + (y.t && frac === null ? cy * y.t[d]! : 0);
        out.t = t;
      } else out.t = null;
      out.m = ctx.magnitude
        ? new Float64Array([Math.abs(u === 0 ? 0 : (p * r) / u) * x.m![0]! + Math.abs(r)])
        : null;
      return out;
    };
  };

  try {
    const root = build(typed.expr);
    const [rows, cols] = dimsOf(typed.expr);
    return { rows, cols, dirs, gateCount, run: root };
  } catch (err) {
    if (err === NOT_IN_FIELD) return null;
    throw err;
  }
}

/** The first occurrence of symbol `name` in `e` (its node has the symbol's shape). */
function findSym(e: MExpr, name: string): MExpr | undefined {
  if (e.k === "sym") return e.name === name ? e : undefined;
  const x = e as { a?: MExpr; b?: MExpr };
  return (x.a && findSym(x.a, name)) || (x.b && findSym(x.b, name)) || undefined;
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
