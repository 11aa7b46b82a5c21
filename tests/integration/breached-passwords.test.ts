// Common breached passwords are refused wherever a password is chosen (sign-up, change, reset link, the
// admin command), with a clear message; an uncommon one of the same length is accepted.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { BREACHED_PASSWORD, isBreachedPassword } from "@/lib/server/auth/breached-passwords";
import { getDb } from "@/lib/server/db/client";
import { issueResetToken, resetPasswordWithToken } from "@/lib/server/password-reset/reset-token";
import { adminResetPassword } from "@/lib/server/users/admin-reset-password";
import { createUser } from "@/lib/server/users/create-user";
import { changePassword } from "@/lib/server/users/update-user";
import { expectAppError } from "./helpers";

const GOOD = "cactus orbit velvet";
const email = () => `pw-${randomBytes(4).toString("hex")}@example.com`;

describe("breached passwords", () => {
  it("the shipped list knows the usual suspects, in any case, and not a few random words", () => {
    for (const p of ["password1234", "PASSWORD1234", "qwertyuiop", "123456"])
      expect(isBreachedPassword(p)).toBe(true);
    expect(isBreachedPassword(GOOD)).toBe(false);
  });

  it("sign-up with a breached password is refused and makes no account; an uncommon one signs up", async () => {
    const address = email();
    const refused = await expectAppError(
      createUser({ displayName: "Pat", email: address, password: "password1234" }),
      "WEAK_PASSWORD",
    );
    expect(refused.message).toBe(BREACHED_PASSWORD);
    expect(await getDb().user.count({ where: { email: address } })).toBe(0);
    await createUser({ displayName: "Pat", email: address, password: GOOD });
    expect(await getDb().user.count({ where: { email: address } })).toBe(1);
  });

  it("changing to, resetting to, or setting by the admin command a breached password is refused", async () => {
    const me = await createUser({ displayName: "Sam", email: email(), password: GOOD });
    const hashBefore = (await getDb().user.findUniqueOrThrow({ where: { id: me.id } })).passwordHash;
    await expectAppError(
      changePassword({ actor: me, input: { currentPassword: GOOD, newPassword: "qwertyuiop" } }),
      "WEAK_PASSWORD",
    );
    const token = await issueResetToken({ userId: me.id, issuedById: null });
    await expectAppError(resetPasswordWithToken({ token, newPassword: "Password1234" }), "WEAK_PASSWORD");
    await expectAppError(
      adminResetPassword({ email: me.email, newPassword: "password1234" }),
      "WEAK_PASSWORD",
    );
    expect((await getDb().user.findUniqueOrThrow({ where: { id: me.id } })).passwordHash).toBe(hashBefore);
    // The token was not spent by the refused attempt: the learner can still use it with a good password.
    await resetPasswordWithToken({ token, newPassword: "lantern quiver moss" });
    expect((await getDb().user.findUniqueOrThrow({ where: { id: me.id } })).passwordHash).not.toBe(
      hashBefore,
    );
  });
});
