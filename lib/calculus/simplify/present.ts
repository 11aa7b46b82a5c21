// Back from the internal form to a display tree: negative powers into a denominator, sqrt and exp
// where a textbook writes them, coefficients in front.
import { type Expr, cnst, div as divE, num, pow as powE } from "../ast";
import * as ast from "../ast";
import { type Q, ONE, isExact, isNegative, isOne, mulQ, negQ, value } from "../rational";
import { type N, isE, nq } from "./internal";

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
