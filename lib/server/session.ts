// Server-side helpers that return the acting user or refuse. The user is re-read from the database
// on each call, so a deleted account or a changed role takes effect at once despite JWT sessions.
import "server-only";
import { forbidden, redirect } from "next/navigation";
import { auth } from "@/lib/server/auth";
import { getDb } from "@/lib/server/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { publicUserSelect, type ActingUser } from "@/lib/server/users/user.types";

export async function getCurrentUser(): Promise<ActingUser | null> {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await getDb().user.findUnique({
    where: { id },
    select: { ...publicUserSelect, sessionVersion: true },
  });
  // Gone, or the password changed after this session was issued: treat as signed out.
  if (!user || user.sessionVersion !== session.user.sessionVersion) return null;
  const { sessionVersion: _version, ...actor } = user;
  return actor;
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
