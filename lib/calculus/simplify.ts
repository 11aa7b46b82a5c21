// Simplification to the form a textbook prints: constants folded, 0 and 1 identities gone, like terms
// and like factors collected, numeric coefficients in front, powers with negative exponents moved
// into a denominator, no `--`, `+ -`, `x^1` or `*1`.
//
// It works in two phases: `toInternal` turns a tree into a normal form with exact rational numbers
// (a - b is a + (-1)b, a/b is a*b^-1, sqrt(u) is u^(1/2), exp(u) is e^u), `simplifyNode` rewrites
// that bottom-up, and `present` turns it back into a display tree. Every rewrite keeps the value
// wherever the original is defined (it may extend the domain, as x^2/x -> x does, never shrink it).
// Over 500 lines: one rewrite system whose stages share their tables; splitting it by stage is planned.
import { type ConstantName, type Expr, type UnaryFunction, cnst, div as divE, num, pow as powE } from "./ast";
import * as ast from "./ast";
import {
  type Q,
  ONE,
  MINUS_ONE,
  ZERO,
  addQ,
  eqQ,
  fromNumber,
  isExact,
  isInteger,
  isNegative,
  isOne,
  isZero,
  keyQ,
  mulQ,
  negQ,
  powRational,
  value,
} from "./rational";

/** Functions that stay functions internally (sqrt and exp become powers). */
type InnerFunction = Exclude<UnaryFunction, "sqrt" | "exp">;

export type N =
  | { readonly k: "num"; readonly q: Q }
  | { readonly k: "const"; readonly name: ConstantName }
  | { readonly k: "var"; readonly name: string }
  | { readonly k: "add"; readonly terms: readonly N[] }
  | { readonly k: "mul"; readonly factors: readonly N[] }
  | { readonly k: "pow"; readonly base: N; readonly exp: N }
  | { readonly k: "call"; readonly fn: InnerFunction; readonly arg: N }
  | { readonly k: "logb"; readonly base: number; readonly arg: N };

/** Thrown inside this module when a result grows past the budget; never escapes `simplify`. */
export class TooLarge extends Error {}

const MAX_NODES = 200_000;

interface Budget {
  left: number;
}

const nq = (q: Q): N => ({ k: "num", q });
const N_ZERO = nq(ZERO);
const N_ONE = nq(ONE);
const N_MINUS_ONE = nq(MINUS_ONE);
const E: N = { k: "const", name: "e" };

// ---------------------------------------------------------------- keys for structural comparison

// Structures are interned: equal subtrees get the same short id, so comparing and grouping by key
// costs the same at every depth. The tables live for one top-level simplification (`resetKeys`).
let ids = new Map<string, number>();
let nodeKeys = new Map<N, string>();

/** Start a fresh key table (ids from an earlier table must not be compared with new ones). */
export function resetKeys(): void {
  ids = new Map();
  nodeKeys = new Map();
}

function intern(s: string): string {
  let i = ids.get(s);
  if (i === undefined) {
    i = ids.size;
    ids.set(s, i);
  }
  return "#" + i;
}

/** A short id that two structurally equal trees share (within one key table). */
export function key(n: N): string {
  const cached = nodeKeys.get(n);
  if (cached !== undefined) return cached;
  let k: string;
  switch (n.k) {
    case "num":
      k = keyQ(n.q);
      break;
    case "const":
      k = n.name === "pi" ? "π" : "ℯ";
      break;
    case "var":
      k = "$" + n.name;
      break;
    case "add": {
      let s = "+";
      for (const t of n.terms) s += key(t) + ",";
      k = s;
      break;
    }
    case "mul": {
      let s = "*";
      for (const t of n.factors) s += key(t) + ",";
      k = s;
      break;
    }
    case "pow":
      k = "^" + key(n.base) + "," + key(n.exp);
      break;
    case "call":
      k = n.fn + " " + key(n.arg);
      break;
    case "logb":
      k = "log" + n.base + " " + key(n.arg);
      break;
  }
  const id = intern(k);
  nodeKeys.set(n, id);
  return id;
}

// ---------------------------------------------------------------- to the internal form

