// The admin's way in without email: set (or generate) a new password for an account.
import "server-only";
import { getDb } from "@/lib/server/db/client";
import { assertNotBreached } from "@/lib/server/auth/breached-passwords";
import { generatePassword, hashPassword } from "@/lib/server/auth/password";
import { AppError } from "@/lib/server/errors";
import { endSessions } from "@/lib/server/users/user.types";
import { email as emailSchema, password as passwordSchema } from "@/lib/validation/account";

export async function adminResetPassword(options: { email: string; newPassword?: string }): Promise<string> {
  const email = emailSchema.parse(options.email);
  const newPassword = options.newPassword ?? generatePassword();
  const checked = passwordSchema.safeParse(newPassword);
  if (!checked.success)
    throw new AppError("INVALID_INPUT", checked.error.issues[0]?.message ?? "Invalid password.");
  if (options.newPassword) assertNotBreached(newPassword);
  const db = getDb();
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (!user) throw new AppError("NOT_FOUND", `No account has the email ${email}.`);
  await db.$transaction([
    db.user.update({
      where: { id: user.id },
      data: { passwordHash: await hashPassword(newPassword), ...endSessions },
    }),
    // The account was locked out, perhaps: a fresh password starts with a clean slate.
    db.signInAttempt.deleteMany({ where: { email, success: false } }),
  ]);
  return newPassword;
}
