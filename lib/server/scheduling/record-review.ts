// Recording the one review a finished instance yields, and updating its skill card, inside the
// transaction that finished the instance: both land or neither does.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { SKILLS } from "@/lib/problems";
import {
  type CardState,
  Rating,
  bringForwardForDiagnosis,
  skillForDiagnosis,
  newCard,
  ratingFor,
  review,
  toRow,
} from "@/lib/srs";
import { type CardRecord, cardFromRecord } from "@/lib/server/scheduling/card-record";
import { DIAGNOSIS_SKILLS } from "@/lib/server/scheduling/diagnosis-map";

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

const CATALOGUE = SKILLS.map((s) => ({ id: s.id, prerequisites: s.prerequisites }));

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
  const before: CardState = existing ?? newCard(a.now);

  // Past first-try times matter only when this attempt could rate Easy (right, first try, no hint).
  const couldBeEasy = a.outcome === "right" && a.tries === 1 && !a.hintUsed;
  const past = couldBeEasy
    ? await tx.review.findMany({
        where: { userId: a.userId, skillId: a.skillId, outcome: "right", tries: 1, hintUsed: false },
        orderBy: { reviewedAt: "desc" },
        take: 10,
        select: { durationMs: true },
      })
    : [];
  const decision = ratingFor({
    outcome: a.outcome,
    // Shown before any try: still one attempt at the skill (and rated Again).
    tries: Math.max(1, a.tries),
    hintUsed: a.hintUsed,
    durationMs: a.durationMs,
    pastFirstTryTimesMs: past.map((p) => p.durationMs).reverse(),
  });
  // A clock moved back (tests) must not put a review before the previous one.
  const at = before.lastReview && +a.now < +before.lastReview ? before.lastReview : a.now;
  const result = review(before, decision.rating, at, { requestRetention: a.requestRetention });

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
      rating: Rating[decision.rating] as "Again" | "Hard" | "Good" | "Easy",
      outcome: a.outcome,
      tries: a.tries,
      hintUsed: a.hintUsed,
      durationMs: a.durationMs,
      stateBefore: existing ? toRow(result.before) : undefined,
      stateAfter: toRow(result.after),
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