export function toInternal(e: Expr): N {
  switch (e.kind) {
    case "num":
      return nq(fromNumber(e.value));
    case "const":
      return { k: "const", name: e.name };
    case "var":
      return { k: "var", name: e.name };
    case "add":
      return { k: "add", terms: e.terms.map(toInternal) };
    case "mul":
      return { k: "mul", factors: e.factors.map(toInternal) };
    case "neg":
      return { k: "mul", factors: [N_MINUS_ONE, toInternal(e.arg)] };
    case "div":
      return {
        k: "mul",
        factors: [toInternal(e.num), { k: "pow", base: toInternal(e.den), exp: N_MINUS_ONE }],
      };
    case "pow":
      return { k: "pow", base: toInternal(e.base), exp: toInternal(e.exp) };
    case "call":
      if (e.fn === "sqrt") return { k: "pow", base: toInternal(e.arg), exp: nq({ n: 1, d: 2 }) };
      if (e.fn === "exp") return { k: "pow", base: E, exp: toInternal(e.arg) };
      return { k: "call", fn: e.fn, arg: toInternal(e.arg) };
    case "logb":
      return { k: "logb", base: e.base, arg: toInternal(e.arg) };
  }
}

// ---------------------------------------------------------------- rewriting

function spend(b: Budget, n = 1): void {
  b.left -= n;
  if (b.left < 0) throw new TooLarge("result too large");
}

export function simplifyNode(n: N, b: Budget): N {
  spend(b);
  switch (n.k) {
    case "num":
    case "const":
    case "var":
      return n;
    case "add":
      return makeAdd(
        n.terms.map((t) => simplifyNode(t, b)),
        b,
      );
    case "mul":
      return makeMul(
        n.factors.map((f) => simplifyNode(f, b)),
        b,
      );
    case "pow":
      return makePow(simplifyNode(n.base, b), simplifyNode(n.exp, b), b);
    case "call":
      return makeCall(n.fn, simplifyNode(n.arg, b), b);
    case "logb": {
      const arg = simplifyNode(n.arg, b);
      if (arg.k === "num" && isOne(arg.q)) return N_ZERO;
      if (arg.k === "num" && value(arg.q) === n.base) return N_ONE;
      return { k: "logb", base: n.base, arg };
    }
  }
}

/** Split a simplified term into its numeric coefficient and the rest (null for a plain number). */
function splitCoefficient(t: N): { c: Q; rest: readonly N[] } {
  if (t.k === "num") return { c: t.q, rest: [] };
  if (t.k === "mul" && t.factors[0]?.k === "num") return { c: t.factors[0].q, rest: t.factors.slice(1) };
  return { c: ONE, rest: [t] };
}

/** A sum of simplified terms, with like terms collected in order of first appearance. */
export function makeAdd(terms: readonly N[], b: Budget): N {
  const flat: N[] = [];
  for (const t of terms) {
    if (t.k === "add") flat.push(...t.terms);
    else flat.push(t);
  }
  const groups = new Map<string, { c: Q; rest: readonly N[] }>();
  for (const t of flat) {
    spend(b);
    const { c, rest } = splitCoefficient(t);
    const k = rest.map(key).join("*");
    const g = groups.get(k);
    if (g) g.c = addQ(g.c, c);
    else groups.set(k, { c, rest });
  }
  const collectedTerms = collected(groups);
  if (collectedTerms.length >= 2 && collectedTerms.some(hasSumFactor)) {
    const expanded = tryExpand(collectedTerms, b);
    if (expanded) return expanded;
  }
  const out = collectedTerms;
  if (out.length === 0) return N_ZERO;
  if (out.length === 1) return out[0]!;
  return { k: "add", terms: out };
}

/** The degree of a term c * v1^k1 * ... with whole k >= 0, or null when it is not such a monomial. */
function monomialDegree(t: N): number | null {
  const factors = t.k === "mul" ? t.factors : [t];
  let degree = 0;
  for (const f of factors) {
    if (f.k === "num") continue;
    if (f.k === "var") degree += 1;
    else if (f.k === "pow" && f.base.k === "var" && f.exp.k === "num" && f.exp.q.d === 1 && f.exp.q.n > 0)
      degree += f.exp.q.n;
    else return null;
  }
  return degree;
}

/** A polynomial's terms by descending degree (-18x^2 - 30x + 6); any other sum keeps its order. */
function polynomialOrder(terms: N[]): N[] {
  if (terms.length < 2) return terms;
  const degrees = terms.map(monomialDegree);
  if (degrees.some((d) => d === null)) return terms;
  return terms
    .map((t, i) => ({ t, i, d: degrees[i]! }))
    .sort((a, c) => c.d - a.d || a.i - c.i)
    .map((x) => x.t);
}

