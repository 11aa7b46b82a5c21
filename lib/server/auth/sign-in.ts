// Checks a sign-in attempt against the per-account and per-address limits, then the password.
// Attempts are counted in PostgreSQL so the limit holds across any number of app servers.
import "server-only";
import { getDb } from "@/lib/server/db/client";
import { verifyPassword } from "@/lib/server/auth/password";
import { acceptInvitations } from "@/lib/server/classes/invitations";
import { getEnv } from "@/lib/server/env";
import { signInInput } from "@/lib/validation/account";
import type { Role } from "@/lib/generated/prisma/enums";

/** How long a successful sign-in makes its address known to the account. */
export const KNOWN_ADDRESS_MS = 90 * 24 * 3600 * 1000;

export interface SignInLimits {
  maxPerAccount: number;
  maxPerAddress: number;
  windowSeconds: number;
}

export function signInLimitsFromEnv(): SignInLimits {
  const env = getEnv();
  return {
    maxPerAccount: env.GD_SIGNIN_MAX_PER_ACCOUNT,
    maxPerAddress: env.GD_SIGNIN_MAX_PER_ADDRESS,
    windowSeconds: env.GD_SIGNIN_WINDOW_SECONDS,
  };
}

export type SignInResult =
  | { ok: true; user: { id: string; email: string; displayName: string; role: Role; sessionVersion: number } }
  | { ok: false; reason: "invalid" | "rate_limited" };

/** `now` is passed in so tests can move time instead of sleeping. */
export async function checkSignIn(options: {
  email: unknown;
  password: unknown;
  address: string;
  now?: Date;
  limits?: SignInLimits;
}): Promise<SignInResult> {
  const parsed = signInInput.safeParse({ email: options.email, password: options.password });
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const now = options.now ?? new Date();
  const limits = options.limits ?? signInLimitsFromEnv();
  const address = options.address.slice(0, 100);
  const db = getDb();
  const windowStart = new Date(now.getTime() - limits.windowSeconds * 1000);

  // Failures for the account count since the window began or since its last success, whichever is later.
  const lastSuccess = await db.signInAttempt.findFirst({
    where: { email, success: true, createdAt: { gt: windowStart, lte: now } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const [accountFailures, addressFailures] = await Promise.all([
    db.signInAttempt.count({
      where: { email, success: false, createdAt: { gt: lastSuccess?.createdAt ?? windowStart, lte: now } },
    }),
    db.signInAttempt.count({ where: { address, success: false, createdAt: { gt: windowStart, lte: now } } }),
  ]);
  if (addressFailures >= limits.maxPerAddress) return { ok: false, reason: "rate_limited" };
  // A stranger's failures must not lock the owner out: past the account's limit, an address that has
  // signed in to this account before may still try (its own failures are held by the address limit).
  if (accountFailures >= limits.maxPerAccount) {
    const known = await db.signInAttempt.findFirst({
      where: { email, address, success: true, createdAt: { gt: new Date(now.getTime() - KNOWN_ADDRESS_MS) } },
      select: { id: true },
    });
    if (!known) return { ok: false, reason: "rate_limited" };
  }

  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      displayName: true,
      role: true,
      sessionVersion: true,
      passwordHash: true,
    },
  });
  const valid = await verifyPassword(user?.passwordHash ?? null, password);
  await db.signInAttempt.create({
    data: { email, address, success: valid && user !== null, createdAt: now },
  });
  if (!valid || !user) return { ok: false, reason: "invalid" };
  // A teacher may have invited this email to classes before it had an account, or since.
  await acceptInvitations(user);
  const { passwordHash: _hash, ...publicUser } = user;
  return { ok: true, user: publicUser };
}

/** Forget failures older than a day (the limits only look at the window) and successes older than the
 * time an address stays known (called at each start). */
export async function pruneSignInAttempts(now = new Date()): Promise<number> {
  const result = await getDb().signInAttempt.deleteMany({
    where: {
      OR: [
        { success: false, createdAt: { lt: new Date(now.getTime() - 24 * 3600 * 1000) } },
        { createdAt: { lt: new Date(now.getTime() - KNOWN_ADDRESS_MS) } },
      ],
    },
  });
  return result.count;
}
