// The submit path's two statements, sent through the pool without the ORM as named statements (each
// pooled connection parses and plans them once): one read (the problem with its tries, the skill
// card, the learner's retention and, when the answer could rate Easy, the skill's past first-try
// times) and one write (the SQL function record_try, installed by the migration
// 20261130204500_record_try: lock, try, problem, card, review, or a refusal that writes nothing).
import "server-only";
import { getPool } from "@/lib/server/db/client";
import { INSTANCE_COLUMNS, SUBMISSIONS_JSON } from "@/lib/server/practice/own-instance";
import { type CardRecord, cardFromRecord } from "@/lib/srs";
import type { StoredInstance } from "@/lib/server/practice/view";
import type { SkillCard } from "@/lib/srs";

export interface LoadedSubmission {
  id: string;
  tryNumber: number;
  answer: unknown;
  feedback: unknown;
  elapsedMs: number;
  diagnosis: string | null;
  clientSubmissionId: string;
}

export interface LoadedInstance extends StoredInstance {
  userId: string;
  durationMs: number | null;
  assignmentItemId: string | null;
  showSolution: boolean;
  late: boolean;
  source: "practice" | "assignment" | "placement";
}

export interface LoadedForTry {
  instance: LoadedInstance;
  submissions: LoadedSubmission[];
  card: SkillCard | null;
  desiredRetention: number;
  /** Oldest first; empty unless the problem has no try and no hint yet. */
  pastFirstTryTimesMs: number[];
}

type Row = LoadedInstance & {
  desiredRetention: number;
  submissions: LoadedSubmission[];
  pastFirstTryMs: number[] | null;
  cardDue: Date | null;
} & { [K in keyof Omit<CardRecord, "skillId" | "due"> as `card${Capitalize<K>}`]: CardRecord[K] | null };

const READ = `
  SELECT ${INSTANCE_COLUMNS}, u."desiredRetention", ${SUBMISSIONS_JSON} AS "submissions",
         c."due" AS "cardDue", c."stability" AS "cardStability", c."difficulty" AS "cardDifficulty",
         c."elapsedDays" AS "cardElapsedDays", c."scheduledDays" AS "cardScheduledDays",
         c."learningSteps" AS "cardLearningSteps", c."reps" AS "cardReps", c."lapses" AS "cardLapses",
         c."state"::text AS "cardState", c."lastReview" AS "cardLastReview",
         c."lastRating"::text AS "cardLastRating",
         CASE WHEN p."triesUsed" = 0 AND p."hintUsedAt" IS NULL AND p."finishedAt" IS NULL THEN
           ARRAY(SELECT r."durationMs" FROM "Review" r
                 WHERE r."userId" = p."userId" AND r."skillId" = p."skillId" AND r."outcome" = 'right'
                   AND r."tries" = 1 AND NOT r."hintUsed"
                 ORDER BY r."reviewedAt" DESC LIMIT 10)
         END AS "pastFirstTryMs"
  FROM "ProblemInstance" p
  JOIN "User" u ON u."id" = p."userId"
  LEFT JOIN "SkillCard" c ON c."userId" = p."userId" AND c."skillId" = p."skillId"
  WHERE p."id" = $1::uuid AND p."userId" = $2::uuid`;

/** The learner's problem and what grading and the review need, in one statement; null when not theirs. */
export async function loadForTry(userId: string, instanceId: string): Promise<LoadedForTry | null> {
  const { rows } = await getPool().query<Row>({
    name: "load_for_try",
    text: READ,
    values: [instanceId, userId],
  });
  const r = rows[0];
  if (!r) return null;
  const card =
    r.cardDue === null
      ? null
      : cardFromRecord({
          skillId: r.skillId,
          due: r.cardDue,
          stability: r.cardStability!,
          difficulty: r.cardDifficulty!,
          elapsedDays: r.cardElapsedDays!,
          scheduledDays: r.cardScheduledDays!,
          learningSteps: r.cardLearningSteps!,
          reps: r.cardReps!,
          lapses: r.cardLapses!,
          state: r.cardState!,
          lastReview: r.cardLastReview,
          lastRating: r.cardLastRating,
        });
  return {
    instance: {
      id: r.id,
      userId: r.userId,
      skillId: r.skillId,
      problem: r.problem,
      maxTries: r.maxTries,
      triesUsed: r.triesUsed,
      hintUsedAt: r.hintUsedAt,
      hintsTaken: r.hintsTaken,
      issuedAt: r.issuedAt,
      finishedAt: r.finishedAt,
      outcome: r.outcome,
      durationMs: r.durationMs,
      assignmentItemId: r.assignmentItemId,
      showSolution: r.showSolution,
      late: r.late,
      overrideCorrect: r.overrideCorrect,
      overrideNote: r.overrideNote,
      source: r.source,
    },
    submissions: r.submissions,
    card,
    desiredRetention: r.desiredRetention,
    pastFirstTryTimesMs: (r.pastFirstTryMs ?? []).reverse(),
  };
}

export interface TryToRecord {
  instanceId: string;
  userId: string;
  submissionId: string;
  clientSubmissionId: string;
  /** The problem's tries when it was read: the try is number triesBefore + 1. */
  triesBefore: number;
  answer: unknown;
  status: string;
  correct: boolean;
  diagnosis: string | null;
  feedback: unknown;
  elapsedMs: number;
  late: boolean;
  /** When the try finishes the problem. */
  finish: {
    at: Date;
    outcome: "right" | "wrong";
    durationMs: number;
    /** The card the review was computed from (null: none yet). */
    cardRead: SkillCard | null;
    rating: "Again" | "Hard" | "Good" | "Easy";
    hintUsed: boolean;
    stateBefore: unknown;
    stateAfter: unknown;
    elapsedDays: number;
    scheduledDays: number;
    reviewedAt: Date;
  } | null;
}

export type RecordOutcome = "recorded" | "not_found" | "duplicate" | "finished" | "changed" | "card_changed";

const WRITE = `SELECT "record_try"(${Array.from({ length: 26 }, (_, i) => `$${i + 1}`).join(", ")}) AS "outcome"`;

/** Records the try (and the review) in one statement, or says why nothing was written. */
export async function recordTry(t: TryToRecord): Promise<RecordOutcome> {
  const f = t.finish;
  const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
  const { rows } = await getPool().query<{ outcome: RecordOutcome }>({
    name: "record_try",
    text: WRITE,
    values: [
      t.instanceId,
      t.userId,
      t.submissionId,
      t.clientSubmissionId,
      t.triesBefore,
      JSON.stringify(t.answer),
      t.status,
      t.correct,
      t.diagnosis,
      JSON.stringify(t.feedback),
      t.elapsedMs,
      t.late,
      f?.at ?? null,
      f?.outcome ?? null,
      f?.durationMs ?? null,
      f ? f.cardRead !== null : null,
      f?.cardRead?.due ?? null,
      f?.cardRead?.reps ?? null,
      f?.cardRead?.lastReview ?? null,
      f?.rating ?? null,
      f?.hintUsed ?? null,
      json(f?.stateBefore),
      json(f?.stateAfter),
      f?.elapsedDays ?? null,
      f?.scheduledDays ?? null,
      f?.reviewedAt ?? null,
    ],
  });
  return rows[0]!.outcome;
}

/** A unique index refused the statement: the client submission id was used at the same moment. */
export function isDuplicateKey(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "23505";
}
