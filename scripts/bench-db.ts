// `npm run bench:db [-- --iterations 2000 --plans docs-plans.md]`: latency of the three database paths
// that matter, on the scale data set (`npm run seed:scale`), through the real data functions:
//  1. the drill's next problem (what /today/drill and the practice page read: getDrill, then the
//     problem's view with getInstance), after the learner's drill of today is started (startDrill,
//     untimed; "one more" when the drill is done),
//  2. recording a review (submitAnswer with a right answer to that problem: read, grade, FSRS,
//     record_try: the try, the problem, the card and the review),
//  3. the progress page's data (getProgress).
// Prints p50/p95/p99 and the EXPLAIN (ANALYZE) plan of every distinct statement each path sends
// (through the ORM or the pool), flagging any sequential scan. Uses DATABASE_URL (or the embedded
// database).
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { Problem } from "@/lib/problems";
import { closeDb, getDb, getPool } from "@/lib/server/db/client";
import { getInstance, submitAnswer } from "@/lib/server/practice/practice";
import { applyEnvironmentDefaults, runCommand, withDatabase } from "@/lib/server/runtime";
import { getDrill, getProgress, oneMore, startDrill } from "@/lib/server/scheduling/scheduling";
import type { ActingUser } from "@/lib/server/users/user.types";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : (process.argv[i + 1] ?? fallback);
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

let capture: { query: string; params: string }[] | null = null;
/** Whether the statements sent now belong to a timed part (setup statements are not listed). */
let timed = false;

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
    client.$on("query", (e) => {
      if (timed) capture?.push({ query: e.query, params: e.params });
    });
    (globalThis as unknown as { gradientDrillPrisma?: PrismaClient }).gradientDrillPrisma = client;
    // The statements the hot paths send on the pool, captured the same way.
    const pool = getPool();
    const send = pool.query.bind(pool) as (config: unknown, values?: unknown) => Promise<unknown>;
    (pool as unknown as { query: typeof send }).query = (config, values) => {
      if (capture && timed) {
        const c = config as string | { text: string; values?: unknown[] };
        capture.push(
          typeof c === "string"
            ? { query: c, params: JSON.stringify(values ?? []) }
            : { query: c.text, params: JSON.stringify(c.values ?? []) },
        );
      }
      return send(config, values);
    };

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

    // The learner whose drill's next problem was just read, and that problem, for the review after it.
    let current: { actor: ActingUser; instanceId: string } | null = null;
    const paths: Record<string, () => Promise<number>> = {
      "next problem (the drill's next: getDrill + getInstance)": async () => {
        const actor = await randomActor();
        const started = await startDrill({ actor });
        if (!started?.next) await oneMore({ actor });
        timed = true;
        const t0 = performance.now();
        const drill = await getDrill({ actor });
        const next = drill?.next;
        if (!next) throw new Error("the drill has no next problem");
        const view = await getInstance({ actor, instanceId: next.instanceId });
        const ms = performance.now() - t0;
        timed = false;
        if (view.finished) throw new Error("the drill's next problem is finished");
        current = { actor, instanceId: view.id };
        return ms;
      },
      "record a review (submitAnswer, right answer to the drill's problem)": async () => {
        const { actor, instanceId } = current!;
        current = null;
        const row = await getDb().problemInstance.findUniqueOrThrow({
          where: { id: instanceId },
          select: { problem: true },
        });
        const answer = (row.problem as unknown as Problem).answer;
        timed = true;
        const t0 = performance.now();
        const r = await submitAnswer({
          actor,
          instanceId,
          input: { clientSubmissionId: randomUUID(), answer, elapsedMs: 9000 },
        });
        const ms = performance.now() - t0;
        timed = false;
        if (r.kind !== "graded" || !r.feedback.correct) throw new Error("the key was not graded right");
        return ms;
      },
      "progress data (getProgress)": async () => {
        const actor = await randomActor();
        timed = true;
        const t0 = performance.now();
        await getProgress({ actor });
        timed = false;
        return performance.now() - t0;
      },
    };

    const results: string[] = [];
    const statements = new Map<string, { path: string; query: string; params: string }>();
    // The first two paths alternate (a review records the answer to the problem just read); each
    // path's times are its own.
    const groups = [Object.keys(paths).slice(0, 2), Object.keys(paths).slice(2)];
    for (const names of groups) {
      const round = async (times: Map<string, number[]> | null) => {
        for (const name of names) {
          const ms = await paths[name]!();
          times?.get(name)!.push(ms);
        }
      };
      for (let i = 0; i < Math.min(100, iterations); i++) await round(null); // warm-up
      const times = new Map(names.map((n) => [n, [] as number[]]));
      for (let i = 0; i < iterations; i++) await round(times);
      for (const name of names) {
        const t = times.get(name)!.sort((a, b) => a - b);
        const line = `| ${name} | ${iterations} | ${pct(t, 50).toFixed(2)} | ${pct(t, 95).toFixed(2)} | ${pct(t, 99).toFixed(2)} | ${t.at(-1)!.toFixed(1)} |`;
        results.push(line);
        console.log(line);
      }
      for (const name of names) {
        capture = [];
        await paths[name]!();
        for (const s of capture as { query: string; params: string }[]) {
          if (/^(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i.test(s.query.trim())) continue;
          if (!statements.has(s.query)) statements.set(s.query, { path: name, ...s });
        }
        capture = null;
      }
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
      // Arrays stay arrays (text[] and uuid[] parameters); other objects are JSON (jsonb parameters).
      const values = params.map((p) =>
        p !== null && typeof p === "object" && !Array.isArray(p) ? JSON.stringify(p) : p,
      );
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
