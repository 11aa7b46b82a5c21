// What the scheduling views read about a learner: their cards, their settings, and their reviews per
// local day. Each read is scoped to the user id given, and is one named statement on the pool (these
// run on Today, the drill and Progress: no ORM on them).
import "server-only";
import { getSkill } from "@/lib/problems";
import { getPool } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { type SettingsInput } from "@/lib/server/scheduling/scheduling.types";
import { type CardRecord, type SkillCard, cardFromRecord } from "@/lib/srs";

const CARDS = `
  SELECT "skillId", "due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps",
         "reps", "lapses", "state"::text AS "state", "lastReview", "lastRating"::text AS "lastRating"
  FROM "SkillCard" WHERE "userId" = $1::uuid`;

export async function loadCards(userId: string): Promise<SkillCard[]> {
  const { rows } = await getPool().query<CardRecord>({
    name: "learner_cards",
    text: CARDS,
    values: [userId],
  });
  return rows.map(cardFromRecord);
}

export const settingsSelect = {
  dailyNewLimit: true,
  sessionLength: true,
  desiredRetention: true,
  timezone: true,
  settingsSavedAt: true,
} as const;

export interface LearnerSettings {
  dailyNewLimit: number;
  sessionLength: number;
  desiredRetention: number;
  timezone: string;
  settingsSavedAt: Date | null;
}

const SETTINGS = `
  SELECT "dailyNewLimit", "sessionLength", "desiredRetention", "timezone", "settingsSavedAt"
  FROM "User" WHERE "id" = $1::uuid`;

export async function loadSettings(userId: string): Promise<LearnerSettings> {
  const { rows } = await getPool().query<LearnerSettings>({
    name: "learner_settings",
    text: SETTINGS,
    values: [userId],
  });
  const user = rows[0];
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in first.");
  return user;
}

export function publicSettings(s: LearnerSettings): SettingsInput {
  return {
    dailyNewLimit: s.dailyNewLimit,
    sessionLength: s.sessionLength,
    desiredRetention: s.desiredRetention,
    timezone: s.timezone,
  };
}

const REVIEW_DAYS = `
  SELECT min(r."reviewedAt") AS "first", count(*)::int AS "count",
         (count(*) FILTER (WHERE r."outcome" = 'right'))::int AS "correct"
  FROM "Review" r JOIN "User" u ON u."id" = r."userId"
  WHERE r."userId" = $1::uuid
  GROUP BY (r."reviewedAt" AT TIME ZONE u."timezone")::date`;

/** Reviews per local day (in the learner's timezone, read in the same query), aggregated by the database. */
export async function reviewDays(userId: string) {
  const { rows } = await getPool().query<{ first: Date; count: number; correct: number }>({
    name: "review_days",
    text: REVIEW_DAYS,
    values: [userId],
  });
  return rows;
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
