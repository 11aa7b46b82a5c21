// Local calendar days in a learner's IANA timezone, computed with Intl alone (no date library).
// A local day starts at local midnight, or at the first instant of that date where a DST change
// skips midnight; days are 23, 24 or 25 hours long around DST changes.

const MS_PER_DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let f = formatters.get(timezone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat("en-US", {
        timeZone: timezone,
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
      });
    } catch {
      throw new RangeError(`Unknown timezone: ${timezone}`);
    }
    formatters.set(timezone, f);
  }
  return f;
}

/** Throws a RangeError unless `timezone` is an IANA name this runtime knows. */
export function assertTimezone(timezone: string): void {
  formatterFor(timezone);
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function localParts(instant: number, timezone: string): LocalParts {
  const out: LocalParts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of formatterFor(timezone).formatToParts(instant)) {
    if (
      p.type === "year" ||
      p.type === "month" ||
      p.type === "day" ||
      p.type === "hour" ||
      p.type === "minute" ||
      p.type === "second"
    ) {
      out[p.type] = Number(p.value);
    }
  }
  return out;
}

/**
 * The local calendar date of an instant as a day number: days since 1970-01-01 (a pure calendar
 * count, so consecutive local days differ by exactly 1 whatever their length in hours).
 */
export function localDayNumber(instant: Date | number, timezone: string): number {
  const p = localParts(+instant, timezone);
  return Date.UTC(p.year, p.month - 1, p.day) / MS_PER_DAY;
}

/** "YYYY-MM-DD" for a day number. */
export function dayKey(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The local date of an instant as "YYYY-MM-DD". */
export function localDateKey(instant: Date | number, timezone: string): string {
  return dayKey(localDayNumber(instant, timezone));
}

/** Day of the week of a day number, ISO style: Monday 0 ... Sunday 6. */
export function isoWeekday(dayNumber: number): number {
  // 1970-01-01 was a Thursday (ISO index 3).
  return (((dayNumber + 3) % 7) + 7) % 7;
}

/** Local wall-clock time minus UTC at an instant, in ms (whole seconds). */
export function offsetAt(instant: number, timezone: string): number {
  const p = localParts(instant, timezone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The first instant of a local day (given as a day number): the smallest instant whose local date
 * is that day or later. Local midnight in the usual case; the end of the gap when a DST change
 * skips midnight.
 */
export function startOfLocalDay(dayNumber: number, timezone: string): Date {
  const wallMidnight = dayNumber * MS_PER_DAY;
  // Usual case: two fixed-point steps on the offset land on local midnight.
  let t = wallMidnight - offsetAt(wallMidnight, timezone);
  t = wallMidnight - offsetAt(t, timezone);
  if (isFirstInstantOf(t, dayNumber, timezone)) return new Date(t);
  // Midnight does not exist (or is ambiguous) on that date: search the window where it must lie
  // (UTC offsets are within -12h..+14h) for the first instant whose local day is >= dayNumber.
  let lo = wallMidnight - 15 * 3_600_000; // local day < dayNumber here
  let hi = wallMidnight + 13 * 3_600_000; // local day >= dayNumber here
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (localDayNumber(mid, timezone) >= dayNumber) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

function isFirstInstantOf(t: number, dayNumber: number, timezone: string): boolean {
  return localDayNumber(t, timezone) === dayNumber && localDayNumber(t - 1, timezone) < dayNumber;
}

/** The local day containing `now`: its first instant and the first instant of the next day. */
export function localDayBounds(now: Date, timezone: string): { dayNumber: number; start: Date; end: Date } {
  const dayNumber = localDayNumber(now, timezone);
  return {
    dayNumber,
    start: startOfLocalDay(dayNumber, timezone),
    end: startOfLocalDay(dayNumber + 1, timezone),
  };
}
