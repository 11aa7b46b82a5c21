// Products and powers: numbers multiplied, like bases collected, factors put in textbook order,
// whole powers taken out of roots.
import {
  type Q,
  ONE,
  addQ,
  isExact,
  isInteger,
  isNegative,
  isOne,
  isZero,
  mulQ,
  negQ,
  powRational,
  value,
} from "../rational";
import { isConstantNode } from "./functions";
import { type N, type Run, N_ONE, N_ZERO, isE, nq, spend } from "./internal";
import { makeAdd } from "./sums";

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
export function makeMul(factors: readonly N[], b: Run): N {
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
      const k = b.keys.key(base);
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
function extractRoot(base: Q, exp: Q, b: Run): N | null {
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
export function makePow(base: N, exp: N, b: Run): N {
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
