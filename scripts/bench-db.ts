// `npm run bench:db [-- --iterations 2000 --plans docs-plans.md]`: latency of the three database paths
// that matter, on the scale data set (`npm run seed:scale`), through the real data functions:
//  1. the day's drill (startDrill: queue from the cards, then the drill of today read back; the first
//     call of a learner's day also writes the drill and issues its problems),
//  2. recording a review (submitAnswer with a right answer: grade, lock, submission, card, review),
//  3. the progress page's data (getProgress).
// Prints p50/p95/p99 and the EXPLAIN (ANALYZE) plan of every distinct statement each path sends,
// flagging any sequential scan. Uses DATABASE_URL (or the embedded database).
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { Problem } from "@/lib/problems";
import { closeDb, getDb } from "@/lib/server/db/client";
import { startInstance, submitAnswer } from "@/lib/server/practice/practice";
import { applyEnvironmentDefaults, runCommand, withDatabase } from "@/lib/server/runtime";
import { getProgress, startDrill } from "@/lib/server/scheduling/scheduling";
import type { ActingUser } from "@/lib/server/users/user.types";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : (process.argv[i + 1] ?? fallback);
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

let capture: { query: string; params: string }[] | null = null;

runCommand(async () => {
  const iterations = Number(arg("iterations", "2000"));
  const plansOut = arg("plans", "");
  applyEnvironmentDefaults(() => {});
  await withDatabase(async () => {
    await closeDb();
    // The app's client, with query events on, so the plans are those of the statements really sent.
    const client = new PrismaClient({
      adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 10 }),
      log: [{ emit: "event", level: "query" }],
    });
    client.$on("query", (e) => capture?.push({ query: e.query, params: e.params }));
    (globalThis as unknown as { gradientDrillPrisma?: PrismaClient }).gradientDrillPrisma = client;

    const learners = await getDb().user.count({ where: { email: { startsWith: "scale-" } } });
    if (learners === 0) throw new Error("No scale learners: run `npm run seed:scale -- --learners N` first.");
    const cards = await getDb().skillCard.count();
    const reviews = await getDb().review.count();
    console.log(`Data set: ${learners} scale learners, ${cards} skill cards, ${reviews} reviews.`);
    const actorOf = async (i: number): Promise<ActingUser> => {
      const rows = await getDb().$queryRaw<ActingUser[]>`
        SELECT "id", "email", "displayName", "role"::text AS "role" FROM "User" WHERE "id" = md5(${`scale-${i}`})::uuid`;
      return rows[0]!;
    };
    const randomActor = () => actorOf(1 + Math.floor(Math.random() * learners));

    const paths: Record<string, () => Promise<number>> = {
      "the day's drill (startDrill)": async () => {
        const actor = await randomActor();
        const t0 = performance.now();
        await startDrill({ actor });
        return performance.now() - t0;
      },
      "record a review (submitAnswer, right answer)": async () => {
        const actor = await randomActor();
        const view = await startInstance({ actor, input: { skillId: "limit-direct-substitution" } });
        const row = await getDb().problemInstance.findUniqueOrThrow({
          where: { id: view.id },
          select: { problem: true },
        });
        const answer = (row.problem as unknown as Problem).answer;
        const t0 = performance.now();
        const r = await submitAnswer({
          actor,
          instanceId: view.id,
          input: { clientSubmissionId: randomUUID(), answer, elapsedMs: 9000 },
        });
        const ms = performance.now() - t0;
        if (!r.feedback.correct) throw new Error("the key was not graded right");
        return ms;
      },
      "progress data (getProgress)": async () => {
        const actor = await randomActor();
        const t0 = performance.now();
        await getProgress({ actor });
        return performance.now() - t0;
      },
    };

    const results: string[] = [];
    const statements = new Map<string, { path: string; query: string; params: string }>();
    for (const [name, run] of Object.entries(paths)) {
      for (let i = 0; i < Math.min(100, iterations); i++) await run(); // warm-up
      const times: number[] = [];
      for (let i = 0; i < iterations; i++) times.push(await run());
      times.sort((a, b) => a - b);
      const line = `| ${name} | ${iterations} | ${pct(times, 50).toFixed(2)} | ${pct(times, 95).toFixed(2)} | ${pct(times, 99).toFixed(2)} | ${times.at(-1)!.toFixed(1)} |`;
      results.push(line);
      console.log(line);
      capture = [];
      await run();
      for (const s of capture as { query: string; params: string }[]) {
        if (/^(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i.test(s.query.trim())) continue;
        if (!statements.has(s.query)) statements.set(s.query, { path: name, ...s });
      }
      capture = null;
    }

    // EXPLAIN ANALYZE every distinct statement (writes inside a rolled-back transaction).
    const pgc = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await pgc.connect();
    const plans: string[] = [];
    let seqScans = 0;
    for (const s of statements.values()) {
      if (/^\s*INSERT/i.test(s.query)) {
        plans.push(`#### ${s.path} (insert)\n\n\`\`\`sql\n${s.query}\n\`\`\`\n`);
        continue;
      }
      const params = JSON.parse(s.params) as unknown[];
      const values = params.map((p) => (p !== null && typeof p === "object" ? JSON.stringify(p) : p));
      await pgc.query("BEGIN");
      try {
        const r = await pgc.query<{ "QUERY PLAN": string }>(
          `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) ${s.query}`,
          values,
        );
        const plan = r.rows.map((x) => x["QUERY PLAN"]).join("\n");
        const seq = /Seq Scan/.test(plan);
        if (seq) seqScans++;
        plans.push(
          `#### ${s.path}${seq ? " (SEQUENTIAL SCAN)" : ""}\n\n\`\`\`sql\n${s.query}\n\`\`\`\n\n\`\`\`\n${plan}\n\`\`\`\n`,
        );
      } catch (error) {
        plans.push(
          `#### ${s.path}\n\n\`\`\`sql\n${s.query}\n\`\`\`\n\n(not explained: ${error instanceof Error ? error.message : String(error)})\n`,
        );
      } finally {
        await pgc.query("ROLLBACK");
      }
    }
    await pgc.end();
    console.log(`\n${statements.size} distinct statements explained; ${seqScans} with a sequential scan.`);
    const header = "| path | runs | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|";
    const report = `${header}\n${results.join("\n")}\n\n${plans.join("\n")}`;
    if (plansOut) {
      writeFileSync(plansOut, report);
      console.log(`Plans written to ${plansOut}`);
    }
  });
  return 0;
});
