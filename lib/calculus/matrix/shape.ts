// Declarations and symbolic shapes. A problem declares each symbol as a scalar, a column vector of
// length `n`, or an `m x n` matrix, where a dimension is a name or a positive integer, with optional
// properties. Shapes are written in the same form they are declared in: "scalar", "n" (a column
// vector), "1 x n" (a row), "m x n".
import { type CoreError, fail } from "../errors";

export type Dim = string | number;

export interface Shape {
  readonly rows: Dim;
  readonly cols: Dim;
}

export const PROPS = ["symmetric", "spd", "positive", "invertible"] as const;
export type Prop = (typeof PROPS)[number];

export interface Decl {
  readonly name: string;
  readonly shape: Shape;
  readonly props: readonly Prop[];
}

export interface Decls {
  readonly symbols: ReadonlyMap<string, Decl>;
  /** The dimension names, in the order they first appear. */
  readonly dims: readonly string[];
}

export type DeclInput = Readonly<
  Record<string, string | { readonly shape: string; readonly props?: readonly string[] }>
>;

export const SCALAR: Shape = { rows: 1, cols: 1 };

/** Names a learner cannot declare: they mean something in every matrix answer. */
export const RESERVED = new Set([
  "T",
  "I",
  "e",
  "pi",
  "exp",
  "ln",
  "log",
  "sin",
  "cos",
  "tanh",
  "sigmoid",
  "σ",
  "relu",
  "max",
  "softmax",
  "diag",
  "sum",
  "norm",
  "dot",
  "inv",
  "ones",
  "tr",
  "trace",
  "det",
  "sqrt",
  "abs",
]);

const NAME = /^\p{L}[\p{L}\p{M}\p{N}_]*$/u;
const DIM_NAME = /^[A-Za-z][A-Za-z0-9]*$/;

export const isScalar = (s: Shape): boolean => s.rows === 1 && s.cols === 1;
export const sameShape = (a: Shape, b: Shape): boolean => a.rows === b.rows && a.cols === b.cols;
export const transposeShape = (s: Shape): Shape => ({ rows: s.cols, cols: s.rows });
export const isSquare = (s: Shape): boolean => s.rows === s.cols;

/** "scalar", "n" (column), "1 x n", "m x n": the form declarations use. */
export function formatShape(s: Shape): string {
  if (isScalar(s)) return "scalar";
  if (s.cols === 1) return String(s.rows);
  return `${s.rows} x ${s.cols}`;
}

/** For people: "m×n", "n×1", "1×1". */
export function showShape(s: Shape): string {
  return `${s.rows}×${s.cols}`;
}

/** The largest numeric size a declaration may give (sizes by name are chosen by the grader). */
export const MAX_SIZE = 100;

function parseDim(text: string): Dim | null {
  if (/^[1-9][0-9]{0,2}$/.test(text)) return Number(text) <= MAX_SIZE ? Number(text) : null;
  if (DIM_NAME.test(text) && !RESERVED.has(text)) return text;
  return null;
}

/** Read a shape as declared: "scalar", "n", "3", "m x n", "m×n", "2 x 3". */
export function parseShape(text: string): Shape | null {
  const t = text.trim();
  if (t === "scalar" || t === "1") return SCALAR;
  const parts = t.split(/\s*[×]\s*|\s+x\s+|\s*\*\s*/);
  if (parts.length === 1) {
    const d = parseDim(parts[0]!);
    return d === null ? null : { rows: d, cols: 1 };
  }
  if (parts.length !== 2) return null;
  const r = parseDim(parts[0]!);
  const c = parseDim(parts[1]!);
  return r === null || c === null ? null : { rows: r, cols: c };
}

type Declared = { ok: true; decls: Decls } | { ok: false; error: CoreError };

/** Validate a problem's declarations. */
export function declare(input: DeclInput): Declared {
  const symbols = new Map<string, Decl>();
  const dims: string[] = [];
  const entries = Object.entries(input);
  if (entries.length > 32) return fail("BAD_REQUEST", "At most 32 symbols can be declared.");
  for (const [name, spec] of entries) {
    if (!NAME.test(name) || name.length > 16 || RESERVED.has(name)) {
      return fail("BAD_REQUEST", `'${name.slice(0, 20)}' cannot be declared as a symbol.`);
    }
    const text = typeof spec === "string" ? spec : spec.shape;
    const shape = parseShape(text);
    if (!shape) {
      return fail(
        "BAD_REQUEST",
        `The shape of '${name}' must be "scalar", a dimension such as "n", or "m x n" (numbers up to ${MAX_SIZE}); got "${text.slice(0, 30)}".`,
      );
    }
    const props: Prop[] = [];
    for (const p of typeof spec === "string" ? [] : (spec.props ?? [])) {
      if (!(PROPS as readonly string[]).includes(p)) {
        return fail(
          "BAD_REQUEST",
          `Unknown property '${p.slice(0, 20)}'; expected one of ${PROPS.join(", ")}.`,
        );
      }
      if (p !== "positive" && !isSquare(shape)) {
        return fail("BAD_REQUEST", `'${name}' is ${showShape(shape)}: only a square matrix can be ${p}.`);
      }
      props.push(p as Prop);
    }
    for (const d of [shape.rows, shape.cols]) if (typeof d === "string" && !dims.includes(d)) dims.push(d);
    symbols.set(name, { name, shape, props });
  }
  for (const d of dims) {
    if (symbols.has(d)) return fail("BAD_REQUEST", `'${d}' is both a dimension and a symbol.`);
  }
  if (dims.length > 6) return fail("BAD_REQUEST", "At most 6 dimension names can be used.");
  return { ok: true, decls: { symbols, dims } };
}
