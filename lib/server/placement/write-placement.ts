// The writes of the placement check, reached by POST only (server actions): starting it, asking the
// next question, and finishing it, which marks the skills shown known. Each is safe to repeat: a
// second start hands back the open check, a second "next" the question it issued, a second finish
// the marks already made. Every query is scoped to the acting learner; another learner's check is
// answered like one that does not exist.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isUniqueViolation } from "@/lib/server/db/unique-violation";
import { now as clockNow } from "@/lib/server/clock";
import { getDb } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { newInstanceData } from "@/lib/server/practice/start-instance";
import { type ActingUser } from "@/lib/server/users/user.types";
import { parseOrThrow } from "@/lib/server/validation";
import {
  type CardRecord,
  PLACEMENT_RATING,
  cardFromRecord,
  isStarted,
  newCard,
  nextPlacementSkill,
  placementMarks,
  review,
  toRow,
} from "@/lib/srs";
import { PLACEMENT_SKILLS } from "./placement-skills";
import { finishInputSchema, nextQuestionInputSchema, type PlacementView } from "./placement.types";
import { answersOf, openPlacementRow, placementSelect, placementView } from "./read-placement";

const NOT_FOUND = "No such placement check.";

/** A placement question's problem: one try, no hint (see lib/server/practice/view.ts). */
function questionInstance(userId: string, skillId: string, at: Date) {
  return {
    id: randomUUID(),
    ...newInstanceData(userId, skillId, at),
    source: "placement" as const,
    maxTries: 1,
  };
}

async function mustReadOpen(userId: string): Promise<PlacementView> {
  const row = await openPlacementRow(userId);
  if (!row) throw new Error("The placement check vanished after it was written.");
  return placementView(row);
}

/**
 * Starts a placement check with its first question (the rules' first skill), or hands back the open
 * one (a second click, another tab, two at once: the unique (userId, open) index keeps one).
 */
