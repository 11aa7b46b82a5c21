// The viewer's IANA timezone (User.timezone): read for showing and typing dates, and taken from the
// browser at sign-up and sign-in while it is still the default.
import "server-only";
import { getDb } from "@/lib/server/db/client";
import { browserTimezoneSchema, isIanaTimezone } from "@/lib/server/scheduling/scheduling.types";
import type { ActingUser } from "@/lib/server/users/user.types";

export async function timezoneOf(actor: ActingUser): Promise<string> {
  const row = await getDb().user.findUnique({ where: { id: actor.id }, select: { timezone: true } });
  const tz = row?.timezone ?? "UTC";
  return isIanaTimezone(tz) ? tz : "UTC";
}

/**
 * Stores the browser's timezone (a hidden field of the sign-up and sign-in forms) on the learner
 * while theirs is still the default: UTC and never saved in Settings. A missing or unknown zone
 * changes nothing (signing in must not fail for it). True when the zone was stored.
 */
export async function adoptBrowserTimezone(options: { actor: Pick<ActingUser, "id">; input: unknown }) {
  const parsed = browserTimezoneSchema.safeParse(options.input);
  if (!parsed.success || parsed.data === "UTC") return false;
  const { count } = await getDb().user.updateMany({
    where: { id: options.actor.id, timezone: "UTC", settingsSavedAt: null },
    data: { timezone: parsed.data },
  });
  return count === 1;
}
