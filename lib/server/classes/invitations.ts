// Adding students by a list of emails (pasted from a registrar's list): accounts that exist join the
// class at once; unknown emails become invitations that join at that email's first sign-in or
// sign-up. A list with any malformed email changes nothing and names the problems.
import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import type { ActingUser } from "@/lib/server/users/user.types";
import { email as emailSchema } from "@/lib/validation/account";
import {
  ARCHIVED_CLASS_ADDS_NO_ONE,
  lockTakingStudents,
  ownClass,
  parseOrThrow,
  takesNewStudents,
} from "./access";

export const MAX_INVITES = 500;

export const inviteInput = z.object({
  emails: z.string().max(60_000, "Paste at most 60 000 characters at a time."),
});
export const cancelInviteInput = z.object({ email: z.string().max(254) });

/** The emails of a pasted list (comma, semicolon, white space or new line between them), lowercased
 * and without repeats, or the problems found. `Name <email>` as mail programs copy it is read too. */
export function parseEmailList(text: string): { emails: string[]; errors: string[] } {
  const errors: string[] = [];
  const seen = new Set<string>();
  const tokens = text
    .replace(/[^<>\n,;]*<([^<>]*)>/g, " $1 ")
    .split(/[\s,;]+/)
    .filter(Boolean);
  for (const token of tokens) {
    const parsed = emailSchema.safeParse(token);
    if (!parsed.success) errors.push(`"${token.slice(0, 60)}" is not an email address.`);
    else seen.add(parsed.data);
  }
  const emails = [...seen];
  if (emails.length > MAX_INVITES)
    errors.push(`Add at most ${MAX_INVITES} emails at a time (${emails.length} given).`);
  return { emails, errors };
}

export interface InviteResult {
  /** Accounts added to the roster now (or back, if they had been removed). */
  added: number;
  /** Already current students. */
  already: number;
  /** Emails with no account: they join at their first sign-in or sign-up. */
  invited: number;
}

export async function inviteByEmail(options: {
  actor: ActingUser;
  classId: unknown;
  input: unknown;
}): Promise<InviteResult> {
  const c = await ownClass(options.actor, options.classId);
  if (!takesNewStudents(c)) throw new AppError("INVALID_INPUT", ARCHIVED_CLASS_ADDS_NO_ONE);
  const { emails: text } = parseOrThrow(inviteInput, options.input);
  const { emails, errors } = parseEmailList(text);
  if (emails.length === 0 && errors.length === 0)
    throw new AppError("INVALID_INPUT", "Paste the students' emails, separated by commas or new lines.");
  if (errors.length > 0)
    throw new AppError(
      "INVALID_INPUT",
      `Nobody was added. ${errors.slice(0, 5).join(" ")}${errors.length > 5 ? ` (and ${errors.length - 5} more)` : ""}`,
    );
  if (emails.includes(options.actor.email.toLowerCase()))
    throw new AppError(
      "INVALID_INPUT",
      "Nobody was added. Your own email is in the list: you teach this class.",
    );
  return getDb().$transaction(async (tx) => {
    if (!(await lockTakingStudents(tx, [c.id])).has(c.id))
      throw new AppError("INVALID_INPUT", ARCHIVED_CLASS_ADDS_NO_ONE);
    const users = await tx.user.findMany({
      where: { email: { in: emails } },
      select: { id: true, email: true },
    });
    const current = await tx.enrollment.findMany({
      where: { classId: c.id, userId: { in: users.map((u) => u.id) }, removedAt: null },
      select: { userId: true },
    });
    const currentIds = new Set(current.map((e) => e.userId));
    const toAdd = users.filter((u) => !currentIds.has(u.id));
    for (const u of toAdd)
      await tx.enrollment.upsert({
        where: { classId_userId: { classId: c.id, userId: u.id } },
        create: { classId: c.id, userId: u.id },
        update: { removedAt: null },
      });
    const known = new Set(users.map((u) => u.email));
    const unknown = emails.filter((e) => !known.has(e));
    await tx.invitation.createMany({
      data: unknown.map((email) => ({ classId: c.id, email })),
      skipDuplicates: true,
    });
    return { added: toAdd.length, already: currentIds.size, invited: unknown.length };
  });
}

/** The class's pending invitations, oldest first. */
export async function listInvitations(options: { actor: ActingUser; classId: unknown }) {
  const c = await ownClass(options.actor, options.classId);
  const rows = await getDb().invitation.findMany({
    where: { classId: c.id },
    orderBy: [{ createdAt: "asc" }, { email: "asc" }],
    select: { email: true, createdAt: true },
  });
  return rows.map((r) => ({ email: r.email, invitedAt: r.createdAt.toISOString() }));
}

export async function cancelInvitation(options: {
  actor: ActingUser;
  classId: unknown;
  input: unknown;
}): Promise<void> {
  const c = await ownClass(options.actor, options.classId);
  const { email } = parseOrThrow(cancelInviteInput, options.input);
  const r = await getDb().invitation.deleteMany({
    where: { classId: c.id, email: email.trim().toLowerCase() },
  });
  if (r.count === 0) throw new AppError("NOT_FOUND", "No such invitation.");
}

/**
 * Joins the user to every class that invited their email (at sign-in and sign-up); those invitations
 * go. An archived class takes no one: its invitation stays pending (the teacher still sees it and can
 * cancel it; restored, the class takes the student at their next sign-in).
 */
export async function acceptInvitations(
  user: { id: string; email: string },
  /** The caller's transaction (sign-up: the account and its classes, or neither); else its own. */
  inTx?: Prisma.TransactionClient,
): Promise<number> {
  const email = user.email.toLowerCase();
  const work = async (tx: Prisma.TransactionClient) => {
    const invites = await tx.invitation.findMany({
      where: { email },
      select: { classId: true, class: { select: { teacherId: true } } },
    });
    if (invites.length === 0) return 0;
    const taking = await lockTakingStudents(
      tx,
      invites.map((i) => i.classId),
    );
    const open = invites.filter((i) => taking.has(i.classId));
    const classIds = open.filter((i) => i.class.teacherId !== user.id).map((i) => i.classId);
    await tx.enrollment.createMany({
      data: classIds.map((classId) => ({ classId, userId: user.id })),
      skipDuplicates: true,
    });
    await tx.invitation.deleteMany({ where: { email, classId: { in: open.map((i) => i.classId) } } });
    return classIds.length;
  };
  return inTx ? work(inTx) : getDb().$transaction(work);
}
