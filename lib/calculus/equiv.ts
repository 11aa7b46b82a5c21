// Equivalence of an answer with the key by evaluation at seeded random points (docs/grading.md,
// "Equivalence"). The key decides the domain: points where the key is undefined are redrawn, and an
// answer undefined where the key is defined is wrong. Symbolic simplification is never needed to say
// "right"; it is only used by callers for display.
// Over 500 lines: points, tolerance, shapes and decimals are one verdict; each part is short.
import { FNV_OFFSET, fnv1a as hash, fnvStep, mulberry32 as rng } from "./random";
import type { Expr } from "./ast";
import { compile } from "./eval";
import { type CoreError } from "./errors";
import { type MagnitudeFn, compileMagnitude } from "./magnitude";

export type Interval = readonly [number, number];

export interface EquivOptions {
  /** The problem's variables, in order. */
  readonly vars: readonly string[];
  /** Where to sample each variable; default [-3, 3] (both signs). */
  readonly domain?: Readonly<Record<string, Interval>>;
  /** How many points where the key is defined to compare at; default 40. */
  readonly points?: number;
  /**
   * Expressions that must also be defined at every point used, such as the function whose derivative
   * the key is: its simplified derivative may be defined more widely (d/dx ln(sqrt x) = 1/(2x)), and an
   * answer left in the function's own domain must not be judged outside it.
   */
  readonly defined?: readonly Expr[];
}

export interface Counterexample {
  readonly point: Readonly<Record<string, number>>;
  /** The answer's value there, or null where it is undefined. */
  readonly answer: number | null;
  readonly expected: number;
}

export type MismatchCode = "VALUE" | "UNDEFINED" | "SHAPE" | "ORDER" | "TRANSPOSED";

export type Verdict =
  | { readonly ok: true; readonly equivalent: true }
  | {
      readonly ok: true;
      readonly equivalent: false;
      readonly code: MismatchCode;
      readonly reason: string;
      readonly counterexample?: Counterexample;
      /** For vectors and matrices: the index path of the first wrong component. */
      readonly component?: readonly number[];
    }
  | { readonly ok: false; readonly error: CoreError };

export const DEFAULT_DOMAIN: Interval = [-3, 3];
const DEFAULT_POINTS = 40;
const MIN_POINTS = 12;
/** Relative tolerance against the magnitude of the terms combined (docs/grading.md). */
export const TOLERANCE = 1e-8;

// ---------------------------------------------------------------- points

export { hash, rng };

/** FNV-1a over the tree's structure (no printing): the seed of the points for a key. */
function hashExpr(e: Expr, h = FNV_OFFSET): number {
  h = fnvStep(h, e.kind.charCodeAt(0) ^ (e.kind.charCodeAt(1) << 8));
  switch (e.kind) {
    case "num":
      return fnvStep(h, e.value * 1000003) >>> 0;
    case "const":
    case "var":
      return hash(e.name, h);
    case "call":
      return hashExpr(e.arg, hash(e.fn, h));
    case "logb":
      return hashExpr(e.arg, fnvStep(h, e.base));
    case "neg":
      return hashExpr(e.arg, h);
    case "div":
      return hashExpr(e.den, hashExpr(e.num, h));
    case "pow":
      return hashExpr(e.exp, hashExpr(e.base, h));
    case "add":
      for (const t of e.terms) h = hashExpr(t, h);
      return h >>> 0;
    case "mul":
      for (const f of e.factors) h = hashExpr(f, h);
      return h >>> 0;
  }
}

/** Fractional parts of irrational strides, one per variable: a Kronecker sequence never lies on a grid. */
const STRIDES = [
  0.6180339887498949, 0.41421356237309515, 0.7320508075688772, 0.2360679774997898, 0.6457513110645907,
];

/**
 * Candidate points: a quasi-random (Kronecker) sequence from a seeded offset, so the points spread
 * evenly over each variable's interval without lying on a grid; three decimals, so a counterexample
 * can be checked by hand; never a whole or half number. The candidate is written into one reused
 * array; `accept` copies it if it keeps it. At most `tries` are drawn, `want` accepted.
 */
