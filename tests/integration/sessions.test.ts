// Sessions end when they should: sign-out, password change, account deletion and idle time. The
// replayed token (a copied cookie) is the attack; the live session next to it still works.
import { encode, decode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import proxy from "@/proxy";
import { authConfig } from "@/lib/server/auth/config";
import { getDb } from "@/lib/server/db/client";
import { endSessionsOf, userForSession } from "@/lib/server/session";
import { learner } from "./helpers";

const secret = process.env.AUTH_SECRET!;
const COOKIE = "authjs.session-token";

async function claimsOf(id: string) {
  const row = await getDb().user.findUniqueOrThrow({ where: { id } });
  return { id, sessionVersion: row.sessionVersion };
}

describe("the session check (one read by primary key)", () => {
  it("a token copied before sign-out is refused after it; a fresh sign-in works", async () => {
    const me = await learner("signout");
    const copied = await claimsOf(me.id);
    expect(await userForSession(copied)).toMatchObject({ id: me.id });
    await endSessionsOf(me);
    expect(await userForSession(copied)).toBeNull();
    expect(await userForSession(await claimsOf(me.id))).toMatchObject({ id: me.id });
  });

  it("a deleted account's token stands for nobody; malformed claims are nobody", async () => {
    const me = await learner("deleted");
    const claims = await claimsOf(me.id);
    await getDb().user.delete({ where: { id: me.id } });
    expect(await userForSession(claims)).toBeNull();
    expect(await userForSession({ id: "not-a-uuid", sessionVersion: 0 })).toBeNull();
    expect(await userForSession(null)).toBeNull();
  });
});

describe("idle timeout and sliding sessions (the proxy)", () => {
  const page = (token: string) =>
    new NextRequest("http://localhost:3000/dashboard", { headers: { cookie: `${COOKIE}=${token}` } });
  /** A token as Auth.js issued it `secondsAgo` (the clock moved back while it is made). */
  const tokenIssued = async (secondsAgo: number) => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() - secondsAgo * 1000);
    try {
      return await encode({
        token: { sub: "00000000-0000-4000-8000-000000000000", sv: 0 },
        secret,
        salt: COOKIE,
        maxAge: authConfig.session.maxAge,
      });
    } finally {
      vi.useRealTimers();
    }
  };

  it("the idle timeout defaults to 7 days", () => {
    expect(authConfig.session.maxAge).toBe(7 * 24 * 3600);
  });

  it("a token idle longer than the timeout is not a session: the page sends the visitor to sign in", async () => {
    const stale = await tokenIssued(7 * 24 * 3600 + 60);
    const response = await proxy(page(stale));
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toContain("/signin?callbackUrl=%2Fdashboard");
  });

  it("a token in use slides: a page visit re-issues it with a fresh expiry", async () => {
    const old = await tokenIssued(2 * 3600);
    const response = await proxy(page(old));
    expect(response.headers.get("location")).toBeNull();
    const renewed = response.cookies.get(COOKIE);
    expect(renewed?.maxAge).toBe(authConfig.session.maxAge);
    const claims = await decode({ token: renewed!.value, secret, salt: COOKIE });
    expect(claims?.sub).toBe("00000000-0000-4000-8000-000000000000");
    expect(claims?.sv).toBe(0);
    expect(Number(claims?.exp) - Math.floor(Date.now() / 1000)).toBeGreaterThan(
      authConfig.session.maxAge - 60,
    );
  });

  it("a fresh token is left alone (no cookie written on every request)", async () => {
    const response = await proxy(page(await tokenIssued(60)));
    expect(response.cookies.get(COOKIE)).toBeUndefined();
  });
});
