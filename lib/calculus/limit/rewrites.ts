// Algebraic rewrites the strategies try on an indeterminate form.
import {
  type Expr,
  type UnaryFunction,
  add,
  call,
  children,
  dependsOn,
  div,
  equal,
  freeVariables as freeVariablesOf,
  mapCalls,
  mapNodes,
  mul,
  neg,
  num,
  pow,
} from "../ast";
import { evalConst, simplified } from "./search";

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

/**
 * sum k_i ln(u_i) as ln(prod u_i^k_i) (on the domain every u_i > 0), a term t without a logarithm
 * taken as ln(e^t) (`x - ln(1 + e^x)` = ln(e^x / (1 + e^x))); null without a logarithm.
 */
export function combinedLogarithm(terms: readonly Expr[]): Expr | null {
  const factors: Expr[] = [];
  let logs = 0;
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
    if (u.kind !== "call" || u.fn !== "ln") {
      factors.push(call("exp", t));
      continue;
    }
    logs++;
    factors.push(k === 1 ? u.arg : pow(u.arg, num(k)));
  }
  return logs === 0 ? null : call("ln", simplified(mul(...factors)));
}

/** The cofactor of `f` in the term `t` (t = f * cofactor), or null when f is not a factor of t. */
function cofactor(t: Expr, f: Expr): Expr | null {
  if (equal(t, f)) return num(1);
  if (t.kind === "neg") {
    const c = cofactor(t.arg, f);
    return c && neg(c);
  }
  if (t.kind === "mul") {
    const i = t.factors.findIndex((g) => equal(g, f));
    if (i >= 0) return mul(...t.factors.filter((_, j) => j !== i), num(1));
  }
  return null;
}

/**
 * A sum whose terms share a factor as that factor times the sum of the cofactors
 * (`x cos(1/(x-1)) - cos(1/(x-1))` = cos(1/(x-1)) (x - 1)), trying the factors of the first term;
 * null when none is shared by every term.
 */
export function commonFactor(terms: readonly Expr[], isCandidate: (f: Expr) => boolean): Expr | null {
  const first = terms[0];
  if (!first) return null;
  const body = first.kind === "neg" ? first.arg : first;
  const candidates = body.kind === "mul" ? body.factors : [body];
  for (const f of candidates) {
    if (!isCandidate(f)) continue;
    const cs = terms.map((t) => cofactor(t, f));
    if (cs.every((c) => c !== null)) return mul(f, simplified(add(...cs)));
  }
  return null;
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

/**
 * A product with its exponential factors (exp(u), b^g for a constant b > 0) as one exponential,
 * exp(u + g ln b) (3^(1/x) 5^(-1/x) = exp((ln 3 - ln 5)/x)); null with fewer than two of them.
 */
export function exponentialsCombined(factors: readonly Expr[], v: string): Expr | null {
  const exps: Expr[] = [];
  const others: Expr[] = [];
  for (const f of factors) {
    if (f.kind === "call" && f.fn === "exp") exps.push(f.arg);
    else if (f.kind === "pow" && dependsOn(f.exp, v) && !dependsOn(f.base, v)) {
      if (f.base.kind === "const" && f.base.name === "e") exps.push(f.exp);
      else if (evalConst(f.base) > 0) exps.push(mul(f.exp, call("ln", f.base)));
      else others.push(f);
    } else others.push(f);
  }
  if (exps.length < 2) return null;
  return mul(call("exp", simplified(add(...exps))), ...others);
}

/**
 * log_a(b) for whole numbers a, b >= 2 when it is rational, as n/m: a = t^m and b = t^n for the
 * smallest root t of a (every whole root of a is a power of it); null otherwise.
 */
function rationalLog(a: number, b: number): { n: number; m: number } | null {
  if (!Number.isInteger(a) || !Number.isInteger(b) || a < 2 || b < 2 || a > 2 ** 40 || b > 2 ** 40)
    return null;
  for (let m = 40; m >= 1; m--) {
    const t = Math.round(a ** (1 / m));
    if (t < 2 || t ** m !== a) continue;
    let n = 0;
    let rest = b;
    while (rest % t === 0) {
      rest /= t;
      n++;
    }
    return rest === 1 ? { n, m } : null;
  }
  return null;
}

/**
 * b^(k log_a(u) + c) as u^(k log_a b) b^c when log_a b is rational (27^(log_3 x) = x^3): the power of
 * a whole number to a logarithm of another base, an identity on the logarithm's domain (u > 0). Any
 * other power is left as it is.
 */
export function powersOfLogarithms(e: Expr): Expr {
  return mapNodes(
    e,
    (n) => (n.kind === "pow" && n.base.kind === "num" && logPower(n.base.value, n.exp)) || n,
  );
}

/** log_b(u), log2(u) and log10(u) as their base and argument; null for anything else. */
function logOfBase(f: Expr): { base: number; arg: Expr } | null {
  if (f.kind === "logb") return { base: f.base, arg: f.arg };
  if (f.kind === "call" && f.fn === "log2") return { base: 2, arg: f.arg };
  if (f.kind === "call" && f.fn === "log10") return { base: 10, arg: f.arg };
  return null;
}

function logPower(b: number, exp: Expr): Expr | null {
  const terms = exp.kind === "add" ? exp.terms : [exp];
  const constants: Expr[] = [];
  const powers: Expr[] = [];
  for (const t of terms) {
    if (freeVariablesOf(t).length === 0) {
      constants.push(t);
      continue;
    }
    const sign = t.kind === "neg" ? -1 : 1;
    const body = t.kind === "neg" ? t.arg : t;
    const factors = body.kind === "mul" ? body.factors : [body];
    const logs = factors.map(logOfBase).filter((l) => l !== null);
    const rest = factors.filter((f) => logOfBase(f) === null);
    if (logs.length !== 1 || rest.some((f) => f.kind !== "num")) return null;
    const l = logs[0]!;
    const r = rationalLog(l.base, b);
    if (r === null) return null;
    const k = rest.reduce((p, f) => p * (f as Extract<Expr, { kind: "num" }>).value, sign);
    // The exponent exactly: k n / m, not its float.
    powers.push(pow(l.arg, r.m === 1 ? num(k * r.n) : div(num(k * r.n), num(r.m))));
  }
  if (powers.length === 0) return null;
  return mul(...(constants.length ? [pow(num(b), add(...constants))] : []), ...powers);
}
