// Hints in steps: what to look at, then the rule, then the first line of the worked solution. Each step
// is revealed on its own request; none gives the final answer away.
import { derivative } from "../calculus/diff";
import { getSkill } from "./catalogue";
import { readProblem } from "./read";
import { answerLatexOf, solution } from "./solution";
import { m } from "./solution-derivative";
import type { Problem, ProblemKind } from "./types";

export interface HintStep {
  /** What this step is: "What to look at", "The rule", "The first line". */
  readonly label: string;
  /** The hint in words; `$...$` marks inline mathematics (LaTeX). */
  readonly text: string;
  /** A typeset line (the third step's start of the solution). */
  readonly latex?: string;
}

/** What each step reveals, said before it is taken. */
export const HINT_STEP_LABELS = ["What to look at", "The rule", "The first line"] as const;

export const MAX_HINT_STEPS = HINT_STEP_LABELS.length;

/**
 * How many hint steps a problem has revealed: its count of steps taken, and at least one when a hint
 * was used at all (`hintUsedAt`), never more than there are. The one home in code of the rule by which
 * migration 20261201050000_lessons_hint_steps filled the count for problems hinted before hints came
 * in steps (`hintsTaken = 1` where `hintUsedAt` is set); the code keeps it for any row still without
 * the count (data restored or written by an older version), so the page and the hint request agree.
 */
export function hintStepsTaken(instance: { hintsTaken: number; hintUsedAt: Date | null }): number {
  return Math.min(MAX_HINT_STEPS, Math.max(instance.hintsTaken, instance.hintUsedAt ? 1 : 0));
}

const KIND_RULES: Record<ProblemKind, string> = {
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

const OUTERMOST: Record<string, string> = {
  sum: "a sum: its terms can be differentiated one at a time",
  "constant multiple": "a constant times a function: the constant stays",
  product: "a product of two factors that both vary",
  quotient: "a quotient whose numerator and denominator both vary",
  reciprocal: "a constant over a function",
  power: "a power of the variable",
  exponential: "an exponential",
  "general power": "a power whose base and exponent both vary",
  function: "a standard function of the variable itself",
  chain: "a function of a function (an outer function applied to an inner one)",
};

/** The first step: what to look at in this very problem. */
function lookAt(p: Problem): string {
  const { f, fvars, wrt } = readProblem(p);
  switch (p.kind) {
    case "limit": {
      const to = String(p.given.to);
      return to === "inf" || to === "-inf"
        ? "Look at which terms grow fastest as the variable grows without bound."
        : `Substitute ${m(`${String(p.given.var)} = ${to}`)} first and see what you get: a number, ${m("\\frac{0}{0}")}, or a nonzero number over 0.`;
    }
    case "derivative":
    case "tangent_line": {
      const v = fvars[0] ?? "x";
      const d = f ? derivative(f, v, { trace: true }) : null;
      const top = d?.ok ? d.steps[0]?.rule : undefined;
      const what = top ? OUTERMOST[top] : undefined;
      const lead = what
        ? `Look at the outermost operation of f: it is ${what}.`
        : "Look at the outermost operation of f.";
      return p.kind === "tangent_line" ? `${lead} You need both f(a) and f′(a).` : lead;
    }
    case "partial":
      return `Only ${m(wrt)} varies; ${fvars
        .filter((u) => u !== wrt)
        .map((u) => m(u))
        .join(" and ")} ${fvars.length > 2 ? "are" : "is"} held fixed.`;
    case "gradient":
    case "steepest_direction":
    case "max_rate":
    case "directional":
      return `f has ${fvars.length} variables, so ${m("\\nabla f")} has ${fvars.length} components: one partial derivative per variable.`;
    case "chain":
      return `f depends on ${m("t")} through ${fvars.map((u) => m(u)).join(" and ")}: each is one path from ${m("t")} to f.`;
    case "concrete":
      return p.grid ? `Write down the shape first: the answer is ${p.grid.object}.` : KIND_RULES.concrete;
    case "matrix": {
      const shape = typeof p.given.shape === "string" ? p.given.shape : "";
      const words =
        shape === "scalar"
          ? "a scalar"
          : shape.includes(" x ")
            ? `of shape ${shape.replace(" x ", "×")}`
            : `a column with ${shape} entries`;
      return `Write down the shape first: the answer is ${words}. Then apply each operation's rule from the outside in.`;
    }
  }
}

/** Whether a line shows the answer: a short answer (a digit) only at its end, a longer one anywhere. */
function showsAnswer(latex: string, answerLatex: string): boolean {
  const end = latex.trimEnd().endsWith(`= ${answerLatex}`) || latex.trim() === answerLatex;
  return answerLatex.length <= 2 ? end : end || latex.includes(answerLatex);
}

/** The line without its result: cut before its last `=`, or nothing when the answer is still there. */
function withoutResult(latex: string | undefined, answerLatex: string, final: boolean): string | undefined {
  if (!latex) return undefined;
  if (!final && !showsAnswer(latex, answerLatex)) return latex;
  const cut = latex.lastIndexOf(" = ");
  if (cut <= 0) return undefined;
  const head = latex.slice(0, cut);
  return showsAnswer(head, answerLatex) ? undefined : `${head} = \\;?`;
}

/** Whether words of a step name every entry of the key (a stored step of Parts 2 and 3 may). */
function leaksKey(text: string, p: Problem): boolean {
  const cells = (Array.isArray(p.answer) ? p.answer.flat() : [p.answer]).filter((c) => !/^-?[01]$/.test(c));
  return cells.length > 0 && cells.every((c) => text.includes(c));
}

/** The hint steps of a problem, in order (three; the third never holds the final answer). */
export function hintSteps(p: Problem): HintStep[] {
  const rule = getSkill(p.skill)?.hint ?? KIND_RULES[p.kind];
  const first = solution(p).steps[0];
  const line = first ? withoutResult(first.latex, answerLatexOf(p), first.final === true) : undefined;
  const why = first && !first.final && first.why && !leaksKey(first.why, p) ? first.why : "";
  const third: HintStep = {
    label: HINT_STEP_LABELS[2],
    text: first
      ? why
        ? `${first.rule}: ${why.replace(/\.$/, "")}.`
        : `Start with this step: ${first.rule}.`
      : rule,
    ...(line ? { latex: line } : {}),
  };
  return [{ label: HINT_STEP_LABELS[0], text: lookAt(p) }, { label: HINT_STEP_LABELS[1], text: rule }, third];
}
