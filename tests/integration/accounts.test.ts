// Accounts against a real PostgreSQL: sign-up, duplicate emails, sign-in limits (time is passed in),
// profile changes, deletion, the admin reset command and one-time reset links.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkSignIn, type SignInLimits } from "@/lib/server/auth/sign-in";
import { getDb } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import {
  describeResetToken,
  issueResetToken,
  resetPasswordWithToken,
  RESET_TOKEN_LIFETIME_MS,
} from "@/lib/server/password-reset/reset-token";
import { seedDemoOnce } from "@/lib/server/seed";
import { DEMO_ACCOUNTS } from "@/lib/demo";
import { adminResetPassword } from "@/lib/server/users/admin-reset-password";
import { createUser, EMAIL_TAKEN_MESSAGE } from "@/lib/server/users/create-user";
import { changePassword, deleteOwnAccount, updateDisplayName } from "@/lib/server/users/update-user";

const PASSWORD = "correct horse battery";
const uniqueEmail = (label: string) => `${label}-${randomBytes(4).toString("hex")}@example.com`;
const signUp = (email: string, password = PASSWORD) =>
  createUser({ displayName: "Test Learner", email, password, role: "learner" });
const limits: SignInLimits = { maxPerAccount: 3, maxPerAddress: 100, windowSeconds: 600 };
const at = (start: Date, seconds: number) => new Date(start.getTime() + seconds * 1000);

describe("sign-up", () => {
  it("stores the email lowercased and never the password", async () => {
    const email = uniqueEmail("Mixed.Case");
    const user = await signUp(email.toUpperCase());
    expect(user.email).toBe(email.toLowerCase());
    const row = await getDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.role).toBe("learner");
    expect(row.timezone).toBe("UTC");
  });

  it("refuses a second account with the same email (any case), with a clear message and no second row", async () => {
    const email = uniqueEmail("twice");
    await signUp(email);
    const second = signUp(email.toUpperCase(), "another good password");
    await expect(second).rejects.toThrow(EMAIL_TAKEN_MESSAGE);
    await expect(second).rejects.toMatchObject({ code: "EMAIL_TAKEN", status: 409 });
    expect(await getDb().user.count({ where: { email } })).toBe(1);
  });

  it("refuses a password shorter than the rules allow", async () => {
    await expect(signUp(uniqueEmail("short"), "short")).rejects.toThrow(/at least 10 characters/);
  });
});

