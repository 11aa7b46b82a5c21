// Cross-site request forgery on the JSON routes: a request another site can make a signed-in browser
// send (text/plain or form bodies, another origin of the same site, no origin at all) is refused before
// any work and changes nothing; the app's own JSON request from its own origin still works.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createClass } from "@/lib/server/classes/classes";
import { getDb } from "@/lib/server/db/client";
import type { ActingUser } from "@/lib/server/users/user.types";
import { appPost, learner } from "./helpers";

const session = vi.hoisted(() => ({ user: null as ActingUser | null }));
vi.mock("@/lib/server/session", () => ({ getCurrentUser: () => Promise.resolve(session.user) }));

const joinRoute = await import("@/app/api/classes/join/route");
const startRoute = await import("@/app/api/practice/start/route");
const hintRoute = await import("@/app/api/practice/instances/[id]/hint/route");
const submitRoute = await import("@/app/api/practice/instances/[id]/submit/route");
const reportRoute = await import("@/app/api/practice/instances/[id]/report/route");
const revealRoute = await import("@/app/api/practice/instances/[id]/reveal/route");
const overrideRoute = await import("@/app/api/teacher/instances/[id]/override/route");

const START = { skillId: "derivative-power-rule" };
const started = (userId: string) => getDb().problemInstance.count({ where: { userId } });

/** The forgeries a page on another origin can produce with the victim's cookie. */
const FORGED: [string, Record<string, string>][] = [
  [
    "a text/plain POST from a sibling port",
    { "content-type": "text/plain", origin: "http://localhost:3001" },
  ],
  ["a text/plain POST claiming the app's origin", { "content-type": "text/plain" }],
  ["a form POST", { "content-type": "application/x-www-form-urlencoded" }],
  ["JSON from another port of the same host", { origin: "http://localhost:3001" }],
  ["JSON from a sibling subdomain", { origin: "http://evil.localhost:3000" }],
  ["JSON from an opaque origin", { origin: "null" }],
  ["JSON with no Origin, cross-site fetch metadata", { origin: "", "sec-fetch-site": "same-site" }],
  ["JSON with neither Origin nor fetch metadata", { origin: "" }],
];

function forged(body: unknown, headers: Record<string, string>): Request {
  const request = appPost(body, headers);
  if (headers.origin === "") request.headers.delete("origin");
  return request;
}

beforeEach(() => {
  session.user = null;
});

describe("the JSON routes refuse forged cross-site requests", () => {
  it.each(FORGED)("starting a problem: %s is refused and creates nothing", async (_label, headers) => {
    const me = await learner("victim");
    session.user = me;
    const response = await startRoute.POST(forged(START, headers));
    expect([403, 415]).toContain(response.status);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.message).toMatch(/JSON|own pages/);
    expect(await started(me.id)).toBe(0);
  });

  it("the rightful request: JSON from the app's origin, or with Sec-Fetch-Site same-origin, starts a problem", async () => {
    const me = await learner("rightful");
    session.user = me;
    expect((await startRoute.POST(appPost(START))).status).toBe(200);
    const noOrigin = appPost(START, { "sec-fetch-site": "same-origin" });
    noOrigin.headers.delete("origin");
    expect((await startRoute.POST(noOrigin)).status).toBe(200);
    expect(await started(me.id)).toBe(2);
  });

  it("joining a class: a forged join from another port is refused; the app's own join works", async () => {
    const teacher = await learner("teacher", { role: "teacher" });
    const cls = await createClass({ actor: teacher, input: { name: "CSRF class" } });
    const me = await learner("joiner");
    session.user = me;
    const forgedJoin = await joinRoute.POST(
      forged({ code: cls.joinCode }, { "content-type": "text/plain", origin: "http://localhost:8080" }),
    );
    expect(forgedJoin.status).toBe(415);
    expect(await getDb().enrollment.count({ where: { userId: me.id } })).toBe(0);
    expect((await joinRoute.POST(appPost({ code: cls.joinCode }))).status).toBe(200);
    expect(await getDb().enrollment.count({ where: { userId: me.id } })).toBe(1);
  });

  it("every other state-changing route refuses a cross-origin request before it looks at anything", async () => {
    const me = await learner("routes");
    session.user = me;
    const view = (await (await startRoute.POST(appPost(START))).json()) as {
      instanceId?: string;
      id?: string;
    };
    const id = view.instanceId ?? view.id ?? "";
    const params = { params: Promise.resolve({ id }) };
    const cross = { origin: "https://attacker.example" };
    const responses = [
      await hintRoute.POST(forged({ step: 1 }, cross), params),
      await submitRoute.POST(forged({ clientSubmissionId: "c1", answer: "1", elapsedMs: 1 }, cross), params),
      await reportRoute.POST(forged({ note: "forged" }, cross), params),
      await revealRoute.POST(forged({}, cross), params),
      await overrideRoute.POST(forged({ accept: true, note: "forged" }, cross), params),
    ];
    expect(responses.map((r) => r.status)).toEqual([403, 403, 403, 403, 403]);
    const row = await getDb().problemInstance.findFirstOrThrow({ where: { userId: me.id } });
    expect(row.hintUsedAt).toBeNull();
    expect(row.triesUsed).toBe(0);
    expect(row.finishedAt).toBeNull();
    expect(await getDb().gradingReport.count({ where: { userId: me.id } })).toBe(0);
    // The same hint request from the app itself is taken.
    expect((await hintRoute.POST(appPost({ step: 1 }), params)).status).toBe(200);
  });

  it("a body declared larger than 64 KiB gets 413 before any work", async () => {
    const me = await learner("large");
    session.user = me;
    const big = JSON.stringify({ skillId: "x".repeat(1024 * 1024) });
    const response = await startRoute.POST(appPost(big, { "content-length": String(big.length) }));
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
      "The request is too large.",
    );
    expect(await started(me.id)).toBe(0);
  });
});
