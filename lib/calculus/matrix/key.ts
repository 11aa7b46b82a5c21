// What an answer is graded against: a key expression, or the derivative of a declared function
// computed by forward-mode automatic differentiation (one pass carrying a tangent per entry of the
// variable).
// Layouts (docs/core.md, "Matrix calculus"): `derivative` is numerator layout (∂f/∂x of scalar f is
// the 1×n row, of vector f the m×n Jacobian, rows = outputs; of scalar f by an r×c matrix the c×r
// transpose of the gradient); `gradient` (scalar f only) has the variable's shape.
import type { CoreError } from "../errors";
import { toText } from "./print";
import { type Gate, type RuleSlip, compileProgram } from "./eval";
import { type Field, transposeArray } from "./field";
import { type Decls, type Dim, type Shape, isScalar, showShape } from "./shape";
import { type Typed, typecheck } from "./types";

export interface CompiledKey {
  readonly gateCount: number;
  /**
   * The key's entries (row-major, a new array), tracking kinks in `gates`; NaN entries where it is
   * undefined.
   */
  run(inputs: ReadonlyMap<string, Float64Array>, gates: Gate[]): Float64Array | null;
  /** Magnitudes of the key's entries at one sample (the tolerance's scale), where known. */
  magnitude?(inputs: ReadonlyMap<string, Float64Array>): Float64Array | null;
}

export interface KeySource {
  /** Seeds the samples: the same key gives the same samples. */
  readonly id: string;
  readonly shape: Shape;
  /** The key as an expression, when it is one (diagnosis builds variants of it). */
  readonly expr?: Typed;
  /** The function differentiated (derivative keys only). */
  readonly source?: Typed;
  /** The same derivative computed with a typical wrong rule (derivative keys only). */
  readonly slip?: (slip: RuleSlip) => KeySource;
  compile(size: (d: Dim) => number, field: Field): CompiledKey | null;
}

export function expressionKey(typed: Typed): KeySource {
  return {
    id: `key:${toText(typed.expr)}`,
    shape: typed.shape,
    expr: typed,
    compile(size, field) {
      const p = compileProgram(typed, size, field);
      if (!p) return null;
      return {
        gateCount: p.gateCount,
        run: (inputs, gates) => p.run({ inputs, gates }).v.slice(),
        magnitude: (inputs) => p.run({ inputs, magnitude: true }).m?.slice() ?? null,
      };
    },
  };
}

/**
 * A key whose `I` or `𝟏` has no size of its own (`-I`) takes the answer's shape, or the problem's only
 * dimension; null when nothing fixes it.
 */
export function bindKeySizes(decls: Decls, key: Typed, answer: Typed): Typed | null {
  if (key.free.length === 0) return key;
  const only = decls.dims.length === 1 ? decls.dims[0] : undefined;
  const alone = only === undefined ? null : typecheck(key.expr, decls, undefined, only);
  if (alone?.ok && alone.typed.free.length === 0) return alone.typed;
  if (answer.free.length > 0) return null;
  const again = typecheck(key.expr, decls, answer.shape);
  return again.ok && again.typed.free.length === 0 ? again.typed : null;
}

export type Asks = "derivative" | "gradient";

type Made = { ok: true; key: KeySource } | { ok: false; error: CoreError };

/** The key ∂f/∂V (`derivative`) or ∇_V f (`gradient`) by forward-mode AD. */
export function derivativeKey(decls: Decls, f: Typed, wrt: string, asks: Asks, slip?: RuleSlip): Made {
  const v = decls.symbols.get(wrt);
  if (!v) {
    return {
      ok: false,
      error: { code: "NOT_A_VARIABLE", message: `'${wrt.slice(0, 20)}' is not a declared symbol.` },
    };
  }
  const fs = f.shape;
  const vs = v.shape;
  const fVector = fs.rows === 1 || fs.cols === 1;
  const vVector = vs.rows === 1 || vs.cols === 1;
  let shape: Shape;
  let arrange: "jacobian" | "transpose-gradient" = "jacobian";
  if (asks === "gradient") {
    if (!isScalar(fs)) {
      return {
        ok: false,
        error: {
          code: "BAD_REQUEST",
          message: `A gradient needs a scalar function, but f is ${showShape(fs)}.`,
        },
      };
    }
    shape = vs;
  } else if (isScalar(fs)) {
    if (vVector) shape = { rows: 1, cols: vs.rows === 1 ? vs.cols : vs.rows };
    else {
      shape = { rows: vs.cols, cols: vs.rows };
      arrange = "transpose-gradient";
    }
  } else if (fVector && vVector) {
    shape = { rows: fs.rows === 1 ? fs.cols : fs.rows, cols: vs.rows === 1 ? vs.cols : vs.rows };
  } else {
    return {
      ok: false,
      error: {
        code: "BAD_REQUEST",
        message: `The derivative of a ${showShape(fs)} function by a ${showShape(vs)} symbol is not a matrix; ask for a scalar or vector function.`,
      },
    };
  }
  const key: KeySource = {
    id: `d:${asks}:${wrt}:${toText(f.expr)}`,
    shape,
    source: f,
    slip: (s) => {
      const k = derivativeKey(decls, f, wrt, asks, s);
      return k.ok ? k.key : key;
    },
    compile(size, field) {
      const p = compileProgram(f, size, field, { wrt });
      if (!p) return null;
      const vr = size(vs.rows);
      const vc = size(vs.cols);
      const n = vr * vc;
      const q = p.rows * p.cols;
      return {
        gateCount: p.gateCount,
        run(inputs, gates) {
          // One pass carries every direction: the tangents are J (q×n), row i the gradient of output i.
          const out = p.run({ inputs, gates, ...(slip ? { slip } : {}) });
          if (!out.v.every(Number.isFinite))
            return out.v.length === q ? new Float64Array(q * n).fill(NaN) : null;
          const j = new Float64Array(q * n);
          if (out.t) {
            if (out.t.length !== q * n) throw new Error("tangents of an unexpected size");
            j.set(out.t);
          }
          return arrange === "transpose-gradient" ? transposeArray(j, vr, vc) : j;
        },
      };
    },
  };
  return { ok: true, key };
}
