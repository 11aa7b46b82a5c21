// Server-side helpers that return the acting user or refuse. The user is re-read from the database
// on each call, so a deleted account, a sign-out or a changed role takes effect at once despite JWT
// sessions.
import "server-only";
import { forbidden, redirect } from "next/navigation";
import { auth } from "@/lib/server/auth";
import { getDb } from "@/lib/server/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { endSessions, publicUserSelect, type ActingUser } from "@/lib/server/users/user.types";

export async function getCurrentUser(): Promise<ActingUser | null> {
  const session = await auth();
  return userForSession(session?.user ?? null);
}

/**
 * The user a session token stands for, with ONE read by primary key: null when the account is gone or
 * its session version moved on since the token was issued (sign-out, password change or reset).
 */
export async function userForSession(
  claims: { id?: string | undefined; sessionVersion?: number | undefined } | null,
): Promise<ActingUser | null> {
  const id = claims?.id;
  if (!id || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  const user = await getDb().user.findUnique({
    where: { id },
    select: { ...publicUserSelect, sessionVersion: true },
  });
  if (!user || user.sessionVersion !== claims.sessionVersion) return null;
  const { sessionVersion: _version, ...actor } = user;
  return actor;
}

/** Ends every session of the user (sign-out): tokens issued before are refused from now on. */
export async function endSessionsOf(actor: ActingUser): Promise<void> {
  await getDb().user.updateMany({ where: { id: actor.id }, data: endSessions });
}

/** For pages and actions: the signed-in user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireUser(returnTo = "/dashboard"): Promise<ActingUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

export function hasRole(user: ActingUser, role: Role): boolean {
  if (user.role === "admin") return true;
  // A teacher can also practise: teacher pages need teacher, learner pages accept both.
  if (role === "learner") return true;
  return user.role === role;
}

/** The signed-in user if they have `role`; otherwise a 403 with app/forbidden.tsx. */
export async function requireRole(role: Role, returnTo?: string): Promise<ActingUser> {
  const user = await requireUser(returnTo);
  if (!hasRole(user, role)) forbidden();
  return user;
}
