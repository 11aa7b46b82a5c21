// The number fields of the settings form, their hints stating the scheduler's ranges (lib/srs/settings).
import { SETTING_RANGES, rangeSpan } from "@/lib/srs/settings";

export interface SettingsNumberField {
  name: "dailyNewLimit" | "sessionLength" | "desiredRetention";
  label: string;
  hint: string;
  step?: string;
}

const { dailyNewLimit, sessionLength, requestRetention } = SETTING_RANGES;

export const SETTINGS_NUMBER_FIELDS: readonly SettingsNumberField[] = [
  {
    name: "dailyNewLimit",
    label: dailyNewLimit.label,
    hint: `${rangeSpan(dailyNewLimit)}. How many skills you meet for the first time each day.`,
  },
  {
    name: "sessionLength",
    label: sessionLength.label,
    hint: `${rangeSpan(sessionLength)} problems per session.`,
  },
  {
    name: "desiredRetention",
    label: requestRetention.label,
    hint: `${rangeSpan(requestRetention)}: the chance of remembering a skill when it comes due. Higher means more reviews.`,
    step: "any",
  },
];
