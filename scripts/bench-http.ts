// `npm run bench:http [-- --seconds 15 --connections 16 --learners 150]`: the production build under
// load on loopback, in one run:
//  1. graded answers: signed-in scale learners POST right answers to
//     /api/practice/instances/[id]/submit (the route the practice page uses; full feedback; answered
//     by the app's server before Next.js, lib/server/direct-routes.ts), each
//     request a fresh unfinished problem, so each one grades, records the submission, the review and
//     the card in one transaction;
//  2. GET /api/health (a trivial route of the same app: the framework's ceiling here), and a
//     signed-in GET of one problem (the session check plus one read);
//  3. pgbench on the same database (an indexed read of one learner's cards: the database's ceiling).
// Bounded in time (--seconds each) and in requests (the prepared problems). Starts the app itself
// (built when stale) on a free port against DATABASE_URL, which must hold the scale data set.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { freePort } from "@/lib/server/db/embedded";
import { buildIfStale } from "./build-if-stale";
import { signIn } from "./sign-in";
import { SCALE_PASSWORD } from "./seed-scale-constants";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i < 0 ? fallback : Number(process.argv[i + 1]);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return v;
}

const log = (m: string) => console.log(`[bench:http] ${m}`);

/** CPU time (ms) used so far by the app's processes (the launcher's descendants) and by PostgreSQL's
 * server processes (all of them: other databases on the same server count too), from /proc. */
function cpuNow(appPid: number): { app: number; db: number } {
  const procs: { pid: number; ppid: number; comm: string; ticks: number }[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const close = stat.lastIndexOf(")");
      const comm = stat.slice(stat.indexOf("(") + 1, close);
      const f = stat.slice(close + 2).split(" ");
      procs.push({ pid: Number(entry), ppid: Number(f[1]), comm, ticks: Number(f[11]) + Number(f[12]) });
    } catch {
      // the process ended meanwhile
    }
  }
  const inApp = new Set([appPid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of procs)
      if (!inApp.has(p.pid) && inApp.has(p.ppid)) {
        inApp.add(p.pid);
        grew = true;
      }
  }
  const tickMs = 10; // USER_HZ is 100 on Linux
  let app = 0;
  let db = 0;
  for (const p of procs) {
    if (inApp.has(p.pid)) app += p.ticks * tickMs;
    else if (p.comm === "postgres") db += p.ticks * tickMs;
  }
  return { app, db };
}

function summary(r: autocannon.Result) {
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    ok: r["2xx"],
    errors: r.errors + r.timeouts + r.non2xx,
    total: r.requests.total,
  };
}