function drawPoints(
  vars: readonly string[],
  domain: EquivOptions["domain"],
  seed: number,
  want: number,
  tries: number,
  accept: (x: number[]) => boolean,
  stop?: () => boolean,
): number {
  const random = rng(seed);
  const n = vars.length;
  const lo: number[] = [];
  const span: number[] = [];
  const phase: number[] = [];
  const stride: number[] = [];
  for (let i = 0; i < n; i++) {
    const [a, b] = domain?.[vars[i]!] ?? DEFAULT_DOMAIN;
    lo.push(a);
    span.push(b - a);
    phase.push(random());
    stride.push(STRIDES[i % STRIDES.length]! + Math.floor(i / STRIDES.length) * 0.1234567891);
  }
  const x: number[] = new Array<number>(n).fill(0);
  let accepted = 0;
  for (let k = 0; k < tries && accepted < want; k++) {
    for (let i = 0; i < n; i++) {
      const a = lo[i]!;
      const w = span[i]!;
      let t = phase[i]! + k * stride[i]!;
      t -= Math.floor(t);
      if (w < 0.01) {
        x[i] = a + w * (0.05 + 0.9 * t);
        continue;
      }
      let v = Math.round((a + w * (0.001 + 0.998 * t)) * 1000) / 1000;
      if (v * 2 === Math.floor(v * 2) || v <= a || v >= a + w)
        v = Math.round((a + w * (0.25 + 0.5 * t)) * 1000 + 1) / 1000;
      x[i] = v;
    }
    if (accept(x)) accepted++;
    if (stop?.()) break;
  }
  return accepted;
}

// ---------------------------------------------------------------- numbers for people

/** Values with just enough digits to tell them apart: 1.20 vs 1.53, 2.0000 vs 2.0001. */
export function formatPair(a: number, b: number): [string, string] {
  // Short exact values (12, 0.25, -1.5) as they are, so that a learner can check them by hand.
  const short = (v: number): boolean => Math.abs(v) < 1e6 && Math.round(v * 1e4) / 1e4 === v;
  if (short(a) && short(b) && a !== b) return [String(a), String(b)];
  for (let digits = 3; digits <= 12; digits++) {
    const sa = formatValue(a, digits);
    const sb = formatValue(b, digits);
    if (sa !== sb) return [sa, sb];
  }
  return [formatValue(a, 15), formatValue(b, 15)];
}

export function formatValue(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return v > 0 ? "∞" : v < 0 ? "-∞" : "undefined";
  if (v === 0) return "0";
  const abs = Math.abs(v);
  if (abs >= 1e-4 && abs < 1e9) {
    const s = v.toPrecision(digits);
    return s.includes(".") && !s.includes("e") ? s : String(Number(s));
  }
  return v
    .toExponential(digits - 1)
    .replace("e", "×10^")
    .replace("^+", "^");
}

function describePoint(vars: readonly string[], x: readonly number[]): string {
  if (vars.length === 0) return "";
  if (vars.length === 1) return `at ${vars[0]} = ${x[0]}`;
  return `at (${vars.join(", ")}) = (${x.join(", ")})`;
}

// ---------------------------------------------------------------- scalar equivalence

type Check = { kind: "same" } | { kind: "differ"; point: number[]; answer: number | null; expected: number };

interface Prepared {
  readonly value: (x: ArrayLike<number>) => number;
  /** Value and magnitude; compiled on first use, since most comparisons never need it. */
  readonly magnitude: (x: ArrayLike<number>) => { v: number; m: number };
}

function prepare(e: Expr, vars: readonly string[]): Prepared {
  const c = compile(e, vars);
  const value = c.ok ? c.fn : () => NaN;
  let mag: MagnitudeFn | null = null;
  const out = { m: 0 };
  return {
    value,
    magnitude: (x) => {
      mag ??= compileMagnitude(e, vars);
      const v = mag(x, out);
      return { v, m: out.m };
    },
  };
}

/** Whether two values agree within the tolerance scaled to what was combined to get them. */
function agree(key: Prepared, answer: Prepared, x: ArrayLike<number>, vk: number, va: number): boolean {
  if (va === vk) return true;
  const scale = Math.max(Math.abs(va), Math.abs(vk));
  if (Math.abs(va - vk) <= 1e-13 * scale) return true;
  const mk = key.magnitude(x).m;
  const ma = answer.magnitude(x).m;
  return Math.abs(va - vk) <= TOLERANCE * Math.max(mk, ma, scale);
}

