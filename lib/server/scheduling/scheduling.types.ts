// Requests and responses of scheduling: the learner's settings (validated here), Today, the drill's
// next item and Progress.
import { z } from "zod";
import type { InstanceView } from "@/lib/server/practice/practice.types";
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
  due: (TodayItem & { due: string; retrievability: number; overdueDays: number })[];
  newSkills: TodayItem[];
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
  /** The session's position: `done` of `total` (done today + remaining). */
  session: { done: number; total: number };
}

export interface DrillItem {
  instance: InstanceView;
  kind: "due" | "new" | "extra";
  /** 1-based position in today's session, and the session's size. */
  n: number;
  of: number;
}

export interface SkillMastery {
  skillId: string;
  title: string;
  prerequisites: { skillId: string; title: string }[];
  started: boolean;
  learned: boolean;
  /** Probability of recall now (0 when never reviewed). */
  retrievability: number;
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