function collected(groups: Map<string, { c: Q; rest: readonly N[] }>): N[] {
  const out: N[] = [];
  for (const { c, rest } of groups.values()) {
    if (isZero(c) || (!isExact(c) && Math.abs(value(c)) < 1e-300)) continue;
    if (rest.length === 0) out.push(nq(c));
    else if (isOne(c)) out.push(rest.length === 1 ? rest[0]! : { k: "mul", factors: rest });
    else out.push({ k: "mul", factors: [nq(c), ...rest] });
  }
  return out;
}

/** A sum or a small whole power of a sum, as a factor that distributing could cancel. */
function isSumFactor(f: N): boolean {
  if (f.k === "add") return true;
  return (
    f.k === "pow" &&
    f.base.k === "add" &&
    f.exp.k === "num" &&
    f.exp.q.d === 1 &&
    f.exp.q.n >= 2 &&
    f.exp.q.n <= 3
  );
}

function hasSumFactor(t: N): boolean {
  return t.k === "mul" && t.factors.some(isSumFactor);
}

const MAX_EXPANDED_TERMS = 64;

/** The terms of a product with its sums multiplied out, or null when that would be too many. */
function expandTerm(t: N, b: Budget): N[][] | null {
  let acc: N[][] = [[]];
  const factors = t.k === "mul" ? t.factors : [t];
  for (const f of factors) {
    let parts: readonly N[] = [f];
    if (f.k === "add") parts = f.terms;
    else if (isSumFactor(f) && f.k === "pow" && f.base.k === "add" && f.exp.k === "num") {
      let p: N[][] = [[]];
      for (let i = 0; i < f.exp.q.n; i++)
        p = p.flatMap((x) => (f.base as { terms: readonly N[] }).terms.map((y) => [...x, y]));
      parts = p.map((x) => ({ k: "mul" as const, factors: x }));
    }
    acc = acc.flatMap((x) => parts.map((y) => [...x, y]));
    spend(b, acc.length);
    if (acc.length > MAX_EXPANDED_TERMS) return null;
  }
  return acc;
}

/** Multiply out the sums in a sum's terms and collect; kept only when the result is no larger. */
function tryExpand(terms: readonly N[], b: Budget): N | null {
  const pieces: N[] = [];
  for (const t of terms) {
    if (!hasSumFactor(t)) {
      pieces.push(t);
      continue;
    }
    const ex = expandTerm(t, b);
    if (!ex) return null;
    for (const fs of ex) pieces.push(makeMul(fs, b));
    if (pieces.length > MAX_EXPANDED_TERMS) return null;
  }
  const groups = new Map<string, { c: Q; rest: readonly N[] }>();
  for (const t of pieces) {
    const { c, rest } = splitCoefficient(t);
    const k = rest.map(key).join("*");
    const g = groups.get(k);
    if (g) g.c = addQ(g.c, c);
    else groups.set(k, { c, rest });
  }
  // Multiplied out, a polynomial is written by descending degree (-18x^2 - 30x + 6).
  const out = polynomialOrder(collected(groups));
  const result: N = out.length === 0 ? N_ZERO : out.length === 1 ? out[0]! : { k: "add", terms: out };
  const before: N = { k: "add", terms };
  return nodeCount(result) < nodeCount(before) ? result : null;
}

function nodeCount(n: N): number {
  switch (n.k) {
    case "num":
    case "const":
    case "var":
      return 1;
    case "add":
      return n.terms.reduce((s, t) => s + nodeCount(t), 1);
    case "mul":
      return n.factors.reduce((s, t) => s + nodeCount(t), 1);
    case "pow":
      return 1 + nodeCount(n.base) + nodeCount(n.exp);
    case "call":
    case "logb":
      return 1 + nodeCount(n.arg);
  }
}

/** Ordering classes of factors in a product: number, constant, powers of variables, the rest. */
function factorClass(f: N): number {
  if (f.k === "num") return 0;
  if (f.k === "const") return 1;
  if (f.k === "var") return 2;
  if (f.k === "pow" && f.base.k === "var") return 2;
  if (f.k === "pow" && (f.base.k === "const" || f.base.k === "num") && f.exp.k === "num") return 1;
  // Sums before functions: (x^2 + 7)cos x, never cos x (x^2 + 7), which reads as cos of a product.
  if (f.k === "add" || (f.k === "pow" && f.base.k === "add")) return 2.5;
  return 3;
}

