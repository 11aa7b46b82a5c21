// Reading the learner's placement check: its questions with their results, whether it can go on,
// and what the answers show known. Reads only; GET pages may call it.
import "server-only";
import { getDb, getPool } from "@/lib/server/db/client";
import { type ActingUser } from "@/lib/server/users/user.types";
import { PLACEMENT_MAX_QUESTIONS, nextPlacementSkill, placementKnown } from "@/lib/srs";
import { PLACEMENT_OFFER_MAX_REVIEWS, PLACEMENT_SKILLS, skillOf } from "./placement-skills";
import type { PlacementOffer, PlacementStatus, PlacementView } from "./placement.types";

export const placementSelect = {
  id: true,
  open: true,
  startedAt: true,
  finishedAt: true,
  marked: true,
  alreadyStarted: true,
  questions: {
    select: {
      position: true,
      skillId: true,
      instanceId: true,
      instance: { select: { finishedAt: true, outcome: true } },
    },
    orderBy: { position: "asc" },
  },
} as const;

type PlacementRow = {
  id: string;
  open: boolean | null;
  startedAt: Date;
  finishedAt: Date | null;
  marked: string[];
  alreadyStarted: string[];
  questions: {
    position: number;
    skillId: string;
    instanceId: string;
    instance: { finishedAt: Date | null; outcome: "right" | "wrong" | "revealed" | null };
  }[];
};

/** The answers of the finished questions, as the rules take them. */
export function answersOf(row: Pick<PlacementRow, "questions">) {
  return row.questions
    .filter((q) => q.instance.finishedAt !== null)
    .map((q) => ({ skillId: q.skillId, correct: q.instance.outcome === "right" }));
}

export function placementView(row: PlacementRow): PlacementView {
  const questions = row.questions.map((q) => ({
    position: q.position,
    ...skillOf(q.skillId),
    instanceId: q.instanceId,
    result:
      q.instance.finishedAt === null
        ? null
        : q.instance.outcome === "right"
          ? ("right" as const)
          : ("wrong" as const),
  }));
  const last = questions[questions.length - 1] ?? null;
  const open = row.open === true && row.finishedAt === null;
  const answers = answersOf(row);
  const current = open && last && last.result === null ? last : null;
  return {
    id: row.id,
    open,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt ? row.finishedAt.toISOString() : null,
    questions,
    current,
    canContinue: open && current === null && nextPlacementSkill(PLACEMENT_SKILLS, answers) !== null,
    maxQuestions: PLACEMENT_MAX_QUESTIONS,
    known: (open ? placementKnown(PLACEMENT_SKILLS, answers) : row.marked).map(skillOf),
    alreadyStarted: (open ? [] : row.alreadyStarted).map(skillOf),
  };
}

/** The learner's open check, if any (the row, for the writes). */
export async function openPlacementRow(userId: string) {
  return getDb().placement.findFirst({ where: { userId, open: true }, select: placementSelect });
}

/** Whether Today offers the check: few or no reviews yet, and no check finished (the one rule). */
function offeredTo(reviews: number, finishedChecks: number): boolean {
  return finishedChecks === 0 && reviews < PLACEMENT_OFFER_MAX_REVIEWS;
}

/** The learner's open check, else the latest finished one, and whether Today offers the check. */
export async function getPlacement(options: { actor: ActingUser }): Promise<PlacementStatus> {
  const userId = options.actor.id;
  const [row, reviews, finished] = await Promise.all([
    getDb().placement.findFirst({
      where: { userId },
      orderBy: [{ open: { sort: "asc", nulls: "last" } }, { startedAt: "desc" }],
      select: placementSelect,
    }),
    getDb().review.count({ where: { userId }, take: PLACEMENT_OFFER_MAX_REVIEWS }),
    getDb().placement.count({ where: { userId, open: null } }),
  ]);
  return {
    placement: row ? placementView(row) : null,
    offered: offeredTo(reviews, finished),
  };
}

const OFFER = `SELECT
    EXISTS (SELECT 1 FROM "Placement" WHERE "userId" = $1::uuid AND "open" = true) AS "open",
    (SELECT count(*) FROM "Placement" WHERE "userId" = $1::uuid AND "open" IS NULL)::int AS "finished",
    (SELECT count(*) FROM (SELECT 1 FROM "Review" WHERE "userId" = $1::uuid LIMIT $2) r)::int AS "reviews"`;

/**
 * Only what Today shows of the check, in one statement: whether it is offered and whether one is
 * open (no questions, no problems read).
 */
export async function getPlacementOffer(options: { actor: ActingUser }): Promise<PlacementOffer> {
  const { rows } = await getPool().query<{ open: boolean; finished: number; reviews: number }>({
    name: "placement_offer",
    text: OFFER,
    values: [options.actor.id, PLACEMENT_OFFER_MAX_REVIEWS],
  });
  const r = rows[0]!;
  return { open: r.open, offered: offeredTo(r.reviews, r.finished) };
}
