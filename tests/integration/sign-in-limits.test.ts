// Sign-in limits that strangers cannot turn against the owner, and the sign-up limit per address.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkSignIn, type SignInLimits } from "@/lib/server/auth/sign-in";
import { admitSignUp, SIGN_UP_LIMITED } from "@/lib/server/auth/sign-up-limit";
import { getDb } from "@/lib/server/db/client";
import { createUser } from "@/lib/server/users/create-user";
import { expectAppError } from "./helpers";

const PASSWORD = "correct horse battery";
const limits: SignInLimits = { maxPerAccount: 3, maxPerAddress: 100, windowSeconds: 600 };
const at = (start: Date, seconds: number) => new Date(start.getTime() + seconds * 1000);

async function account(): Promise<string> {
  const email = `owner-${randomBytes(4).toString("hex")}@example.com`;
  await createUser({ displayName: "Owner", email, password: PASSWORD });
  return email;
}

describe("per-account limit", () => {
  it("a stranger's failures lock out strangers, but the owner's known address still signs in", async () => {
    const email = await account();
    const start = new Date("2032-03-01T09:00:00Z");
    const home = "198.51.100.20";
    expect(await checkSignIn({ email, password: PASSWORD, address: home, now: start, limits })).toMatchObject(
      {
        ok: true,
      },
    );
    // An attacker runs the account into its limit from addresses it rotates.
    for (let i = 0; i < limits.maxPerAccount + 2; i++) {
      await checkSignIn({
        email,
        password: `guess ${i} guess`,
        address: `203.0.113.${i}`,
        now: at(start, 60 + i),
        limits,
      });
    }
    // Even with the right password, a new address is held off while the account is under attack...
    expect(
      await checkSignIn({ email, password: PASSWORD, address: "203.0.113.99", now: at(start, 120), limits }),
    ).toEqual({ ok: false, reason: "rate_limited" });
    // ...but the owner, from the address they signed in from before, gets in.
    expect(
      await checkSignIn({ email, password: PASSWORD, address: home, now: at(start, 121), limits }),
    ).toMatchObject({
      ok: true,
      user: { email },
    });
  });

  it("a known address guessing wrong is still held by its own address limit", async () => {
    const email = await account();
    const start = new Date("2032-04-01T09:00:00Z");
    const home = `198.51.100.${randomBytes(1)[0]}`;
    const tight: SignInLimits = { maxPerAccount: 2, maxPerAddress: 3, windowSeconds: 600 };
    await checkSignIn({ email, password: PASSWORD, address: home, now: start, limits: tight });
    for (let i = 0; i < 3; i++)
      await checkSignIn({
        email,
        password: "wrong wrong",
        address: home,
        now: at(start, 10 + i),
        limits: tight,
      });
    expect(
      await checkSignIn({ email, password: PASSWORD, address: home, now: at(start, 20), limits: tight }),
    ).toEqual({ ok: false, reason: "rate_limited" });
  });
});

describe("sign-up limit", () => {
  it("refuses the sign-up past the limit from one address with a clear message; another address goes on", async () => {
    const address = `192.0.2.${randomBytes(1)[0]}`;
    const now = new Date("2032-05-01T10:00:00Z");
    for (let i = 0; i < 3; i++) await admitSignUp({ address, now: at(now, i), max: 3 });
    const refused = await expectAppError(admitSignUp({ address, now: at(now, 10), max: 3 }), "RATE_LIMITED");
    expect(refused.message).toBe(SIGN_UP_LIMITED);
    expect(await getDb().signUpAttempt.count({ where: { address } })).toBe(3);
    await admitSignUp({ address: "192.0.2.250", now: at(now, 10), max: 3 });
    // An hour later the address may sign up again.
    await admitSignUp({ address, now: at(now, 3601 + 10), max: 3 });
  });
});
