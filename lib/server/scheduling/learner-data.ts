// What the scheduling views read about a learner: their cards, their settings, and their reviews per
// local day. Each read is scoped to the user id given.
import "server-only";
import { getSkill } from "@/lib/problems";
import { getDb } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { type SettingsInput } from "@/lib/server/scheduling/scheduling.types";
import { type SkillCard, cardFromRecord } from "@/lib/srs";

const cardSelect = {
  skillId: true,
  due: true,
  stability: true,
  difficulty: true,
  elapsedDays: true,
  scheduledDays: true,
  learningSteps: true,
  reps: true,
  lapses: true,
  state: true,
  lastReview: true,
  lastRating: true,
} as const;

export async function loadCards(userId: string): Promise<SkillCard[]> {
  const rows = await getDb().skillCard.findMany({ where: { userId }, select: cardSelect });
  return rows.map(cardFromRecord);
}

export const settingsSelect = {
  dailyNewLimit: true,
  sessionLength: true,
  desiredRetention: true,
  timezone: true,
  settingsSavedAt: true,
} as const;

export async function loadSettings(userId: string) {
  const user = await getDb().user.findUnique({ where: { id: userId }, select: settingsSelect });
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in first.");
  return user;
}

export function publicSettings(s: Awaited<ReturnType<typeof loadSettings>>): SettingsInput {
  return {
    dailyNewLimit: s.dailyNewLimit,
    sessionLength: s.sessionLength,
    desiredRetention: s.desiredRetention,
    timezone: s.timezone,
  };
}

/** Reviews per local day (in the learner's timezone, read in the same query), aggregated by the database. */
export async function reviewDays(userId: string) {
  return getDb().$queryRaw<{ first: Date; count: number; correct: number }[]>`
    SELECT min(r."reviewedAt") AS "first", count(*)::int AS "count",
           (count(*) FILTER (WHERE r."outcome" = 'right'))::int AS "correct"
    FROM "Review" r JOIN "User" u ON u."id" = r."userId"
    WHERE r."userId" = ${userId}::uuid
    GROUP BY (r."reviewedAt" AT TIME ZONE u."timezone")::date`;
}

/** One date per review (the day's first), which is all the day-based views need. */
export function expand(days: { first: Date; count: number; correct: number }[]) {
  const dates: Date[] = [];
  const marks: { reviewedAt: Date; correct: boolean }[] = [];
  for (const d of days) {
    for (let i = 0; i < d.count; i++) {
      dates.push(d.first);
      marks.push({ reviewedAt: d.first, correct: i < d.correct });
    }
  }
  return { dates, marks };
}

export function title(skillId: string): string {
  return getSkill(skillId)?.title ?? skillId;
}

export function item(skillId: string) {
  const s = getSkill(skillId);
  return { skillId, title: s?.title ?? skillId, topic: s?.topic ?? "" };
}
