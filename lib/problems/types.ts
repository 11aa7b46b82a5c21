// The data of the problem generators: skills, and problem instances as stored by the server and graded
// from there (plain JSON, so that a later generator change never alters an issued problem).
import type { MistakeCode } from "../calculus/mistakes";

export type Topic =
  | "limits"
  | "derivatives"
  | "partial-derivatives"
  | "gradients"
  | "directional"
  | "chain-rule"
  | "jacobians"
  | "vector-rules"
  | "network-gradients"
  | "second-order";

export type ProblemKind =
  | "limit"
  | "derivative"
  | "tangent_line"
  | "partial"
  | "gradient"
  | "directional"
  | "steepest_direction"
  | "max_rate"
  | "chain"
  | "concrete"
  | "matrix";

/**
 * `grid`: a concrete vector or matrix typed cell by cell (concrete.ts); `matrix`: a vector or matrix
 * expression in declared symbols, graded by the matrix core (matrix-problem.ts).
 */
export type AnswerKind = "expression" | "number" | "vector" | "limit" | "line" | "grid" | "matrix";

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
  /**
   * The key: canonical plain text; a list of texts for vectors; "DNE" / "inf" / "-inf" for limits;
   * rows of cell texts for a grid.
   */
  readonly answer: string | string[] | string[][];
  /** Numeric value of a number (or number-vector) key. */
  readonly value?: number | number[];
  /** The variables an answer may use. */
  readonly vars: string[];
  /** Sampling intervals for equivalence (e.g. x > 0 where ln x appears). */
  readonly domain?: Record<string, [number, number]>;
  /** Construction notes the worked solution uses (e.g. the factored form of a limit). */
  readonly detail?: Record<string, string>;
  /** A grid answer's layout: its shape, what it is, and how each cell is read (concrete.ts). */
  readonly grid?: GridSpec;
  /** Worked solution steps written by a concrete problem's generator from its construction. */
  readonly steps?: readonly { readonly text: string; readonly latex?: string }[];
  /** Keys of typical wrong methods, compared cell by cell after a wrong grid answer. */
  readonly mistakes?: readonly GridMistake[];
}

/** How one cell of a grid is read: a number, an expression in `vars`, or one of the listed words. */
export type CellKind = "number" | "expression" | "word";

export interface GridSpec {
  readonly rows: number;
  readonly cols: number;
  /** What the answer is, with its shape: "the row ∂L/∂w (1×3)". */
  readonly object: string;
  readonly kinds: readonly (readonly CellKind[])[];
  /** Accessible names of the cells: "∂L/∂w₁", "entry (2, 1)". */
  readonly labels: readonly (readonly string[])[];
  /** For word cells: the accepted words (lower case), each mapped to its canonical word. */
  readonly words?: Readonly<Record<string, string>>;
}

export interface GridMistake {
  readonly code: MistakeCode;
  readonly message: string;
  readonly answer: readonly (readonly string[])[];
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