describe("sign-in", () => {
  it("gives the same answer for an unknown email as for a wrong password", async () => {
    const email = uniqueEmail("known");
    await signUp(email);
    const now = new Date();
    const wrong = await checkSignIn({
      email,
      password: "not the password",
      address: "10.0.0.1",
      now,
      limits,
    });
    const unknown = await checkSignIn({
      email: uniqueEmail("nobody"),
      password: PASSWORD,
      address: "10.0.0.1",
      now,
      limits,
    });
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks an account after too many failures, then lets the right password in after the window", async () => {
    const email = uniqueEmail("locked");
    await signUp(email);
    const start = new Date("2030-01-01T10:00:00Z");
    for (let i = 0; i < limits.maxPerAccount; i++) {
      const attempt = await checkSignIn({
        email,
        password: "wrong password!",
        address: `10.1.0.${i}`,
        now: at(start, i),
        limits,
      });
      expect(attempt).toEqual({ ok: false, reason: "invalid" });
    }
    const during = await checkSignIn({
      email,
      password: PASSWORD,
      address: "10.1.1.1",
      now: at(start, 60),
      limits,
    });
    expect(during).toEqual({ ok: false, reason: "rate_limited" });
    const after = await checkSignIn({
      email,
      password: PASSWORD,
      address: "10.1.1.1",
      now: at(start, limits.windowSeconds + 5),
      limits,
    });
    expect(after).toMatchObject({ ok: true, user: { email } });
  });

  it("limits attempts from one address across many accounts", async () => {
    const email = uniqueEmail("target");
    await signUp(email);
    const start = new Date("2031-01-01T10:00:00Z");
    const address = `10.2.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
    const tight: SignInLimits = { maxPerAccount: 100, maxPerAddress: 4, windowSeconds: 300 };
    for (let i = 0; i < tight.maxPerAddress; i++) {
      await checkSignIn({
        email: uniqueEmail("spray"),
        password: "guess guess",
        address,
        now: at(start, i),
        limits: tight,
      });
    }
    expect(
      await checkSignIn({ email, password: PASSWORD, address, now: at(start, 10), limits: tight }),
    ).toEqual({
      ok: false,
      reason: "rate_limited",
    });
    expect(
      await checkSignIn({
        email,
        password: PASSWORD,
        address: "10.3.0.1",
        now: at(start, 10),
        limits: tight,
      }),
    ).toMatchObject({
      ok: true,
    });
  });

  it("a success clears the account's earlier failures", async () => {
    const email = uniqueEmail("recovering");
    await signUp(email);
    const start = new Date("2032-01-01T10:00:00Z");
    for (let i = 0; i < limits.maxPerAccount - 1; i++) {
      await checkSignIn({
        email,
        password: "wrong password!",
        address: "10.4.0.1",
        now: at(start, i),
        limits,
      });
    }
    expect(
      await checkSignIn({ email, password: PASSWORD, address: "10.4.0.1", now: at(start, 5), limits }),
    ).toMatchObject({ ok: true });
    await checkSignIn({ email, password: "wrong password!", address: "10.4.0.1", now: at(start, 6), limits });
    expect(
      await checkSignIn({ email, password: PASSWORD, address: "10.4.0.1", now: at(start, 7), limits }),
    ).toMatchObject({ ok: true });
  });
});

describe("account settings", () => {
  it("changes the display name and the password (the old one stops working)", async () => {
    const email = uniqueEmail("settings");
    const actor = await signUp(email);
    await updateDisplayName({ actor, input: { displayName: "  New Name " } });
    expect((await getDb().user.findUniqueOrThrow({ where: { id: actor.id } })).displayName).toBe("New Name");

    await expect(
      changePassword({
        actor,
        input: { currentPassword: "not it at all", newPassword: "a brand new password" },
      }),
    ).rejects.toThrow("That password is not correct.");
    await changePassword({
      actor,
      input: { currentPassword: PASSWORD, newPassword: "a brand new password" },
    });
    // Sessions issued before the change are refused from now on.
    expect((await getDb().user.findUniqueOrThrow({ where: { id: actor.id } })).sessionVersion).toBe(1);
    const now = new Date();
    expect(await checkSignIn({ email, password: PASSWORD, address: "10.5.0.1", now, limits })).toMatchObject({
      ok: false,
    });
    expect(
      await checkSignIn({ email, password: "a brand new password", address: "10.5.0.1", now, limits }),
    ).toMatchObject({ ok: true });
  });

  it("deletes the account with its data, after the password is confirmed", async () => {
    const email = uniqueEmail("leaving");
    const actor = await signUp(email);
    await issueResetToken({ userId: actor.id, issuedById: null });
    await expect(deleteOwnAccount({ actor, input: { password: "wrong password!" } })).rejects.toBeInstanceOf(
      AppError,
    );
    await deleteOwnAccount({ actor, input: { password: PASSWORD } });
    expect(await getDb().user.count({ where: { email } })).toBe(0);
    expect(await getDb().passwordResetToken.count({ where: { userId: actor.id } })).toBe(0);
  });
});

describe("access without email", () => {
  it("the admin reset prints a working new password, or sets the one given", async () => {
    const email = uniqueEmail("forgetful");
    await signUp(email);
    const generated = await adminResetPassword({ email });
    expect(generated.length).toBeGreaterThanOrEqual(10);
    expect(await checkSignIn({ email, password: generated, address: "10.6.0.1", limits })).toMatchObject({
      ok: true,
    });
    await adminResetPassword({ email, newPassword: "chosen by the admin" });
    expect((await getDb().user.findUniqueOrThrow({ where: { email } })).sessionVersion).toBe(2);
    expect(
      await checkSignIn({ email, password: "chosen by the admin", address: "10.6.0.1", limits }),
    ).toMatchObject({ ok: true });
    await expect(adminResetPassword({ email: uniqueEmail("ghost") })).rejects.toThrow(/No account/);
  });

  it("a reset link works once, and not after it expires", async () => {
    const email = uniqueEmail("student");
    const student = await signUp(email);
    const now = new Date();
    const token = await issueResetToken({ userId: student.id, issuedById: null, now });
    const stored = await getDb().passwordResetToken.findFirstOrThrow({ where: { userId: student.id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(await describeResetToken(token, now)).toEqual({ displayName: "Test Learner" });

    await resetPasswordWithToken({ token, newPassword: "reset via the link" }, now);
    expect(
      await checkSignIn({ email, password: "reset via the link", address: "10.7.0.1", limits }),
    ).toMatchObject({ ok: true });
    await expect(
      resetPasswordWithToken({ token, newPassword: "second use of link" }, now),
    ).rejects.toMatchObject({ code: "TOKEN_INVALID" });

    const late = await issueResetToken({ userId: student.id, issuedById: null, now });
    const afterExpiry = new Date(now.getTime() + RESET_TOKEN_LIFETIME_MS + 1000);
    expect(await describeResetToken(late, afterExpiry)).toBeNull();
    await expect(
      resetPasswordWithToken({ token: late, newPassword: "too late for this" }, afterExpiry),
    ).rejects.toMatchObject({
      code: "TOKEN_INVALID",
    });
  });
});

describe("demo data", () => {
  it("is seeded once: a second call does nothing", async () => {
    expect(await seedDemoOnce()).toBe(true);
    expect(await seedDemoOnce()).toBe(false);
    const emails = DEMO_ACCOUNTS.map((a) => a.email);
    expect(await getDb().user.count({ where: { email: { in: emails } } })).toBe(DEMO_ACCOUNTS.length);
    // The demo teacher's class holds both demo learners and one published set, created once.
    const classes = await getDb().class.findMany({
      where: { teacher: { email: "teacher@example.com" } },
      include: { enrollments: { include: { user: true } }, sets: { include: { items: true } } },
    });
    expect(classes).toHaveLength(1);
    expect(classes[0]!.enrollments.map((e) => e.user.email).sort()).toEqual([
      "ada@example.com",
      "emmy@example.com",
    ]);
    expect(classes[0]!.sets).toHaveLength(1);
    expect(classes[0]!.sets[0]!.publishedAt).not.toBeNull();
    expect(classes[0]!.sets[0]!.items).toHaveLength(2);
  });
});
