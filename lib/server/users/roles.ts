// Roles are granted, never taken at sign-up: the admin command and the admin page grant and revoke the
// teacher and admin roles. Every change is recorded (RoleChange: whose, from, to, by whom, when).
import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { email as emailSchema } from "@/lib/validation/account";
import type { ActingUser } from "@/lib/server/users/user.types";

export const grantableRole = z.enum(["teacher", "admin"]);
export const roleChangeInput = z.object({
  userId: z.uuid({ error: "No such account." }),
  change: z.enum(["grant", "revoke"]),
  role: grantableRole,
});

/** The role an account ends up with: granting raises it, revoking the role it has makes it a learner. */
function nextRole(current: Role, change: "grant" | "revoke", role: "teacher" | "admin", who: string): Role {
  if (change === "grant") {
    if (current === role) throw new AppError("INVALID_INPUT", `${who} already has the ${role} role.`);
    if (current === "admin" && role === "teacher")
      throw new AppError("INVALID_INPUT", `${who} is an admin, which includes teaching.`);
    return role;
  }
  if (current !== role) throw new AppError("INVALID_INPUT", `${who} does not have the ${role} role.`);
  return "learner";
}

async function applyChange(options: {
  where: { id: string } | { email: string };
  change: "grant" | "revoke";
  role: "teacher" | "admin";
  changedById: string | null;
}): Promise<{ email: string; role: Role }> {
  return getDb().$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: options.where,
      select: { id: true, email: true, role: true },
    });
    if (!user) throw new AppError("NOT_FOUND", "No such account.");
    const role = nextRole(user.role, options.change, options.role, user.email);
    // Only if the role is still what was read: two admins at once cannot both apply a change.
    const updated = await tx.user.updateMany({ where: { id: user.id, role: user.role }, data: { role } });
    if (updated.count === 0) throw new AppError("INVALID_INPUT", "The account changed meanwhile; try again.");
    // Reset links other people issued while the account had its old role are void.
    await tx.passwordResetToken.deleteMany({
      where: { userId: user.id, usedAt: null, issuedById: { not: null } },
    });
    await tx.roleChange.create({
      data: { userId: user.id, fromRole: user.role, toRole: role, changedById: options.changedById },
    });
    return { email: user.email, role };
  });
}

/** For the admin command: `grant|revoke teacher|admin EMAIL`. */
export async function changeRoleByEmail(options: {
  email: string;
  change: "grant" | "revoke";
  role: string;
}): Promise<{ email: string; role: Role }> {
  const email = emailSchema.safeParse(options.email);
  if (!email.success) throw new AppError("INVALID_INPUT", "Enter a valid email address.");
  const role = grantableRole.safeParse(options.role);
  if (!role.success) throw new AppError("INVALID_INPUT", "The role is teacher or admin.");
  return applyChange({
    where: { email: email.data },
    change: options.change,
    role: role.data,
    changedById: null,
  });
}

function assertAdmin(actor: ActingUser): void {
  if (actor.role !== "admin") throw new AppError("FORBIDDEN", "Only administrators can do this.");
}

/** For the admin page: grant or revoke a role of another account. */
export async function changeRole(options: {
  actor: ActingUser;
  input: unknown;
}): Promise<{ email: string; role: Role }> {
  assertAdmin(options.actor);
  const parsed = roleChangeInput.safeParse(options.input);
  if (!parsed.success)
    throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message ?? "Invalid input.");
  if (parsed.data.userId === options.actor.id)
    throw new AppError("INVALID_INPUT", "Use the admin command to change your own role.");
  return applyChange({
    where: { id: parsed.data.userId },
    change: parsed.data.change,
    role: parsed.data.role,
    changedById: options.actor.id,
  });
}

const searchInput = z.string().trim().toLowerCase().max(254).catch("");

/** Accounts for the admin page: those whose email or name contains `query` (teachers and admins first). */
export async function listAccounts(options: { actor: ActingUser; query: unknown }) {
  assertAdmin(options.actor);
  const query = searchInput.parse(options.query);
  return getDb().user.findMany({
    where: query
      ? {
          OR: [{ email: { contains: query } }, { displayName: { contains: query, mode: "insensitive" } }],
        }
      : { role: { in: ["teacher", "admin"] } },
    orderBy: [{ role: "desc" }, { email: "asc" }],
    take: 50,
    select: { id: true, email: true, displayName: true, role: true, createdAt: true },
  });
}

/** The most recent role changes, newest first. */
export async function listRoleChanges(options: { actor: ActingUser }) {
  assertAdmin(options.actor);
  const rows = await getDb().roleChange.findMany({
    orderBy: { createdAt: "desc" },
    take: 30,
    select: {
      id: true,
      fromRole: true,
      toRole: true,
      createdAt: true,
      user: { select: { email: true } },
      changedBy: { select: { email: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    email: r.user.email,
    fromRole: r.fromRole,
    toRole: r.toRole,
    at: r.createdAt,
    by: r.changedBy?.email ?? "the admin command",
  }));
}
