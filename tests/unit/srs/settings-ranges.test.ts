// The settings' ranges have one home (lib/srs/settings): the scheduler's schema, the server's schema
// for the settings form and the form's hints must all state the same bounds.
import { describe, expect, it } from "vitest";
import { SETTINGS_NUMBER_FIELDS } from "@/components/scheduling/settings-fields";
import { settingsInputSchema } from "@/lib/server/scheduling/scheduling.types";
import { DEFAULT_SETTINGS, SETTING_RANGES, type SettingRange, srsSettingsSchema } from "@/lib/srs/settings";

// The server form's field for each of the scheduler's settings.
const FORM_NAME = {
  requestRetention: "desiredRetention",
  dailyNewLimit: "dailyNewLimit",
  sessionLength: "sessionLength",
} as const;

const cases = Object.entries(SETTING_RANGES) as [keyof typeof SETTING_RANGES, SettingRange][];
const valid = { dailyNewLimit: "5", sessionLength: "20", desiredRetention: "0.9", timezone: "UTC" };
const serverAccepts = (field: string, v: number): boolean =>
  settingsInputSchema.safeParse({ ...valid, [field]: String(v) }).success;
const schedulerAccepts = (key: string, v: number): boolean =>
  srsSettingsSchema.safeParse({ ...DEFAULT_SETTINGS, [key]: v }).success;

describe("one table of settings ranges", () => {
  it.each(cases)("%s: scheduler and server accept the ends and refuse just outside", (key, r) => {
    const field = FORM_NAME[key];
    const step = r.whole ? 1 : 0.001;
    for (const v of [r.min, r.max, (r.min + r.max) / 2].filter((x) => !r.whole || Number.isInteger(x))) {
      expect(schedulerAccepts(key, v)).toBe(true);
      expect(serverAccepts(field, v)).toBe(true);
    }
    for (const v of [r.min - step, r.max + step]) {
      expect(schedulerAccepts(key, v)).toBe(false);
      expect(serverAccepts(field, v)).toBe(false);
    }
    if (r.whole) {
      expect(schedulerAccepts(key, r.min + 0.5)).toBe(false);
      expect(serverAccepts(field, r.min + 0.5)).toBe(false);
    }
  });

  it("the server's message for an out-of-range value states the table's range", () => {
    const r = settingsInputSchema.safeParse({ ...valid, sessionLength: "201" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("Session length must be a whole number from 1 to 200.");
    const d = settingsInputSchema.safeParse({ ...valid, desiredRetention: "0.5" });
    expect(d.error?.issues[0]?.message).toBe("Desired retention must be between 0.70 and 0.97.");
  });

  it("the form has one field per setting, and each hint states that setting's range", () => {
    expect(SETTINGS_NUMBER_FIELDS.map((f) => f.name).sort()).toEqual(
      Object.keys(settingsInputSchema.shape)
        .filter((k) => k !== "timezone")
        .sort(),
    );
    for (const [key, r] of cases) {
      const field = SETTINGS_NUMBER_FIELDS.find((f) => f.name === FORM_NAME[key]);
      const ends = r.whole ? [r.min, r.max].map(String) : [r.min, r.max].map((n) => n.toFixed(2));
      expect(field?.hint).toContain(`${ends[0]} to ${ends[1]}`);
      expect(field?.label).toBe(r.label);
    }
  });

  it("the defaults lie within the ranges", () => {
    expect(srsSettingsSchema.safeParse(DEFAULT_SETTINGS).success).toBe(true);
  });
});
