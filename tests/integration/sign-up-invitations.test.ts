// Sign-up and the invitations it accepts are one transaction: if joining the invited classes fails,
// no account is left behind (the email is free to sign up again, and the invitation still waits).
import { randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/server/db/client";
import { acceptInvitations } from "@/lib/server/classes/invitations";
import type * as Invitations from "@/lib/server/classes/invitations";
import { listMyClasses } from "@/lib/server/classes/classes";
import { createUser } from "@/lib/server/users/create-user";
import { world } from "./teaching-world";

vi.mock("@/lib/server/classes/invitations", async (importOriginal) => {
  const real = await importOriginal<typeof Invitations>();
  return { ...real, acceptInvitations: vi.fn(real.acceptInvitations) };
});

const PASSWORD = "correct horse battery staple";

describe("sign-up with a pending invitation", () => {
  it("leaves no account when joining the invited class fails, and succeeds when tried again", async () => {
    const { cls } = await world();
    const email = `invited-${randomBytes(5).toString("hex")}@example.com`;
    await getDb().invitation.create({ data: { classId: cls.id, email } });
    vi.mocked(acceptInvitations).mockImplementationOnce(() =>
      Promise.reject(new Error("the connection was lost while joining the classes")),
    );
    await expect(createUser({ displayName: "Invited", email, password: PASSWORD })).rejects.toThrow(
      /connection was lost/,
    );
    expect(await getDb().user.count({ where: { email } })).toBe(0);
    expect(await getDb().invitation.count({ where: { email } })).toBe(1);

    const u = await createUser({ displayName: "Invited", email, password: PASSWORD });
    expect((await listMyClasses({ actor: u })).map((c) => c.id)).toEqual([cls.id]);
    expect(await getDb().invitation.count({ where: { email } })).toBe(0);
  });
});
