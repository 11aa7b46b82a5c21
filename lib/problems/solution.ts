// Worked solutions of stored problems: one typeset line per step, each naming its rule and why it
// applies, ending with exactly one line that reaches the answer. Derivatives are worked from the
// differentiator's trace (solution-derivative.ts), limits by their skill's method (solution-limit.ts),
// gradients component by component; Parts 2 and 3 carry the steps their generators wrote, those in
// words typeset from the mathematics in them (solution-words.ts).
import { type Expr, variable } from "../calculus/ast";
import { derivative } from "../calculus/diff";
import { toLatex } from "../calculus/print";
import { keyLatexOf } from "./authored";
import { getSkill } from "./catalogue";
import { substitute } from "./exact";
import { readExpr, readProblem } from "./read";
import { derivativeSteps, m } from "./solution-derivative";
import { limitSteps } from "./solution-limit";
import type { Solution, SolutionStep } from "./solution-types";
import { wordsLatex } from "./solution-words";
import type { Problem } from "./types";

export type { Solution, SolutionStep } from "./solution-types";
export { derivativeSteps } from "./solution-derivative";

const L = toLatex;

/** The answer alone, typeset (a tangent line with its `y =`). */
export function answerLatexOf(p: Problem): string {
  if (p.answerKind === "grid" || p.answerKind === "matrix") return keyLatexOf(p);
  if (Array.isArray(p.answer))
    return `\\left(${p.answer.map((a) => L(readExpr(a, p.vars) ?? variable("?"))).join(", ")}\\right)`;
  if (p.answer === "DNE") return "\\text{does not exist}";
  if (p.answer === "inf") return "+\\infty";
  if (p.answer === "-inf") return "-\\infty";
  const e = readExpr(p.answer, p.vars) ?? readExpr(p.answer, []);
  const body = e ? L(e) : p.answer;
  return p.kind === "tangent_line" ? `y = ${body}` : body;
}

const squash = (latex: string): string => latex.replace(/\s+/g, " ").trim();

/** A line before the last one stops short of the answer, which the last line states once. */
function beforeTheAnswer(latex: string, answerLatex: string): string {
  let l = squash(latex);
  const tail = ` = ${squash(answerLatex)}`;
  while (l.endsWith(tail) && l.length > tail.length) l = l.slice(0, -tail.length);
  return l;
}

/** Whether a line is the answer or ends with `= answer`. */
function endsWith(latex: string | undefined, answerLatex: string): boolean {
  if (!latex) return false;
  const l = squash(latex);
  const a = squash(answerLatex);
  return l === a || l.endsWith(`= ${a}`);
}

function markLastFinal(steps: SolutionStep[]): SolutionStep[] {
  return steps.map((s, i) => (i === steps.length - 1 ? { ...s, final: true } : s));
}

/** A worked solution for a stored problem. Never throws. */
export function solution(p: Problem): Solution {
  const answerLatex = answerLatexOf(p);
  let steps: SolutionStep[];
  try {
    steps = solutionSteps(p, answerLatex);
  } catch {
    steps = [];
  }
  if (!steps.some((s) => s.final))
    steps = [...steps, { rule: "Answer", why: "", latex: answerLatex, final: true }];
  return { steps, answerLatex };
}

function pointLatex(vars: readonly string[], point: Record<string, Expr>): string {
  return vars.length === 1
    ? `${vars[0]} = ${L(point[vars[0]!] ?? variable("?"))}`
    : `(${vars.map((v) => L(point[v] ?? variable(v))).join(", ")})`;
}

function argsLatex(vars: readonly string[], point: Record<string, Expr>): string {
  return vars.map((v) => L(point[v] ?? variable(v))).join(", ");
}

const vec = (parts: readonly string[]): string => `\\left(${parts.join(",\\ ")}\\right)`;

/** The line that substitutes a point into an expression and reaches the answer. */
function evaluate(lhs: string, e: Expr, point: Record<string, Expr>, answerLatex: string): SolutionStep {
  const names = Object.keys(point);
  return {
    rule: "Evaluate at the point",
    why: `substitute ${m(pointLatex(names, point))}`,
    latex: `${lhs} = ${L(substitute(e, point))} = ${answerLatex}`,
    final: true,
  };
}

