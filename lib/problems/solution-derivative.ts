// Worked steps of a derivative from the differentiator's trace: each rule is set up on its own line
// (the pieces still to differentiate written with a prime), the pieces are worked below it, and the
// result is collected last. One typeset line per step, each naming its rule and why it applies.
import { type Expr, add, dependsOn, mul, neg, variable } from "../calculus/ast";
import { type DiffStep, derivative } from "../calculus/diff";
import { toLatex, toText } from "../calculus/print";
import type { SolutionStep } from "./solution-types";

const L = toLatex;
const MAX_TRACE_STEPS = 10;

function paren(e: Expr): string {
  return e.kind === "add" || e.kind === "neg" ? `\\left(${L(e)}\\right)` : L(e);
}

/** e², bracketed unless e is a variable or a number. */
function squared(e: Expr): string {
  return e.kind === "var" || e.kind === "num" ? `${L(e)}^{2}` : `\\left(${L(e)}\\right)^{2}`;
}

function prime(e: Expr): string {
  return `\\left(${L(e)}\\right)'`;
}

/** `$...$` around a LaTeX fragment, for the prose of a step. */
export const m = (latex: string): string => `$${latex}$`;

export function replaceExpr(e: Expr, target: Expr, by: Expr): Expr {
  if (toText(e) === toText(target)) return by;
  switch (e.kind) {
    case "num":
    case "const":
    case "var":
      return e;
    case "add":
      return add(...e.terms.map((t) => replaceExpr(t, target, by)));
    case "mul":
      return mul(...e.factors.map((t) => replaceExpr(t, target, by)));
    case "neg":
      return neg(replaceExpr(e.arg, target, by));
    case "div":
      return { kind: "div", num: replaceExpr(e.num, target, by), den: replaceExpr(e.den, target, by) };
    case "pow":
      return { kind: "pow", base: replaceExpr(e.base, target, by), exp: replaceExpr(e.exp, target, by) };
    case "call":
      return { kind: "call", fn: e.fn, arg: replaceExpr(e.arg, target, by) };
    case "logb":
      return { kind: "logb", base: e.base, arg: replaceExpr(e.arg, target, by) };
  }
}

function chainInner(e: Expr, v: string): Expr | null {
  if (e.kind === "call" || e.kind === "logb") return e.arg;
  if (e.kind === "pow") return dependsOn(e.exp, v) ? e.exp : e.base;
  return null;
}

