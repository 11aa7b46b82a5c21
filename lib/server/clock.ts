// The server's clock. Tests can move it forward (to see tomorrow's reviews today) with a setting that
// exists only when GD_TEST_CLOCK=1, and never in production mode. The offset lives in the database
// (AppMeta), so every app server agrees on it.
import "server-only";
import { getDb } from "@/lib/server/db/client";
import { productionMode } from "@/lib/server/env";
import { AppError } from "@/lib/server/errors";

const KEY = "test_clock_offset_ms";

/** Whether the test clock setting is available in this process. */
export function testClockEnabled(): boolean {
  return process.env.GD_TEST_CLOCK === "1" && !productionMode();
}

/** The current time: the real clock, moved by the test offset when the test clock is enabled. */
export async function now(): Promise<Date> {
  if (!testClockEnabled()) return new Date();
  const row = await getDb().appMeta.findUnique({ where: { key: KEY } });
  const offset = row ? Number(row.value) : 0;
  return new Date(Date.now() + (Number.isFinite(offset) ? offset : 0));
}

/** Moves the clock to `offsetMs` from real time. Refused unless the test clock is enabled. */
export async function setClockOffset(offsetMs: number): Promise<void> {
  if (!testClockEnabled()) {
    throw new AppError(
      "FORBIDDEN",
      "The test clock is off (it needs GD_TEST_CLOCK=1 and is never on in production).",
    );
  }
  if (!Number.isSafeInteger(offsetMs) || Math.abs(offsetMs) > 10 * 365 * 86_400_000) {
    throw new AppError(
      "INVALID_INPUT",
      "The offset must be a whole number of milliseconds within ten years.",
    );
  }
  await getDb().appMeta.upsert({
    where: { key: KEY },
    create: { key: KEY, value: String(offsetMs) },
    update: { value: String(offsetMs) },
  });
}
