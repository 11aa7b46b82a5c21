// Requests and responses of practice: zod schemas for what comes in, and the shapes that go out.
// What goes out before an instance is finished never holds its key.
import type { StatementPart } from "@/lib/problems/statement-parts";
import type { DeclInput } from "@/lib/calculus/matrix";
import { z } from "zod";
import { typedText } from "@/lib/validation/text";
import type { AnswerKind, CellKind, HintStep, ProblemKind, SolutionStep } from "@/lib/problems";
import { MAX_HINT_STEPS } from "@/lib/problems/hints";

export interface GridView {
  rows: number;
  cols: number;
  /** What is asked, with its shape: "the row ∂L/∂w (1×3)". */
  object: string;
  kinds: CellKind[][];
  labels: string[][];
  /** For word cells: the words a cell accepts. */
  choices?: string[];
}

/** A client-generated id for one submission (a UUID or similar token). */
export const clientSubmissionIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, "The submission id must be 8 to 64 letters, digits, '-' or '_'.");

export const instanceIdSchema = z.uuid({ error: "No such problem." });

const answerText = z.string().max(2000, "This answer is too long (2000 characters at most).");

export const submitInputSchema = z.object({
  clientSubmissionId: clientSubmissionIdSchema,
  answer: z.union([
    answerText,
    z.array(z.string().max(500, "A component is too long.")).min(1).max(8),
    // A grid: rows of cells (a concrete vector or matrix).
    z
      .array(z.array(z.string().max(500, "A cell is too long.")).min(1).max(8))
      .min(1)
      .max(8),
  ]),
  /** Time spent on this try, as measured by the page. */
  elapsedMs: z
    .number()
    .int()
    .min(0)
    .max(24 * 3600 * 1000),
});
export type SubmitInput = z.infer<typeof submitInputSchema>;

export const startInputSchema = z.object({
  /** A skill id, or "mixed" for mixed practice over the skills the learner has started. */
  skillId: z.string().regex(/^[a-z0-9-]{1,80}$/, "Unknown skill."),
});

/** A hint step asked for, 1-based: only the next one is revealed. */
export const hintInputSchema = z.object(
  {
    step: z
      .number({ error: "Say which hint step (1, 2 or 3)." })
      .int("Say which hint step (1, 2 or 3).")
      .min(1, "Say which hint step (1, 2 or 3).")
      .max(MAX_HINT_STEPS, "Say which hint step (1, 2 or 3)."),
  },
  { error: "Say which hint step (1, 2 or 3)." },
);

export const revealInputSchema = z.object({ clientSubmissionId: clientSubmissionIdSchema });

export const reportInputSchema = z.object({
  comment: typedText("report")
    .trim()
    .min(3, "Say in a few words what is wrong.")
    .max(2000, "2000 characters at most."),
  submissionId: z.uuid().optional(),
});

export interface FeedbackView {
  tryNumber: number;
  answer: string | string[] | string[][];
  status: "right" | "wrong" | "cannot_check" | "invalid";
  correct: boolean;
  message: string;
  diagnosis?: { code: string; message: string };
  counterexample?: string;
  preview?: { latex: string; text: string };
  warnings: string[];
  submissionId?: string;
}

export interface InstanceView {
  id: string;
  skillId: string;
  skillTitle: string;
  /**
   * Whether the page links the skill's lesson (/learn/[skillId]): a catalogue skill's problem once
   * finished, and before that only in the learner's own practice (never a placement or set problem).
   */
  hasLesson: boolean;
  kind: ProblemKind;
  answerKind: AnswerKind;
  statement: string;
  /** The statement as read: prose and typeset maths (lib/problems/statement-parts.ts). */
  statementParts: StatementPart[];
  latex: string;
  vars: string[];
  /** Labels of the fields for a vector answer (e.g. ∂f/∂x, ∂f/∂y). */
  components?: string[];
  /** A grid answer's layout (shape, what it is, cell labels); never its key. */
  grid?: GridView;
  /** A matrix answer: the declared symbols (for the live reading) and the shape asked for ("m×n"). */
  matrix?: { decls: DeclInput; shape: string };
  /** Whether DNE / inf / -inf are possible answers (limits). */
  allowSpecial: boolean;
  maxTries: number;
  triesUsed: number;
  /** The hint steps revealed so far, in order. */
  hints: HintStep[];
  /**
   * The next hint step, when there is one and hints are offered (never on a placement question or in a
   * set with hints off): its number, how many there are, and what it reveals.
   */
  nextHint?: { step: number; of: number; reveals: string };
  issuedAt: string;
  submissions: FeedbackView[];
  finished: boolean;
  /** Whether the key and solution are shown once finished (a problem set may hide them). */
  solutionShown: boolean;
  outcome?: "right" | "wrong" | "revealed";
  /** Whether a hint and "Show me the answer" are offered (a problem set may turn them off; absent: both). */
  offers?: { hint: boolean; reveal: boolean };
  /** Why the problem set takes no more answers (shown instead of the answer box). */
  closed?: ClosedView;
  /** A question of the placement check (one try, no hint, no review of its own). */
  placement?: boolean;
  /** A teacher's override of the verdict (assignments). */
  override?: { accepted: boolean; note: string };
  /** Answered after the problem set's due date. */
  late?: boolean;
  /** Only once finished, and only when the problem set shows solutions. */
  key?: { text: string | string[] | string[][]; latex: string };
  solution?: { steps: SolutionStep[]; answerLatex: string };
  /** Only once finished: the picture (SVG markup made on the server by lib/problems/plot.ts). */
  plot?: string;
}

/** Why a problem set takes no more answers (lib/teaching/closed.ts): archived, or closed at `at` (refusing late answers). */
export interface ClosedView {
  kind: "archived" | "due";
  at?: string;
}

export interface SubmitResult {
  /** What happened to this request. */
  kind: "graded" | "replayed" | "invalid" | "cannot_check" | "already_finished";
  feedback: FeedbackView;
  instance: InstanceView;
}

/** The refusal of a hint or "show me the answer" on a placement question. */
export const PLACEMENT_ONLY_ANSWERS =
  "A placement question takes only an answer: no hint, and the answer is shown once you have answered.";
