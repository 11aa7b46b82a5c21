// Turning a stored instance into what the learner's browser may see: no key, no construction notes,
// until the instance is finished.
import "server-only";
import {
  type CellKind,
  HINT_STEP_LABELS,
  MAX_HINT_STEPS,
  type Problem,
  getSkill,
  hintSteps,
  hintStepsTaken,
  solution,
} from "@/lib/problems";
import { plotFor } from "@/lib/problems/plot-for";
import { statementParts } from "@/lib/problems/statement-parts";
import { toLatex } from "@/lib/calculus/print";
import { parse } from "@/lib/calculus/parse";
import { gridLatex } from "@/lib/problems/grade/grid";
import { type MatrixGiven, expectedShape, matrixKeyLatex } from "@/lib/problems/matrix-problem";
import type { ClosedView, FeedbackView, GridView, InstanceView } from "@/lib/server/practice/practice.types";

export interface StoredInstance {
  id: string;
  skillId: string;
  problem: unknown;
  maxTries: number;
  triesUsed: number;
  hintUsedAt: Date | null;
  /** How many hint steps were revealed. */
  hintsTaken: number;
  issuedAt: Date;
  finishedAt: Date | null;
  outcome: "right" | "wrong" | "revealed" | null;
  /** False when a problem set hides the key and worked solution (absent: shown). */
  showSolution?: boolean;
  late?: boolean;
  overrideCorrect?: boolean | null;
  overrideNote?: string | null;
  /** What a problem set offers (absent: practice, everything). */
  offers?: { hint: boolean; reveal: boolean };
  closed?: ClosedView;
  /** Where the problem was issued: free practice or the drill, a problem set, the placement check. */
  source?: "practice" | "assignment" | "placement";
}

export interface StoredSubmission {
  id: string;
  tryNumber: number;
  answer: unknown;
  feedback: unknown;
}

export function problemOf(instance: { problem: unknown }): Problem {
  return instance.problem as Problem;
}

function componentLabels(p: Problem): string[] | undefined {
  if (p.answerKind !== "vector") return undefined;
  const n = Array.isArray(p.answer) ? p.answer.length : p.vars.length;
  if (p.kind === "gradient" || p.kind === "steepest_direction")
    return p.vars.slice(0, n).map((v) => `∂f/∂${v}`);
  return Array.from({ length: n }, (_, i) => `component ${i + 1}`);
}

/** What the page needs to draw a grid answer: never the key or the mistakes' keys. */
function gridView(p: Problem): GridView | undefined {
  const g = p.grid;
  if (!g) return undefined;
  const view: GridView = {
    rows: g.rows,
    cols: g.cols,
    object: g.object,
    kinds: g.kinds.map((r) => [...r]),
    labels: g.labels.map((r) => [...r]),
  };
  if (g.words) view.choices = [...new Set(Object.values(g.words))];
  return view;
}

function keyLatex(
  answer: string | string[] | string[][],
  vars: string[],
  kinds?: readonly (readonly CellKind[])[],
): string {
  const one = (s: string): string => {
    if (s === "DNE") return "\\text{does not exist}";
    if (s === "inf") return "+\\infty";
    if (s === "-inf") return "-\\infty";
    const r = parse(s, { vars });
    return r.ok ? toLatex(r.expr) : s;
  };
  if (typeof answer === "string") return one(answer);
  if (answer.every((a) => typeof a === "string")) return `\\left(${answer.map(one).join(",\\ ")}\\right)`;
  // A word cell ("minimum") is text; an expression cell such as "x" is mathematics.
  return gridLatex(
    answer.map((r, i) => r.map((c, j) => (kinds?.[i]?.[j] === "word" ? `\\text{${c}}` : one(c)))),
  );
}

export function feedbackOf(s: StoredSubmission): FeedbackView {
  const f = s.feedback as Omit<FeedbackView, "tryNumber" | "answer" | "submissionId">;
  return { ...f, tryNumber: s.tryNumber, answer: s.answer as FeedbackView["answer"], submissionId: s.id };
}

