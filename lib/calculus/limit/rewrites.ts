// Algebraic rewrites the strategies try on an indeterminate form.
import {
  type Expr,
  type UnaryFunction,
  add,
  call,
  children,
  div,
  mapCalls,
  mul,
  neg,
  num,
  pow,
} from "../ast";
import { simplified } from "./search";

/** Whether `e` calls one of `fns`. */
export function mentions(e: Expr, fns: readonly UnaryFunction[]): boolean {
  if (e.kind === "call" && fns.includes(e.fn)) return true;
  return children(e).some((ch) => mentions(ch, fns));
}

/** sinh, cosh and tanh written with exp. */
export function hyperbolicAsExp(e: Expr): Expr {
  return mapCalls(e, (fn, u) => {
    const p = call("exp", u);
    const m = call("exp", neg(u));
    if (fn === "sinh") return div(add(p, neg(m)), num(2));
    if (fn === "cosh") return div(add(p, m), num(2));
    if (fn === "tanh") return div(add(p, neg(m)), add(p, m));
    return call(fn, u);
  });
}

/** sum k_i ln(u_i) as ln(prod u_i^k_i) (on the domain every u_i > 0), or null when a term is not of that form. */
export function combinedLogarithm(terms: readonly Expr[]): Expr | null {
  const factors: Expr[] = [];
  for (const t of terms) {
    let k = 1;
    let u = t;
    if (u.kind === "neg") {
      k = -1;
      u = u.arg;
    }
    if (u.kind === "mul" && u.factors.length === 2 && u.factors[0]!.kind === "num") {
      k *= u.factors[0].value;
      u = u.factors[1]!;
    }
    if (u.kind !== "call" || u.fn !== "ln") return null;
    factors.push(k === 1 ? u.arg : pow(u.arg, num(k)));
  }
  return call("ln", simplified(mul(...factors)));
}

/** sum n_i/d_i as one fraction, or null when no term is a fraction. */
export function commonDenominator(terms: readonly Expr[]): Expr | null {
  const parts = terms.map((t) => {
    let sign = false;
    let u = t;
    if (u.kind === "neg") {
      sign = true;
      u = u.arg;
    }
    const nd = u.kind === "div" ? { n: u.num, d: u.den } : { n: u, d: num(1) };
    return { n: sign ? neg(nd.n) : nd.n, d: nd.d };
  });
  if (!parts.some((p) => !(p.d.kind === "num" && p.d.value === 1))) return null;
  const numer = add(...parts.map((p, i) => mul(p.n, ...parts.filter((_, j) => j !== i).map((q) => q.d))));
  const den = mul(...parts.map((p) => p.d));
  return div(simplified(numer), simplified(den));
}
