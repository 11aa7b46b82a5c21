// A skill's lesson as a page shows it: the rule and prose of lessons.ts, one worked example made by the
// skill's own generator with a fixed seed (with its worked solution), and the mistakes with the
// feedback the grader gives for them.
import { MISTAKES, type MistakeCode } from "../calculus/mistakes";
import { generate, getSkill } from "./catalogue";
import { LESSONS, LESSON_SEED } from "./lessons";
import { type Solution, solution } from "./solution";
import type { Skill } from "./types";

export interface LessonView {
  readonly skill: Skill;
  readonly rule: string;
  readonly prose: string;
  readonly example: {
    readonly statement: string;
    readonly latex: string;
    readonly solution: Solution;
  } | null;
  readonly mistakes: readonly { readonly code: MistakeCode; readonly feedback: string }[];
}

/** The lesson of a catalogue skill; null for an unknown skill (or one without a lesson). */
export function lessonOf(skillId: string): LessonView | null {
  const skill = getSkill(skillId);
  const text = skill ? LESSONS[skill.id] : undefined;
  if (!skill || !text) return null;
  const g = generate(skill.id, LESSON_SEED);
  return {
    skill,
    rule: text.rule,
    prose: text.prose,
    example: g.ok
      ? { statement: g.problem.statement, latex: g.problem.latex, solution: solution(g.problem) }
      : null,
    mistakes: text.mistakes.map((code) => ({ code, feedback: MISTAKES[code] })),
  };
}
