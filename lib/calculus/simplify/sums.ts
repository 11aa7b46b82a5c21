// Sums: like terms collected, and products of sums multiplied out where that makes the result smaller
// (a polynomial is then written by descending degree).
import { type Q, ONE, addQ, isExact, isOne, isZero, value } from "../rational";
import { type N, type Run, N_ZERO, nq, spend } from "./internal";
import { makeMul } from "./products";

/** Split a simplified term into its numeric coefficient and the rest (null for a plain number). */
function splitCoefficient(t: N): { c: Q; rest: readonly N[] } {
  if (t.k === "num") return { c: t.q, rest: [] };
  if (t.k === "mul" && t.factors[0]?.k === "num") return { c: t.factors[0].q, rest: t.factors.slice(1) };
  return { c: ONE, rest: [t] };
}

/** A sum of simplified terms, with like terms collected in order of first appearance. */
export function makeAdd(terms: readonly N[], b: Run): N {
  const flat: N[] = [];
  for (const t of terms) {
    if (t.k === "add") flat.push(...t.terms);
    else flat.push(t);
  }
  const groups = new Map<string, { c: Q; rest: readonly N[] }>();
  for (const t of flat) {
    spend(b);
    const { c, rest } = splitCoefficient(t);
    const k = rest.map((r) => b.keys.key(r)).join("*");
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
function expandTerm(t: N, b: Run): N[][] | null {
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
function tryExpand(terms: readonly N[], b: Run): N | null {
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
    const k = rest.map((r) => b.keys.key(r)).join("*");
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