function solutionSteps(p: Problem, answerLatex: string): SolutionStep[] {
  if (p.kind === "limit") return limitSteps(p, answerLatex);
  if (p.kind === "concrete" || p.kind === "matrix") return storedSteps(p, answerLatex);
  const { f, fvars, wrt, point, inner } = readProblem(p);
  if (!f) return [];
  switch (p.kind) {
    case "derivative": {
      const v = fvars[0] ?? "x";
      const d = derivativeSteps(f, v);
      const steps = [...d.steps];
      if (!d.result) return steps;
      const at = point?.[v];
      if (!at && endsWith(steps.at(-1)?.latex, answerLatex)) return markLastFinal(steps);
      steps.push({
        rule: "Collect and simplify",
        why: "put the pieces together",
        latex: `f'(${v}) = ${at ? L(d.result) : answerLatex}`,
        ...(at ? {} : { final: true }),
      });
      if (point && at) steps.push(evaluate(`f'(${L(at)})`, d.result, point, answerLatex));
      return steps;
    }
    case "tangent_line": {
      const v = fvars[0] ?? "x";
      const d = derivativeSteps(f, v);
      const steps = [...d.steps];
      const a = point?.[v];
      if (!d.result || !a) return steps;
      const det = p.detail ?? {};
      const y0 = readExpr(det.y0, []);
      const slope = readExpr(det.slope, []);
      steps.push({
        rule: "Collect and simplify",
        why: "put the pieces together",
        latex: `f'(${v}) = ${L(d.result)}`,
      });
      steps.push({
        rule: "The point and the slope",
        why: `evaluate f and f′ at ${m(`${v} = ${L(a)}`)}`,
        latex: `f(${L(a)}) = ${y0 ? L(y0) : "?"},\\quad f'(${L(a)}) = ${slope ? L(slope) : "?"}`,
      });
      const aL = a.kind === "neg" ? `\\left(${L(a)}\\right)` : L(a);
      steps.push({
        rule: "Point-slope form",
        why: `${m("y = f(a) + f'(a)(x - a)")}, multiplied out`,
        latex: `y = ${y0 ? L(y0) : "?"} + ${slope ? `\\left(${L(slope)}\\right)` : "?"}\\left(${v} - ${aL}\\right) \\;\\Rightarrow\\; ${answerLatex}`,
        final: true,
      });
      return steps;
    }
    case "partial": {
      const others = fvars.filter((u) => u !== wrt);
      const d = derivativeSteps(f, wrt, true);
      const steps: SolutionStep[] = [
        {
          rule: "Partial derivative",
          why: `hold ${others.map((u) => m(u)).join(" and ")} constant: ${others.length === 1 ? "it behaves" : "they behave"} like a number`,
          latex: `\\frac{\\partial f}{\\partial ${wrt}} = \\frac{\\partial}{\\partial ${wrt}}\\left(${L(f)}\\right)`,
        },
        ...d.steps,
      ];
      if (!d.result) return steps;
      const at = point && Object.keys(point).length > 0;
      if (!at && endsWith(steps.at(-1)?.latex, answerLatex)) return markLastFinal(steps);
      steps.push({
        rule: "Collect and simplify",
        why: "put the pieces together",
        latex: `\\frac{\\partial f}{\\partial ${wrt}} = ${at ? L(d.result) : answerLatex}`,
        ...(at ? {} : { final: true }),
      });
      if (point && at)
        steps.push(
          evaluate(
            `\\frac{\\partial f}{\\partial ${wrt}}(${argsLatex(fvars, point)})`,
            d.result,
            point,
            answerLatex,
          ),
        );
      return steps;
    }
    case "gradient":
    case "steepest_direction":
    case "max_rate":
    case "directional":
      return gradientSteps(p, f, fvars, point, answerLatex);
    case "chain": {
      if (!inner) return [];
      const steps: SolutionStep[] = [];
      const terms: string[] = [];
      for (const v of fvars) {
        const d = derivative(f, v);
        const dv = inner[v] ? derivative(inner[v], "t") : null;
        if (!d.ok || !dv?.ok) continue;
        steps.push({
          rule: "Partial derivative",
          why: `differentiate f by ${m(v)}, the other variable held constant`,
          latex: `\\frac{\\partial f}{\\partial ${v}} = ${L(d.expr)}`,
        });
        steps.push({
          rule: "Derivative of the inner function",
          why: `${m(`${v} = ${L(inner[v]!)}`)} depends on ${m("t")}`,
          latex: `\\frac{d${v}}{dt} = ${L(dv.expr)}`,
        });
        terms.push(`\\frac{\\partial f}{\\partial ${v}} \\frac{d${v}}{dt}`);
      }
      steps.push({
        rule: "Multivariable chain rule",
        why: `f depends on ${m("t")} through ${fvars.map((v) => m(v)).join(" and ")}: add one term per path, then put ${fvars.map((v) => m(`${v} = ${L(inner[v] ?? variable(v))}`)).join(", ")}`,
        latex: `\\frac{df}{dt} = ${terms.join(" + ")}`,
      });
      const key = readExpr(p.detail?.derivative ?? (point ? "" : p.answer), ["t"]);
      const t0 = point?.t;
      if (key)
        steps.push({
          rule: "Substitute and simplify",
          why: "write everything in t",
          latex: `\\frac{df}{dt} = ${t0 ? L(key) : answerLatex}`,
          ...(t0 ? {} : { final: true }),
        });
      if (key && t0) steps.push(evaluate(`\\frac{df}{dt}\\Big|_{t = ${L(t0)}}`, key, { t: t0 }, answerLatex));
      return steps;
    }
  }
  return [];
}