function varName(f: N): string {
  if (f.k === "var") return f.name;
  if (f.k === "pow" && f.base.k === "var") return f.base.name;
  return "";
}

/** A product of simplified factors: numbers multiplied, like bases collected, factors ordered. */
export function makeMul(factors: readonly N[], b: Budget): N {
  let pending: N[] = [...factors];
  let coef: Q = ONE;
  let result: N[] = [];
  for (let round = 0; round < 4 && pending.length > 0; round++) {
    const flat: N[] = [];
    const flatten = (f: N): void => {
      if (f.k === "mul") f.factors.forEach(flatten);
      else flat.push(f);
    };
    pending.forEach(flatten);
    result.forEach(flatten);
    pending = [];
    const groups = new Map<string, { base: N; exps: N[] }>();
    for (const f of flat) {
      spend(b);
      if (f.k === "num") {
        coef = mulQ(coef, f.q);
        continue;
      }
      const base = f.k === "pow" ? f.base : f;
      const exp = f.k === "pow" ? f.exp : N_ONE;
      const k = key(base);
      const g = groups.get(k);
      if (g) g.exps.push(exp);
      else groups.set(k, { base, exps: [exp] });
    }
    result = [];
    let again = false;
    for (const { base, exps } of groups.values()) {
      const exp = exps.length === 1 ? exps[0]! : makeAdd(exps, b);
      const f =
        exps.length === 1 ? (exp === N_ONE ? base : { k: "pow" as const, base, exp }) : makePow(base, exp, b);
      if (f.k === "num" || f.k === "mul") {
        pending.push(f);
        again = true;
      } else result.push(f);
    }
    if (!again) break;
  }
  const leftover = (f: N): void => {
    if (f.k === "num") coef = mulQ(coef, f.q);
    else if (f.k === "mul") f.factors.forEach(leftover);
    else result.push(f);
  };
  pending.forEach(leftover);
  if (isZero(coef)) return N_ZERO;
  // 2 * 2^(-1/2) is sqrt(2): move whole factors of a root's base from the coefficient into the root.
  for (let i = 0; i < result.length; i++) {
    const f = result[i]!;
    if (f.k !== "pow" || f.base.k !== "num" || f.exp.k !== "num" || !isExact(coef) || coef.d !== 1) continue;
    const B = f.base.q;
    let e = f.exp.q;
    if (B.d !== 1 || B.n < 2 || !isExact(e) || e.dec) continue;
    while (isNegative(e) && coef.n % B.n === 0) {
      coef = { n: coef.n / B.n, d: 1 };
      e = addQ(e, ONE);
    }
    if (e !== f.exp.q) result[i] = isZero(e) ? N_ONE : { k: "pow", base: f.base, exp: nq(e) };
  }
  result = result.filter((f) => f !== N_ONE);
  const indexed = result.map((f, i) => ({ f, i, c: factorClass(f), v: varName(f) }));
  indexed.sort((x, y) => x.c - y.c || (x.c === 2 ? (x.v < y.v ? -1 : x.v > y.v ? 1 : 0) : 0) || x.i - y.i);
  const sorted = indexed.map((x) => x.f);
  if (sorted.length === 0) return nq(coef);
  // A number times a constant sum is written out: -3(10 + 10pi)/5 is -6 - 6pi.
  const only = sorted[0]!;
  if (sorted.length === 1 && only.k === "add" && !isOne(coef) && isConstantNode(only)) {
    return makeAdd(
      only.terms.map((t) => makeMul([nq(coef), t], b)),
      b,
    );
  }
  if (isOne(coef)) return sorted.length === 1 ? sorted[0]! : { k: "mul", factors: sorted };
  return { k: "mul", factors: [nq(coef), ...sorted] };
}

/** The largest a with a^q dividing n (n a positive integer up to 10^9), found by trial. */
function largestPowerFactor(n: number, q: number): number {
  let a = 1;
  for (let k = 2; Math.pow(k, q) <= n; k++) {
    const kq = Math.pow(k, q);
    while (n % kq === 0) {
      n /= kq;
      a *= k;
    }
  }
  return a;
}

