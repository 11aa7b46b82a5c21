// `npm run bench:gradebook [-- --students 200 --items 20 --runs 20]`: the server time and size of a
// set's gradebook page for a large class. Creates a scratch database on DATABASE_URL's server, seeds a
// teacher, a class of --students (with student numbers) and a published set of --items catalogue
// problems that every student has opened (most finished, right or wrong, one try each), starts the
// production build (built when stale) against it, signs the teacher in, and fetches the page and its
// JSON route --runs times each, one after the other. Drops the database afterwards.
import { spawn } from "node:child_process";
import pg from "pg";
import { SKILLS, generate } from "@/lib/problems";
import { hashPassword } from "@/lib/server/auth/password";
import { freePort } from "@/lib/server/db/embedded";
import { migrate } from "@/lib/server/db/migrate";
import { buildIfStale } from "./build-if-stale";
import { signIn } from "./sign-in";

const PASSWORD = "bench gradebook password";
const log = (m: string) => console.log(`[bench:gradebook] ${m}`);

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i < 0 ? fallback : Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} must be a positive whole number`);
  return v;
}

async function seed(url: string, students: number, items: number): Promise<string> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const hash = await hashPassword(PASSWORD);
    const one = async (sql: string, params: unknown[]) =>
      (await db.query<{ id: string }>(sql, params)).rows[0]!.id;
    const teacher = await one(
      `INSERT INTO "User" (id, email, "displayName", "passwordHash", role) VALUES (gen_random_uuid(), 'bench-teacher@example.com', 'Bench Teacher', $1, 'teacher') RETURNING id`,
      [hash],
    );
    const cls = await one(
      `INSERT INTO "Class" (id, "teacherId", name, "joinCode") VALUES (gen_random_uuid(), $1, 'Calculus 200', 'ACDEFGHJ') RETURNING id`,
      [teacher],
    );
    const users = (
      await db.query<{ id: string }>(
        `INSERT INTO "User" (id, email, "displayName", "passwordHash")
         SELECT gen_random_uuid(), 'student-' || i || '@uni.example', 'Student ' || (i % 150), $2
         FROM generate_series(1, $1) i RETURNING id`,
        [students, hash],
      )
    ).rows.map((r) => r.id);
    await db.query(
      `INSERT INTO "Enrollment" ("classId", "userId", "studentNumber")
       SELECT $1, u, 'S' || (100000 + n) FROM unnest($2::uuid[]) WITH ORDINALITY AS t(u, n)`,
      [cls, users],
    );
    const set = await one(
      `INSERT INTO "ProblemSet" (id, "classId", title, "dueAt", "publishedAt", "latePenaltyPct")
       VALUES (gen_random_uuid(), $1, 'Week 1', now() + interval '2 days', now(), 20) RETURNING id`,
      [cls],
    );
    const skills = SKILLS.slice(0, items).map((s) => s.id);
    const itemIds: string[] = [];
    for (const [position, skillId] of skills.entries())
      itemIds.push(
        await one(
          `INSERT INTO "ProblemSetItem" (id, "setId", position, "skillId", count) VALUES (gen_random_uuid(), $1, $2, $3, 1) RETURNING id`,
          [set, position, skillId],
        ),
      );
    let n = 0;
    for (const [u, userId] of users.entries()) {
      const rows: unknown[][] = [];
      for (const [k, itemId] of itemIds.entries()) {
        const g = generate(skills[k]!, 1 + u * 100 + k);
        if (!g.ok) continue;
        const finished = (u + k) % 7 !== 0;
        const right = (u * 3 + k) % 4 !== 0;
        rows.push([
          userId,
          skills[k],
          g.problem.seed,
          g.problem.version,
          JSON.stringify(g.problem),
          itemId,
          finished,
          right,
        ]);
      }
      const inserted = await db.query<{ id: string; finished: boolean; right: boolean; answer: string }>(
        `INSERT INTO "ProblemInstance" (id, "userId", "skillId", seed, version, problem, source, "assignmentItemId", copy,
           "triesUsed", "finishedAt", outcome, "durationMs")
         SELECT gen_random_uuid(), r."userId"::uuid, r."skillId", r.seed::int, r.version::int, r.problem::jsonb, 'assignment'::"InstanceSource",
           r."itemId"::uuid, 0, CASE WHEN r.finished THEN 1 ELSE 0 END,
           CASE WHEN r.finished THEN now() ELSE NULL END,
           CASE WHEN r.finished THEN (CASE WHEN r.right THEN 'right' ELSE 'wrong' END)::"InstanceOutcome" ELSE NULL END,
           CASE WHEN r.finished THEN 90000 ELSE NULL END
         FROM json_to_recordset($1::json) AS r("userId" text, "skillId" text, seed int, version int, problem text, "itemId" text, finished boolean, "right" boolean)
         RETURNING id, "finishedAt" IS NOT NULL AS finished, outcome = 'right' AS right, problem->>'answer' AS answer`,
        [
          JSON.stringify(
            rows.map(([userId, skillId, seed, version, problem, itemId, finished, right]) => ({
              userId,
              skillId,
              seed,
              version,
              problem,
              itemId,
              finished,
              right,
            })),
          ),
        ],
      );
      await db.query(
        `INSERT INTO "Submission" (id, "instanceId", "userId", "clientSubmissionId", "tryNumber", answer, status, correct, diagnosis, feedback, "elapsedMs")
         SELECT gen_random_uuid(), i.id::uuid, $1, gen_random_uuid()::text, 1, to_jsonb(COALESCE(i.answer, '0')), CASE WHEN i.right THEN 'right' ELSE 'wrong' END,
           i.right, CASE WHEN i.right THEN NULL ELSE 'sign_error' END, '{}'::jsonb, 90000
         FROM json_to_recordset($2::json) AS i(id text, finished boolean, "right" boolean, answer text) WHERE i.finished`,
        [userId, JSON.stringify(inserted.rows)],
      );
      n += inserted.rows.length;
    }
    log(`seeded ${users.length} students, ${itemIds.length} items, ${n} problems`);
    return set;
  } finally {
    await db.end();
  }
}

async function measure(url: string, cookie: string, runs: number) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs + 2; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { cookie, "accept-encoding": "identity" } });
    const body = await res.arrayBuffer();
    const ms = performance.now() - t0;
    if (res.status !== 200) throw new Error(`${url}: status ${res.status}`);
    if (i >= 2) times.push(ms); // the first two warm the route up
    bytes = body.byteLength;
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
  return { median: at(0.5), p90: at(0.9), bytes };
}

async function main(): Promise<number> {
  const students = arg("students", 200);
  const items = arg("items", 20);
  const runs = arg("runs", 20);
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl)
    throw new Error("Set DATABASE_URL to a PostgreSQL server where a scratch database may be created.");
  if (!buildIfStale(log)) return 1;
  const name = `gd_bench_gradebook_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const app = { proc: null as ReturnType<typeof spawn> | null };
  try {
    await migrate(url.toString());
    const setId = await seed(url.toString(), students, items);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    app.proc = spawn("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/start.ts"], {
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        DATABASE_URL: url.toString(),
        PORT: String(port),
        HOST: "127.0.0.1",
        GD_DEMO: "0",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    });
    for (let i = 0; i < 600; i++) {
      try {
        if ((await fetch(`${base}/api/health`)).status === 200) break;
      } catch {
        // not up yet
      }
      if (app.proc.exitCode !== null) throw new Error("The app exited during start-up.");
      await new Promise((r) => setTimeout(r, 200));
    }
    const cookie = await signIn(base, "bench-teacher@example.com", PASSWORD);
    const page = await measure(`${base}/teacher/sets/${setId}/gradebook`, cookie, runs);
    const sorted = await measure(
      `${base}/teacher/sets/${setId}/gradebook?sort=score&dir=desc&page=2`,
      cookie,
      runs,
    );
    const json = await measure(`${base}/api/teacher/sets/${setId}/gradebook`, cookie, runs);
    const kb = (b: number) => `${(b / 1024).toFixed(0)} KiB`;
    log(`${students} students x ${items} items, ${runs} requests each, one at a time:`);
    log(
      `page (first 50 rows):      median ${page.median.toFixed(0)} ms, p90 ${page.p90.toFixed(0)} ms, ${kb(page.bytes)} HTML`,
    );
    log(
      `page sorted, page 2:       median ${sorted.median.toFixed(0)} ms, p90 ${sorted.p90.toFixed(0)} ms, ${kb(sorted.bytes)} HTML`,
    );
    log(
      `JSON route (all rows):     median ${json.median.toFixed(0)} ms, p90 ${json.p90.toFixed(0)} ms, ${kb(json.bytes)}`,
    );
    return 0;
  } finally {
    if (app.proc && app.proc.exitCode === null) {
      app.proc.kill("SIGTERM");
      await new Promise((r) => app.proc!.once("exit", r));
    }
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
