// Changes the acting user's own profile and password, and deletes their account with its data.
import "server-only";
import { getDb } from "@/lib/server/db/client";
import { assertNotBreached } from "@/lib/server/auth/breached-passwords";
import { hashPassword, verifyPassword } from "@/lib/server/auth/password";
import { AppError } from "@/lib/server/errors";
import { parseOrThrow } from "@/lib/server/validation";
import { changeDisplayNameInput, changePasswordInput, deleteAccountInput } from "@/lib/validation/account";
import { endSessions, type ActingUser } from "@/lib/server/users/user.types";

const parse = parseOrThrow;

async function checkPassword(actor: ActingUser, password: string): Promise<void> {
  const row = await getDb().user.findUnique({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(row?.passwordHash ?? null, password))) {
    throw new AppError("WRONG_PASSWORD", "That password is not correct.");
  }
}

export async function updateDisplayName(options: { actor: ActingUser; input: unknown }): Promise<void> {
  const { displayName } = parse(changeDisplayNameInput, options.input);
  await getDb().user.update({ where: { id: options.actor.id }, data: { displayName } });
}

export async function changePassword(options: { actor: ActingUser; input: unknown }): Promise<void> {
  const { currentPassword, newPassword } = parse(changePasswordInput, options.input);
  await checkPassword(options.actor, currentPassword);
  assertNotBreached(newPassword);
  await getDb().user.update({
    where: { id: options.actor.id },
    data: { passwordHash: await hashPassword(newPassword), ...endSessions },
  });
}

export const DELETED_STUDENT = "Deleted student";

/**
 * Deletes the account; rows owned by the user go with it (foreign keys cascade). A student with work
 * on a teacher's problem set keeps it in the gradebook: the personal data goes (name, email, password,
 * reset links), the row stays as "Deleted student", removed from every class.
 */
export async function deleteOwnAccount(options: { actor: ActingUser; input: unknown }): Promise<void> {
  const { password } = parse(deleteAccountInput, options.input);
  await checkPassword(options.actor, password);
  const db = getDb();
  const { id, email } = options.actor;
  const graded = await db.problemInstance.count({ where: { userId: id, assignmentItemId: { not: null } } });
  if (graded > 0) {
    await db.$transaction([
      db.signInAttempt.deleteMany({ where: { email } }),
      db.passwordResetToken.deleteMany({ where: { userId: id } }),
      db.enrollment.updateMany({ where: { userId: id, removedAt: null }, data: { removedAt: new Date() } }),
      db.enrollment.updateMany({ where: { userId: id }, data: { studentNumber: null } }),
      db.user.update({
        where: { id },
        data: {
          email: `deleted-${id}@deleted.invalid`,
          displayName: DELETED_STUDENT,
          // Not an argon2 hash: no password ever verifies against it.
          passwordHash: "deleted",
          role: "learner",
          timezone: "UTC",
          ...endSessions,
        },
      }),
    ]);
    return;
  }
  await db.$transaction([
    db.signInAttempt.deleteMany({ where: { email: options.actor.email } }),
    db.user.delete({ where: { id: options.actor.id } }),
  ]);
}
