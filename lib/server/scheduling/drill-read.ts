// Reading the day's drill: its fixed items with their results, where the learner stands, and the
// finish screen (what was done, what comes due by tomorrow, the streak). Reads only; nothing here
// writes a row, so GET pages may call it.
import "server-only";
import { now as clockNow } from "@/lib/server/clock";
import { getPool } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import type {
  ComingDue,
  DrillItemView,
  DrillSummary,
  DrillView,
} from "@/lib/server/scheduling/scheduling.types";
import { type ActingUser } from "@/lib/server/users/user.types";
import {
  type SkillCard,
  drillProgress,
  dueStatus,
  localDateKey,
  localDayBounds,
  pickOneMore,
  streak,
} from "@/lib/srs";
import { dayState } from "./day-state";
import { expand, reviewDays, title } from "./learner-data";

/** The learner's drills of the days in $2 with their items and each item's result, as JSON. */
const DRILLS_JSON = `
  COALESCE((SELECT json_agg(json_build_object('id', d."id", 'day', d."day", 'items',
              COALESCE((SELECT json_agg(json_build_object(
                          'position', i."position", 'skillId', i."skillId", 'kind', i."kind",
                          'instanceId', i."instanceId", 'finished', p."finishedAt" IS NOT NULL,
                          'outcome', p."outcome") ORDER BY i."position")
                        FROM "DrillItem" i JOIN "ProblemInstance" p ON p."id" = i."instanceId"
                        WHERE i."drillId" = d."id"), '[]'::json)))
            FROM "Drill" d WHERE d."userId" = $1::uuid AND d."day" = ANY($2::text[])), '[]'::json)`;

interface DrillRow {
  id: string;
  day: string;
  items: {
    position: number;
    skillId: string;
    kind: DrillItemView["kind"];
    instanceId: string;
    finished: boolean;
    outcome: DrillItemView["result"];
  }[];
}

function drillView(row: DrillRow): DrillView {
  const all: DrillItemView[] = row.items.map((i) => ({
    position: i.position,
    skillId: i.skillId,
    title: title(i.skillId),
    kind: i.kind,
    instanceId: i.instanceId,
    finished: i.finished,
    result: i.finished ? i.outcome : null,
  }));
  const p = drillProgress(all);
  const next = p.next
    ? {
        instanceId: p.next.instanceId,
        kind: p.next.kind,
        // An extra problem is the k-th "one more" beyond the drill, not "1 of 1".
        n: p.next.kind === "extra" ? p.extra.indexOf(p.next) + 1 : p.done + 1,
        of: p.next.kind === "extra" ? p.extra.indexOf(p.next) + 1 : p.total,
      }
    : null;
  return {
    id: row.id,
    day: row.day,
    items: p.items,
    extra: p.extra,
    done: p.done,
    total: p.total,
    finished: p.finished,
    next,
  };
}

/** The learner's drill of the local day of `now` in `timezone`, or null before it starts. */
export async function readDrill(userId: string, now: Date, timezone: string): Promise<DrillView | null> {
  const { rows } = await getPool().query<{ drills: DrillRow[] }>({
    name: "drill_of_day",
    text: `SELECT ${DRILLS_JSON} AS "drills"`,
    values: [userId, [localDateKey(now, timezone)]],
  });
  const row = rows[0]?.drills[0];
  return row ? drillView(row) : null;
}

const DAY_MS = 86_400_000;

/**
 * The learner's drill of today, or null before it starts: one statement reads the timezone and the
 * drills of the three UTC dates that today's local date can be (every offset is within a day of UTC),
 * and today's is picked once the timezone is known.
 */
export async function getDrill(options: { actor: ActingUser }): Promise<DrillView | null> {
  const at = await clockNow();
  const days = [-1, 0, 1].map((k) => localDateKey(+at + k * DAY_MS, "UTC"));
  const { rows } = await getPool().query<{ timezone: string; drills: DrillRow[] }>({
    name: "drill_today",
    text: `SELECT u."timezone", ${DRILLS_JSON} AS "drills" FROM "User" u WHERE u."id" = $1::uuid`,
    values: [options.actor.id, days],
  });
  const r = rows[0];
  if (!r) throw new AppError("UNAUTHENTICATED", "Sign in first.");
  const today = localDateKey(at, r.timezone);
  const row = r.drills.find((d) => d.day === today);
  return row ? drillView(row) : null;
}

/** Started skills due before the end of tomorrow, soonest first, in dueStatus's words. */
export function comingDue(cards: readonly SkillCard[], now: Date, timezone: string): ComingDue[] {
  const { end } = localDayBounds(now, timezone);
  const endOfTomorrow = localDayBounds(end, timezone).end;
  return cards
    .map((c) => ({ c, s: dueStatus(c, now, timezone) }))
    .filter(({ s }) => s.dueAt !== null && +s.dueAt < +endOfTomorrow)
    .sort((a, b) => +a.c.due - +b.c.due || (a.c.skillId < b.c.skillId ? -1 : 1))
    .map(({ c, s }) => ({
      skillId: c.skillId,
      title: title(c.skillId),
      label: s.label,
      recallPercent: s.recallPercent,
    }));
}

/** The finish screen's data; null before the drill starts. */
export async function getDrillSummary(options: { actor: ActingUser }): Promise<DrillSummary | null> {
  const [d, days] = await Promise.all([dayState(options.actor), reviewDays(options.actor.id)]);
  const tz = d.settings.timezone;
  const drill = await readDrill(options.actor.id, d.now, tz);
  if (!drill) return null;
  return {
    drill,
    tomorrow: comingDue(d.cards, d.now, tz),
    streak: streak(expand(days).dates, d.now, tz),
    oneMore: pickOneMore(d.queue, d.cards, d.now) !== null,
  };
}
