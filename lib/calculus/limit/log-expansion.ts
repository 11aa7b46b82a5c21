// Logarithms taken apart where that is exact on the side of the point: ln(e^u) = u, ln(a^g) = g ln a
// (a > 0), ln(u v) = ln u + ln v and ln(u / v) = ln u - ln v (u, v > 0), and the logarithm of a sum
// by its dominant term T (the rest over T tends to 0): ln S = ln T + ln(1 + (S - T)/T). So
// ln(e^(3x) + x) becomes 3x + ln(1 + x e^(-3x)) and (5^(1/x) + 3^(1/x))^x has exponent
// 1 + x ln(1 + 3^(1/x)/5^(1/x)). Signs are read from the limits of the parts (a part tending to 0
// from the samples), as everywhere in the limit laws.
import { type Expr, add, call, dependsOn, div, mapCalls, mul, neg, num } from "../ast";
import { limitOf } from "./laws";
import { signNear } from "./numeric";
import { type SideSearch, attempt, simplified } from "./search";

/** Whether `e` is positive near the point (on the side searched). */
export function positive(e: Expr, c: SideSearch): boolean {
  const l = attempt(c, () => limitOf(e, c));
  if (l.k === "fin") return l.v > 0 || (l.v === 0 && signNear(e, c.variable, c.approach) === 1);
  if (l.k === "inf") return l.s > 0;
  if (l.k === "osc") return l.lo > 0;
  return false;
}

/** The dominant term of a sum: the one the others over it tend to 0 against; null without one. */
function dominantTerm(terms: readonly Expr[], c: SideSearch): Expr | null {
  for (const t of terms.slice(0, 6)) {
    if (!dependsOn(t, c.variable)) continue;
    const rest = terms.filter((u) => u !== t).map((u) => simplified(div(u, t)));
    const l = attempt(c, () => limitOf(add(...rest, num(0)), c));
    if (l.k === "fin" && l.v === 0) return t;
  }
  return null;
}

/** ln(u) taken apart, or null when nothing applies. */
function expandLn(u: Expr, c: SideSearch, depth: number): Expr | null {
  if (depth > 6 || !dependsOn(u, c.variable)) return null;
  const ln = (w: Expr): Expr => expandLn(w, c, depth + 1) ?? call("ln", w);
  switch (u.kind) {
    case "call":
      if (u.fn === "exp") return u.arg;
      if (u.fn === "abs")
        return positive(u.arg, c) ? ln(u.arg) : positive(neg(u.arg), c) ? ln(neg(u.arg)) : null;
      return null;
    case "pow":
      if (!dependsOn(u.exp, c.variable) && !dependsOn(u.base, c.variable)) return null;
      if (u.base.kind === "const" && u.base.name === "e") return u.exp;
      if (!positive(u.base, c)) return null;
      {
        // g (a + b) as g a + g b, so that like terms of the sums around can cancel
        const l = ln(u.base);
        return l.kind === "add" ? add(...l.terms.map((t) => mul(u.exp, t))) : mul(u.exp, l);
      }
    case "mul":
      return u.factors.every((f) => positive(f, c)) ? add(...u.factors.map(ln)) : null;
    case "div":
      return positive(u.num, c) && positive(u.den, c) ? add(ln(u.num), neg(ln(u.den))) : null;
    case "add": {
      if (!positive(u, c)) return null;
      const T = dominantTerm(u.terms, c);
      if (!T || !positive(T, c)) return null;
      const rest = u.terms.filter((t) => t !== T).map((t) => simplified(div(t, T)));
      return add(ln(T), call("ln", add(num(1), ...rest)));
    }
    default:
      return null;
  }
}

/** Whether `e` is negative near the point (on the side searched). */
function negative(e: Expr, c: SideSearch): boolean {
  return positive(neg(e), c);
}

/** `e` with each |u| written u or -u where u keeps one sign near the point; null when none could be. */
export function absRemoved(e: Expr, c: SideSearch): Expr | null {
  let changed = false;
  const r = mapCalls(e, (fn, arg) => {
    if (fn !== "abs" || !dependsOn(arg, c.variable)) return call(fn, arg);
    if (positive(arg, c)) {
      changed = true;
      return arg;
    }
    if (negative(arg, c)) {
      changed = true;
      return neg(arg);
    }
    return call(fn, arg);
  });
  return changed ? simplified(r) : null;
}

/** `e` with every logarithm it contains taken apart; null when none could be. */
export function logsExpanded(e: Expr, c: SideSearch): Expr | null {
  let changed = false;
  const r = mapCalls(e, (fn, arg) => {
    if (fn !== "ln") return call(fn, arg);
    const x = expandLn(arg, c, 0);
    if (!x) return call(fn, arg);
    changed = true;
    return x;
  });
  return changed ? simplified(r) : null;
}
