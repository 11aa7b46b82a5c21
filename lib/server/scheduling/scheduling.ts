// Scheduling data functions: the learner's day (Today), the drill's next item, settings and
// Progress. Each takes the acting user and reads only that user's rows; time comes from the server
// clock (lib/server/clock), the rules from lib/srs.
import "server-only";
import { cardFromRecord } from "@/lib/server/scheduling/card-record";
import { SKILLS, TOPIC_TITLES, getSkill } from "@/lib/problems";
import type { Topic } from "@/lib/problems/types";
import { now as clockNow } from "@/lib/server/clock";
import { getDb } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { startInstance } from "@/lib/server/practice/practice";
import { problemOf, toView } from "@/lib/server/practice/view";
import {
  type SettingsInput,
  type SettingsView,
  type DrillItem,
  type HistoryEntry,
  type ProgressView,
  type SkillMastery,
  type TodayView,
  historyPageSchema,
  settingsInputSchema,
} from "@/lib/server/scheduling/scheduling.types";
import type { ActingUser } from "@/lib/server/users/user.types";
import {
  type SkillCard,
  accuracyByWeek,
  buildQueue,
  forecast,
  heatmap,
  isLearned,
  isStarted,
  localDateKey,
  localDayBounds,
  retrievabilityNow,
  streak,
} from "@/lib/srs";

const CATALOGUE = SKILLS.map((s) => ({ id: s.id, prerequisites: s.prerequisites }));

export { TOPIC_TITLES };

export const HISTORY_PAGE_SIZE = 20;

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

async function loadCards(userId: string): Promise<SkillCard[]> {
  const rows = await getDb().skillCard.findMany({ where: { userId }, select: cardSelect });
  return rows.map(cardFromRecord);
}

const settingsSelect = {
  dailyNewLimit: true,
  sessionLength: true,
  desiredRetention: true,
  timezone: true,
  settingsSavedAt: true,
} as const;

async function loadSettings(userId: string) {
  const user = await getDb().user.findUnique({ where: { id: userId }, select: settingsSelect });
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in first.");
  return user;
}

function title(skillId: string): string {
  return getSkill(skillId)?.title ?? skillId;
}

function item(skillId: string) {
  const s = getSkill(skillId);
  return { skillId, title: s?.title ?? skillId, topic: s?.topic ?? "" };
}

/** Reviews per local day (in the learner's timezone, read in the same query), aggregated by the database. */
async function reviewDays(userId: string) {
  return getDb().$queryRaw<{ first: Date; count: number; correct: number }[]>`
    SELECT min(r."reviewedAt") AS "first", count(*)::int AS "count",
           (count(*) FILTER (WHERE r."outcome" = 'right'))::int AS "correct"
    FROM "Review" r JOIN "User" u ON u."id" = r."userId"
    WHERE r."userId" = ${userId}::uuid
    GROUP BY (r."reviewedAt" AT TIME ZONE u."timezone")::date`;
}

