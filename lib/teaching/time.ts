// Dates of problem sets: stored in UTC, typed and shown in each viewer's IANA timezone. Pure (Intl only).

function offsetMs(instant: number, timezone: string): number {
  const f = new Intl.DateTimeFormat("en-US", {
    timeZone: timezone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(instant)) if (part.type !== "literal") p[part.type] = Number(part.value);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

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
    const first = naive - offsetMs(naive, timezone);
    const second = naive - offsetMs(first, timezone);
    return new Date(second);
  } catch {
    return null;
  }
}

/** "YYYY-MM-DDTHH:mm" of `date` in `timezone`, to fill a datetime-local input. */
export function utcToZonedInput(date: Date, timezone: string): string {
  const local = new Date(date.getTime() + offsetMs(date.getTime(), timezone));
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
