// Progress views for the learner: upcoming load, streaks, a review heatmap, weekly accuracy.
// Every day here is a local calendar day in the learner's timezone.
import { type SkillCard, isStarted } from "./card";
import { assertTimezone, dayKey, isoWeekday, localDayNumber } from "./time";

export { retrievabilityNow } from "./schedule";

export interface DayCount {
  /** Local date, "YYYY-MM-DD". */
  date: string;
  count: number;
}

/**
 * Started cards coming due on each of the next `days` local days, today first. Cards already
 * overdue count for today.
 */
export function forecast(cards: readonly SkillCard[], now: Date, timezone: string, days = 30): DayCount[] {
  const today = localDayNumber(now, timezone);
  const counts = new Array<number>(Math.max(0, days)).fill(0);
  for (const c of cards) {
    if (!isStarted(c)) continue;
    const i = Math.max(0, localDayNumber(c.due, timezone) - today);
    if (i < counts.length) counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts.map((count, i) => ({ date: dayKey(today + i), count }));
}

/** localDayNumber with a memo per instant: logs often repeat instants, and Intl is the costly part. */
function dayNumberer(timezone: string): (d: Date) => number {
  const memo = new Map<number, number>();
  return (d) => {
    const t = +d;
    let n = memo.get(t);
    if (n === undefined) {
      n = localDayNumber(t, timezone);
      memo.set(t, n);
    }
    return n;
  };
}

function dayCounts(dates: readonly Date[], timezone: string): Map<number, number> {
  const m = new Map<number, number>();
  const dayOf = dayNumberer(timezone);
  for (const d of dates) {
    const n = dayOf(d);
    m.set(n, (m.get(n) ?? 0) + 1);
  }
  return m;
}

/**
 * Consecutive local days with at least one review. `current` ends today, or yesterday when today
 * has no review yet (an unpractised today does not break the streak); 0 when neither day has one.
 * `longest` is the longest run up to today. Reviews dated after today are ignored.
 */
export function streak(
  reviewDates: readonly Date[],
  now: Date,
  timezone: string,
): { current: number; longest: number } {
  assertTimezone(timezone);
  const today = localDayNumber(now, timezone);
  const days = [...dayCounts(reviewDates, timezone).keys()].filter((d) => d <= today).sort((a, b) => a - b);
  const set = new Set(days);
  let longest = 0;
  let run = 0;
  let prev = Number.NaN;
  for (const d of days) {
    run = d === prev + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    prev = d;
  }
  let current = 0;
  for (let d = set.has(today) ? today : today - 1; set.has(d); d--) current++;
  return { current, longest };
}

/** Reviews per local day for the last `weeks` x 7 days ending today, oldest first. */
export function heatmap(reviewDates: readonly Date[], now: Date, timezone: string, weeks = 26): DayCount[] {
  const today = localDayNumber(now, timezone);
  const counts = dayCounts(reviewDates, timezone);
  const n = Math.max(0, weeks) * 7;
  const out: DayCount[] = [];
  for (let d = today - n + 1; d <= today; d++) out.push({ date: dayKey(d), count: counts.get(d) ?? 0 });
  return out;
}

export interface WeekAccuracy {
  /** Monday of the local week, "YYYY-MM-DD". */
  weekStart: string;
  reviews: number;
  correct: number;
  /** correct / reviews, or null for a week without reviews. */
  accuracy: number | null;
}

/** Share of correct reviews per local week (Monday to Sunday), the last `weeks` weeks, oldest first. */
export function accuracyByWeek(
  reviews: readonly { reviewedAt: Date; correct: boolean }[],
  now: Date,
  timezone: string,
  weeks = 12,
): WeekAccuracy[] {
  const today = localDayNumber(now, timezone);
  const thisMonday = today - isoWeekday(today);
  const n = Math.max(0, weeks);
  const first = thisMonday - 7 * (n - 1);
  const out: WeekAccuracy[] = [];
  for (let i = 0; i < n; i++)
    out.push({ weekStart: dayKey(first + 7 * i), reviews: 0, correct: 0, accuracy: null });
  const dayOf = dayNumberer(timezone);
  for (const r of reviews) {
    const d = dayOf(r.reviewedAt);
    const i = Math.floor((d - first) / 7);
    const w = out[i];
    if (d > today || !w) continue;
    w.reviews++;
    if (r.correct) w.correct++;
  }
  for (const w of out) w.accuracy = w.reviews === 0 ? null : w.correct / w.reviews;
  return out;
}
