// Dates of problem sets: stored in UTC, typed and shown in each viewer's IANA timezone. Pure (Intl only);
// the timezone arithmetic is lib/srs/time.ts's.
import { offsetAt } from "../srs/time";

/**
 * The instant of a wall-clock time "YYYY-MM-DDTHH:mm" (what <input type="datetime-local"> sends) in
 * `timezone`; null when malformed. In a DST gap the time is read with the offset before the change.
 */
export function zonedToUtc(local: string, timezone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  try {
    const first = naive - offsetAt(naive, timezone);
    const second = naive - offsetAt(first, timezone);
    return new Date(second);
  } catch {
    return null;
  }
}

/** "YYYY-MM-DDTHH:mm" of `date` in `timezone`, to fill a datetime-local input. */
export function utcToZonedInput(date: Date, timezone: string): string {
  const local = new Date(date.getTime() + offsetAt(date.getTime(), timezone));
  return local.toISOString().slice(0, 16);
}

/** A readable date and time in `timezone` with the zone's short name ("27 Nov 2026, 17:00 GMT+1"). */
export function formatInZone(date: Date, timezone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: timezone,
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(date);
}
