// The indeterminate forms 0/0 and inf/inf, method by method: algebraic simplification, growth rates
// and the dominant term (at infinity), L'Hopital's rule, then series expansion.
import { type Expr, call, div, neg, num, pow } from "../ast";
import { toText } from "../print";
import { dividedByDominantTerm } from "./dominant-term";
import { byGrowthRates } from "./growth";
import { limitOf } from "./laws";
import { byLHopital } from "./lhopital";
import { logsExpanded } from "./log-expansion";
import { exponentialsCombined, mentions } from "./rewrites";
import { MAX_DEPTH, type SideSearch, attempt, bySeries, simplified } from "./search";
import { type Tendency, determinate } from "./value";

export function resolveQuotient(n: Expr, d: Expr, e: Expr, c: SideSearch): Tendency {
  if (c.depth >= MAX_DEPTH) return bySeries(e, c, "too many nested steps");
  c.depth++;
  // keys of the attempts on the current path (a cycle guard, not a cache)
  const mine: string[] = [];
  const mark = (k: string): boolean => {
    if (c.seen.has(k)) return false;
    c.seen.add(k);
    mine.push(k);
    return true;
  };
  try {
    const text = toText(e);
    // exponentials over exponentials as one: e^A / e^B = e^(A - B)
    const en = n.kind === "mul" ? n.factors : [n];
    const ed = d.kind === "mul" ? d.factors : [d];
    const inverse = (f: Expr): Expr =>
      f.kind === "call" && f.fn === "exp"
        ? call("exp", neg(f.arg))
        : f.kind === "pow"
          ? pow(f.base, neg(f.exp))
          : simplified(div(num(1), f));
    const one = exponentialsCombined([...en, ...ed.map(inverse)], c.variable);
    if (one && mark("x:" + text)) {
      const r = attempt(c, () => limitOf(one, c));
      if (determinate(r)) return r;
    }
    // 1. algebraic simplification
    const s = simplified(e);
    if (mark("s:" + text)) {
      const st = toText(s);
      if (st !== text && !c.seen.has("s:" + st)) {
        const r = attempt(c, () => limitOf(s, c));
        if (determinate(r)) {
          c.methods.add("simplification");
          return r;
        }
      }
    }
    // logarithms taken apart: ln(e^(3x) + x) = 3x + ln(1 + x e^(-3x))
    if (mentions(e, ["ln"]) && mark("g:" + text)) {
      const x = logsExpanded(e, c);
      if (x) {
        const r = attempt(c, () => limitOf(x, c));
        if (determinate(r)) {
          c.methods.add("logarithm rules");
          return r;
        }
      }
    }
    if (c.approach.kind === "inf") {
      // 2. growth rates
      const g = attempt(c, () => byGrowthRates(div(n, d), c));
      if (determinate(g)) return g;
      // 3. numerator and denominator divided by a term of the denominator, sums term by term
      if (mark("t:" + text)) {
        const r = attempt(c, () => dividedByDominantTerm(n, d, c));
        if (r.k === "fin" || r.k === "inf") {
          c.methods.add("dominant term");
          return r;
        }
      }
    }
    // 4. L'Hopital (after the series when abs or sign is inside: their derivatives go round in circles)
    if (mentions(e, ["abs", "sign"])) {
      const r = attempt(c, () => bySeries(e, c, ""));
      if (determinate(r)) return r;
    }
    if (mark("l:" + text) && --c.derivativesLeft >= 0) {
      const r = byLHopital(n, d, c);
      if (r.k === "fin" || r.k === "inf") return r;
    }
    // 5. series
    return bySeries(e, c, "indeterminate quotient");
  } finally {
    c.depth--;
    for (const k of mine) c.seen.delete(k);
  }
}
