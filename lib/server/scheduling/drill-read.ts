// Reading the day's drill: its fixed items with their results, where the learner stands, and the
// finish screen (what was done, what comes due by tomorrow, the streak). Reads only; nothing here
// writes a row, so GET pages may call it.
import "server-only";
import { now as clockNow } from "@/lib/server/clock";
import { getDb } from "@/lib/server/db/client";
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
import { expand, loadSettings, reviewDays, title } from "./learner-data";

const drillSelect = {
  id: true,
  day: true,
  items: {
    select: {
      position: true,
      skillId: true,
      kind: true,
      instanceId: true,
      instance: { select: { finishedAt: true, outcome: true } },
    },
    orderBy: { position: "asc" },
  },
} as const;

/** The learner's drill of the local day of `now` in `timezone`, or null before it starts. */
export async function readDrill(userId: string, now: Date, timezone: string): Promise<DrillView | null> {
  const row = await getDb().drill.findUnique({
    where: { userId_day: { userId, day: localDateKey(now, timezone) } },
    select: drillSelect,
  });
  if (!row) return null;
  const all: DrillItemView[] = row.items.map((i) => ({
    position: i.position,
    skillId: i.skillId,
    title: title(i.skillId),
    kind: i.kind,
    instanceId: i.instanceId,
    finished: i.instance.finishedAt !== null,
    result: i.instance.finishedAt === null ? null : i.instance.outcome,
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

/** The learner's drill of today, or null before it starts. */
export async function getDrill(options: { actor: ActingUser }): Promise<DrillView | null> {
  const [at, settings] = await Promise.all([clockNow(), loadSettings(options.actor.id)]);
  return readDrill(options.actor.id, at, settings.timezone);
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