/** Gradients component by component: each partial, the vector, then what the problem asks of it. */
function gradientSteps(
  p: Problem,
  f: Expr,
  fvars: readonly string[],
  point: Record<string, Expr> | null,
  answerLatex: string,
): SolutionStep[] {
  const steps: SolutionStep[] = [];
  const parts: Expr[] = [];
  for (const v of fvars) {
    const d = derivative(f, v);
    if (!d.ok) return [];
    parts.push(d.expr);
    const others = fvars.filter((u) => u !== v);
    steps.push({
      rule: `Partial derivative in ${v}`,
      why: `hold ${others.map((u) => m(u)).join(" and ")} constant`,
      latex: `\\frac{\\partial f}{\\partial ${v}} = ${L(d.expr)}`,
    });
  }
  const symbolic = `\\nabla f = ${vec(parts.map(L))}`;
  if (!point) {
    steps.push({
      rule: "The gradient",
      why: "the partial derivatives in the order of the variables",
      latex: `\\nabla f = ${answerLatex}`,
      final: true,
    });
    return steps;
  }
  steps.push({
    rule: "The gradient",
    why: "the partial derivatives in the order of the variables",
    latex: symbolic,
  });
  const at = argsLatex(fvars, point);
  const gAt = (p.detail?.gradientAt ?? (Array.isArray(p.answer) ? p.answer.join("; ") : "")).split("; ");
  const gLatex = gAt.map((c) => L(readExpr(c, []) ?? variable("?")));
  const gradientLine = {
    rule: "Evaluate at the point",
    why: `substitute ${m(pointLatex(fvars, point))} into each component`,
    latex: `\\nabla f(${at}) = ${vec(gLatex)}`,
  };
  if (p.kind === "gradient")
    return [...steps, { ...gradientLine, latex: `\\nabla f(${at}) = ${answerLatex}`, final: true }];
  steps.push(gradientLine);
  if (p.kind === "steepest_direction") {
    steps.push({
      rule: "Steepest ascent",
      why: `${m("\\nabla f \\cdot u")} is largest when the unit vector ${m("u")} points along the gradient (any positive multiple is the same direction)`,
      latex: `u \\parallel \\nabla f(${at}) = ${answerLatex}`,
      final: true,
    });
  } else if (p.kind === "max_rate") {
    steps.push({
      rule: "Length of the gradient",
      why: "the fastest rate of increase is the gradient's length",
      latex: `\\left|\\nabla f(${at})\\right| = \\sqrt{${gLatex.map((c) => `\\left(${c}\\right)^{2}`).join(" + ")}} = ${answerLatex}`,
      final: true,
    });
  } else {
    const dir = (p.given.direction as number[] | undefined) ?? [];
    const norm = readExpr(p.detail?.norm, []);
    const n = norm ? L(norm) : "?";
    steps.push({
      rule: "Unit direction",
      why: `divide ${m(`v = ${vec(dir.map(String))}`)} by its length`,
      latex: `|v| = \\sqrt{${dir.map((c) => `\\left(${c}\\right)^{2}`).join(" + ")}} = ${n},\\quad u = \\frac{v}{|v|} = \\frac{1}{${n}}${vec(dir.map(String))}`,
    });
    steps.push({
      rule: "Dot product with the unit direction",
      why: `${m("D_u f = \\nabla f \\cdot u")}, component by component`,
      latex: `D_u f = \\frac{${gLatex.map((c, i) => `\\left(${c}\\right)\\left(${dir[i] ?? 0}\\right)`).join(" + ")}}{${n}} = ${answerLatex}`,
      final: true,
    });
  }
  return steps;
}

