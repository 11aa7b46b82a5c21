// Worked solutions and hints for stored problems: derivative steps come from the differentiator's
// trace (the rule at each step, typeset with toLatex), limits from the method of their skill.
import { type Expr, add, dependsOn, mul, neg, variable } from "../calculus/ast";
import { type DiffStep, derivative } from "../calculus/diff";
import { limit } from "../calculus/limit";
import { toLatex, toText } from "../calculus/print";
import { simplify } from "../calculus/simplify";
import { keyLatexOf } from "./authored";
import { getSkill } from "./catalogue";
import { substitute } from "./exact";
import { approachOfGiven, limitSignLatex } from "./limit-statement";
import { readExpr, readProblem } from "./read";
import type { Problem, ProblemKind } from "./types";

export interface SolutionStep {
  readonly text: string;
  readonly latex?: string;
}

export interface Solution {
  readonly steps: SolutionStep[];
  readonly answerLatex: string;
}

const MAX_TRACE_STEPS = 10;
const L = toLatex;
const Tx = toText;

function paren(e: Expr): string {
  return e.kind === "add" || e.kind === "neg" ? `\\left(${L(e)}\\right)` : L(e);
}

function prime(e: Expr): string {
  return `\\left(${L(e)}\\right)'`;
}

const RULE_NAMES: Record<DiffStep["rule"], string> = {
  constant: "Constant",
  variable: "Variable",
  sum: "Sum rule",
  "constant multiple": "Constant multiple",
  product: "Product rule",
  quotient: "Quotient rule",
  reciprocal: "Reciprocal rule",
  power: "Power rule",
  exponential: "Exponential rule",
  "general power": "General power rule",
  function: "Derivative of a standard function",
  chain: "Chain rule",
};

/** The rule's formula applied to this expression, before simplification (LaTeX and text). */
function formula(s: DiffStep, v: string): { latex: string; text: string } | null {
  const e = s.expr;
  if (s.rule === "product" && e.kind === "mul") {
    const varying = e.factors.filter((f) => dependsOn(f, v));
    const constants = e.factors.filter((f) => !dependsOn(f, v));
    const c = constants.length ? `${L(mul(...constants))}\\left(` : "";
    const cEnd = constants.length ? "\\right)" : "";
    const terms = varying.map((_, i) => varying.map((g, j) => (i === j ? prime(g) : paren(g))).join(" "));
    const termsText = varying
      .map((_, i) => varying.map((g, j) => (i === j ? `(${Tx(g)})'` : `(${Tx(g)})`)).join("*"))
      .join(" + ");
    return { latex: `${c}${terms.join(" + ")}${cEnd}`, text: termsText };
  }
  if (s.rule === "quotient" && e.kind === "div") {
    return {
      latex: `\\frac{${prime(e.num)} ${paren(e.den)} - ${paren(e.num)} ${prime(e.den)}}{${paren(e.den)}^{2}}`,
      text: `((${Tx(e.num)})'*(${Tx(e.den)}) - (${Tx(e.num)})*(${Tx(e.den)})')/(${Tx(e.den)})^2`,
    };
  }
  if (s.rule === "chain") {
    const inner =
      e.kind === "call" || e.kind === "logb"
        ? e.arg
        : e.kind === "pow"
          ? dependsOn(e.exp, v)
            ? e.exp
            : e.base
          : null;
    if (!inner) return null;
    const u = variable("u");
    const outer = replace(e, inner, u);
    return {
      latex: `\\left.\\frac{d}{du}\\left(${L(outer)}\\right)\\right|_{u = ${L(inner)}} \\cdot ${prime(inner)}`,
      text: `d/du (${Tx(outer)}) at u = ${Tx(inner)}, times (${Tx(inner)})'`,
    };
  }
  return null;
}

