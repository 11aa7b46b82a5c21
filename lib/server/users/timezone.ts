// The viewer's IANA timezone (User.timezone), for showing and typing the dates of problem sets.
import "server-only";
import { getDb } from "@/lib/server/db/client";
import { isIanaTimezone } from "@/lib/server/scheduling/scheduling.types";
import type { ActingUser } from "@/lib/server/users/user.types";

export async function timezoneOf(actor: ActingUser): Promise<string> {
  const row = await getDb().user.findUnique({ where: { id: actor.id }, select: { timezone: true } });
  const tz = row?.timezone ?? "UTC";
  return isIanaTimezone(tz) ? tz : "UTC";
}