/** One date per review (the day's first), which is all the day-based views need. */
function expand(days: { first: Date; count: number; correct: number }[]) {
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

interface DayState {
  now: Date;
  settings: Awaited<ReturnType<typeof loadSettings>>;
  cards: SkillCard[];
  queue: ReturnType<typeof buildQueue>;
  doneToday: number;
  newIntroducedToday: number;
}

/** A local day lasts at most 25 hours: reviews since this long ago cover today in any timezone. */
const RECENT_MS = 27 * 3_600_000;

async function dayState(actor: ActingUser): Promise<DayState> {
  const at = await clockNow();
  // Three independent reads at once; today's reviews are picked out of the recent ones once the
  // timezone is known.
  const [settings, cards, recent] = await Promise.all([
    loadSettings(actor.id),
    loadCards(actor.id),
    getDb().$queryRaw<{ reviewedAt: Date; introduced: boolean }[]>`
      SELECT "reviewedAt", ("stateBefore" IS NULL) AS "introduced" FROM "Review"
      WHERE "userId" = ${actor.id}::uuid AND "reviewedAt" >= ${new Date(+at - RECENT_MS)}`,
  ]);
  const { start, end } = localDayBounds(at, settings.timezone);
  // A skill's first review has no state before it: that is when it was introduced.
  const today = recent.filter((r) => +r.reviewedAt >= +start && +r.reviewedAt < +end);
  const newIntroducedToday = today.filter((r) => r.introduced).length;
  const queue = buildQueue({
    now: at,
    timezone: settings.timezone,
    cards,
    skills: CATALOGUE,
    newIntroducedToday,
    settings: {
      requestRetention: settings.desiredRetention,
      dailyNewLimit: settings.dailyNewLimit,
      sessionLength: settings.sessionLength,
    },
  });
  return { now: at, settings, cards, queue, doneToday: today.length, newIntroducedToday };
}

function publicSettings(s: DayState["settings"]): SettingsInput {
  return {
    dailyNewLimit: s.dailyNewLimit,
    sessionLength: s.sessionLength,
    desiredRetention: s.desiredRetention,
    timezone: s.timezone,
  };
}

/** The session's size: what was done today plus what is left, never more than the session length
 * beyond what was done. */
function sessionOf(d: DayState) {
  return { done: d.doneToday, total: d.doneToday + d.queue.items.length };
}

/** The learner's day: what is due, the new skills available, streak and counts. */
export async function getToday(options: { actor: ActingUser }): Promise<TodayView> {
  const [d, days] = await Promise.all([dayState(options.actor), reviewDays(options.actor.id)]);
  const { queue, settings } = d;
  return {
    now: d.now.toISOString(),
    timezone: settings.timezone,
    date: localDateKey(d.now, settings.timezone),
    settings: publicSettings(settings),
    due: queue.due.map((x) => ({
      ...item(x.skillId),
      due: x.due.toISOString(),
      retrievability: x.retrievability,
      overdueDays: x.overdueDays,
    })),
    newSkills: queue.newSkills.map(item),
    extra: queue.extra.map(item),
    practiceMore: queue.practiceMore,
    streak: streak(expand(days).dates, d.now, settings.timezone),
    counts: {
      due: queue.due.length,
      new: queue.newSkills.length,
      doneToday: d.doneToday,
      newIntroducedToday: d.newIntroducedToday,
      remaining: queue.items.length,
    },
    session: sessionOf(d),
  };
}

/**
 * The next problem of today's drill: the first due skill, else the first new one, else the weakest
 * started skill ("practice more"). An unfinished problem of that skill issued today is handed back
 * rather than a second one issued, so reloading does not pile up problems. Null when there is
 * nothing at all to practise (no skill started and no new skill allowed today).
 */
export async function nextDrillItem(options: { actor: ActingUser }): Promise<DrillItem | null> {
  const { actor } = options;
  const d = await dayState(actor);
  const { queue } = d;
  const dueIds = new Set(queue.due.map((x) => x.skillId));
  let skillId: string | undefined = queue.items[0];
  let kind: DrillItem["kind"] = skillId && dueIds.has(skillId) ? "due" : "new";
  let n = d.doneToday + 1;
  let of = d.doneToday + queue.items.length;
  if (!skillId) {
    skillId = queue.extra[0];
    kind = "extra";
    n = d.doneToday + 1;
    of = d.doneToday + 1;
  }
  if (!skillId) return null;

  const { start } = localDayBounds(d.now, d.settings.timezone);
  const open = await getDb().problemInstance.findFirst({
    where: { userId: actor.id, skillId, finishedAt: null, source: "practice", issuedAt: { gte: start } },
    orderBy: { issuedAt: "desc" },
    select: {
      id: true,
      userId: true,
      skillId: true,
      problem: true,
      maxTries: true,
      triesUsed: true,
      hintUsedAt: true,
      issuedAt: true,
      finishedAt: true,
      outcome: true,
      durationMs: true,
      submissions: {
        select: { id: true, tryNumber: true, answer: true, feedback: true, elapsedMs: true, diagnosis: true },
        orderBy: { tryNumber: "asc" },
      },
    },
  });
  const instance = open ? toView(open, open.submissions) : await startInstance({ actor, input: { skillId } });
  return { instance, kind, n, of };
}

/** The learner's scheduling settings. */
export async function getSettings(options: { actor: ActingUser }): Promise<SettingsView> {
  const s = await loadSettings(options.actor.id);
  return { ...publicSettings(s), timezoneConfirmed: s.settingsSavedAt !== null };
}

/** Saves the four settings; any invalid value refuses the whole change (INVALID_INPUT). */
export async function updateSettings(options: { actor: ActingUser; input: unknown }): Promise<SettingsView> {
  const parsed = settingsInputSchema.safeParse(options.input);
  if (!parsed.success)
    throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message ?? "Invalid settings.");
  const at = await clockNow();
  const s = await getDb().user.update({
    where: { id: options.actor.id },
    data: { ...parsed.data, settingsSavedAt: at },
    select: settingsSelect,
  });
  return { ...publicSettings(s), timezoneConfirmed: true };
}