/** Rules named by what a stored step of Parts 2 and 3 does. */
const STORED_RULES: readonly [RegExp, string][] = [
  [/^Forward/, "Forward pass"],
  [/^Backward/, "Backward pass"],
  [/^Layout convention/, "Layout convention"],
  [/^Row \d/, "Row of the Jacobian"],
  [/^At \(/, "Evaluate at the point"],
  [/^Residuals/, "Residuals"],
  [/^Through the output layer/, "Chain rule through the layers"],
  [/chain rule|Chain rule/, "Chain rule"],
  [/[Ee]igenvalue/, "Eigenvalues"],
  [/Hessian/, "The Hessian"],
  [/gradient|∇/, "The gradient"],
  [/^Differentiate/, "Repeated differentiation"],
  [/^f\^?'+\(|^f'/, "Differentiate again"],
  [/[Ee]lement-wise|diagonal/, "Element-wise rule"],
  [/linear map|Jacobian is its matrix/, "Linear map"],
  [/Scalar expansion/, "Scalar expansion"],
  [/Sum reduction/, "Sum reduction"],
  [/row|column|shape|transpose/, "Layout"],
];

/** "Chain rule: ∂y/∂x = ..." under the rule "Chain rule" (or "Forward: ..." under "Forward pass") reads "∂y/∂x = ...". */
function withoutLead(text: string, rule: string): string {
  const lead = [rule, rule.split(" ")[0]!].find((w) => text.toLowerCase().startsWith(`${w.toLowerCase()}:`));
  return lead ? text.slice(lead.length + 1).trim() : text;
}

/** The rule a stored step names, else the skill's own (its title). */
function storedRule(text: string, skillRule: string): string {
  return STORED_RULES.find(([re]) => re.test(text))?.[1] ?? skillRule;
}

/**
 * The steps a generator of Parts 2 and 3 wrote from its construction, each given a rule name, then
 * the answer once: a last step that only restates the answer in words gives way to the typeset one.
 */
function storedSteps(p: Problem, answerLatex: string): SolutionStep[] {
  const stored = p.steps ?? [];
  const last = stored.at(-1);
  const body = last && !last.latex && /^So\b/.test(last.text) ? stored.slice(0, -1) : stored;
  const skillRule = getSkill(p.skill)?.title ?? "Work it out";
  const steps: SolutionStep[] = body.map((s) => {
    const why = withoutLead(s.text, storedRule(s.text, skillRule));
    return { rule: storedRule(s.text, skillRule), why, ...(s.latex ? { latex: s.latex } : {}) };
  });
  // The last step reaches the answer: typeset it there (a step in words gets the answer's line).
  const tail = steps.at(-1);
  const reaches = tail && (endsWith(tail.latex, answerLatex) || (!tail.latex && body.length > 1));
  if (!reaches) steps.push({ rule: "Answer", why: "", latex: answerLatex, final: true });
  return steps.map((s, i) => {
    const final = i === steps.length - 1;
    const words = s.latex && !(final && reaches) ? null : wordsLatex(s.why, p);
    if (!final) return s.latex || !words ? s : { ...s, latex: beforeTheAnswer(words, answerLatex) };
    if (!reaches) return s;
    // The words' own line when it reaches the answer, else what they compute leading to it.
    const latex = !words
      ? answerLatex
      : endsWith(words, answerLatex)
        ? words
        : `${words} \\;\\Rightarrow\\; ${answerLatex}`;
    return { ...s, latex, final: true };
  });
}
