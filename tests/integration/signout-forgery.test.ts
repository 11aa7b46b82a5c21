// Sign-out ends every copy of a session, so a forged sign-out would be a nuisance attack: a page on
// another origin of the same site (a sibling port or subdomain) posting to Auth.js's sign-out endpoint
// with the victim's cookie must not end their sessions; the app's own sign-out still does.
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/server/db/client";
import type * as Session from "@/lib/server/session";
import type { ActingUser } from "@/lib/server/users/user.types";
import { APP_ORIGIN, learner } from "./helpers";

const session = vi.hoisted(() => ({ user: null as ActingUser | null }));
vi.mock("@/lib/server/session", async (original) => ({
  ...(await original<typeof Session>()),
  getCurrentUser: () => Promise.resolve(session.user),
}));
const authRoute = await import("@/app/api/auth/[...nextauth]/route");

const versionOf = async (id: string) =>
  (await getDb().user.findUniqueOrThrow({ where: { id }, select: { sessionVersion: true } })).sessionVersion;

function signOutPost(headers: Record<string, string>): NextRequest {
  return new NextRequest(`${APP_ORIGIN}/api/auth/signout`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: "csrfToken=forged",
  });
}

async function post(request: NextRequest): Promise<void> {
  // Auth.js answers as it will (its own CSRF token check refuses the forged token); what matters here
  // is whether the app ended the sessions before handing over.
  await authRoute.POST(request).catch(() => undefined);
}

describe("a forged sign-out", () => {
  it.each([
    ["from a sibling port", { origin: "http://localhost:3001" }],
    ["from a sibling subdomain", { origin: "http://evil.localhost:3000" }],
    ["with no Origin and cross-site fetch metadata", { "sec-fetch-site": "same-site" }],
    ["with neither Origin nor fetch metadata", {}],
  ])("%s leaves the sessions alone", async (_label, headers) => {
    const me = await learner("victim");
    session.user = me;
    const before = await versionOf(me.id);
    await post(signOutPost(headers));
    expect(await versionOf(me.id)).toBe(before);
  });

  it("the app's own sign-out (same origin) ends every session", async () => {
    const me = await learner("rightful");
    session.user = me;
    const before = await versionOf(me.id);
    await post(signOutPost({ origin: APP_ORIGIN }));
    expect(await versionOf(me.id)).toBe(before + 1);
    const other = await learner("rightful-fetch-metadata");
    session.user = other;
    const otherBefore = await versionOf(other.id);
    await post(signOutPost({ "sec-fetch-site": "same-origin" }));
    expect(await versionOf(other.id)).toBe(otherBefore + 1);
  });
});