function replace(e: Expr, target: Expr, by: Expr): Expr {
  if (Tx(e) === Tx(target)) return by;
  switch (e.kind) {
    case "num":
    case "const":
    case "var":
      return e;
    case "add":
      return add(...e.terms.map((t) => replace(t, target, by)));
    case "mul":
      return mul(...e.factors.map((t) => replace(t, target, by)));
    case "neg":
      return neg(replace(e.arg, target, by));
    case "div":
      return { kind: "div", num: replace(e.num, target, by), den: replace(e.den, target, by) };
    case "pow":
      return { kind: "pow", base: replace(e.base, target, by), exp: replace(e.exp, target, by) };
    case "call":
      return { kind: "call", fn: e.fn, arg: replace(e.arg, target, by) };
    case "logb":
      return { kind: "logb", base: e.base, arg: replace(e.arg, target, by) };
  }
}

/** Steps of d/dv f from the differentiator's trace, outermost rule first. */
export function derivativeSteps(
  f: Expr,
  v: string,
  label = `d/d${v}`,
): { steps: SolutionStep[]; result: Expr | null } {
  const d = derivative(f, v, { trace: true });
  if (!d.ok) return { steps: [{ text: d.error.message }], result: null };
  const out: SolutionStep[] = [];
  const dLatex = label.startsWith("∂") ? `\\frac{\\partial}{\\partial ${v}}` : `\\frac{d}{d${v}}`;
  const visit = (s: DiffStep, depth: number): void => {
    if (out.length >= MAX_TRACE_STEPS) return;
    if (s.rule === "constant" || s.rule === "variable") return;
    if (depth > 0 && s.rule === "constant multiple") {
      // c*u inside a bigger rule: the step on u says the same thing.
      for (const c of s.steps) visit(c, depth + 1);
      return;
    }
    const f0 = formula(s, v);
    const name =
      s.fn && s.rule !== "chain"
        ? `${RULE_NAMES[s.rule]} (${s.fn})`
        : s.fn
          ? `${RULE_NAMES[s.rule]} (outer ${s.fn})`
          : RULE_NAMES[s.rule];
    const lhs = `${dLatex}\\left(${L(s.expr)}\\right)`;
    out.push({
      text: `${name}: ${label} [${Tx(s.expr)}] = ${f0 ? `${f0.text} = ` : ""}${Tx(s.derivative)}`,
      latex: `${lhs} = ${f0 ? `${f0.latex} = ` : ""}${L(s.derivative)}`,
    });
    for (const c of s.steps) visit(c, depth + 1);
  };
  for (const s of d.steps) visit(s, 0);
  return { steps: out, result: d.expr };
}

function pointText(vars: readonly string[], point: Record<string, Expr>): string {
  return `(${vars.map((v) => Tx(point[v] ?? variable(v))).join(", ")})`;
}

const str = (u: unknown, fallback: string): string => (typeof u === "string" ? u : fallback);

function limitTarget(p: Problem): { latex: string; text: string } {
  const a = approachOfGiven(p.given, (to) => readExpr(to, []));
  const side = a.side === "both" || a.to === "inf" || a.to === "-inf" ? "" : ` from the ${a.side}`;
  return { latex: limitSignLatex(a), text: `lim ${a.v} -> ${a.to}${side}` };
}

function answerLatexOf(p: Problem): string {
  if (p.answerKind === "grid" || p.answerKind === "matrix") return keyLatexOf(p);
  if (Array.isArray(p.answer))
    return `\\left(${p.answer.map((a) => L(readExpr(a, p.vars) ?? variable("?"))).join(", ")}\\right)`;
  if (p.answer === "DNE") return "\\text{does not exist}";
  if (p.answer === "inf") return "\\infty";
  if (p.answer === "-inf") return "-\\infty";
  const e = readExpr(p.answer, p.vars) ?? readExpr(p.answer, []);
  const body = e ? L(e) : p.answer;
  return p.kind === "tangent_line" ? `y = ${body}` : body;
}

/** "x - a" simplified: x + 5 for a = -5. */
function minus(v: string, to: string): string {
  const e = readExpr(`${v} - (${to})`, [v]);
  if (!e) return `${v} - ${to}`;
  const s = simplify(e);
  return Tx(s.ok ? s.expr : e);
}