/** Whole powers out of a root: 96^(1/2) = 4*6^(1/2), 54^(1/3) = 3*2^(1/3); null when nothing comes out. */
function extractRoot(base: Q, exp: Q, b: Budget): N | null {
  if (base.d !== 1 || base.n <= 1 || base.n > 1e9 || exp.d < 2 || exp.d > 4 || exp.dec) return null;
  const a = largestPowerFactor(base.n, exp.d);
  if (a === 1) return null;
  const rest = base.n / Math.pow(a, exp.d);
  const outside = powRational({ n: a, d: 1 }, { n: exp.n, d: 1 });
  if (!outside) return null;
  if (rest === 1) return nq(outside);
  return makeMul([nq(outside), { k: "pow", base: nq({ n: rest, d: 1 }), exp: nq(exp) }], b);
}

function isPositiveConstant(n: N): boolean {
  return n.k === "const" || (n.k === "num" && value(n.q) > 0);
}

/** A power of simplified parts. */
export function makePow(base: N, exp: N, b: Budget): N {
  spend(b);
  if (exp.k === "num") {
    if (isZero(exp.q)) return N_ONE;
    if (isOne(exp.q) && !exp.q.dec) return base;
    if (base.k === "num") {
      if (isOne(base.q)) return N_ONE;
      if (isZero(base.q) && value(exp.q) > 0) return N_ZERO;
      if (isExact(base.q) && isExact(exp.q)) {
        const r = powRational(base.q, exp.q);
        if (r) return nq(r);
        const surd = extractRoot(base.q, exp.q, b);
        if (surd) return surd;
        if (base.q.n === 1 && base.q.d > 1 && !base.q.dec)
          return makePow(nq({ n: base.q.d, d: 1 }), nq(negQ(exp.q)), b);
      } else if (!isExact(exp.q) || exp.q.dec || !isExact(base.q)) {
        const v = Math.pow(value(base.q), value(exp.q));
        if (Number.isFinite(v) && !(value(base.q) < 0 && !isInteger(exp.q)))
          return nq({ n: v, d: 0, dec: Boolean(base.q.dec || exp.q.dec) });
      }
    }
    if (base.k === "pow" && isInteger(exp.q)) {
      return makePow(base.base, makeMul([base.exp, exp], b), b);
    }
    if (base.k === "mul" && isInteger(exp.q)) {
      return makeMul(
        base.factors.map((f) => makePow(f, exp, b)),
        b,
      );
    }
  }
  if (base.k === "num" && isOne(base.q)) return N_ONE;
  if (isE(base) && exp.k === "call" && exp.fn === "ln" && exp.arg.k === "num" && value(exp.arg.q) > 0)
    return exp.arg;
  if (base.k === "pow" && isPositiveConstant(base.base)) {
    return makePow(base.base, makeMul([base.exp, exp], b), b);
  }
  return { k: "pow", base, exp };
}

const ZERO_AT_ZERO = new Set<InnerFunction>(["sin", "tan", "asin", "atan", "sinh", "tanh"]);

/** A function applied to a simplified argument, with exact values folded. */
/** arg as k*pi with k rational, or null. */
function piMultiple(arg: N): Q | null {
  if (arg.k === "const" && arg.name === "pi") return ONE;
  if (arg.k === "mul" && arg.factors.length === 2) {
    const [c, p] = arg.factors;
    if (c?.k === "num" && isExact(c.q) && !c.q.dec && p?.k === "const" && p.name === "pi") return c.q;
  }
  return null;
}

const HALF: Q = { n: 1, d: 2 };

/** sin(k*pi) exactly for k a multiple of 1/6 or 1/4, else null. */
function exactSin(k: Q, b: Budget): N | null {
  if (!(k.d === 1 || k.d === 2 || k.d === 3 || k.d === 4 || k.d === 6)) return null;
  // Reduce to [0, 2) and then to a reference angle in [0, 1/2] with a sign.
  const twelfths = ((Math.round((k.n * 12) / k.d) % 24) + 24) % 24;
  const sign = twelfths >= 12 ? -1 : 1;
  let r = twelfths % 12;
  if (r > 6) r = 12 - r;
  const sqrtOf = (n: number): N => ({ k: "pow", base: nq({ n, d: 1 }), exp: nq(HALF) });
  let v: N;
  switch (r) {
    case 0:
      return N_ZERO;
    case 2:
      v = nq(HALF);
      break;
    case 3:
      v = makeMul([nq(HALF), sqrtOf(2)], b);
      break;
    case 4:
      v = makeMul([nq(HALF), sqrtOf(3)], b);
      break;
    case 6:
      v = N_ONE;
      break;
    default:
      return null;
  }
  return sign < 0 ? makeMul([N_MINUS_ONE, v], b) : v;
}

