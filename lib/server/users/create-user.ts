// Sign-up: validates the input, hashes the password, creates a learner account (email stored
// lowercased). Teacher and admin roles are granted later (lib/server/users/roles.ts), never taken here.
import "server-only";
import { getDb } from "@/lib/server/db/client";
import { assertNotBreached } from "@/lib/server/auth/breached-passwords";
import { hashPassword } from "@/lib/server/auth/password";
import { AppError } from "@/lib/server/errors";
import { signUpInput } from "@/lib/validation/account";
import { isUniqueViolation } from "@/lib/server/db/unique-violation";
import { publicUserSelect, type ActingUser } from "@/lib/server/users/user.types";
import { acceptInvitations } from "@/lib/server/classes/invitations";

export const EMAIL_TAKEN_MESSAGE = "An account with this email already exists. Sign in instead.";

export async function createUser(raw: unknown): Promise<ActingUser> {
  const parsed = signUpInput.safeParse(raw);
  if (!parsed.success)
    throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message ?? "Invalid input.");
  const input = parsed.data;
  assertNotBreached(input.password);
  const passwordHash = await hashPassword(input.password);
  try {
    // The account and the classes that invited this email before it had one, in one transaction:
    // if joining them fails, no account is left half made (the email can sign up again).
    return await getDb().$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, displayName: input.displayName, passwordHash, role: "learner" },
        select: publicUserSelect,
      });
      await acceptInvitations(user, tx);
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("EMAIL_TAKEN", EMAIL_TAKEN_MESSAGE);
    }
    throw error;
  }
}
