// `npm run bench:answer [-- --iterations 2000]`: the CPU time of one graded answer's parts in the app
// process, without HTTP, on the scale data set (`npm run seed:scale`): the session check (cookie
// decryption and the user read), submitAnswer as a whole (read, grade, FSRS, record_try, the view),
// and its pure parts (grading, the finished view, the JSON of the response), in microseconds of this
// process's CPU per call (process.cpuUsage: on a shared machine a fairer figure than wall time).
// Each submitted answer is the key of a fresh unfinished copy of one of the learner's problems.
import { randomUUID } from "node:crypto";
import { decode, encode } from "next-auth/jwt";
import pg from "pg";
import { type Problem, grade } from "@/lib/problems";
import { closeDb } from "@/lib/server/db/client";
import { submitAnswer } from "@/lib/server/practice/practice";
import { toView } from "@/lib/server/practice/view";
import { applyEnvironmentDefaults, runCommand, withDatabase } from "@/lib/server/runtime";
import { readSessionUser } from "@/lib/server/session-user";
import { decodeSessionToken } from "@/lib/server/session-token";
import type { ActingUser } from "@/lib/server/users/user.types";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i < 0 ? fallback : Number(process.argv[i + 1]);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return v;
}

/** CPU microseconds per call of `run` over `n` calls (after `n / 10` warm-up calls). */
async function cpuPerCall(n: number, run: (i: number) => unknown): Promise<number> {
  for (let i = 0; i < Math.max(1, Math.floor(n / 10)); i++) await run(i);
  const t0 = process.cpuUsage();
  for (let i = 0; i < n; i++) await run(i);
  const t = process.cpuUsage(t0);
  return (t.user + t.system) / n;
}

runCommand(async () => {
  const n = arg("iterations", 2000);
  applyEnvironmentDefaults(() => {});
  await withDatabase(async () => {
    const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      const learners = (
        await db.query<ActingUser & { sv: number }>(
          `SELECT "id", "email", "displayName", "role"::text AS "role", "sessionVersion" AS "sv"
           FROM "User" WHERE "email" LIKE 'scale-%' ORDER BY "email" LIMIT 60`,
        )
      ).rows;
      if (learners.length === 0) throw new Error("No scale learners: run `npm run seed:scale` first.");
      // Fresh unfinished copies of the learners' own problems, one per answer submitted below.
      const per = Math.ceil((n * 1.1 + 10) / learners.length);
      const problems = (
        await db.query<{ id: string; userId: string; problem: Problem }>(
          `INSERT INTO "ProblemInstance" ("id", "userId", "skillId", "seed", "version", "problem", "issuedAt")
           SELECT gen_random_uuid(), p."userId", p."skillId", p."seed", p."version", p."problem", now()
           FROM unnest($1::uuid[]) u(id)
           CROSS JOIN LATERAL (SELECT * FROM "ProblemInstance" WHERE "userId" = u.id ORDER BY "issuedAt" LIMIT $2) p
           RETURNING "id", "userId", "problem"`,
          [learners.map((l) => l.id), per],
        )
      ).rows.sort((a, b) => (a.id < b.id ? -1 : 1));
      const actors = new Map(learners.map((l) => [l.id, l]));
      const secret = process.env.AUTH_SECRET ?? "a-secret-of-at-least-32-characters-for-the-bench";
      const salt = "authjs.session-token";
      const tokens = await Promise.all(
        learners.map((l) => encode({ token: { sub: l.id, sv: l.sv }, secret, salt })),
      );

      const rows: [string, number][] = [];
      const part = async (name: string, run: (i: number) => unknown) => {
        const us = await cpuPerCall(n, run);
        rows.push([name, us]);
        console.log(`| ${name} | ${us.toFixed(0)} |`);
      };
      console.log(`| part of a graded answer (${n} calls) | CPU µs per call |\n|---|---|`);
      await part("session cookie decrypted (Auth.js decode, every call)", (i) =>
        decode({ token: tokens[i % tokens.length]!, secret, salt }),
      );
      await part("session cookie decrypted (the app's decode)", (i) =>
        decodeSessionToken({ token: tokens[i % tokens.length]!, secret, salt }),
      );
      await part("session user read (pool)", (i) =>
        readSessionUser({
          id: learners[i % learners.length]!.id,
          sessionVersion: learners[i % learners.length]!.sv,
        }),
      );
      await part("grading (the key as answer)", (i) => {
        const p = problems[i % problems.length]!.problem;
        return grade(p, p.answer);
      });
      const finished = (i: number) => {
        const p = problems[i % problems.length]!;
        return {
          id: p.id,
          skillId: p.problem.skill,
          problem: p.problem,
          maxTries: 3,
          triesUsed: 1,
          hintUsedAt: null,
          hintsTaken: 0,
          issuedAt: new Date(),
          finishedAt: new Date(),
          outcome: "right" as const,
        };
      };
      await part("the finished problem's view (key, solution, picture)", (i) => toView(finished(i), []));
      const sample = JSON.stringify(toView(finished(0), []));
      await part("the view's JSON", (i) => JSON.stringify(toView(finished(i), [])).length);
      let next = 0;
      await part("submitAnswer as a whole (right answer, finishes the problem)", async () => {
        const p = problems[next++]!;
        const r = await submitAnswer({
          actor: actors.get(p.userId)!,
          instanceId: p.id,
          input: { clientSubmissionId: randomUUID(), answer: p.problem.answer, elapsedMs: 9000 },
        });
        if (r.kind !== "graded" || !r.feedback.correct) throw new Error(`not graded right: ${r.kind}`);
      });
      const sizes = problems.slice(0, 200).map((_, i) => JSON.stringify(toView(finished(i), [])).length);
      console.log(
        `\nA finished problem's view: ${Math.round(sizes.reduce((s, x) => s + x, 0) / sizes.length)} bytes of JSON on average (first: ${sample.length}).`,
      );
    } finally {
      await db.end();
      await closeDb();
    }
  });
  return 0;
});