/**
 * Whether the page links the skill's lesson. A lesson shows worked solutions, so before the problem is
 * finished it is offered only in the learner's own practice (free practice and the drill): never on a
 * placement question or a problem set's problem, which are answered from what the learner knows.
 * Once finished, every catalogue skill links its lesson; a teacher's own problem has none.
 */
function lessonOffered(instance: StoredInstance, p: Problem, finished: boolean): boolean {
  if (p.skill === "authored" || getSkill(instance.skillId) === undefined) return false;
  if (finished) return true;
  return (instance.source ?? "practice") === "practice" && instance.offers === undefined;
}

export function toView(instance: StoredInstance, submissions: readonly StoredSubmission[]): InstanceView {
  const p = problemOf(instance);
  const finished = instance.finishedAt !== null;
  const view: InstanceView = {
    id: instance.id,
    skillId: instance.skillId,
    // A problem of a set (its rules are set: `offers`) is not titled with its skill, which could name
    // the method ("The product rule") before the student has found it.
    skillTitle:
      p.skill === "authored" || instance.offers
        ? "A problem from your teacher"
        : (getSkill(instance.skillId)?.title ?? instance.skillId),
    hasLesson: lessonOffered(instance, p, finished),
    kind: p.kind,
    answerKind: p.answerKind,
    statement: p.statement,
    statementParts: statementParts(p),
    latex: p.latex,
    vars: p.vars,
    allowSpecial: p.kind === "limit",
    maxTries: instance.maxTries,
    triesUsed: instance.triesUsed,
    issuedAt: instance.issuedAt.toISOString(),
    submissions: [...submissions].sort((a, b) => a.tryNumber - b.tryNumber).map(feedbackOf),
    finished,
    solutionShown: instance.showSolution !== false,
    hints: [],
  };
  const labels = componentLabels(p);
  if (labels) view.components = labels;
  const grid = gridView(p);
  if (grid) view.grid = grid;
  if (p.answerKind === "matrix") {
    const g = p.given as unknown as MatrixGiven;
    view.matrix = { decls: g.decls, shape: expectedShape(g) };
  }
  if (instance.overrideCorrect !== undefined && instance.overrideCorrect !== null) {
    view.override = { accepted: instance.overrideCorrect, note: instance.overrideNote ?? "" };
  }
  if (instance.late) view.late = true;
  if (instance.offers) view.offers = instance.offers;
  if (instance.closed && !finished) view.closed = instance.closed;
  // A placement question is answered from what the learner knows: one try, no hint, no answer shown
  // before it is finished, and no review (finishing the check marks the skills shown known).
  if (instance.source === "placement") {
    view.placement = true;
    view.offers = { hint: false, reveal: false };
  }
  // Hint steps: the ones revealed (a problem hinted before steps existed has its first), and the next,
  // only where hints are offered (not on a placement question, nor in a set with hints off).
  // The steps are worked out only when one was taken (the submit path builds views too).
  const taken = hintStepsTaken(instance);
  view.hints = taken > 0 ? hintSteps(p).slice(0, taken) : [];
  if (!finished && taken < MAX_HINT_STEPS && view.offers?.hint !== false)
    view.nextHint = { step: taken + 1, of: MAX_HINT_STEPS, reveals: HINT_STEP_LABELS[taken] ?? "" };
  if (finished && instance.outcome) view.outcome = instance.outcome;
  // A set may keep the key and the solution hidden after the last try.
  if (finished && instance.showSolution !== false) {
    const latex = p.answerKind === "matrix" ? matrixKeyLatex(p) : keyLatex(p.answer, p.vars, p.grid?.kinds);
    view.key = { text: p.answer, latex: p.answerKind === "line" ? `y = ${latex}` : latex };
    view.solution = solution(p);
    // The picture gives the key away (the tangent line, the gradient arrow): only once finished.
    const plot = plotFor(p);
    if (plot) view.plot = plot;
  }
  return view;
}
