// The graded answer answered by the app's server before Next.js (lib/server/direct-routes.ts): the same
// handler and checks as the Next.js route, with the user read from the request's own session cookie.
// A right answer is graded and recorded once; a replay gets the recorded result; no session, an ended
// session, a cross-site request, a malformed body, a forged id and another learner's problem are each
// refused with their message and record nothing; every other request is left to Next.js.
import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { answerDirect, directRouteFor } from "@/lib/server/direct-routes";
import { getDb } from "@/lib/server/db/client";
import { startInstance } from "@/lib/server/practice/start-instance";
import type { ActingUser } from "@/lib/server/users/user.types";
import { APP_ORIGIN, keyOf, learner } from "./helpers";

const COOKIE = "authjs.session-token";

async function cookieOf(user: ActingUser): Promise<string> {
  const { sessionVersion } = await getDb().user.findUniqueOrThrow({ where: { id: user.id } });
  const token = await encode({
    token: { sub: user.id, sv: sessionVersion },
    secret: process.env.AUTH_SECRET ?? "",
    salt: COOKIE,
  });
  return `${COOKIE}=${token}`;
}

function submission(
  instanceId: string,
  body: unknown,
  headers: Record<string, string>,
  method = "POST",
): Request {
  return new Request(`${APP_ORIGIN}/api/practice/instances/${instanceId}/submit`, {
    method,
    headers: { "content-type": "application/json", origin: APP_ORIGIN, ...headers },
    body: method === "GET" ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function started(user: ActingUser): Promise<string> {
  return (await startInstance({ actor: user, input: { skillId: "derivative-power-rule" } })).id;
}

const tries = (instanceId: string) => getDb().submission.count({ where: { instanceId } });

interface Answered {
  kind?: string;
  feedback?: { correct: boolean };
  error?: { code: string; message: string };
}

async function sent(request: Request): Promise<{ status: number; body: Answered }> {
  const response = await answerDirect(request);
  expect(response).not.toBeNull();
  return { status: response!.status, body: (await response!.json()) as Answered };
}

describe("the graded answer before Next.js", () => {
  it("answers only POST to a problem's submit path; everything else goes on to Next.js", async () => {
    expect(directRouteFor("POST", "/api/practice/instances/abc/submit")).toEqual({ instanceId: "abc" });
    expect(directRouteFor("GET", "/api/practice/instances/abc/submit")).toBeNull();
    expect(directRouteFor("POST", "/api/practice/instances/abc/hint")).toBeNull();
    expect(directRouteFor("POST", "/api/practice/instances/a/b/submit")).toBeNull();
    expect(directRouteFor("POST", "/api/practice/instances/%E0%A4%A/submit")).toBeNull();
    expect(await answerDirect(new Request(`${APP_ORIGIN}/api/health`))).toBeNull();
  });

  it("grades a right answer once for the signed-in learner; the same submission again gets the recorded result", async () => {
    const me = await learner("direct");
    const id = await started(me);
    const cookie = await cookieOf(me);
    const body = { clientSubmissionId: randomUUID(), answer: (await keyOf(id)).answer, elapsedMs: 4000 };
    const first = await sent(submission(id, body, { cookie }));
    expect(first.status).toBe(200);
    expect(first.body.kind).toBe("graded");
    expect(first.body.feedback?.correct).toBe(true);
    const again = await sent(submission(id, body, { cookie }));
    expect(again.status).toBe(200);
    expect(again.body.kind).toBe("replayed");
    expect(await tries(id)).toBe(1);
  });

  it("the same submission sent ten times at once is graded once; every copy gets the same result", async () => {
    const me = await learner("direct-burst");
    const id = await started(me);
    const cookie = await cookieOf(me);
    const body = { clientSubmissionId: randomUUID(), answer: (await keyOf(id)).answer, elapsedMs: 3000 };
    const all = await Promise.all(Array.from({ length: 10 }, () => sent(submission(id, body, { cookie }))));
    expect(all.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(all.filter((a) => a.body.kind === "graded")).toHaveLength(1);
    expect(all.every((a) => a.body.feedback?.correct === true)).toBe(true);
    expect(await tries(id)).toBe(1);
  });

  it("refuses, records nothing and says why: no session, an ended session, another site, a malformed body", async () => {
    const me = await learner("direct-refused");
    const id = await started(me);
    const cookie = await cookieOf(me);
    const right = () => ({ clientSubmissionId: randomUUID(), answer: "3x^2", elapsedMs: 1000 });

    const anonymous = await sent(submission(id, right(), {}));
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error?.message).toBe("Sign in first.");

    const crossSite = await sent(submission(id, right(), { cookie, origin: "http://evil.localhost:3000" }));
    expect(crossSite.status).toBe(403);
    expect(crossSite.body.error?.code).toBe("CROSS_SITE");

    const malformed = await sent(submission(id, "{not json", { cookie }));
    expect(malformed.status).toBe(400);
    expect(malformed.body.error?.code).toBe("INVALID_INPUT");

    await getDb().user.update({ where: { id: me.id }, data: { sessionVersion: { increment: 1 } } });
    const ended = await sent(submission(id, right(), { cookie }));
    expect(ended.status).toBe(401);

    expect(await tries(id)).toBe(0);
  });

  it("another learner's problem and a forged id are not found, and nothing is recorded", async () => {
    const owner = await learner("direct-owner");
    const id = await started(owner);
    const intruder = await learner("direct-intruder");
    const cookie = await cookieOf(intruder);
    const body = { clientSubmissionId: randomUUID(), answer: (await keyOf(id)).answer, elapsedMs: 1000 };
    const theirs = await sent(submission(id, body, { cookie }));
    expect(theirs.status).toBe(404);
    expect(JSON.stringify(theirs.body)).not.toContain(String((await keyOf(id)).answer));
    const forged = await sent(
      submission("not-an-id", { ...body, clientSubmissionId: randomUUID() }, { cookie }),
    );
    expect(forged.status).toBe(404);
    expect(await tries(id)).toBe(0);
  });
});
