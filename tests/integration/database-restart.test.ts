// The database goes away in the middle of a stream of graded answers and comes back: every answer the
// app acknowledged (200) is in the database afterwards, every one it refused (503, with the clear
// message) is not, and the app recovers by itself, without a restart of its own. The app's pool points
// at an embedded PostgreSQL of this test's own, stopped and started on the same port mid-stream.
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb, getDb } from "@/lib/server/db/client";
import { freePort, scratchDir, startEmbedded, type EmbeddedDatabase } from "@/lib/server/db/embedded";
import { migrate } from "@/lib/server/db/migrate";
import { startInstance } from "@/lib/server/practice/practice";
import type { ActingUser } from "@/lib/server/users/user.types";
import { appPost, keyOf, learner } from "./helpers";

const session = vi.hoisted(() => ({ user: null as ActingUser | null }));
vi.mock("@/lib/server/session", () => ({ getCurrentUser: () => Promise.resolve(session.user) }));
const submitRoute = await import("@/app/api/practice/instances/[id]/submit/route");
const healthRoute = await import("@/app/api/health/route");

const dir = scratchDir("gd-restart-");
const baseDir = path.join(dir, "postgres");
let port = 0;
let server: EmbeddedDatabase;
const suiteUrl = process.env.DATABASE_URL;

async function startServer(): Promise<EmbeddedDatabase> {
  return startEmbedded({ baseDir, port, log: () => {} });
}

beforeAll(async () => {
  port = await freePort();
  server = await startServer();
  await migrate(server.url);
  await closeDb();
  process.env.DATABASE_URL = server.url;
}, 120_000);

afterAll(async () => {
  await closeDb();
  await server.stop();
  process.env.DATABASE_URL = suiteUrl;
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

interface Sent {
  clientSubmissionId: string;
  instanceId: string;
  status: number;
  code?: string;
  message?: string;
}

async function submit(instanceId: string, answer: unknown): Promise<Sent> {
  const clientSubmissionId = randomUUID();
  const response = await submitRoute.POST(appPost({ clientSubmissionId, answer, elapsedMs: 3000 }), {
    params: Promise.resolve({ id: instanceId }),
  });
  const body = (await response.json()) as { error?: { code: string; message: string } };
  return { clientSubmissionId, instanceId, status: response.status, ...body.error };
}

describe("a database restart in the middle of a stream of submissions", () => {
  it("loses nothing acknowledged, records nothing refused, answers 503 meanwhile and recovers alone", async () => {
    const me = await learner("restart");
    session.user = me;
    const problems: { id: string; answer: unknown }[] = [];
    for (let i = 0; i < 30; i++) {
      const view = await startInstance({ actor: me, input: { skillId: "derivative-power-rule" } });
      problems.push({ id: view.id, answer: (await keyOf(view.id)).answer });
    }

    const sent: Sent[] = [];
    const health: number[] = [];
    for (const [i, p] of problems.entries()) {
      if (i === 10) {
        await server.stop();
        // Idle pooled connections learn of the shutdown while idle: that must not end the process.
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      if (i === 20) server = await startServer();
      sent.push(await submit(p.id, p.answer));
      if (i === 15 || i === 25) health.push((await healthRoute.GET()).status);
    }

    // Before the stop and after the start: acknowledged. While the server was away: 503 and the reason.
    expect(sent.slice(0, 10).map((s) => s.status)).toEqual(Array(10).fill(200));
    for (const s of sent.slice(10, 20)) {
      expect(s.status).toBe(503);
      expect(s.code).toBe("DATABASE_UNAVAILABLE");
      expect(s.message).toBe("The database is not answering; nothing was saved. Try again in a moment.");
    }
    expect(sent.slice(20).map((s) => s.status)).toEqual(Array(10).fill(200));
    expect(health).toEqual([503, 200]);

    // After the restart, the database holds exactly what was acknowledged.
    const stored = await getDb().submission.findMany({
      where: { userId: me.id },
      select: { clientSubmissionId: true },
    });
    const ids = new Set(stored.map((s) => s.clientSubmissionId));
    const acknowledged = sent.filter((s) => s.status === 200);
    const refused = sent.filter((s) => s.status !== 200);
    expect(acknowledged.every((s) => ids.has(s.clientSubmissionId))).toBe(true);
    expect(refused.some((s) => ids.has(s.clientSubmissionId))).toBe(false);
    expect(ids.size).toBe(20);
    // Each acknowledged right answer finished its problem, with one review; the refused ones did not.
    const finished = await getDb().problemInstance.count({
      where: { userId: me.id, finishedAt: { not: null } },
    });
    expect(finished).toBe(20);
    expect(await getDb().review.count({ where: { userId: me.id } })).toBe(20);

    // A refused answer sent again (a new try, as the learner's retry is) now goes through.
    const retry = await submit(sent[10]!.instanceId, problems[10]!.answer);
    expect(retry.status).toBe(200);
  }, 180_000);
});
