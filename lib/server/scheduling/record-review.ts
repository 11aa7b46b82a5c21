// Recording the one review a finished instance yields, and updating its skill card, inside the
// transaction that finished the instance: both land or neither does.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  type CardRecord,
  type CardState,
  bringForwardForDiagnosis,
  cardFromRecord,
  skillForDiagnosis,
  toRow,
} from "@/lib/srs";
import { CATALOGUE } from "@/lib/server/scheduling/day-state";
import { DIAGNOSIS_SKILLS } from "@/lib/server/scheduling/diagnosis-map";
import { couldRateEasy, planReview } from "@/lib/server/scheduling/plan-review";

type Tx = Prisma.TransactionClient;

export interface FinishedAttempt {
  userId: string;
  skillId: string;
  instanceId: string;
  outcome: "right" | "wrong" | "revealed";
  tries: number;
  hintUsed: boolean;
  durationMs: number;
  /** The last wrong answer's diagnosis code, if any. */
  diagnosis?: string;
  now: Date;
  requestRetention: number;
}

function cardData(card: CardState) {
  const row = toRow(card);
  return {
    ...row,
    due: new Date(row.due),
    lastReview: row.lastReview ? new Date(row.lastReview) : null,
  };
}

/** Records the review and updates the card; returns the rating and the card after. */
export async function recordReview(tx: Tx, a: FinishedAttempt) {
  // Lock this learner's card for the skill (or the gap where it will be), so two reviews of the same
  // skill at once are applied one after the other.
  const locked = await tx.$queryRaw<CardRecord[]>`
    SELECT "skillId", "due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps",
           "reps", "lapses", "state"::text AS "state", "lastReview", "lastRating"::text AS "lastRating"
    FROM "SkillCard" WHERE "userId" = ${a.userId}::uuid AND "skillId" = ${a.skillId} FOR UPDATE`;
  const existing = locked[0] ? cardFromRecord(locked[0]) : null;

  // Past first-try times matter only when this attempt could rate Easy (right, first try, no hint).
  const past = couldRateEasy(a)
    ? await tx.review.findMany({
        where: { userId: a.userId, skillId: a.skillId, outcome: "right", tries: 1, hintUsed: false },
        orderBy: { reviewedAt: "desc" },
        take: 10,
        select: { durationMs: true },
      })
    : [];
  const plan = planReview(existing, { ...a, pastFirstTryTimesMs: past.map((p) => p.durationMs).reverse() });
  const { decision, result } = plan;
  const at = plan.reviewedAt;

  const data = cardData(result.after);
  await tx.skillCard.upsert({
    where: { userId_skillId: { userId: a.userId, skillId: a.skillId } },
    create: { userId: a.userId, skillId: a.skillId, ...data },
    update: data,
  });
  await tx.review.create({
    data: {
      userId: a.userId,
      skillId: a.skillId,
      instanceId: a.instanceId,
      rating: plan.ratingName,
      outcome: a.outcome,
      tries: a.tries,
      hintUsed: a.hintUsed,
      durationMs: a.durationMs,
      stateBefore: plan.stateBefore ?? undefined,
      stateAfter: plan.stateAfter,
      elapsedDays: result.log.elapsedDays,
      scheduledDays: result.log.scheduledDays,
      reviewedAt: at,
    },
  });

  let broughtForward: string | null = null;
  if (a.outcome !== "right" && a.diagnosis) {
    const target = skillForDiagnosis(DIAGNOSIS_SKILLS, a.diagnosis);
    if (target) {
      const rows = await tx.$queryRaw<CardRecord[]>`
        SELECT "skillId", "due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps",
               "reps", "lapses", "state"::text AS "state", "lastReview", "lastRating"::text AS "lastRating"
        FROM "SkillCard" WHERE "userId" = ${a.userId}::uuid AND "skillId" = ${target} FOR UPDATE`;
      const moved = bringForwardForDiagnosis({
        skillId: a.skillId,
        diagnosis: a.diagnosis,
        now: at,
        cards: rows.map(cardFromRecord),
        skills: CATALOGUE,
        map: DIAGNOSIS_SKILLS,
      });
      if (moved) {
        await tx.skillCard.update({
          where: { userId_skillId: { userId: a.userId, skillId: moved.skillId } },
          data: { due: moved.after.due },
        });
        broughtForward = moved.skillId;
      }
    }
  }
  return { rating: decision.rating, explanation: decision.explanation, card: result.after, broughtForward };
}
