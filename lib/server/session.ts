// Server-side helpers that return the acting user or refuse. The user is re-read from the database
// on each call, so a deleted account, a sign-out or a changed role takes effect at once despite JWT
// sessions. The check is what it must be: the session cookie decrypted (Auth.js's getToken, no
// refreshed token built; a token's claims are kept once decrypted) and one indexed read on the pool; a page's layout and body share one check.
import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "@/lib/generated/prisma/enums";
import { getDb } from "@/lib/server/db/client";
import { readSessionUser } from "@/lib/server/session-user";
import { userFromHeaders } from "@/lib/server/session-request";
import { endSessions, type ActingUser } from "@/lib/server/users/user.types";

export const getCurrentUser = cache(async (): Promise<ActingUser | null> => userFromHeaders(await headers()));

/**
 * The user a session token stands for, with ONE read by primary key: null when the account is gone or
 * its session version moved on since the token was issued (sign-out, password change or reset).
 */
export const userForSession = readSessionUser;

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