function answerText(answer: unknown): string {
  if (Array.isArray(answer)) return `(${answer.map(String).join(", ")})`;
  return typeof answer === "string" ? answer : "";
}

/** Mastery per skill by topic, the review heatmap, weekly accuracy, the 30-day forecast, streak and
 * a page of past attempts (newest first). */
export async function getProgress(options: { actor: ActingUser; page?: unknown }): Promise<ProgressView> {
  const { actor } = options;
  const page = historyPageSchema.parse(options.page ?? 1);
  const at = await clockNow();
  const [settings, cards, days, total, reviews] = await Promise.all([
    loadSettings(actor.id),
    loadCards(actor.id),
    reviewDays(actor.id),
    getDb().review.count({ where: { userId: actor.id } }),
    getDb().review.findMany({
      where: { userId: actor.id },
      orderBy: [{ reviewedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * HISTORY_PAGE_SIZE,
      take: HISTORY_PAGE_SIZE,
      select: {
        instanceId: true,
        skillId: true,
        rating: true,
        outcome: true,
        reviewedAt: true,
        instance: {
          select: {
            problem: true,
            submissions: { select: { answer: true }, orderBy: { tryNumber: "desc" }, take: 1 },
          },
        },
      },
    }),
  ]);

  const tz = settings.timezone;
  const byId = new Map(cards.map((c) => [c.skillId, c]));
  const topics = new Map<Topic, SkillMastery[]>();
  for (const s of SKILLS) {
    const c = byId.get(s.id);
    const started = !!c && isStarted(c);
    const m: SkillMastery = {
      skillId: s.id,
      title: s.title,
      prerequisites: s.prerequisites.map((p) => ({ skillId: p, title: title(p) })),
      started,
      learned: isLearned(c),
      retrievability: c && started ? retrievabilityNow(c, at) : 0,
      stability: c && started ? c.stability : 0,
      state: c ? ((["New", "Learning", "Review", "Relearning"] as const)[c.state] ?? "New") : "New",
      due: c && started ? c.due.toISOString() : null,
      reps: c?.reps ?? 0,
      lapses: c?.lapses ?? 0,
    };
    const list = topics.get(s.topic) ?? [];
    list.push(m);
    topics.set(s.topic, list);
  }

  const { dates, marks } = expand(days);
  const entries: HistoryEntry[] = reviews.map((r) => {
    const p = problemOf(r.instance);
    const last = r.instance.submissions[0];
    return {
      instanceId: r.instanceId,
      skillTitle: title(r.skillId),
      statement: p.statement,
      latex: p.latex,
      answer: last ? answerText(last.answer) : "",
      verdict: r.outcome,
      rating: r.rating,
      date: r.reviewedAt.toISOString(),
    };
  });
  const started = cards.filter(isStarted);
  return {
    now: at.toISOString(),
    timezone: tz,
    topics: [...topics.entries()].map(([topic, skills]) => ({ topic, title: TOPIC_TITLES[topic], skills })),
    heatmap: heatmap(dates, at, tz, 26),
    accuracy: accuracyByWeek(marks, at, tz, 12),
    forecast: forecast(cards, at, tz, 30),
    streak: streak(dates, at, tz),
    totals: { reviews: total, started: started.length, learned: started.filter((c) => isLearned(c)).length },
    history: {
      entries,
      page,
      pageSize: HISTORY_PAGE_SIZE,
      total,
      pages: Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE)),
    },
  };
}