export async function startPlacement(options: { actor: ActingUser }): Promise<PlacementView> {
  const userId = options.actor.id;
  const existing = await openPlacementRow(userId);
  if (existing) return placementView(existing);
  const first = nextPlacementSkill(PLACEMENT_SKILLS, []);
  if (!first) throw new Error("The placement check has no skill to ask.");
  const at = await clockNow();
  const instance = questionInstance(userId, first, at);
  try {
    await getDb().$transaction(async (tx) => {
      const p = await tx.placement.create({ data: { userId, startedAt: at }, select: { id: true } });
      await tx.problemInstance.create({ data: instance });
      await tx.placementQuestion.create({
        data: { placementId: p.id, position: 1, skillId: first, instanceId: instance.id },
      });
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  return mustReadOpen(userId);
}

/** Locks the learner's own check by id for the transaction (NOT_FOUND for another learner's or none). */
async function lockOwnPlacement(tx: Prisma.TransactionClient, userId: string, placementId: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Placement" WHERE "id" = ${placementId}::uuid AND "userId" = ${userId}::uuid FOR UPDATE`;
  if (!locked[0]) throw new AppError("NOT_FOUND", NOT_FOUND);
}

/**
 * The next question, chosen by the rules from the answers so far. `after` is how many questions the
 * learner had when they asked: when a question after it exists already (a double submission), that
 * one is handed back and nothing is issued. Refused while the latest question is unanswered, and on
 * a finished check; when the rules have nothing more to ask, the check is handed back as it is. In one
 * transaction with the check locked (as finishPlacement locks it): two "next" at once issue one
 * question, and a finish that lands first leaves nothing to add to.
 */
export async function nextPlacementQuestion(options: {
  actor: ActingUser;
  input: unknown;
}): Promise<PlacementView> {
  const userId = options.actor.id;
  const input = parseOrThrow(nextQuestionInputSchema, options.input);
  const at = await clockNow();
  return getDb().$transaction(async (tx) => {
    await lockOwnPlacement(tx, userId, input.placementId);
    const row = await tx.placement.findUniqueOrThrow({
      where: { id: input.placementId },
      select: placementSelect,
    });
    if (row.open !== true) throw new AppError("INVALID_INPUT", "This placement check is finished.");
    const count = row.questions.length;
    if (input.after < count) return placementView(row);
    if (input.after > count) throw new AppError("INVALID_INPUT", "There is no such question yet.");
    const last = row.questions[count - 1];
    if (last && last.instance.finishedAt === null)
      throw new AppError("INVALID_INPUT", `Answer question ${count} first (or stop the check).`);
    const skillId = nextPlacementSkill(PLACEMENT_SKILLS, answersOf(row));
    if (!skillId) return placementView(row);
    const instance = questionInstance(userId, skillId, at);
    await tx.problemInstance.create({ data: instance });
    await tx.placementQuestion.create({
      data: { placementId: row.id, position: count + 1, skillId, instanceId: instance.id },
    });
    return placementView(
      await tx.placement.findUniqueOrThrow({ where: { id: row.id }, select: placementSelect }),
    );
  });
}

function cardData(card: ReturnType<typeof newCard>) {
  const row = toRow(card);
  return { ...row, due: new Date(row.due), lastReview: row.lastReview ? new Date(row.lastReview) : null };
}

/**
 * Finishes the check (whenever the learner stops, or when the rules have nothing more to ask) and
 * marks the skills the answered questions show known: each skill not started yet gets its card's
 * first review, rated PLACEMENT_RATING (Easy), so it is scheduled out instead of drilled. A skill the
 * learner already started keeps its schedule, also when its first real review lands while the check
 * finishes: the cards are only inserted, never overwritten (a card that exists by then is kept, and
 * its skill counts as already started). An unanswered last question counts for nothing. In one
 * transaction with the check locked: finishing twice marks once and hands back the same marks.
 */
export async function finishPlacement(options: {
  actor: ActingUser;
  input: unknown;
}): Promise<PlacementView> {
  const userId = options.actor.id;
  const { placementId } = parseOrThrow(finishInputSchema, options.input);
  const at = await clockNow();
  return getDb().$transaction(async (tx) => {
    await lockOwnPlacement(tx, userId, placementId);
    const row = await tx.placement.findUniqueOrThrow({ where: { id: placementId }, select: placementSelect });
    if (row.open !== true) return placementView(row);
    const cards = await tx.$queryRaw<CardRecord[]>`
      SELECT "skillId", "due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps",
             "reps", "lapses", "state"::text AS "state", "lastReview", "lastRating"::text AS "lastRating"
      FROM "SkillCard" WHERE "userId" = ${userId}::uuid`;
    const started = new Set(
      cards
        .map(cardFromRecord)
        .filter(isStarted)
        .map((c) => c.skillId),
    );
    const known = placementMarks(PLACEMENT_SKILLS, answersOf(row), started).marked;
    const { desiredRetention } = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { desiredRetention: true },
    });
    const data = cardData(
      review(newCard(at), PLACEMENT_RATING, at, { requestRetention: desiredRetention }).after,
    );
    // ON CONFLICT DO NOTHING: a card made since the read above (a review that just landed) is kept.
    const inserted = await tx.skillCard.createManyAndReturn({
      data: known.map((skillId) => ({ userId, skillId, ...data })),
      skipDuplicates: true,
      select: { skillId: true },
    });
    const made = new Set(inserted.map((c) => c.skillId));
    for (const skillId of known) if (!made.has(skillId)) started.add(skillId);
    const { marked, alreadyStarted } = placementMarks(PLACEMENT_SKILLS, answersOf(row), started);
    const done = await tx.placement.update({
      where: { id: placementId },
      data: { open: null, finishedAt: at, marked, alreadyStarted },
      select: placementSelect,
    });
    return placementView(done);
  });
}