/** The rule's name, why it applies to this expression, and its set-up (the right-hand side). */
function ruleLine(s: DiffStep, v: string): { rule: string; why: string; rhs: string } {
  const e = s.expr;
  const result = L(s.derivative);
  switch (s.rule) {
    case "sum": {
      const terms = e.kind === "add" ? e.terms : [e];
      return {
        rule: "Sum rule",
        why: `a sum of ${terms.length} terms is differentiated term by term${terms.some((t) => !dependsOn(t, v)) ? " (a constant term gives 0)" : ""}`,
        rhs: terms
          .map((t, i) => {
            const isNeg = t.kind === "neg";
            const body = isNeg ? t.arg : t;
            const piece = dependsOn(body, v) ? prime(body) : "0";
            return i === 0 ? `${isNeg ? "-" : ""}${piece}` : `${isNeg ? " - " : " + "}${piece}`;
          })
          .join(""),
      };
    }
    case "constant multiple": {
      if (e.kind === "div")
        return {
          rule: "Constant multiple",
          why: `the constant denominator ${m(L(e.den))} stays; only the numerator is differentiated`,
          rhs: `\\frac{${prime(e.num)}}{${L(e.den)}}`,
        };
      const factors = e.kind === "mul" ? e.factors : e.kind === "neg" ? [e.arg] : [e];
      const constants = factors.filter((f) => !dependsOn(f, v));
      const varying = factors.filter((f) => dependsOn(f, v));
      const c = e.kind === "neg" ? "-1" : L(mul(...constants));
      const inner = varying.length ? mul(...varying) : e;
      return {
        rule: "Constant multiple",
        why: `the constant factor ${m(c)} stays; only ${m(L(inner))} is differentiated`,
        // c·v: the variable's derivative is 1, so the line ends with the result.
        rhs: `${e.kind === "neg" ? "-" : `${paren(mul(...constants))} \\cdot `}${prime(inner)}${
          inner.kind === "var" && inner.name === v ? ` = ${result}` : ""
        }`,
      };
    }
    case "product": {
      const factors = e.kind === "mul" ? e.factors : [e];
      const varying = factors.filter((f) => dependsOn(f, v));
      const constants = factors.filter((f) => !dependsOn(f, v));
      const c = constants.length ? `${L(mul(...constants))}\\left(` : "";
      const cEnd = constants.length ? "\\right)" : "";
      const terms = varying.map((_, i) => varying.map((g, j) => (i === j ? prime(g) : paren(g))).join(" "));
      return {
        rule: "Product rule",
        why: `f is a product of ${varying.map((g) => m(L(g))).join(" and ")}: ${m("(uv)' = u'v + uv'")}`,
        rhs: `${c}${terms.join(" + ")}${cEnd}`,
      };
    }
    case "quotient":
      if (e.kind === "div")
        return {
          rule: "Quotient rule",
          why: `a quotient with numerator ${m(L(e.num))} and denominator ${m(L(e.den))}: ${m("(u/v)' = (u'v - uv')/v^2")}`,
          rhs: `\\frac{${prime(e.num)} ${paren(e.den)} - ${paren(e.num)} ${prime(e.den)}}{${squared(e.den)}}`,
        };
      break;
    case "reciprocal":
      if (e.kind === "div")
        return {
          rule: "Reciprocal rule",
          why: `a constant over ${m(L(e.den))}: ${m("(c/v)' = -c v'/v^2")}`,
          rhs: `-\\frac{${L(e.num)} \\cdot ${prime(e.den)}}{${squared(e.den)}}`,
        };
      break;
    case "chain": {
      const inner = chainInner(e, v);
      if (!inner) break;
      const u = variable("u");
      const outer = replaceExpr(e, inner, u);
      const dOuter = derivative(outer, "u");
      const outerAt = dOuter.ok ? replaceExpr(dOuter.expr, u, inner) : null;
      return {
        rule: "Chain rule",
        why: `the outer function is ${m(L(outer))}, the inner is ${m(`u = ${L(inner)}`)}: differentiate the outer at the inner, times the inner's derivative`,
        rhs: outerAt ? `${paren(outerAt)} \\cdot ${prime(inner)}` : result,
      };
    }
    case "power":
      return {
        rule: "Power rule",
        why: `${m("(x^n)' = n x^{n-1}")}${e.kind === "pow" ? `, here with ${m(`n = ${L(e.exp)}`)}` : ""}`,
        rhs: result,
      };
    case "exponential":
      return {
        rule: "Exponential rule",
        why: `${m("(e^x)' = e^x")} and ${m("(a^x)' = a^x \\ln a")}`,
        rhs: result,
      };
    case "general power":
      return {
        rule: "General power rule",
        why: `both the base and the exponent vary: write ${m("u^w = e^{w \\ln u}")} and differentiate`,
        rhs: result,
      };
    case "function":
      return {
        rule: `Derivative of ${s.fn ?? "a standard function"}`,
        why: `from the table of standard derivatives`,
        rhs: result,
      };
    default:
      break;
  }
  return { rule: "Rule", why: "", rhs: result };
}

/**
 * The steps of d/dv f, outermost rule first: each compound rule is set up (its pieces primed), then
 * each piece is worked on its own line. The result is not restated here (the caller collects it).
 */
export function derivativeSteps(
  f: Expr,
  v: string,
  partial = false,
): { steps: SolutionStep[]; result: Expr | null } {
  const d = derivative(f, v, { trace: true });
  if (!d.ok) return { steps: [], result: null };
  const out: SolutionStep[] = [];
  const dOp = partial ? `\\frac{\\partial}{\\partial ${v}}` : `\\frac{d}{d${v}}`;
  const visit = (s: DiffStep, depth: number): void => {
    if (out.length >= MAX_TRACE_STEPS) return;
    if (s.rule === "constant" || s.rule === "variable") return;
    const line = ruleLine(s, v);
    const lhs = depth === 0 ? `${dOp}\\left(${L(s.expr)}\\right)` : prime(s.expr);
    const step = { rule: line.rule, why: line.why, latex: `${lhs} = ${line.rhs}` };
    // A rule set up with primes comes before its pieces; one whose line is already the result
    // (an exponential with its inner derivative) comes after them.
    const resultFirst = line.rhs !== L(s.derivative);
    if (resultFirst) out.push(step);
    for (const c of s.steps) visit(c, depth + 1);
    if (!resultFirst) out.push(step);
  };
  for (const s of d.steps) visit(s, 0);
  return { steps: out, result: d.expr };
}
