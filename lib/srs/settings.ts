// A learner's scheduling settings, with their allowed ranges. SETTING_RANGES is the one table of
// those ranges: the scheduler's schema below, the server's settings schema and the settings form's
// hints are all made from it.
import { z } from "zod";

export interface SettingRange {
  /** What the settings page calls it. */
  label: string;
  min: number;
  max: number;
  /** Whole numbers only (otherwise any number in the range, shown with two decimals). */
  whole: boolean;
}

export const SETTING_RANGES = {
  /** Desired probability of recalling a skill when it comes due. */
  requestRetention: { label: "Desired retention", min: 0.7, max: 0.97, whole: false },
  /** New skills introduced per local day. */
  dailyNewLimit: { label: "New skills per day", min: 0, max: 50, whole: true },
  /** Most items in one practice session. */
  sessionLength: { label: "Session length", min: 1, max: 200, whole: true },
} as const satisfies Record<string, SettingRange>;

export const MIN_RETENTION = SETTING_RANGES.requestRetention.min;
export const MAX_RETENTION = SETTING_RANGES.requestRetention.max;

const shown = (r: SettingRange, n: number): string => (r.whole ? String(n) : n.toFixed(2));

/** The range as the form states it: "0 to 50", "0.70 to 0.97". */
export function rangeSpan(r: SettingRange): string {
  return `${shown(r, r.min)} to ${shown(r, r.max)}`;
}

/** The message for a value out of range: "Session length must be a whole number from 1 to 200." */
export function rangeMessage(r: SettingRange): string {
  return r.whole
    ? `${r.label} must be a whole number from ${r.min} to ${r.max}.`
    : `${r.label} must be between ${shown(r, r.min)} and ${shown(r, r.max)}.`;
}

const inRange = (r: SettingRange) => (r.whole ? z.number().int() : z.number()).min(r.min).max(r.max);

export const srsSettingsSchema = z.object({
  requestRetention: inRange(SETTING_RANGES.requestRetention),
  dailyNewLimit: inRange(SETTING_RANGES.dailyNewLimit),
  sessionLength: inRange(SETTING_RANGES.sessionLength),
});
export type SrsSettings = z.infer<typeof srsSettingsSchema>;

export const DEFAULT_SETTINGS: Readonly<SrsSettings> = Object.freeze({
  requestRetention: 0.9,
  dailyNewLimit: 5,
  sessionLength: 20,
});

/** Throws a RangeError unless the desired retention is a number in [0.70, 0.97]. */
export function assertRetention(requestRetention: number): void {
  if (!(requestRetention >= MIN_RETENTION && requestRetention <= MAX_RETENTION)) {
    throw new RangeError(
      `requestRetention must be between ${MIN_RETENTION} and ${MAX_RETENTION}, got ${requestRetention}`,
    );
  }
}