/** Trigonometric functions at rational multiples of pi with textbook values, or null. */
function specialTrig(fn: InnerFunction, arg: N, b: Budget): N | null {
  const k = piMultiple(arg);
  if (!k) return null;
  const sin = exactSin(k, b);
  const cos = exactSin(addQ(k, HALF), b);
  if (!sin || !cos) return null;
  const over = (a: N, c: N): N | null =>
    c.k === "num" && isZero(c.q) ? null : makeMul([a, makePow(c, N_MINUS_ONE, b)], b);
  switch (fn) {
    case "sin":
      return sin;
    case "cos":
      return cos;
    case "tan":
      return over(sin, cos);
    case "cot":
      return over(cos, sin);
    case "sec":
      return over(N_ONE, cos);
    case "csc":
      return over(N_ONE, sin);
    default:
      return null;
  }
}

const INVERSE_TRIG = new Set<InnerFunction>(["asin", "acos", "atan", "acot", "asec", "acsc"]);

/** An inverse trigonometric function of a constant whose value is a multiple of pi/12, as k*pi. */
function specialInverseTrig(fn: InnerFunction, arg: N, b: Budget): N | null {
  if (!INVERSE_TRIG.has(fn) || !isConstantNode(arg)) return null;
  const u = numericValue(arg);
  if (!Number.isFinite(u)) return null;
  const v =
    fn === "asin"
      ? Math.asin(u)
      : fn === "acos"
        ? Math.acos(u)
        : fn === "atan"
          ? Math.atan(u)
          : fn === "acot"
            ? Math.PI / 2 - Math.atan(u)
            : fn === "asec"
              ? Math.acos(1 / u)
              : Math.asin(1 / u);
  if (!Number.isFinite(v)) return null;
  const twelfths = (v / Math.PI) * 12;
  const k = Math.round(twelfths);
  if (Math.abs(twelfths - k) > 1e-12) return null;
  if (k === 0) return N_ZERO;
  const pi: N = { k: "const", name: "pi" };
  return makeMul([nq({ n: k, d: 12 }), pi], b);
}

function isConstantNode(n: N): boolean {
  switch (n.k) {
    case "num":
    case "const":
      return true;
    case "var":
      return false;
    case "add":
      return n.terms.every(isConstantNode);
    case "mul":
      return n.factors.every(isConstantNode);
    case "pow":
      return isConstantNode(n.base) && isConstantNode(n.exp);
    case "call":
    case "logb":
      return isConstantNode(n.arg);
  }
}

/** The value of a constant internal tree (NaN where undefined). */
function numericValue(n: N): number {
  switch (n.k) {
    case "num":
      return value(n.q);
    case "const":
      return n.name === "pi" ? Math.PI : Math.E;
    case "var":
      return NaN;
    case "add":
      return n.terms.reduce((s, t) => s + numericValue(t), 0);
    case "mul":
      return n.factors.reduce((s, t) => s * numericValue(t), 1);
    case "pow": {
      const base = numericValue(n.base);
      if (n.exp.k === "num" && isExact(n.exp.q) && !n.exp.q.dec && n.exp.q.d % 2 === 1 && base < 0) {
        const m = Math.pow(-base, value(n.exp.q));
        return n.exp.q.n % 2 === 0 ? m : -m;
      }
      return Math.pow(base, numericValue(n.exp));
    }
    case "call":
    case "logb":
      return NaN;
  }
}

