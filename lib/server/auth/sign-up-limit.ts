// Sign-ups per client address: at most GD_SIGNUP_MAX_PER_ADDRESS an hour, counted in PostgreSQL so the
// limit holds across app servers. Each attempt is recorded whether or not it succeeds.
import "server-only";
import { getDb } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { getEnv } from "@/lib/server/env";

const WINDOW_MS = 3600 * 1000;
export const SIGN_UP_LIMITED =
  "Too many accounts were created from your network in the last hour. Try again later.";

/** Records a sign-up attempt from `address`, or refuses it (RATE_LIMITED) past the limit. */
export async function admitSignUp(options: { address: string; now?: Date; max?: number }): Promise<void> {
  const now = options.now ?? new Date();
  const max = options.max ?? getEnv().GD_SIGNUP_MAX_PER_ADDRESS;
  const address = options.address.slice(0, 100);
  const db = getDb();
  const recent = await db.signUpAttempt.count({
    where: { address, createdAt: { gt: new Date(now.getTime() - WINDOW_MS), lte: now } },
  });
  if (recent >= max) throw new AppError("RATE_LIMITED", SIGN_UP_LIMITED);
  await db.signUpAttempt.create({ data: { address, createdAt: now } });
}

/** Forgets sign-up attempts older than the window. */
export async function pruneSignUpAttempts(now = new Date()): Promise<number> {
  const r = await getDb().signUpAttempt.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - WINDOW_MS) } },
  });
  return r.count;
}