function limitSolution(p: Problem): SolutionStep[] {
  const { f } = readProblem(p);
  const v = str(p.given.var, "x");
  const to = str(p.given.to, "0");
  const lim = limitTarget(p);
  const fL = f ? L(f) : String(p.given.f);
  const steps: SolutionStep[] = [
    { text: `We want ${lim.text} of ${String(p.given.f)}.`, latex: `${lim.latex} ${fL}` },
  ];
  const d = p.detail ?? {};
  const value =
    p.answer === "DNE"
      ? "does not exist"
      : p.answer === "inf"
        ? "infinity"
        : p.answer === "-inf"
          ? "-infinity"
          : String(p.answer);
  switch (p.skill) {
    case "limit-direct-substitution":
      steps.push({
        text: `The function is continuous at ${v} = ${to} (nothing is undefined there), so substitute ${v} = ${to}: the limit is ${value}.`,
      });
      break;
    case "limit-factor-cancel":
      steps.push({
        text: `Substituting ${v} = ${to} gives 0/0, so (${minus(v, to)}) divides both the numerator and the denominator.`,
      });
      if (d.factored)
        steps.push({ text: `Factor: ${d.factored}.`, latex: L(readExpr(d.factored, [v]) ?? variable(v)) });
      if (d.cancelled)
        steps.push({
          text: `Cancel the common factor: ${d.cancelled}, which is continuous at ${v} = ${to}.`,
          latex: L(readExpr(d.cancelled, [v]) ?? variable(v)),
        });
      steps.push({ text: `Substitute ${v} = ${to}: the limit is ${value}.` });
      break;
    case "limit-rationalise":
      steps.push({
        text: `Substituting gives 0/0. Multiply numerator and denominator by the conjugate ${d.conjugate ?? ""}.`,
      });
      if (d.other) {
        steps.push({
          text: `(${d.root ?? ""} - ${d.other})(${d.conjugate ?? ""}) is the difference of the two radicands, which has the factor (${minus(v, to)}); cancel it.`,
        });
        steps.push({
          text: `What remains is continuous: substitute ${v} = ${to} (the conjugate becomes ${Number(d.m ?? 0) * 2}). The limit is ${value}.`,
        });
        break;
      }
      steps.push({
        text: `(${d.root ?? "sqrt(...)"} - ${d.m ?? "m"})(${d.conjugate ?? ""}) = (the radicand) - ${d.m ?? "m"}^2, which has the factor (${minus(v, to)}); cancel it.`,
      });
      steps.push({
        text: `What remains is continuous: substitute ${v} = ${to} (the conjugate becomes ${Number(d.m ?? 0) * 2}). The limit is ${value}.`,
      });
      break;
    case "limit-sin-over-x":
      steps.push({
        text: `Write each sin(a${v}) as (a${v})·sin(a${v})/(a${v}) and each tan(a${v}) as (a${v})·tan(a${v})/(a${v}); both quotients tend to 1 as ${v} -> 0.`,
        latex: `\\lim_{u \\to 0} \\frac{\\sin u}{u} = \\lim_{u \\to 0} \\frac{\\tan u}{u} = 1`,
      });
      steps.push({ text: `The powers of ${v} cancel and the constants remain: the limit is ${value}.` });
      break;
    case "limit-one-minus-cos":
      steps.push({
        text: `Use (1 - cos u)/u^2 -> 1/2 with u = a${v}: 1 - cos(a${v}) behaves like (a${v})^2/2 (and sin(b${v}) like b${v}).`,
        latex: `\\lim_{u \\to 0} \\frac{1 - \\cos u}{u^{2}} = \\frac{1}{2}`,
      });
      steps.push({ text: `Collect the constants: the limit is ${value}.` });
      break;
    case "limit-exp-standard":
      steps.push({
        text: `Use (e^u - 1)/u -> 1 with u = a${v}: e^(a${v}) - 1 behaves like a${v} near 0.`,
        latex: `\\lim_{u \\to 0} \\frac{e^{u} - 1}{u} = 1`,
      });
      steps.push({ text: `Collect the constants: the limit is ${value}.` });
      break;
    case "limit-log-standard":
      steps.push({
        text: `Use ln(1 + u)/u -> 1 with u = a${v}: ln(1 + a${v}) behaves like a${v} near 0.`,
        latex: `\\lim_{u \\to 0} \\frac{\\ln(1 + u)}{u} = 1`,
      });
      steps.push({ text: `Collect the constants: the limit is ${value}.` });
      break;
    case "limit-rational-at-infinity": {
      const [n, m] = (d.degrees ?? "?,?").split(",");
      steps.push({
        text: `The numerator has degree ${n}, the denominator degree ${m}. Divide both by ${v}^${m}; every term with a negative power of ${v} tends to 0.`,
      });
      steps.push({
        text:
          n === m
            ? `Equal degrees: the limit is the ratio of the leading coefficients, ${value}.`
            : Number(n) < Number(m)
              ? `The denominator grows faster: the limit is 0.`
              : `The numerator grows faster: the quotient grows without bound, with the sign of the leading terms: ${value}.`,
      });
      break;
    }
    case "limit-exponential-vs-polynomial":
      steps.push({
        text: `An exponential e^(a${v}) with a > 0 grows faster than any power of ${v} (and e^(a${v}) -> 0 as ${v} -> -infinity faster than any power grows). Divide by the fastest-growing term.`,
      });
      steps.push({ text: `The terms that are beaten tend to 0: the limit is ${value}.` });
      break;
    case "limit-infinite":
      steps.push({
        text: `At ${v} = ${to} the denominator is 0 but the numerator is not: the quotient grows without bound.`,
      });
      steps.push({
        text: `Its sign: look at the signs of the numerator and of the denominator just ${p.given.side === "left" ? "left of" : p.given.side === "right" ? "right of" : "on both sides of"} ${to}. The limit is ${value}.`,
      });
      break;
    case "limit-does-not-exist":
      if (d.why === "one-sided")
        steps.push({
          text: `Only the ${p.given.side === "left" ? "left" : "right"} side is asked: for ${v} ${p.given.side === "left" ? "<" : ">"} ${to}, simplify and let ${v} approach ${to}. The limit is ${value}.`,
        });
      else if (d.why === "same-infinities")
        steps.push({
          text: `The denominator is an even power of (${minus(v, to)}), positive on both sides, so both one-sided limits are the same infinity: the limit is ${value}.`,
        });
      else if (d.why === "removable")
        steps.push({
          text: `Substituting gives 0/0: cancel the common factor (${minus(v, to)}), then substitute. Both sides agree: the limit is ${value}.`,
        });
      break;
    case "limit-one-sided-abs":
      steps.push({
        text:
          p.given.side === "right"
            ? `For ${v} > ${to}, |${minus(v, to)}| = ${minus(v, to)}.`
            : `For ${v} < ${to}, |${minus(v, to)}| = -(${minus(v, to)}).`,
      });
      steps.push({
        text: `Replace the absolute value, cancel (${minus(v, to)}), and substitute: the limit is ${value}.`,
      });
      break;
    default:
      break;
  }
  if (p.answer === "DNE" && f) {
    const at = readExpr(to, []);
    if (at) {
      const show = (side: "left" | "right"): string => {
        const r = limit(f, v, { kind: "point", at }, side);
        if (!r.ok) return "undetermined";
        if (r.kind === "finite") return r.exact ? Tx(r.exact) : String(r.value);
        if (r.kind === "dne") return "no limit (it oscillates)";
        return r.kind === "+inf" ? "infinity" : "-infinity";
      };
      const left = show("left");
      const right = show("right");
      steps.push({
        text:
          p.detail?.why === "oscillation"
            ? `As ${v} -> ${to} the argument of sin grows without bound, so the function oscillates between its extremes on both sides and approaches no single value.`
            : `From the left the function tends to ${left}; from the right to ${right}. The one-sided limits differ, so the two-sided limit does not exist.`,
      });
    }
  }
  return steps;
}

