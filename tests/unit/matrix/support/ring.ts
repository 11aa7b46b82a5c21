// An independent reference for matrix identities, used only in tests: small matrices as arrays of
// rows whose entries are numbers (for central differences) or scalar-core expression text (so that
// the scalar core can differentiate each component). Nothing here imports the matrix module.
import { derivative } from "../../../../lib/calculus/diff";
import { compile } from "../../../../lib/calculus/eval";
import { parse } from "../../../../lib/calculus/parse";

export type S = number | string;
export type M = S[][];

const txt = (a: S) => (typeof a === "number" ? (a < 0 ? `(${a})` : String(a)) : `(${a})`);
export const sadd = (a: S, b: S): S =>
  typeof a === "number" && typeof b === "number" ? a + b : `${txt(a)} + ${txt(b)}`;
export const ssub = (a: S, b: S): S =>
  typeof a === "number" && typeof b === "number" ? a - b : `${txt(a)} - ${txt(b)}`;
export const smul = (a: S, b: S): S =>
  typeof a === "number" && typeof b === "number" ? a * b : `${txt(a)}*${txt(b)}`;
export const sdiv = (a: S, b: S): S =>
  typeof a === "number" && typeof b === "number" ? a / b : `${txt(a)}/${txt(b)}`;
const NUMERIC: Record<string, (u: number) => number> = {
  exp: Math.exp,
  ln: Math.log,
  tanh: Math.tanh,
  sigma: (u) => 1 / (1 + Math.exp(-u)),
  relu: (u) => Math.max(0, u),
  step: (u) => (u > 0 ? 1 : 0),
};
const TEXT: Record<string, (u: string) => string> = {
  exp: (u) => `exp(${u})`,
  ln: (u) => `ln(${u})`,
  tanh: (u) => `tanh(${u})`,
  sigma: (u) => `1/(1 + exp(-(${u})))`,
  relu: (u) => `((${u}) + abs(${u}))/2`,
  step: (u) => `(1 + sign(${u}))/2`,
};
export const sfn = (f: keyof typeof NUMERIC, a: S): S =>
  typeof a === "number" ? NUMERIC[f]!(a) : TEXT[f]!(a);

export const rows = (a: M) => a.length;
export const cols = (a: M) => a[0]!.length;
export const t = (a: M): M => a[0]!.map((_, j) => a.map((r) => r[j]!));
export const mm = (a: M, b: M): M => {
  if (cols(a) !== rows(b)) throw new Error(`mm ${rows(a)}x${cols(a)} by ${rows(b)}x${cols(b)}`);
  return a.map((r) => b[0]!.map((_, j) => r.reduce<S>((s, x, k) => sadd(s, smul(x, b[k]![j]!)), 0)));
};
export const ew = (a: M, b: M, f: (x: S, y: S) => S): M => a.map((r, i) => r.map((x, j) => f(x, b[i]![j]!)));
export const madd = (a: M, b: M) => ew(a, b, sadd);
export const msub = (a: M, b: M) => ew(a, b, ssub);
export const had = (a: M, b: M) => ew(a, b, smul);
export const hdiv = (a: M, b: M) => ew(a, b, sdiv);
export const scale = (s: S, a: M): M => a.map((r) => r.map((x) => smul(s, x)));
export const map = (a: M, f: (x: S) => S): M => a.map((r) => r.map(f));
export const scalar = (a: M): S => {
  if (rows(a) !== 1 || cols(a) !== 1) throw new Error("not a scalar");
  return a[0]![0]!;
};
export const sc = (s: S): M => [[s]];
export const sum = (a: M): S => a.flat().reduce<S>((s, x) => sadd(s, x), 0);
export const dot = (a: M, b: M): S => scalar(mm(t(a), b));
export const diag = (v: M): M => v.map((r, i) => v.map((_, j) => (i === j ? r[0]! : 0)));
export const ones = (n: number): M => Array.from({ length: n }, () => [1]);
export const eye = (n: number): M =>
  Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
export const norm2 = (a: M): S => sum(had(a, a));
export const trace = (a: M): S => a.reduce<S>((s, r, i) => sadd(s, r[i]!), 0);
export const softmax = (z: M): M => {
  const e = map(z, (x) => sfn("exp", x));
  const s = sum(e);
  return map(e, (x) => sdiv(x, s));
};
/** Determinant and inverse by cofactors (the sizes tests use are small). */
export const det = (a: M): S => {
  const n = rows(a);
  if (n === 1) return a[0]![0]!;
  let s: S = 0;
  for (let j = 0; j < n; j++) {
    const minor = a.slice(1).map((r) => r.filter((_, k) => k !== j));
    const term = smul(a[0]![j]!, det(minor));
    s = j % 2 === 0 ? sadd(s, term) : ssub(s, term);
  }
  return s;
};
export const inv = (a: M): M => {
  const n = rows(a);
  const d = det(a);
  return a.map((_, i) =>
    a.map((_, j) => {
      const minor = a.filter((_, r) => r !== j).map((r) => r.filter((_, k) => k !== i));
      const c = n === 1 ? 1 : det(minor);
      return sdiv((i + j) % 2 === 0 ? c : smul(-1, c), d);
    }),
  );
};

export type Env = Record<string, M>;

/** Central differences of f (scalar or vector valued) by every entry of `wrt`: J[output][input]. */
export function centralJacobian(f: (e: Env) => M, env: Env, wrt: string): number[][] {
  const v = env[wrt]!;
  const h = 1e-5;
  const out: number[][] = [];
  const flatF = (e: Env) => f(e).flat() as number[];
  const q = flatF(env).length;
  for (let i = 0; i < q; i++) out.push([]);
  for (let r = 0; r < rows(v); r++) {
    for (let c = 0; c < cols(v); c++) {
      const bump = (d: number) => ({
        ...env,
        [wrt]: v.map((row, i) => row.map((x, j) => (i === r && j === c ? (x as number) + d : x))),
      });
      const plus = flatF(bump(h));
      const minus = flatF(bump(-h));
      for (let i = 0; i < q; i++) out[i]!.push((plus[i]! - minus[i]!) / (2 * h));
    }
  }
  return out;
}

/** The scalar core's derivative of every component of f by every entry of `wrt`, at `env`. */
export function scalarCoreJacobian(
  f: (e: Env) => M,
  shapes: Record<string, [number, number]>,
  env: Env,
  wrt: string,
): number[][] {
  const symbolic: Env = {};
  const names: string[] = [];
  const values: number[] = [];
  for (const [name, [r, c]] of Object.entries(shapes)) {
    symbolic[name] = Array.from({ length: r }, (_, i) =>
      Array.from({ length: c }, (_, j) => {
        const v = `${name}${i}${j}`;
        names.push(v);
        values.push(env[name]![i]![j] as number);
        return v;
      }),
    );
  }
  const comps = f(symbolic).flat();
  const [vr, vc] = shapes[wrt]!;
  return comps.map((comp) => {
    const p = parse(String(comp), { vars: names });
    if (!p.ok) throw new Error(`scalar core cannot read ${String(comp)}: ${p.error.message}`);
    const row: number[] = [];
    for (let i = 0; i < vr; i++) {
      for (let j = 0; j < vc; j++) {
        const d = derivative(p.expr, `${wrt}${i}${j}`);
        if (!d.ok) throw new Error(d.error.message);
        const c = compile(d.expr, names);
        if (!c.ok) throw new Error("compile");
        row.push(c.fn(values));
      }
    }
    return row;
  });
}
