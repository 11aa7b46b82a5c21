// Roles are granted, not taken: sign-up makes learners; the admin command and the admin page grant and
// revoke the teacher role (recorded); a teacher's reset links only reach learner accounts, and the
// learner sees who reset their password. Each attack next to the rightful request.
import { spawnSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { describe, expect, inject, it } from "vitest";
import { createClass, issueStudentResetLink, joinClass } from "@/lib/server/classes/classes";
import { getDb } from "@/lib/server/db/client";
import { listResetsOf, resetPasswordWithToken } from "@/lib/server/password-reset/reset-token";
import { createUser } from "@/lib/server/users/create-user";
import { changeRole, changeRoleByEmail, listAccounts, listRoleChanges } from "@/lib/server/users/roles";
import { expectAppError, learner } from "./helpers";

const root = fileURLToPath(new URL("../..", import.meta.url));
const roleOf = async (id: string) => (await getDb().user.findUniqueOrThrow({ where: { id } })).role;

describe("sign-up", () => {
  it("makes a learner even when the form asks for the teacher or admin role", async () => {
    for (const role of ["teacher", "admin"]) {
      const email = `claims-${role}-${randomBytes(4).toString("hex")}@example.com`;
      const user = await createUser({
        displayName: "Claimant",
        email,
        password: "long enough password",
        role,
      });
      expect(user.role).toBe("learner");
      expect(await roleOf(user.id)).toBe("learner");
    }
  });
});

describe("granting and revoking the teacher role", () => {
  it("the admin command grants and revokes, records each change, and refuses what makes no sense", async () => {
    const ann = await learner("ann");
    expect(
      await changeRoleByEmail({ email: ann.email.toUpperCase(), change: "grant", role: "teacher" }),
    ).toEqual({
      email: ann.email,
      role: "teacher",
    });
    expect(await roleOf(ann.id)).toBe("teacher");
    await expectAppError(
      changeRoleByEmail({ email: ann.email, change: "grant", role: "teacher" }),
      "INVALID_INPUT",
    );
    await changeRoleByEmail({ email: ann.email, change: "revoke", role: "teacher" });
    expect(await roleOf(ann.id)).toBe("learner");
    await expectAppError(
      changeRoleByEmail({ email: ann.email, change: "revoke", role: "teacher" }),
      "INVALID_INPUT",
    );
    await expectAppError(
      changeRoleByEmail({ email: ann.email, change: "grant", role: "learner" }),
      "INVALID_INPUT",
    );
    await expectAppError(
      changeRoleByEmail({ email: "nobody-here@example.com", change: "grant", role: "teacher" }),
      "NOT_FOUND",
    );
    const log = await getDb().roleChange.findMany({
      where: { userId: ann.id },
      orderBy: { createdAt: "asc" },
    });
    expect(log.map((r) => [r.fromRole, r.toRole, r.changedById])).toEqual([
      ["learner", "teacher", null],
      ["teacher", "learner", null],
    ]);
  });

  it("`npm run user -- grant teacher EMAIL` works from the command line; a bad command prints the usage", () => {
    const env = { ...process.env, DATABASE_URL: inject("databaseUrl") };
    const run = (...args: string[]) =>
      spawnSync(
        process.execPath,
        ["--import", "tsx", "--conditions=react-server", "scripts/user.ts", ...args],
        {
          cwd: root,
          env,
          encoding: "utf8",
        },
      );
    return (async () => {
      const bob = await learner("bob");
      const granted = run("grant", "teacher", bob.email);
      expect(granted.stdout).toContain(`${bob.email} is now a teacher.`);
      expect(granted.status).toBe(0);
      expect(await roleOf(bob.id)).toBe("teacher");
      const wrong = run("grant", "wizard", bob.email);
      expect(wrong.status).toBe(1);
      expect(wrong.stderr).toContain("The role is teacher or admin.");
      const usage = run("grant", "teacher");
      expect(usage.status).toBe(2);
      expect(usage.stderr).toContain("npm run user -- grant teacher|admin EMAIL");
      expect(await roleOf(bob.id)).toBe("teacher");
    })();
  }, 60_000);

  it("the admin page's action: only an admin may change roles, with validated input, audited", async () => {
    const admin = await learner("admin", { role: "admin" });
    const teacher = await learner("teacher", { role: "teacher" });
    const cara = await learner("cara");
    // A teacher or a learner trying it: refused, nothing changes.
    await expectAppError(
      changeRole({ actor: teacher, input: { userId: cara.id, change: "grant", role: "teacher" } }),
      "FORBIDDEN",
    );
    await expectAppError(
      changeRole({ actor: cara, input: { userId: cara.id, change: "grant", role: "admin" } }),
      "FORBIDDEN",
    );
    await expectAppError(listAccounts({ actor: teacher, query: "" }), "FORBIDDEN");
    expect(await roleOf(cara.id)).toBe("learner");
    // Malformed input and forged ids.
    await expectAppError(
      changeRole({ actor: admin, input: { userId: "not-a-uuid", change: "grant", role: "teacher" } }),
      "INVALID_INPUT",
    );
    await expectAppError(
      changeRole({ actor: admin, input: { userId: cara.id, change: "promote", role: "teacher" } }),
      "INVALID_INPUT",
    );
    await expectAppError(
      changeRole({ actor: admin, input: { userId: randomUUID(), change: "grant", role: "teacher" } }),
      "NOT_FOUND",
    );
    await expectAppError(
      changeRole({ actor: admin, input: { userId: admin.id, change: "revoke", role: "admin" } }),
      "INVALID_INPUT",
    );
    expect(await getDb().roleChange.count({ where: { userId: { in: [cara.id, admin.id] } } })).toBe(0);
    // The admin grants, then revokes.
    await changeRole({ actor: admin, input: { userId: cara.id, change: "grant", role: "teacher" } });
    expect(await roleOf(cara.id)).toBe("teacher");
    expect((await listAccounts({ actor: admin, query: cara.email })).map((a) => a.role)).toEqual(["teacher"]);
    await changeRole({ actor: admin, input: { userId: cara.id, change: "revoke", role: "teacher" } });
    expect(await roleOf(cara.id)).toBe("learner");
    const changes = (await listRoleChanges({ actor: admin })).filter((c) => c.email === cara.email);
    expect(changes.map((c) => [c.fromRole, c.toRole, c.by])).toEqual([
      ["teacher", "learner", admin.email],
      ["learner", "teacher", admin.email],
    ]);
  });
});

describe("reset links issued by a teacher", () => {
  it("never for a teacher who joined the class (the takeover); for a learner, logged and shown to them", async () => {
    const teacher = await learner("teacher", { role: "teacher" });
    const victim = await learner("victim-teacher", { role: "teacher" });
    const pupil = await learner("pupil");
    const cls = await createClass({ actor: teacher, input: { name: "Takeover class" } });
    await joinClass({ actor: victim, input: { code: cls.joinCode } });
    await joinClass({ actor: pupil, input: { code: cls.joinCode } });

    const refused = await expectAppError(
      issueStudentResetLink({ actor: teacher, classId: cls.id, userId: victim.id }),
      "FORBIDDEN",
    );
    expect(refused.message).toMatch(/only for learner accounts/);
    expect(await getDb().passwordResetToken.count({ where: { userId: victim.id } })).toBe(0);

    const { token } = await issueStudentResetLink({ actor: teacher, classId: cls.id, userId: pupil.id });
    expect(await listResetsOf({ actor: pupil })).toEqual([]);
    await resetPasswordWithToken({ token, newPassword: "a brand new password" });
    const log = await listResetsOf({ actor: pupil });
    expect(log).toHaveLength(1);
    expect(log[0]!.issuedBy).toBe(teacher.displayName);
    expect(log[0]!.usedAt.getTime()).toBeGreaterThanOrEqual(log[0]!.issuedAt.getTime());
  });

  it("a link issued while the account was a learner does not open it once it is a teacher", async () => {
    const teacher = await learner("issuer", { role: "teacher" });
    const admin = await learner("admin", { role: "admin" });
    const promoted = await learner("promoted");
    const cls = await createClass({ actor: teacher, input: { name: "Promotion class" } });
    await joinClass({ actor: promoted, input: { code: cls.joinCode } });
    const { token } = await issueStudentResetLink({ actor: teacher, classId: cls.id, userId: promoted.id });
    const before = await getDb().user.findUniqueOrThrow({ where: { id: promoted.id } });
    await changeRole({ actor: admin, input: { userId: promoted.id, change: "grant", role: "teacher" } });
    await expectAppError(
      resetPasswordWithToken({ token, newPassword: "a brand new password" }),
      "TOKEN_INVALID",
    );
    const after = await getDb().user.findUniqueOrThrow({ where: { id: promoted.id } });
    expect(after.passwordHash).toBe(before.passwordHash);

    // Positive control: a fresh learner's link still works.
    const pupil = await learner("pupil-2");
    await joinClass({ actor: pupil, input: { code: cls.joinCode } });
    const fresh = await issueStudentResetLink({ actor: teacher, classId: cls.id, userId: pupil.id });
    await resetPasswordWithToken({ token: fresh.token, newPassword: "a brand new password" });
    expect(await listResetsOf({ actor: pupil })).toHaveLength(1);
  });
});
