// One of the learner's own problem instances with its tries: an id that is not theirs is answered
// exactly like one that does not exist. Read with one named statement on the pool (no ORM: every
// view of a problem and every replayed or refused answer passes here).
import "server-only";
import { type AssignmentRules, assignmentRules } from "@/lib/server/assignments/gate";
import { now as clockNow } from "@/lib/server/clock";
import { getPool } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { type ClosedView, instanceIdSchema } from "@/lib/server/practice/practice.types";
import { type ActingUser } from "@/lib/server/users/user.types";
import { idOr404 } from "@/lib/server/validation";

export const instanceSelect = {
  id: true,
  userId: true,
  skillId: true,
  problem: true,
  maxTries: true,
  triesUsed: true,
  hintUsedAt: true,
  hintsTaken: true,
  issuedAt: true,
  finishedAt: true,
  outcome: true,
  durationMs: true,
  assignmentItemId: true,
  showSolution: true,
  late: true,
  overrideCorrect: true,
  overrideNote: true,
  source: true,
} as const;

export const submissionSelect = {
  id: true,
  tryNumber: true,
  answer: true,
  feedback: true,
  elapsedMs: true,
  diagnosis: true,
  clientSubmissionId: true,
} as const;

export const NOT_FOUND = "No such problem.";

export function instanceId(raw: unknown): string {
  return idOr404(raw, NOT_FOUND, instanceIdSchema);
}

/** A problem's tries, oldest first, as one JSON array (shared by the reads of the practice paths). */
export const SUBMISSIONS_JSON = `
  COALESCE((SELECT json_agg(json_build_object(
               'id', s."id", 'tryNumber', s."tryNumber", 'answer', s."answer", 'feedback', s."feedback",
               'elapsedMs', s."elapsedMs", 'diagnosis', s."diagnosis",
               'clientSubmissionId', s."clientSubmissionId") ORDER BY s."tryNumber")
            FROM "Submission" s WHERE s."instanceId" = p."id"), '[]'::json)`;

/** The columns of instanceSelect, for statements sent without the ORM. */
export const INSTANCE_COLUMNS = `
  p."id", p."userId", p."skillId", p."problem", p."maxTries", p."triesUsed", p."hintUsedAt",
  p."hintsTaken", p."issuedAt", p."finishedAt", p."outcome"::text AS "outcome", p."durationMs", p."assignmentItemId",
  p."showSolution", p."late", p."overrideCorrect", p."overrideNote", p."source"::text AS "source"`;

export interface OwnSubmission {
  id: string;
  tryNumber: number;
  answer: unknown;
  feedback: unknown;
  elapsedMs: number;
  diagnosis: string | null;
  clientSubmissionId: string | null;
}

export interface OwnInstance {
  id: string;
  userId: string;
  skillId: string;
  problem: unknown;
  maxTries: number;
  triesUsed: number;
  hintUsedAt: Date | null;
  hintsTaken: number;
  issuedAt: Date;
  finishedAt: Date | null;
  outcome: "right" | "wrong" | "revealed" | null;
  durationMs: number | null;
  assignmentItemId: string | null;
  showSolution: boolean;
  late: boolean;
  overrideCorrect: boolean | null;
  overrideNote: string | null;
  source: "practice" | "assignment" | "placement";
  submissions: OwnSubmission[];
}

const OWN = `SELECT ${INSTANCE_COLUMNS}, ${SUBMISSIONS_JSON} AS "submissions"
  FROM "ProblemInstance" p WHERE p."id" = $1::uuid AND p."userId" = $2::uuid`;

export async function loadOwn(actor: ActingUser, id: string) {
  const { rows } = await getPool().query<OwnInstance>({
    name: "own_instance",
    text: OWN,
    values: [id, actor.id],
  });
  const instance = rows[0];
  if (!instance) throw new AppError("NOT_FOUND", NOT_FOUND);
  return withSetRules(instance, await assignmentRules(instance.assignmentItemId, actor.id, await clockNow()));
}

/** A problem set decides whether hints and "Show me the answer" are offered, and when solutions show. */
export function withSetRules<T extends { showSolution: boolean }>(
  instance: T,
  rules: AssignmentRules | null,
): T & { offers?: { hint: boolean; reveal: boolean }; closed?: ClosedView } {
  if (!rules) return instance;
  const c = rules.closed;
  return {
    ...instance,
    ...(c ? { closed: c.kind === "due" ? { kind: c.kind, at: c.at.toISOString() } : { kind: c.kind } } : {}),
    offers: { hint: rules.hints, reveal: rules.reveal },
    showSolution: instance.showSolution || rules.solutionsOpen,
  };
}
