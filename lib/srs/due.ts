// The one definition of "due" and of "recall" that every page shows (Today, Progress, the drill's
// finish screen): a card is due today when its due date is before the end of the learner's local day;
// recall is the FSRS forgetting curve now. The wording is here too, so two pages cannot disagree.
import { type CardState, isStarted } from "./card";
import { retrievabilityNow } from "./schedule";
import { localDayBounds, localDayNumber } from "./time";

export interface DueStatus {
  /** The card's due date; null for a skill never reviewed. */
  dueAt: Date | null;
  /** Due at `now` or earlier. */
  dueNow: boolean;
  /** Due before the end of the learner's local day (what the day's drill takes). */
  dueToday: boolean;
  /** Whole local days from the due date to today (0 when due today or later). */
  overdueDays: number;
  /** Local days from today to the due date (0 today, 1 tomorrow); 0 when overdue. */
  daysAhead: number;
  /** Probability of recall now, 0..1 (0 for a skill never reviewed). */
  recall: number;
  /** Recall as a whole percentage, as every page prints it. */
  recallPercent: number;
  /** "due now", "due in 6 min", "due at 14:32", "due tomorrow at 09:10", "due in 3 days", "overdue 2 days", "not started". */
  label: string;
}

/** True when a started card is due before `end` (the end of the learner's local day). */
export function isDueBefore(card: CardState, end: Date): boolean {
  return isStarted(card) && +card.due < +end;
}

function clock(at: Date, timezone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone: timezone, hour: "2-digit", minute: "2-digit" }).format(
    at,
  );
}

/** Where a card stands at `now` in the learner's timezone: due or not, recall, and how to say it. */
export function dueStatus(card: CardState | undefined, now: Date, timezone: string): DueStatus {
  if (!card || !isStarted(card)) {
    return {
      dueAt: null,
      dueNow: false,
      dueToday: false,
      overdueDays: 0,
      daysAhead: 0,
      recall: 0,
      recallPercent: 0,
      label: "not started",
    };
  }
  const { dayNumber: today, end } = localDayBounds(now, timezone);
  const dueDay = localDayNumber(card.due, timezone);
  const recall = retrievabilityNow(card, now);
  const dueNow = +card.due <= +now;
  const overdueDays = Math.max(0, today - dueDay);
  const daysAhead = Math.max(0, dueDay - today);
  const minutes = Math.ceil((+card.due - +now) / 60_000);
  let label: string;
  if (overdueDays > 0) label = overdueDays === 1 ? "overdue 1 day" : `overdue ${overdueDays} days`;
  else if (dueNow) label = "due now";
  else if (minutes < 60) label = `due in ${minutes} min`;
  else if (daysAhead === 0) label = `due today at ${clock(card.due, timezone)}`;
  else if (daysAhead === 1) label = `due tomorrow at ${clock(card.due, timezone)}`;
  else label = `due in ${daysAhead} days`;
  return {
    dueAt: new Date(+card.due),
    dueNow,
    dueToday: isDueBefore(card, end),
    overdueDays,
    daysAhead,
    recall,
    recallPercent: Math.round(recall * 100),
    label,
  };
}
