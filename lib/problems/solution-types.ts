// The shape of a worked solution (plain data, served to the page once a problem is finished).

/** One line of a worked solution: the rule or move it makes, why it applies here, and the line typeset. */
export interface SolutionStep {
  /** The rule or move, named: "Chain rule", "Standard limit", "Evaluate at the point". */
  readonly rule: string;
  /** Why it applies here, in words; `$...$` marks inline mathematics (LaTeX). */
  readonly why: string;
  /** The step's line, typeset (absent only on a step of an older stored problem written in words). */
  readonly latex?: string;
  /** The line that reaches the answer: exactly one per solution, the last. */
  readonly final?: boolean;
}

export interface Solution {
  readonly steps: SolutionStep[];
  /** The answer alone (the right-hand side of the final line), for where only the answer is shown. */
  readonly answerLatex: string;
}
