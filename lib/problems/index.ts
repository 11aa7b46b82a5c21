// The problem generators' public surface (see README.md in this folder).
export { SKILLS, SKILL_DEFS, generate, getSkill, type GenerateError, type GenerateResult } from "./catalogue";
export { grade, withoutKey, type GradeOptions, type GradeResult, type GradeStatus } from "./grade";
export { splitVector } from "../calculus/answer-syntax";
export { answerLatexOf, solution, type Solution, type SolutionStep } from "./solution";
export { HINT_STEP_LABELS, MAX_HINT_STEPS, hintSteps, hintStepsTaken, type HintStep } from "./hints";
export { problemOps, problemJson } from "./problem-operations";
export { NICE, isNice, niceProblemViolations } from "./niceness";
export type { AnswerKind, CellKind, GridSpec, Point, Problem, ProblemKind, Skill, Topic } from "./types";
export { PART_ONE_TOPICS, TOPICS, TOPIC_TITLES } from "./topics";
export { splitGridText } from "../calculus/answer-syntax";