/** Compare two scalars at the same seeded points. */
function compareScalar(key: Prepared, answer: Prepared, points: readonly number[][]): Check | "cannot" {
  let valid = 0;
  for (const x of points) {
    const vk = key.value(x);
    if (!Number.isFinite(vk)) continue;
    valid++;
    const va = answer.value(x);
    if (!Number.isFinite(va)) return { kind: "differ", point: x, answer: null, expected: vk };
    if (!agree(key, answer, x, vk, va)) return { kind: "differ", point: x, answer: va, expected: vk };
  }
  return valid >= Math.min(MIN_POINTS, points.length) ? { kind: "same" } : "cannot";
}

const CANNOT: Verdict = {
  ok: false,
  error: {
    code: "CANNOT_CHECK",
    message:
      "This answer cannot be checked automatically: the correct answer is undefined at almost every point tried.",
  },
};

/** The points to compare at: enough where one of the keys is defined, drawn once for all components. */
function samplePoints(keys: readonly Expr[], prepared: readonly Prepared[], opts: EquivOptions): number[][] {
  const want = opts.points ?? DEFAULT_POINTS;
  if (opts.vars.length === 0) return [[]];
  const guards = definedGuards(opts);
  let seed = hash(opts.vars.join(","));
  for (const k of keys) seed = hashExpr(k, seed);
  const points: number[][] = [];
  drawPoints(opts.vars, opts.domain, seed, want, want * 12, (x) => {
    for (const g of guards) if (!Number.isFinite(g(x))) return false;
    for (const p of prepared) {
      if (Number.isFinite(p.value(x))) {
        points.push(x.slice());
        return true;
      }
    }
    return false;
  });
  return points;
}

function definedGuards(opts: EquivOptions): ((x: ArrayLike<number>) => number)[] {
  const out: ((x: ArrayLike<number>) => number)[] = [];
  for (const e of opts.defined ?? []) {
    const c = compile(e, opts.vars);
    if (c.ok) out.push(c.fn);
  }
  return out;
}

// ---------------------------------------------------------------- counterexamples a learner can check

/**
 * Values a learner can substitute by hand, simplest first. A counterexample is shown at the first
 * combination of them (fewest steps down this list) inside the domain where the key, the answer and
 * every `defined` expression are defined and the two values clearly differ; only when none does is
 * the sampled point kept.
 */
const SIMPLE_VALUES = [2, 0.5, 1, 0, -1, 3, -2, 1.5, -0.5, 4, -3, 0.25];
/** How many of them each variable tries: every combination is tried, at most a few hundred in all. */
const SIMPLE_PER_VARIABLE = [0, 12, 8, 5, 4];
/** Values differ clearly when they differ by at least this share of the larger (or of 1). */
const CLEAR_DIFFERENCE = 0.01;

const SIMPLE_TUPLES = new Map<number, readonly number[][]>();
function simpleCandidates(n: number): readonly number[][] {
  const cached = SIMPLE_TUPLES.get(n);
  if (cached) return cached;
  const k = SIMPLE_PER_VARIABLE[n] ?? 3;
  let ranked: number[][] = [[]];
  for (let i = 0; i < n; i++) ranked = ranked.flatMap((t) => Array.from({ length: k }, (_, j) => [...t, j]));
  ranked.sort((a, b) => a.reduce((s, j) => s + j, 0) - b.reduce((s, j) => s + j, 0));
  const out = ranked.map((t) => t.map((j) => SIMPLE_VALUES[j]!));
  SIMPLE_TUPLES.set(n, out);
  return out;
}

/**
 * The counterexample to show: `c` moved to the simplest point (SIMPLE_VALUES) where key and answer
 * are both defined and clearly differ, or `c` itself when there is none.
 */
