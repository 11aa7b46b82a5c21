// One-time password reset links. A teacher will issue them for students of their class (a later
// issue adds classes); the token itself is only in the link, the database keeps its sha256.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { getDb } from "@/lib/server/db/client";
import { assertNotBreached } from "@/lib/server/auth/breached-passwords";
import { hashPassword } from "@/lib/server/auth/password";
import { AppError } from "@/lib/server/errors";
import { resetWithTokenInput } from "@/lib/validation/account";
import { endSessions } from "@/lib/server/users/user.types";

export const RESET_TOKEN_LIFETIME_MS = 24 * 3600 * 1000;
const INVALID =
  "This reset link is not valid: it may have been used already or have expired. Ask for a new one.";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates a token for `userId`; returns the raw token, to be shown once as a link. */
export async function issueResetToken(options: {
  userId: string;
  issuedById: string | null;
  now?: Date;
}): Promise<string> {
  const now = options.now ?? new Date();
  const token = randomBytes(32).toString("base64url");
  await getDb().passwordResetToken.create({
    data: {
      tokenHash: hashToken(token),
      userId: options.userId,
      issuedById: options.issuedById,
      expiresAt: new Date(now.getTime() + RESET_TOKEN_LIFETIME_MS),
      createdAt: now,
    },
  });
  return token;
}

/** Whether a token can still be used, and for whom (first name only, for the page's greeting). */
export async function describeResetToken(
  token: string,
  now = new Date(),
): Promise<{ displayName: string } | null> {
  const row = await getDb().passwordResetToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { usedAt: true, expiresAt: true, user: { select: { displayName: true } } },
  });
  if (!row || row.usedAt || row.expiresAt <= now) return null;
  return { displayName: row.user.displayName };
}

/** Sets the new password and spends the token, atomically: a second use finds it spent. */
export async function resetPasswordWithToken(raw: unknown, now = new Date()): Promise<void> {
  const parsed = resetWithTokenInput.safeParse(raw);
  if (!parsed.success)
    throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message ?? "Invalid input.");
  assertNotBreached(parsed.data.newPassword);
  const passwordHash = await hashPassword(parsed.data.newPassword);
  const db = getDb();
  await db.$transaction(async (tx) => {
    const spent = await tx.passwordResetToken.updateManyAndReturn({
      where: { tokenHash: hashToken(parsed.data.token), usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
      select: { userId: true, user: { select: { role: true } }, issuedBy: { select: { role: true } } },
    });
    const userId = spent[0]?.userId;
    if (!userId) throw new AppError("TOKEN_INVALID", INVALID);
    // A teacher's link is for a learner's account only, checked again now: an account that was made a
    // teacher or an administrator after the link was issued cannot be taken over with it.
    const { user, issuedBy } = spent[0]!;
    if (issuedBy && issuedBy.role !== "admin" && user.role !== "learner")
      throw new AppError("TOKEN_INVALID", INVALID);
    await tx.user.update({ where: { id: userId }, data: { passwordHash, ...endSessions } });
  });
}

/** The actor's password resets by link, newest first: who issued each link, when, and when it was used. */
export async function listResetsOf(options: { actor: { id: string } }) {
  const rows = await getDb().passwordResetToken.findMany({
    where: { userId: options.actor.id, usedAt: { not: null } },
    orderBy: { usedAt: "desc" },
    take: 10,
    select: { id: true, createdAt: true, usedAt: true, issuedBy: { select: { displayName: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    issuedAt: r.createdAt,
    usedAt: r.usedAt!,
    issuedBy: r.issuedBy?.displayName ?? "an account that no longer exists",
  }));
}
