// Requests and responses of scheduling: the learner's settings (validated here), Today, the drill's
// next item and Progress.
import { z } from "zod";
import type { StatementPart } from "@/lib/problems/statement-parts";
import { SETTING_RANGES, type SettingRange, rangeMessage } from "@/lib/srs/settings";

/** An IANA timezone name this runtime knows (checked with Intl; offsets like "+05:00" refused). */
export function isIanaTimezone(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const timezoneSchema = z
  .string()
  .trim()
  .max(64, "Choose a timezone from the list.")
  .refine(isIanaTimezone, "Choose a timezone from the list (an IANA name such as Europe/Paris).");

let intlZones: ReadonlySet<string> | null = null;

/**
 * The zone named as Intl's list of supported timezones spells it (an alias such as "Asia/Kolkata"
 * becomes the list's "Asia/Calcutta"), or null when it is not in that list.
 */
export function listedTimezone(value: string): string | null {
  intlZones ??= new Set(Intl.supportedValuesOf("timeZone"));
  if (intlZones.has(value)) return value;
  if (!isIanaTimezone(value)) return null;
  const canonical = new Intl.DateTimeFormat("en-US", { timeZone: value }).resolvedOptions().timeZone;
  return intlZones.has(canonical) ? canonical : null;
}

/** The browser's timezone sent by the sign-up and sign-in forms: a zone of Intl's list. */
export const browserTimezoneSchema = z
  .string()
  .max(64)
  .transform((value, ctx) => {
    const zone = listedTimezone(value);
    if (zone === null) {
      ctx.addIssue({ code: "custom", message: "Not a timezone of the list." });
      return z.NEVER;
    }
    return zone;
  });

/** A number from a form field within one of the scheduler's ranges, with the range's message. */
function settingField(r: SettingRange) {
  const message = rangeMessage(r);
  const n = z.coerce.number({ error: message });
  return (r.whole ? n.int(message) : n).min(r.min, message).max(r.max, message);
}

export const settingsInputSchema = z.object({
  dailyNewLimit: settingField(SETTING_RANGES.dailyNewLimit),
  sessionLength: settingField(SETTING_RANGES.sessionLength),
  desiredRetention: settingField(SETTING_RANGES.requestRetention),
  timezone: timezoneSchema,
});
export type SettingsInput = z.infer<typeof settingsInputSchema>;

export interface SettingsView extends SettingsInput {
  /** False until the learner saved settings once (the page then proposes the browser's timezone). */
  timezoneConfirmed: boolean;
}

export const historyPageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

export interface TodayItem {
  skillId: string;
  title: string;
  topic: string;
}

export interface TodayView {
  now: string;
  timezone: string;
  /** The local date, "YYYY-MM-DD". */
  date: string;
  settings: SettingsInput;
  /** The drill's reviews once it started (fixed), else what it would take now. */
  due: (TodayItem & {
    due: string;
    retrievability: number;
    recallPercent: number;
    overdueDays: number;
    /** lib/srs dueStatus's wording, the same on Progress. */
    label: string;
    done: boolean;
  })[];
  /** The drill's new skills once it started (fixed), else the ones it would take now. */
  newSkills: (TodayItem & { done: boolean })[];
  /** When nothing is due and no new skill is available: the weakest started skills. */
  extra: TodayItem[];
  practiceMore: boolean;
  streak: { current: number; longest: number };
  counts: {
    due: number;
    new: number;
    /** Reviews recorded today (finished problems). */
    doneToday: number;
    /** New skills first reviewed today. */
    newIntroducedToday: number;
    /** Items left in today's session (due then new, cut to the session length). */
    remaining: number;
  };
  /** The drill's position: `done` of `total` (fixed once it started). */
  session: { done: number; total: number };
  /** Today's drill, once started. */
  drill: DrillView | null;
  /** Coming due by the end of tomorrow (shown once the drill is finished). */
  tomorrow: ComingDue[];
}

/** One problem of the day's drill and its result once finished. */
export interface DrillItemView {
  position: number;
  skillId: string;
  title: string;
  kind: "due" | "new" | "extra";
  instanceId: string;
  finished: boolean;
  result: "right" | "wrong" | "revealed" | null;
}

/** The day's drill: fixed when it started; `extra` holds the "one more" problems after it. */
export interface DrillView {
  id: string;
  /** The local date it belongs to, "YYYY-MM-DD". */
  day: string;
  items: DrillItemView[];
  extra: DrillItemView[];
  done: number;
  total: number;
  finished: boolean;
  /** The problem to open next (the drill's, else an unfinished "one more") and its place: n of `of`. */
  next: { instanceId: string; kind: DrillItemView["kind"]; n: number; of: number } | null;
}

/** A skill coming due, as every page words it (lib/srs dueStatus). */
export interface ComingDue {
  skillId: string;
  title: string;
  label: string;
  recallPercent: number;
}

/** The finish screen: the drill, what comes due by the end of tomorrow, and the streak. */
export interface DrillSummary {
  drill: DrillView;
  tomorrow: ComingDue[];
  streak: { current: number; longest: number };
  /** Whether "one more" has something to give. */
  oneMore: boolean;
}

export interface SkillMastery {
  skillId: string;
  title: string;
  prerequisites: { skillId: string; title: string }[];
  started: boolean;
  learned: boolean;
  /** Probability of recall now (0 when never reviewed). */
  retrievability: number;
  /** Recall as printed, and when it is due, in lib/srs dueStatus's words (the same on Today). */
  recallPercent: number;
  dueLabel: string;
  /** Days for retrievability to fall to 90%. */
  stability: number;
  state: "New" | "Learning" | "Review" | "Relearning";
  due: string | null;
  reps: number;
  lapses: number;
}

export interface HistoryEntry {
  instanceId: string;
  skillTitle: string;
  statement: string;
  /** The statement as read: prose and typeset maths. */
  statementParts: StatementPart[];
  latex: string;
  answer: string;
  verdict: "right" | "wrong" | "revealed";
  rating: "Again" | "Hard" | "Good" | "Easy";
  date: string;
}

export interface ProgressView {
  now: string;
  timezone: string;
  topics: { topic: string; title: string; skills: SkillMastery[] }[];
  heatmap: { date: string; count: number }[];
  accuracy: { weekStart: string; reviews: number; correct: number; accuracy: number | null }[];
  forecast: { date: string; count: number }[];
  streak: { current: number; longest: number };
  totals: { reviews: number; started: number; learned: number };
  history: { entries: HistoryEntry[]; page: number; pageSize: number; total: number; pages: number };
}