function makeCall(fn: InnerFunction, arg: N, b: Budget): N {
  spend(b);
  const special = specialTrig(fn, arg, b) ?? specialInverseTrig(fn, arg, b);
  if (special) return special;
  if (arg.k === "num" && isExact(arg.q)) {
    const v = value(arg.q);
    if (v === 0) {
      if (ZERO_AT_ZERO.has(fn)) return N_ZERO;
      if (fn === "cos" || fn === "cosh" || fn === "sec") return N_ONE;
      if (fn === "abs" || fn === "sign") return N_ZERO;
      if (fn === "acot" || fn === "acos") return makeMul([nq({ n: 1, d: 2 }), { k: "const", name: "pi" }], b);
    }
    if (v === 1) {
      if (fn === "ln" || fn === "log10" || fn === "log2" || fn === "acos" || fn === "asec") return N_ZERO;
    }
    if (fn === "abs") return nq(isNegative(arg.q) ? negQ(arg.q) : arg.q);
    if (fn === "sign") return nq({ n: Math.sign(v), d: 1 });
    if (fn === "log10" && v > 0) {
      const l = Math.log10(v);
      if (Number.isInteger(l) && Math.pow(10, l) === v) return nq({ n: l, d: 1 });
    }
    if (fn === "log2" && v > 0) {
      const l = Math.log2(v);
      if (Number.isInteger(l) && Math.pow(2, l) === v) return nq({ n: l, d: 1 });
    }
  }
  if (fn === "ln") {
    if (arg.k === "const" && arg.name === "e") return N_ONE;
    if (arg.k === "pow" && arg.base.k === "const" && arg.base.name === "e") return arg.exp;
  }
  if (fn === "abs") {
    if (arg.k === "pow" && arg.base.k === "const" && arg.base.name === "e") return arg;
    if (arg.k === "call" && arg.fn === "abs") return arg;
    if (arg.k === "mul" && arg.factors[0]?.k === "num") {
      const c = arg.factors[0].q;
      const rest =
        arg.factors.length === 2 ? arg.factors[1]! : { k: "mul" as const, factors: arg.factors.slice(1) };
      return makeMul([nq(isNegative(c) ? negQ(c) : c), { k: "call", fn: "abs", arg: rest }], b);
    }
  }
  return { k: "call", fn, arg };
}

// ---------------------------------------------------------------- back to a display tree

function presentNumber(q: Q): Expr {
  if (!isExact(q)) return num(q.n);
  if (q.d === 1) return num(q.n);
  const frac = divE(num(Math.abs(q.n)), num(q.d));
  return q.n < 0 ? ast.neg(frac) : frac;
}

/** An exponent as displayed: a decimal stays a decimal, an exact rational p/q becomes `p/q`. */
function presentExponent(q: Q): Expr {
  if (q.dec || !isExact(q)) {
    const v = value(q);
    return num(Number(v.toPrecision(15)));
  }
  return presentNumber(q);
}

/** Euler's number: e^-2 stays e^-2 (textbooks write it so), not 1/e^2. */
function isE(n: N): boolean {
  return n.k === "const" && n.name === "e";
}

function isNegativeNumber(n: N): boolean {
  return n.k === "num" && isNegative(n.q);
}

function presentPowPositive(base: N, exp: N): Expr {
  // exp is not a negative number here
  if (base.k === "const" && base.name === "e") {
    return exp.k === "num" && isOne(exp.q) ? cnst("e") : ast.call("exp", present(exp));
  }
  if (exp.k === "num") {
    if (isOne(exp.q) && !exp.q.dec) return present(base);
    if (exp.q.n === 1 && exp.q.d === 2 && !exp.q.dec) return ast.call("sqrt", present(base));
    return powE(present(base), presentExponent(exp.q));
  }
  return powE(present(base), present(exp));
}

/** Convert a simplified internal tree to a display tree. */
export function present(n: N): Expr {
  switch (n.k) {
    case "num":
      return presentNumber(n.q);
    case "const":
      return cnst(n.name);
    case "var":
      return ast.variable(n.name);
    case "add":
      return ast.add(...n.terms.map(present));
    case "mul":
      return presentProduct(n.factors);
    case "pow":
      if (isNegativeNumber(n.exp) && n.exp.k === "num" && !isE(n.base)) {
        return divE(num(1), presentPowPositive(n.base, nq(negQ(n.exp.q))));
      }
      return presentPowPositive(n.base, n.exp);
    case "call":
      return ast.call(n.fn, present(n.arg));
    case "logb":
      // Results use ln only: log_b(u) is written ln(u)/ln(b) (no log_ syntax in computed answers).
      return divE(ast.call("ln", present(n.arg)), ast.call("ln", num(n.base)));
  }
}

