// Growth rates at infinity: each factor as c e^E |x|^a ln|x|^b, decided by the limit of
// E + a ln|x| + b ln ln|x|, so that exponentials beat powers beat logarithms.
import { type Expr, add, call, dependsOn, mul, neg, num, pow } from "../ast";
import { constValue, limitOf } from "./laws";
import { seriesLeading } from "./series";
import { type SideSearch, simplified } from "./search";
import { type Tendency, ZERO, finite, infinite, undecided } from "./value";

/** e ~ c * exp(E) * |x|^a * ln|x|^b as x -> +/-inf (E null: no exponential part). */
interface Growth {
  readonly c: number;
  readonly E: Expr | null;
  readonly a: number;
  readonly b: number;
}

const addE = (p: Expr | null, q: Expr | null): Expr | null => (p === null ? q : q === null ? p : add(p, q));

function growthForm(e: Expr, c: SideSearch, depth = 0): Growth | null {
  if (depth > 40 || c.approach.kind !== "inf") return null;
  if (--c.stepsLeft < 0) return null;
  if (!dependsOn(e, c.variable)) {
    const y = constValue(e, c);
    return Number.isFinite(y) && y !== 0 ? { c: y, E: null, a: 0, b: 0 } : null;
  }
  const lead = seriesLeading(e, c.variable, c.approach, c.pool);
  if (lead) return { c: lead.c, E: null, a: -lead.e, b: 0 };
  const g = (x: Expr): Growth | null => growthForm(x, c, depth + 1);
  switch (e.kind) {
    case "neg": {
      const p = g(e.arg);
      return p && { ...p, c: -p.c };
    }
    case "mul": {
      let acc: Growth = { c: 1, E: null, a: 0, b: 0 };
      for (const f of e.factors) {
        const p = g(f);
        if (!p) return null;
        acc = { c: acc.c * p.c, E: addE(acc.E, p.E), a: acc.a + p.a, b: acc.b + p.b };
      }
      return acc;
    }
    case "div": {
      const p = g(e.num);
      const q = g(e.den);
      if (!p || !q) return null;
      return { c: p.c / q.c, E: q.E === null ? p.E : addE(p.E, neg(q.E)), a: p.a - q.a, b: p.b - q.b };
    }
    case "pow": {
      if (!dependsOn(e.exp, c.variable)) {
        const r = constValue(e.exp, c);
        const p = g(e.base);
        if (!p || !Number.isFinite(r)) return null;
        if (p.c < 0 && !Number.isInteger(r)) return null;
        return { c: Math.pow(p.c, r), E: p.E && mul(num(r), p.E), a: p.a * r, b: p.b * r };
      }
      if (!dependsOn(e.base, c.variable)) {
        const b = constValue(e.base, c);
        if (!(b > 0)) return null;
        return { c: 1, E: b === Math.E ? e.exp : mul(num(Math.log(b)), e.exp), a: 0, b: 0 };
      }
      return { c: 1, E: mul(e.exp, call("ln", e.base)), a: 0, b: 0 };
    }
    case "call": {
      if (e.fn === "exp") return { c: 1, E: e.arg, a: 0, b: 0 };
      if (e.fn === "sinh" || e.fn === "cosh") {
        // sinh u ~ e^u / 2 and cosh u ~ e^|u| / 2 as u -> +/-inf
        const l = limitOf(e.arg, c);
        // a bounded argument: the finite limit below
        if (l.k === "inf")
          return { c: e.fn === "sinh" ? l.s / 2 : 0.5, E: l.s > 0 ? e.arg : neg(e.arg), a: 0, b: 0 };
        break;
      }
      if (e.fn === "sqrt") return g(pow(e.arg, num(0.5)));
      if (e.fn === "abs") {
        const p = g(e.arg);
        return p && { ...p, c: Math.abs(p.c) };
      }
      if (e.fn === "ln" || e.fn === "log10" || e.fn === "log2") {
        const p = g(e.arg);
        if (!p || p.E !== null || p.b !== 0 || p.a === 0 || !(p.c > 0)) return null;
        const k = e.fn === "ln" ? 1 : e.fn === "log10" ? 1 / Math.LN10 : 1 / Math.LN2;
        return { c: p.a * k, E: null, a: 0, b: 1 };
      }
      break;
    }
    case "add": {
      // one term tending to infinity, the others bounded: the sum grows like that term
      const ls = e.terms.map((t) => limitOf(t, c));
      const big = e.terms.filter((_, i) => ls[i]!.k === "inf");
      const bounded = ls.every((l) => l.k === "inf" || l.k === "fin" || l.k === "osc");
      return big.length === 1 && bounded ? g(big[0]!) : null;
    }
    case "logb": {
      const p = g(call("ln", e.arg));
      return p && { ...p, c: p.c / Math.log(e.base) };
    }
    default:
      break;
  }
  const l = limitOf(e, c);
  return l.k === "fin" && l.v !== 0 ? { c: l.v, E: null, a: 0, b: 0 } : null;
}

export function byGrowthRates(e: Expr, c: SideSearch): Tendency {
  if (c.approach.kind !== "inf") return undecided("growth rates apply at infinity");
  const g = growthForm(e, c);
  if (!g || !Number.isFinite(g.c) || g.c === 0) return undecided("no growth form");
  c.methods.add("growth");
  if (g.E === null) {
    if (g.a > 0 || (g.a === 0 && g.b > 0)) return infinite(g.c);
    if (g.a < 0 || (g.a === 0 && g.b < 0)) return ZERO;
    return finite(g.c);
  }
  const absX =
    c.approach.s > 0 ? { kind: "var" as const, name: c.variable } : neg({ kind: "var", name: c.variable });
  let T: Expr = g.E;
  if (g.a !== 0) T = add(T, mul(num(g.a), call("ln", absX)));
  if (g.b !== 0) T = add(T, mul(num(g.b), call("ln", call("ln", absX))));
  const lt = limitOf(simplified(T), c);
  if (lt.k === "inf") return lt.s > 0 ? infinite(g.c) : ZERO;
  if (lt.k === "fin") return finite(g.c * Math.exp(lt.v));
  return undecided("exponent of the growth form");
}
