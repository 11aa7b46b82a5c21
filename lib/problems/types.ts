// The data of the problem generators: skills, and problem instances as stored by the server and graded
// from there (plain JSON, so that a later generator change never alters an issued problem).

export type Topic =
  "limits" | "derivatives" | "partial-derivatives" | "gradients" | "directional" | "chain-rule";

export type ProblemKind =
  | "limit"
  | "derivative"
  | "tangent_line"
  | "partial"
  | "gradient"
  | "directional"
  | "steepest_direction"
  | "max_rate"
  | "chain";

export type AnswerKind = "expression" | "number" | "vector" | "limit" | "line";

/** A point: variable name -> a JSON number or an exact expression string ("pi/4", "1/2"). */
export type Point = Record<string, number | string>;

export type Given =
  | { f: string; var: string; to: string; side: "both" | "left" | "right" }
  | { f: string; var: string; at?: number | string }
  | { f: string; vars: string[]; wrt: string; at?: Point }
  | { f: string; vars: string[]; at?: Point }
  | { f: string; vars: string[]; at: Point; direction: number[] }
  | { f: string; vars: string[]; inner: Record<string, string>; param: string; at?: number | string };

export interface Problem {
  readonly skill: string;
  readonly seed: number;
  readonly version: number;
  readonly kind: ProblemKind;
  readonly answerKind: AnswerKind;
  /** Plain-text statement a learner reads. */
  readonly statement: string;
  /** The statement's mathematics in LaTeX (KaTeX). */
  readonly latex: string;
  readonly given: Record<string, unknown>;
  /** The key: canonical plain text; a list of texts for vectors; "DNE" / "inf" / "-inf" for limits. */
  readonly answer: string | string[];
  /** Numeric value of a number (or number-vector) key. */
  readonly value?: number | number[];
  /** The variables an answer may use. */
  readonly vars: string[];
  /** Sampling intervals for equivalence (e.g. x > 0 where ln x appears). */
  readonly domain?: Record<string, [number, number]>;
  /** Construction notes the worked solution uses (e.g. the factored form of a limit). */
  readonly detail?: Record<string, string>;
}

export interface Skill {
  readonly id: string;
  readonly title: string;
  readonly topic: Topic;
  readonly kind: ProblemKind;
  /** The method, in one or two sentences a learner reads. */
  readonly description: string;
  readonly prerequisites: readonly string[];
  /** Current generator version: bump it whenever the output for some seed changes. */
  readonly version: number;
  /** A hint: the method, not the answer. */
  readonly hint: string;
}