function partialLabel(v: string): string {
  return `∂/∂${v}`;
}

/** A worked solution for a stored problem. Never throws. */
export function solution(p: Problem): Solution {
  try {
    return { steps: solutionSteps(p), answerLatex: answerLatexOf(p) };
  } catch {
    return {
      steps: [{ text: "No worked solution is available for this problem." }],
      answerLatex: answerLatexOf(p),
    };
  }
}

function solutionSteps(p: Problem): SolutionStep[] {
  if (p.kind === "limit") return limitSolution(p);
  // Concrete problems carry the steps their generator wrote from its construction.
  if (p.kind === "concrete" || p.kind === "matrix")
    return p.steps ? [...p.steps] : [{ text: "No worked solution is stored." }];
  const { f, fvars, wrt, point, inner } = readProblem(p);
  if (!f) return [{ text: "The function of this problem cannot be read." }];
  const steps: SolutionStep[] = [];
  const at = (e: Expr | null, label: string): void => {
    if (!e || !point) return;
    const names = Object.keys(point);
    const where = names.length === 1 ? `${names[0]} = ${Tx(point[names[0]!]!)}` : pointText(names, point);
    steps.push({ text: `At ${where}: ${label} = ${Tx(substitute(e, point))} = ${String(p.answer)}.` });
  };
  switch (p.kind) {
    case "derivative": {
      const v = fvars[0] ?? "x";
      const d = derivativeSteps(f, v);
      steps.push(...d.steps);
      if (d.result)
        steps.push({ text: `So f'(${v}) = ${Tx(d.result)}.`, latex: `f'(${v}) = ${L(d.result)}` });
      if (point && d.result) at(d.result, `f'(${Tx(point[v] ?? variable(v))})`);
      return steps;
    }
    case "tangent_line": {
      const v = fvars[0] ?? "x";
      const d = derivativeSteps(f, v);
      steps.push(...d.steps);
      const a = point?.[v];
      const det = p.detail ?? {};
      if (d.result)
        steps.push({ text: `So f'(${v}) = ${Tx(d.result)}.`, latex: `f'(${v}) = ${L(d.result)}` });
      if (a) {
        steps.push({
          text: `At ${v} = ${Tx(a)}: f(${Tx(a)}) = ${det.y0 ?? "?"} and the slope is f'(${Tx(a)}) = ${det.slope ?? "?"}.`,
        });
        steps.push({
          text: `The tangent line is y = f(a) + f'(a)(${v} - a) = ${det.y0 ?? "?"} + (${det.slope ?? "?"})(${v} - ${Tx(a)}), that is y = ${String(p.answer)}.`,
        });
      }
      return steps;
    }
    case "partial": {
      steps.push({
        text: `Hold ${fvars.filter((u) => u !== wrt).join(" and ")} constant and differentiate with respect to ${wrt}.`,
      });
      const d = derivativeSteps(f, wrt, partialLabel(wrt));
      steps.push(...d.steps);
      if (d.result)
        steps.push({
          text: `So ∂f/∂${wrt} = ${Tx(d.result)}.`,
          latex: `\\frac{\\partial f}{\\partial ${wrt}} = ${L(d.result)}`,
        });
      if (point && d.result) at(d.result, `∂f/∂${wrt}`);
      return steps;
    }
    case "gradient":
    case "steepest_direction":
    case "max_rate":
    case "directional": {
      const parts: Expr[] = [];
      for (const v of fvars) {
        const d = derivative(f, v);
        if (!d.ok) return [{ text: d.error.message }];
        parts.push(d.expr);
        steps.push({
          text: `∂f/∂${v} = ${Tx(d.expr)} (the other variables held constant).`,
          latex: `\\frac{\\partial f}{\\partial ${v}} = ${L(d.expr)}`,
        });
      }
      steps.push({
        text: `grad f = (${parts.map(Tx).join(", ")}).`,
        latex: `\\nabla f = \\left(${parts.map(L).join(", ")}\\right)`,
      });
      if (!point) return steps;
      const gAt = p.detail?.gradientAt ?? (Array.isArray(p.answer) ? p.answer.join("; ") : "");
      const gText = `(${gAt.split("; ").join(", ")})`;
      steps.push({ text: `At ${pointText(fvars, point)}: grad f = ${gText}.` });
      if (p.kind === "steepest_direction") {
        steps.push({
          text: `The directional derivative grad f · u is largest when the unit vector u points along grad f, so the direction of steepest ascent is ${gText} (or any positive multiple).`,
        });
      } else if (p.kind === "max_rate") {
        steps.push({
          text: `The maximal rate is the length of the gradient: |grad f| = sqrt(${gAt
            .split("; ")
            .map((c) => `(${c})^2`)
            .join(" + ")}) = ${String(p.answer)}.`,
        });
      } else if (p.kind === "directional") {
        const dir = (p.given.direction as number[] | undefined) ?? [];
        steps.push({
          text: `|v| = sqrt(${dir.map((c) => `(${c})^2`).join(" + ")}) = ${p.detail?.norm ?? "?"}, so u = v/|v| = (${dir.join(", ")})/${p.detail?.norm ?? "?"}.`,
        });
        steps.push({
          text: `D_u f = grad f · u = (${gAt
            .split("; ")
            .map((c, i) => `(${c})(${dir[i] ?? 0})`)
            .join(" + ")})/${p.detail?.norm ?? "?"} = ${String(p.answer)}.`,
        });
      }
      return steps;
    }
    case "chain": {
      if (!inner) return [{ text: "The inner functions of this problem cannot be read." }];
      const terms: string[] = [];
      for (const v of fvars) {
        const d = derivative(f, v);
        const dv = inner[v] ? derivative(inner[v], "t") : null;
        if (!d.ok || !dv?.ok) continue;
        steps.push({
          text: `∂f/∂${v} = ${Tx(d.expr)}; ${v}'(t) = ${Tx(dv.expr)}.`,
          latex: `\\frac{\\partial f}{\\partial ${v}} = ${L(d.expr)},\\quad ${v}'(t) = ${L(dv.expr)}`,
        });
        terms.push(`f_${v} ${v}'(t)`);
      }
      steps.push({
        text: `df/dt = ${terms.join(" + ")}, with ${fvars.map((v) => `${v} = ${Tx(inner[v] ?? variable(v))}`).join(", ")} substituted.`,
      });
      const key = readExpr(p.detail?.derivative ?? (point ? "" : p.answer), ["t"]);
      if (key) steps.push({ text: `df/dt = ${Tx(key)}.`, latex: `\\frac{df}{dt} = ${L(key)}` });
      if (point?.t) steps.push({ text: `At t = ${Tx(point.t)}: df/dt = ${String(p.answer)}.` });
      return steps;
    }
  }
}

const KIND_HINTS: Record<ProblemKind, string> = {
  limit:
    "Try substitution first; if it gives 0/0, c/0 or infinity/infinity, transform the expression before taking the limit.",
  derivative: "Identify the outermost operation and apply its rule.",
  tangent_line: "Find f(a) and f'(a), then use y = f(a) + f'(a)(x - a).",
  partial: "Hold the other variables constant.",
  gradient: "List the partial derivatives in the order of the variables.",
  directional: "Use grad f · v/|v|.",
  steepest_direction: "The gradient points in the direction of steepest ascent.",
  max_rate: "The maximal rate of increase is |grad f|.",
  chain: "df/dt = f_x x'(t) + f_y y'(t).",
  concrete: "Write down the shape of the object asked for first, then fill it entry by entry.",
  matrix:
    "Write down the shape of the answer first; then apply each operation's rule from the outside in, checking the shape of every product.",
};

/** A hint: the method of the problem's skill, never the answer. */
export function hint(p: Problem): string {
  return getSkill(p.skill)?.hint ?? KIND_HINTS[p.kind];
}
