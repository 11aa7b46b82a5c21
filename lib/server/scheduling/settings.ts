// The learner's scheduling settings: read, and saved all at once.
import "server-only";
import { now as clockNow } from "@/lib/server/clock";
import { getDb } from "@/lib/server/db/client";
import { type SettingsView, settingsInputSchema } from "@/lib/server/scheduling/scheduling.types";
import { type ActingUser } from "@/lib/server/users/user.types";
import { settingsSelect, loadSettings, publicSettings } from "./learner-data";
import { parseOrThrow } from "@/lib/server/validation";

/** The learner's scheduling settings. */
export async function getSettings(options: { actor: ActingUser }): Promise<SettingsView> {
  const s = await loadSettings(options.actor.id);
  return { ...publicSettings(s), timezoneConfirmed: s.settingsSavedAt !== null };
}

/** Saves the four settings; any invalid value refuses the whole change (INVALID_INPUT). */
export async function updateSettings(options: { actor: ActingUser; input: unknown }): Promise<SettingsView> {
  const input = parseOrThrow(settingsInputSchema, options.input, "Invalid settings.");
  const at = await clockNow();
  const s = await getDb().user.update({
    where: { id: options.actor.id },
    data: { ...input, settingsSavedAt: at },
    select: settingsSelect,
  });
  return { ...publicSettings(s), timezoneConfirmed: true };
}
