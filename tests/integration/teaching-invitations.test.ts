// Adding students by a pasted list of emails, against a real PostgreSQL: accounts that exist join at
// once, unknown emails wait as invitations and join at that email's sign-up or first sign-in;
// invitations can be cancelled; malformed or oversized lists, another teacher's class and forged ids
// change nothing.
import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db/client";
import { checkSignIn } from "@/lib/server/auth/sign-in";
import { createUser } from "@/lib/server/users/create-user";
import { getClassForTeacher, joinClass, listMyClasses, removeStudent } from "@/lib/server/classes/classes";
import { archiveClass } from "@/lib/server/classes/lifecycle";
import {
  MAX_INVITES,
  cancelInvitation,
  inviteByEmail,
  listInvitations,
  parseEmailList,
} from "@/lib/server/classes/invitations";
import { safeReturnPath } from "@/lib/safe-redirect";
import { expectAppError } from "./helpers";
import { user, world } from "./teaching-world";

const fresh = (label: string) => `${label}-${randomBytes(5).toString("hex")}@example.com`;
const PASSWORD = "correct horse battery staple";

describe("adding students by email", () => {
  it("adds existing accounts now; unknown emails wait and join at sign-up; pending ones are listed and cancellable", async () => {
    const { teacher, ann, cls } = await world();
    const cara = await user("learner", "cara");
    const dan = await user("learner", "dan");
    await removeStudent({ actor: teacher, classId: cls.id, userId: ann.id });
    const newcomer = fresh("newcomer");
    const later = fresh("later");
    const dropped = fresh("dropped");
    const result = await inviteByEmail({
      actor: teacher,
      classId: cls.id,
      input: {
        emails: `${cara.email.toUpperCase()}, ${dan.email}\n${ann.email}; Newcomer <${newcomer}>\n\n${later} ${dropped} ${dan.email}`,
      },
    });
    expect(result).toEqual({ added: 3, already: 0, invited: 3 });
    const roster = (await getClassForTeacher({ actor: teacher, classId: cls.id })).roster;
    expect(roster.filter((r) => !r.removed).map((r) => r.userId)).toEqual(
      expect.arrayContaining([ann.id, cara.id, dan.id]),
    );
    expect((await listInvitations({ actor: teacher, classId: cls.id })).map((i) => i.email).sort()).toEqual(
      [newcomer, later, dropped].sort(),
    );
    // Again: nobody twice.
    expect(
      await inviteByEmail({ actor: teacher, classId: cls.id, input: { emails: `${cara.email}, ${later}` } }),
    ).toEqual({
      added: 0,
      already: 1,
      invited: 1,
    });
    expect(await listInvitations({ actor: teacher, classId: cls.id })).toHaveLength(3);

    await cancelInvitation({ actor: teacher, classId: cls.id, input: { email: dropped } });
    await expectAppError(
      cancelInvitation({ actor: teacher, classId: cls.id, input: { email: dropped } }),
      "NOT_FOUND",
    );

    // Sign-up with an invited email joins the class; with the cancelled one, it does not.
    const n = await createUser({ displayName: "Newcomer", email: newcomer, password: PASSWORD });
    expect((await listMyClasses({ actor: n })).map((c) => c.id)).toEqual([cls.id]);
    const d = await createUser({ displayName: "Dropped", email: dropped, password: PASSWORD });
    expect(await listMyClasses({ actor: d })).toEqual([]);
    expect((await listInvitations({ actor: teacher, classId: cls.id })).map((i) => i.email)).toEqual([later]);
  });

  it("an account created before the invitation joins at its next sign-in", async () => {
    const { teacher, cls } = await world();
    const email = fresh("returning");
    const u = await createUser({ displayName: "Returning", email, password: PASSWORD });
    await getDb().invitation.create({ data: { classId: cls.id, email } });
    expect(await listMyClasses({ actor: u })).toEqual([]);
    const wrong = await checkSignIn({ email, password: "not the password at all", address: "203.0.113.9" });
    expect(wrong.ok).toBe(false);
    expect(await listMyClasses({ actor: u })).toEqual([]);
    const signed = await checkSignIn({ email, password: PASSWORD, address: "203.0.113.9" });
    expect(signed.ok).toBe(true);
    expect((await listMyClasses({ actor: u })).map((c) => c.id)).toEqual([cls.id]);
    expect(await listInvitations({ actor: teacher, classId: cls.id })).toEqual([]);
  });

  it("an archived class takes no new student: not by email, not by a pending invitation, not by code", async () => {
    const { teacher, cls } = await world();
    const cara = await user("learner", "cara");
    const waiting = fresh("waiting");
    const newcomer = fresh("newcomer");
    await inviteByEmail({ actor: teacher, classId: cls.id, input: { emails: waiting } });
    await archiveClass({ actor: teacher, classId: cls.id, archived: true });
    const before = await getDb().enrollment.count({ where: { classId: cls.id } });

    const refused = await expectAppError(
      inviteByEmail({ actor: teacher, classId: cls.id, input: { emails: `${cara.email}, ${newcomer}` } }),
      "INVALID_INPUT",
    );
    expect(refused.message).toMatch(
      /^Nobody was added\. This class is archived: restore it to add students\./,
    );
    // A pending invitation from before the archive does not join it at sign-up either; it stays pending.
    const w = await createUser({ displayName: "Waiting", email: waiting, password: PASSWORD });
    await expectAppError(joinClass({ actor: cara, input: { code: cls.joinCode } }), "INVALID_INPUT");
    expect(await getDb().enrollment.count({ where: { classId: cls.id } })).toBe(before);
    expect((await listInvitations({ actor: teacher, classId: cls.id })).map((i) => i.email)).toEqual([
      waiting,
    ]);

    // Restored, the class takes them again: the pending invitation at the next sign-in.
    await archiveClass({ actor: teacher, classId: cls.id, archived: false });
    expect(await checkSignIn({ email: waiting, password: PASSWORD, address: "203.0.113.9" })).toMatchObject({
      ok: true,
    });
    expect((await listMyClasses({ actor: w })).map((c) => c.id)).toEqual([cls.id]);
  });

  it("a malformed or oversized list, the teacher's own email, another teacher's class and forged ids change nothing", async () => {
    const { teacher, otherTeacher, cls } = await world();
    const before = await getDb().enrollment.count({ where: { classId: cls.id } });
    const ok = fresh("ok");
    const bad = await expectAppError(
      inviteByEmail({ actor: teacher, classId: cls.id, input: { emails: `${ok}, not-an-email, =cmd|x@` } }),
      "INVALID_INPUT",
    );
    expect(bad.message).toMatch(/Nobody was added.*"not-an-email" is not an email address/);
    const many = Array.from({ length: MAX_INVITES + 1 }, (_, i) => `s${i}@example.com`).join("\n");
    expect(
      (
        await expectAppError(
          inviteByEmail({ actor: teacher, classId: cls.id, input: { emails: many } }),
          "INVALID_INPUT",
        )
      ).message,
    ).toMatch(/at most 500/);
    await expectAppError(
      inviteByEmail({ actor: teacher, classId: cls.id, input: { emails: `${teacher.email}, ${ok}` } }),
      "INVALID_INPUT",
    );
    await expectAppError(
      inviteByEmail({ actor: teacher, classId: cls.id, input: { emails: " \n, " } }),
      "INVALID_INPUT",
    );
    await expectAppError(
      inviteByEmail({ actor: teacher, classId: cls.id, input: { emails: 42 } }),
      "INVALID_INPUT",
    );
    await expectAppError(
      inviteByEmail({ actor: otherTeacher, classId: cls.id, input: { emails: ok } }),
      "NOT_FOUND",
    );
    await expectAppError(
      inviteByEmail({ actor: teacher, classId: randomUUID(), input: { emails: ok } }),
      "NOT_FOUND",
    );
    await expectAppError(
      inviteByEmail({ actor: teacher, classId: "../x", input: { emails: ok } }),
      "NOT_FOUND",
    );
    const learner = await user("learner");
    await expectAppError(
      inviteByEmail({ actor: learner, classId: cls.id, input: { emails: ok } }),
      "FORBIDDEN",
    );
    await expectAppError(
      cancelInvitation({ actor: otherTeacher, classId: cls.id, input: { email: ok } }),
      "NOT_FOUND",
    );
    expect(await getDb().enrollment.count({ where: { classId: cls.id } })).toBe(before);
    expect(await listInvitations({ actor: teacher, classId: cls.id })).toEqual([]);
    // Positive control: the same email alone is invited.
    expect(await inviteByEmail({ actor: teacher, classId: cls.id, input: { emails: ok } })).toMatchObject({
      invited: 1,
    });
    // Another teacher's invitation is theirs to cancel only.
    await expectAppError(
      cancelInvitation({ actor: otherTeacher, classId: cls.id, input: { email: ok } }),
      "NOT_FOUND",
    );
    expect(await listInvitations({ actor: teacher, classId: cls.id })).toHaveLength(1);
  });

  it("reads lists as registrars paste them", () => {
    expect(parseEmailList('A@Example.com;b@example.com\r\n"C" <c@example.com>\tb@example.com')).toEqual({
      emails: ["a@example.com", "b@example.com", "c@example.com"],
      errors: [],
    });
    expect(parseEmailList("a@example.com, @example.com").errors).toEqual([
      '"@example.com" is not an email address.',
    ]);
  });
});

describe("the join link through sign-up", () => {
  it("sign-up goes back to the join page it came from, never to another site", () => {
    expect(safeReturnPath("/join/ACDE-FGHJ")).toBe("/join/ACDE-FGHJ");
    expect(safeReturnPath("https://evil.example/join/ACDE-FGHJ")).toBe("/join/ACDE-FGHJ");
    expect(safeReturnPath("//evil.example/join")).toBe("/join");
    expect(safeReturnPath("javascript:alert(1)")).toBe("/dashboard");
  });
});