function clearest(
  c: Extract<Check, { kind: "differ" }>,
  key: Prepared,
  answer: Prepared,
  opts: EquivOptions,
): Extract<Check, { kind: "differ" }> {
  const n = opts.vars.length;
  if (n === 0 || n >= SIMPLE_PER_VARIABLE.length) return c;
  const guards = definedGuards(opts);
  const inside = (v: number, i: number): boolean => {
    const [a, b] = opts.domain?.[opts.vars[i]!] ?? DEFAULT_DOMAIN;
    return v >= a && v <= b;
  };
  for (const x of simpleCandidates(n)) {
    if (!x.every(inside)) continue;
    if (guards.some((g) => !Number.isFinite(g(x)))) continue;
    const vk = key.value(x);
    const va = answer.value(x);
    if (!Number.isFinite(vk) || !Number.isFinite(va)) continue;
    if (Math.abs(va - vk) < CLEAR_DIFFERENCE * Math.max(1, Math.abs(va), Math.abs(vk))) continue;
    if (agree(key, answer, x, vk, va)) continue;
    return { kind: "differ", point: x.slice(), answer: va, expected: vk };
  }
  return c;
}

function mismatch(vars: readonly string[], c: Extract<Check, { kind: "differ" }>, prefix = ""): Verdict {
  const where = describePoint(vars, c.point);
  const point: Record<string, number> = {};
  vars.forEach((v, i) => (point[v] = c.point[i]!));
  const counterexample: Counterexample = { point, answer: c.answer, expected: c.expected };
  if (c.answer === null) {
    const reason = `${prefix}${where ? where + " " : ""}your answer is undefined, but the correct value is ${formatValue(c.expected)}`;
    return { ok: true, equivalent: false, code: "UNDEFINED", reason: capitalise(reason), counterexample };
  }
  const [a, k] = formatPair(c.answer, c.expected);
  const reason = `${prefix}${where ? where + " " : ""}your answer is ${a}, the correct value is ${k}`;
  return { ok: true, equivalent: false, code: "VALUE", reason: capitalise(reason), counterexample };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Is `answer` the same function as `key` wherever `key` is defined (on the sampled domain)? */
export function equivalent(key: Expr, answer: Expr, opts: EquivOptions): Verdict {
  const pk = prepare(key, opts.vars);
  const pa = prepare(answer, opts.vars);
  if (opts.vars.length === 0) {
    const c = compareScalar(pk, pa, [[]]);
    if (c === "cannot") return CANNOT;
    return c.kind === "same" ? { ok: true, equivalent: true } : mismatch(opts.vars, c);
  }
  // Draw and compare in one pass: each point is evaluated once, and the first disagreement ends it.
  const want = opts.points ?? DEFAULT_POINTS;
  const guards = definedGuards(opts);
  let differ: Extract<Check, { kind: "differ" }> | null = null;
  const accepted = drawPoints(
    opts.vars,
    opts.domain,
    hashExpr(key, hash(opts.vars.join(","))),
    want,
    want * 12,
    (x) => {
      for (const g of guards) if (!Number.isFinite(g(x))) return false;
      const vk = pk.value(x);
      if (!Number.isFinite(vk)) return false;
      const va = pa.value(x);
      if (!Number.isFinite(va)) differ = { kind: "differ", point: x.slice(), answer: null, expected: vk };
      else if (!agree(pk, pa, x, vk, va))
        differ = { kind: "differ", point: x.slice(), answer: va, expected: vk };
      return true;
    },
    () => differ !== null,
  );
  if (differ) return mismatch(opts.vars, clearest(differ, pk, pa, opts));
  return accepted >= Math.min(MIN_POINTS, want) ? { ok: true, equivalent: true } : CANNOT;
}

// ---------------------------------------------------------------- vectors and matrices

export type Shaped = Expr | readonly Expr[] | readonly (readonly Expr[])[];

const isMatrix = (s: Shaped): s is readonly (readonly Expr[])[] => Array.isArray(s) && Array.isArray(s[0]);
const isVector = (s: Shaped): s is readonly Expr[] => Array.isArray(s) && !Array.isArray(s[0]);

function shapeName(s: Shaped): string {
  if (isMatrix(s)) return `a ${s.length}×${s[0]?.length ?? 0} matrix`;
  if (isVector(s)) return `${s.length} component${s.length === 1 ? "" : "s"}`;
  return "a single expression";
}

/** Compare scalars, vectors (gradients) or matrices (Jacobians, Hessians) component by component. */
export function equivalentShaped(key: Shaped, answer: Shaped, opts: EquivOptions): Verdict {
  if (!Array.isArray(key)) {
    if (Array.isArray(answer)) return shapeMismatch(key, answer);
    return equivalent(key as Expr, answer as Expr, opts);
  }
  if (isMatrix(key)) {
    if (!isMatrix(answer)) return shapeMismatch(key, answer);
    return compareMatrix(key, answer, opts);
  }
  const vector = key as readonly Expr[];
  if (!isVector(answer) || answer.length !== vector.length) return shapeMismatch(vector, answer);
  return compareVector(vector, answer, opts);
}

function shapeMismatch(key: Shaped, answer: Shaped): Verdict {
  return {
    ok: true,
    equivalent: false,
    code: "SHAPE",
    reason: `The answer should have ${shapeName(key)}; yours has ${shapeName(answer)}.`,
  };
}

function compareAll(keys: readonly Expr[], answers: readonly Expr[], opts: EquivOptions) {
  const pk = keys.map((k) => prepare(k, opts.vars));
  const points = samplePoints(keys, pk, opts);
  const pa = answers.map((a) => prepare(a, opts.vars));
  const pair = (i: number, j: number): Check | "cannot" => compareScalar(pk[i]!, pa[j]!, points);
  /** The disagreement of key i and answer j, moved to the simplest point where they clearly differ. */
  const clear = (i: number, j: number, c: Extract<Check, { kind: "differ" }>) =>
    clearest(c, pk[i]!, pa[j]!, opts);
  return { points, pair, clear };
}

function compareVector(keys: readonly Expr[], answers: readonly Expr[], opts: EquivOptions): Verdict {
  const { points, pair, clear } = compareAll(keys, answers, opts);
  if (points.length === 0) return CANNOT;
  const results = keys.map((_, i) => pair(i, i));
  if (results.some((r) => r === "cannot")) return CANNOT;
  const firstWrong = results.findIndex((r) => r !== "cannot" && r.kind === "differ");
  if (firstWrong < 0) return { ok: true, equivalent: true };
  // The right components in another order (a gradient with its components swapped)?
  if (keys.length <= 6) {
    const used = new Set<number>();
    const matchAll = keys.every((_, i) => {
      for (let j = 0; j < answers.length; j++) {
        if (used.has(j)) continue;
        const r = pair(i, j);
        if (r !== "cannot" && r.kind === "same") {
          used.add(j);
          return true;
        }
      }
      return false;
    });
    if (matchAll) {
      const names = opts.vars.length === keys.length ? ` (the order is ${opts.vars.join(", ")})` : "";
      return {
        ok: true,
        equivalent: false,
        code: "ORDER",
        reason: `Each component is right but they are in the wrong order${names}.`,
      };
    }
  }
  const wrong = results[firstWrong] as Extract<Check, { kind: "differ" }>;
  const v = mismatch(opts.vars, clear(firstWrong, firstWrong, wrong), `component ${firstWrong + 1}: `);
  return v.ok && !v.equivalent ? { ...v, component: [firstWrong] } : v;
}

function compareMatrix(
  keys: readonly (readonly Expr[])[],
  answers: readonly (readonly Expr[])[],
  opts: EquivOptions,
): Verdict {
  const rows = keys.length;
  const cols = keys[0]?.length ?? 0;
  const aRows = answers.length;
  const aCols = answers[0]?.length ?? 0;
  if (answers.some((r) => r.length !== aCols)) {
    return {
      ok: true,
      equivalent: false,
      code: "SHAPE",
      reason: "The rows of your matrix have different lengths.",
    };
  }
  const flatKeys = keys.flat();
  const sameShape = aRows === rows && aCols === cols;
  const transposedShape = aRows === cols && aCols === rows;
  if (!sameShape && !transposedShape) return shapeMismatch(keys, answers);
  const flatAnswers = answers.flat();
  const { points, pair, clear } = compareAll(flatKeys, flatAnswers, opts);
  if (points.length === 0) return CANNOT;
  let firstWrong: { i: number; j: number; c: Extract<Check, { kind: "differ" }> } | null = null;
  if (sameShape) {
    for (let i = 0; i < rows && !firstWrong; i++) {
      for (let j = 0; j < cols; j++) {
        const r = pair(i * cols + j, i * cols + j);
        if (r === "cannot") return CANNOT;
        if (r.kind === "differ") {
          firstWrong = { i, j, c: r };
          break;
        }
      }
    }
    if (!firstWrong) return { ok: true, equivalent: true };
  }
  // Transposed: entry (i, j) of the key sits at (j, i) of the answer.
  if (rows !== cols || !sameShape || firstWrong) {
    let transposed = true;
    for (let i = 0; i < rows && transposed; i++) {
      for (let j = 0; j < cols; j++) {
        const r = pair(i * cols + j, j * rows + i);
        if (r === "cannot" || r.kind === "differ") {
          transposed = false;
          break;
        }
      }
    }
    if (transposed) {
      return {
        ok: true,
        equivalent: false,
        code: "TRANSPOSED",
        reason:
          "Your matrix is the transpose of the right one: row i should hold the derivatives of component i.",
      };
    }
  }
  if (!firstWrong) return shapeMismatch(keys, answers);
  const k = firstWrong.i * cols + firstWrong.j;
  const v = mismatch(
    opts.vars,
    clear(k, k, firstWrong.c),
    `entry (${firstWrong.i + 1}, ${firstWrong.j + 1}): `,
  );
  return v.ok && !v.equivalent ? { ...v, component: [firstWrong.i, firstWrong.j] } : v;
}

// ---------------------------------------------------------------- numbers typed as decimals

const DECIMAL = /^\s*([+\-\u2212]?)\s*(\d*)\.(\d+)\s*$|^\s*([+\-\u2212]?)\s*(\d+)\.\s*$/;
/** Scientific notation as the reader takes it: `1.479e1`, `2E-3`, `1.5e-3` (not `2e-3`: 2e - 3). */
const SCIENTIFIC = /^\s*[+\-\u2212]?\s*(\d+\.?\d*|\.\d+)([eE])([+\-\u2212]?)\d+\s*$/;

/** Significant figures of a typed decimal, or null when the text is not a plain decimal. */
export function significantFigures(text: string): number | null {
  const sci = SCIENTIFIC.exec(text);
  if (sci && (sci[2] === "E" || !sci[3] || sci[1]!.includes("."))) {
    const stripped = sci[1]!.replace(".", "").replace(/^0+/, "");
    return stripped.length === 0 ? 1 : stripped.length;
  }
  const m = DECIMAL.exec(text);
  if (!m) return null;
  const digits = (m[2] ?? m[5] ?? "") + (m[3] ?? "");
  const stripped = digits.replace(/^0+/, "");
  return stripped.length === 0 ? 1 : stripped.length;
}

export type DecimalJudgement =
  | { readonly kind: "not-decimal" }
  | { readonly kind: "right" }
  | { readonly kind: "too-few-figures"; readonly figures: number }
  | { readonly kind: "wrong"; readonly figures: number; readonly rounded: string };

/**
 * docs/grading.md, "Numbers typed as decimals": a decimal for a key that a short decimal cannot express is
 * right when it is the key correctly rounded to the significant figures typed, with at least
 * `minFigures` (3 unless the problem says otherwise). A decimal equal to the key is always right.
 */
export function judgeDecimal(key: number, text: string, minFigures = 3): DecimalJudgement {
  const figures = significantFigures(text);
  if (figures === null) return { kind: "not-decimal" };
  const typed = Number(text.replace(/\u2212/g, "-").replace(/\s+/g, ""));
  if (!Number.isFinite(typed) || !Number.isFinite(key))
    return { kind: "wrong", figures, rounded: formatValue(key) };
  if (Math.abs(typed - key) <= 1e-12 * Math.max(1, Math.abs(key))) return { kind: "right" };
  // A key that a short decimal expresses exactly (1.25, 0.125) is to be typed exactly.
  if (Number(key.toPrecision(6)) === key) return { kind: "wrong", figures, rounded: String(key) };
  const rounded = key.toPrecision(Math.min(figures, 21));
  const matches = Math.abs(Number(rounded) - typed) <= 1e-12 * Math.max(1e-300, Math.abs(typed));
  if (matches && figures < minFigures) return { kind: "too-few-figures", figures };
  if (matches) return { kind: "right" };
  if (figures < minFigures) {
    const r = key.toPrecision(minFigures);
    return Math.abs(Number(key.toPrecision(figures)) - typed) <= 1e-12 * Math.abs(typed || 1)
      ? { kind: "too-few-figures", figures }
      : { kind: "wrong", figures, rounded: r };
  }
  return { kind: "wrong", figures, rounded };
}