function presentProduct(factors: readonly N[]): Expr {
  let coef: Q = ONE;
  const top: Expr[] = [];
  const bottom: Expr[] = [];
  for (const f of factors) {
    if (f.k === "num") coef = mulQ(coef, f.q);
    else if (f.k === "pow" && f.exp.k === "num" && isNegative(f.exp.q) && !isE(f.base)) {
      bottom.push(presentPowPositive(f.base, nq(negQ(f.exp.q))));
    } else top.push(present(f));
  }
  const negative = isNegative(coef);
  const c = negative ? negQ(coef) : coef;
  if (!isExact(c)) {
    if (c.n !== 1) top.unshift(num(c.n));
  } else {
    if (c.n !== 1) top.unshift(num(c.n));
    if (c.d !== 1) bottom.unshift(num(c.d));
  }
  const numerator = top.length === 0 ? num(1) : ast.mul(...top);
  const whole = bottom.length === 0 ? numerator : divE(numerator, ast.mul(...bottom));
  // -(a + b) reads better as -a - b, and -(a - b)/c as (b - a)/c.
  const negateTerms = (e: Expr & { kind: "add" }): Expr => {
    const terms = e.terms.map((t) => (t.kind === "neg" ? t.arg : ast.neg(t)));
    const firstPositive = terms.findIndex((t) => t.kind !== "neg");
    if (firstPositive > 0) terms.unshift(...terms.splice(firstPositive, 1));
    return ast.add(...terms);
  };
  if (negative && whole.kind === "add") return negateTerms(whole);
  if (negative && whole.kind === "div" && whole.num.kind === "add")
    return divE(negateTerms(whole.num), whole.den);
  return negative ? ast.neg(whole) : whole;
}

// ---------------------------------------------------------------- entry points

export type SimplifyResult = { ok: true; expr: Expr } | { ok: false; tooLarge: true };

/** Simplify a display tree into textbook form. */
export function simplify(e: Expr, budget = MAX_NODES): SimplifyResult {
  resetKeys();
  try {
    const n = simplifyNode(toInternal(e), { left: budget });
    return { ok: true, expr: present(n) };
  } catch (err) {
    if (err instanceof TooLarge || err instanceof RangeError) return { ok: false, tooLarge: true };
    throw err;
  }
}

/** Simplify within the internal form (for callers that compare structure). */
export function simplifyInternal(e: Expr, budget = MAX_NODES): N | null {
  resetKeys();
  try {
    return simplifyNode(toInternal(e), { left: budget });
  } catch (err) {
    if (err instanceof TooLarge || err instanceof RangeError) return null;
    throw err;
  }
}

export { eqQ };

// ---------------------------------------------------------------- expansion

/** Multiply out products and small whole powers of sums, everywhere in the tree. */
function expandNode(n: N, b: Budget): N {
  spend(b);
  switch (n.k) {
    case "num":
    case "const":
    case "var":
      return n;
    case "add":
      return makeAdd(
        n.terms.map((t) => expandNode(t, b)),
        b,
      );
    case "mul": {
      let acc: N[] = [N_ONE];
      for (const f of n.factors) {
        const g = expandNode(f, b);
        const parts = g.k === "add" ? g.terms : [g];
        const next: N[] = [];
        for (const a of acc) for (const p of parts) next.push(makeMul([a, p], b));
        spend(b, next.length);
        acc = next;
      }
      return makeAdd(acc, b);
    }
    case "pow": {
      const base = expandNode(n.base, b);
      const exp = expandNode(n.exp, b);
      if (base.k === "add" && exp.k === "num" && exp.q.d === 1 && exp.q.n >= 2 && exp.q.n <= 6) {
        let acc: N = base;
        for (let i = 1; i < exp.q.n; i++) acc = expandNode({ k: "mul", factors: [acc, base] }, b);
        return acc;
      }
      return makePow(base, exp, b);
    }
    case "call":
      return makeCall(n.fn, expandNode(n.arg, b), b);
    case "logb":
      return { k: "logb", base: n.base, arg: expandNode(n.arg, b) };
  }
}

/** The expanded form of an expression: (x + 1)^2 becomes x^2 + 2x + 1. */
export function expand(e: Expr, budget = MAX_NODES): SimplifyResult {
  resetKeys();
  try {
    const b = { left: budget };
    return { ok: true, expr: present(expandNode(simplifyNode(toInternal(e), b), b)) };
  } catch (err) {
    if (err instanceof TooLarge || err instanceof RangeError) return { ok: false, tooLarge: true };
    throw err;
  }
}