async function main(): Promise<number> {
  const seconds = arg("seconds", 15);
  const connections = arg("connections", 16);
  // Each scale learner has 100 problems to copy (seed:scale's default): enough learners that the
  // answers do not run out before --seconds at up to 1,000 a second.
  const learners = arg("learners", Math.ceil((seconds * 1000) / 100));
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl)
    throw new Error("Set DATABASE_URL to the database holding the scale data set (npm run seed:scale).");
  if (!buildIfStale(log)) return 1;

  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const n = (
    await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "User" WHERE "email" LIKE 'scale-%'`)
  ).rows[0]!.n;
  if (n < learners) throw new Error(`Only ${n} scale learners; run npm run seed:scale first.`);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  log(`starting the production build on ${base}`);
  const app = spawn("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/start.ts"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      GD_DEMO: "0",
      GD_SIGNIN_MAX_PER_ACCOUNT: "100000",
      GD_SIGNIN_MAX_PER_ADDRESS: "100000",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  const scratch = mkdtempSync(path.join(tmpdir(), "gd-bench-"));
  try {
    for (let i = 0; i < 600; i++) {
      try {
        if ((await fetch(`${base}/api/health`)).status === 200) break;
      } catch {
        // not up yet
      }
      if (app.exitCode !== null) throw new Error("The app exited during start-up.");
      await new Promise((r) => setTimeout(r, 200));
    }

    // Learners spread over the data set, signed in through Auth.js like a browser.
    const ids = Array.from({ length: learners }, (_, k) => 1 + Math.floor((k * n) / learners));
    const cookies = new Map<string, string>();
    for (const i of ids) {
      const uid = (await db.query<{ id: string }>(`SELECT md5($1)::uuid AS id`, [`scale-${i}`])).rows[0]!.id;
      cookies.set(uid, await signIn(base, `scale-${i}@example.com`, SCALE_PASSWORD));
    }
    log(`${cookies.size} learners signed in`);

    // Fresh unfinished problems (copies of each learner's own issued problems), enough for the run.
    const perLearner = Math.ceil((seconds * 1000) / learners);
    const pool = (
      await db.query<{ id: string; userId: string; answer: string | string[] }>(
        `INSERT INTO "ProblemInstance" ("id", "userId", "skillId", "seed", "version", "problem", "issuedAt")
         SELECT gen_random_uuid(), p."userId", p."skillId", p."seed", p."version", p."problem", now()
         FROM unnest($1::uuid[]) u(id)
         CROSS JOIN LATERAL (SELECT * FROM "ProblemInstance" WHERE "userId" = u.id ORDER BY "issuedAt" LIMIT $2) p
         RETURNING "id", "userId", "problem"->'answer' AS "answer"`,
        [[...cookies.keys()], perLearner],
      )
    ).rows;
    // Interleave learners so that concurrent requests come from different learners.
    pool.sort((a, b) => (a.id < b.id ? -1 : 1));
    log(`${pool.length} problems prepared`);
    if (pool.length < seconds * 1000)
      log(
        `fewer problems than ${seconds * 1000}: above ${Math.floor(pool.length / seconds)} answers a second the run ends early (raise --learners)`,
      );

    // Bounded by time (--seconds) and by the prepared problems: the run stops when either runs out.
    let next = 0;
    const cpu0 = cpuNow(app.pid!);
    const answers = await new Promise<autocannon.Result>((resolve, reject) => {
      const run = autocannon(
        {
          url: base,
          connections,
          duration: seconds,
          requests: [
            {
              method: "POST",
              setupRequest: (req) => {
                if (next >= pool.length) {
                  run.stop();
                  return req;
                }
                const item = pool[next++]!;
                return {
                  ...req,
                  path: `/api/practice/instances/${item.id}/submit`,
                  headers: {
                    "content-type": "application/json",
                    origin: base,
                    cookie: cookies.get(item.userId)!,
                  },
                  body: JSON.stringify({
                    clientSubmissionId: crypto.randomUUID(),
                    answer: item.answer,
                    elapsedMs: 9000,
                  }),
                };
              },
            },
          ],
        },
        (error, result) =>
          error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result),
      );
    });
    const cpu1 = cpuNow(app.pid!);
    const sent = pool.slice(0, Math.min(next, pool.length)).map((p) => p.id);
    const graded = (
      await db.query<{ n: number; right: number }>(
        `SELECT count(*)::int AS n, (count(*) FILTER (WHERE "outcome" = 'right'))::int AS right
         FROM "Review" WHERE "instanceId" = ANY($1::uuid[])`,
        [sent],
      )
    ).rows[0]!;
    // Exactly once: one try per submitted problem, never two.
    const tries = (
      await db.query<{ n: number; twice: number }>(
        `SELECT count(*)::int AS n, (count(*) FILTER (WHERE c > 1))::int AS twice FROM (
           SELECT count(*) AS c FROM "Submission" WHERE "instanceId" = ANY($1::uuid[]) GROUP BY "instanceId") t`,
        [sent],
      )
    ).rows[0]!;

    const health = await autocannon({ url: `${base}/api/health`, connections, duration: seconds });
    const cpu2 = cpuNow(app.pid!);
    // A signed-in read of one problem (session check, one query, the view), through Next.js; the graded
    // answer above is answered by the app's server before Next.js (lib/server/direct-routes.ts).
    const first = pool[0]!;
    const read = await autocannon({
      url: `${base}/api/practice/instances/${first.id}`,
      connections,
      duration: seconds,
      headers: { cookie: cookies.get(first.userId)! },
    });
    const cpu3 = cpuNow(app.pid!);

    const script = path.join(scratch, "cards.sql");
    writeFileSync(
      script,
      `\\set id random(1, ${n})\nSELECT "skillId", "due", "stability" FROM "SkillCard" WHERE "userId" = md5('scale-' || :id)::uuid;\n`,
    );
    const bench = spawnSync(
      "pgbench",
      ["-n", "-f", script, "-c", String(connections), "-j", "2", "-T", String(seconds), "-r", databaseUrl],
      {
        encoding: "utf8",
      },
    );
    let pgTps = Number.NaN;
    let pgLatency = Number.NaN;
    if (bench.error) {
      log("pgbench is missing: apt-get install -y postgresql-client (it ships pgbench)");
    } else {
      pgTps = Number(/tps = ([\d.]+)/.exec(bench.stdout)?.[1]);
      pgLatency = Number(/latency average = ([\d.]+) ms/.exec(bench.stdout)?.[1]);
    }

    const a = summary(answers);
    const h = summary(health);
    const g = summary(read);
    console.log(
      "\n| measure | per second | p50 ms | p99 ms | requests | errors |\n|---|---|---|---|---|---|",
    );
    console.log(
      `| graded answers (POST submit) | ${a.rps.toFixed(0)} | ${a.p50} | ${a.p99} | ${a.total} | ${a.errors} |`,
    );
    console.log(`| GET /api/health | ${h.rps.toFixed(0)} | ${h.p50} | ${h.p99} | ${h.total} | ${h.errors} |`);
    console.log(
      `| GET one problem, signed in | ${g.rps.toFixed(0)} | ${g.p50} | ${g.p99} | ${g.total} | ${g.errors} |`,
    );
    console.log(`| pgbench (one learner's cards) | ${pgTps.toFixed(0)} | | avg ${pgLatency} | | |`);
    console.log(
      `\nWeb processes: ${process.env.WEB_CONCURRENCY ?? "1"} (WEB_CONCURRENCY).` +
        `\nReviews recorded for the submitted problems: ${graded.n} (${graded.right} right) of ${next} requests sent; ` +
        `problems with a recorded try: ${tries.n}, with more than one: ${tries.twice}.` +
        `\nCPU per request, app / PostgreSQL (ms): graded answer ${((cpu1.app - cpu0.app) / a.total).toFixed(2)} / ${((cpu1.db - cpu0.db) / a.total).toFixed(2)}; ` +
        `health ${((cpu2.app - cpu1.app) / h.total).toFixed(2)} / ${((cpu2.db - cpu1.db) / h.total).toFixed(2)}; ` +
        `signed-in read ${((cpu3.app - cpu2.app) / g.total).toFixed(2)} / ${((cpu3.db - cpu2.db) / g.total).toFixed(2)}.` +
        `\nGraded answers / signed-in read = ${(a.rps / g.rps).toFixed(2)} (target >= 0.8).` +
        `\nRatios: graded answers / health = ${(a.rps / h.rps).toFixed(3)}; graded answers / pgbench = ${(a.rps / pgTps).toFixed(3)}; health / pgbench = ${(h.rps / pgTps).toFixed(3)}.` +
        `\nTarget: >= 300 graded answers/s with p99 < 100 ms: ${a.rps >= 300 && a.p99 < 100 ? "met" : "NOT met"}.`,
    );
    return 0;
  } finally {
    await db.end();
    app.kill("SIGTERM");
    await new Promise((r) => app.once("exit", r));
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
