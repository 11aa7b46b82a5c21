// `npm run seed:scale -- --learners N [--reviews-per-learner R] [--cards-per-learner C]`: a realistic
// data set for benchmarks, loaded in bulk with set-based SQL (generate_series, INSERT ... SELECT), never
// row by row. Default N = 100,000 learners, each with C = 10 skill cards and R = 100 reviews (so
// 1,000,000 SkillCards and 10,000,000 Reviews), each review with its finished ProblemInstance (the
// Review -> ProblemInstance foreign key is required). Problems are real generated problems (a pool of
// variants per skill), so the instances can be graded.
// Uses DATABASE_URL, or the embedded database. Learners are scale-<i>@example.com with the password
// below and ids md5('scale-<i>')::uuid, so benchmarks can address them without a lookup.
import pg from "pg";
import { SKILLS, generate } from "@/lib/problems";
import { hashPassword } from "@/lib/server/auth/password";
import { databaseEnv } from "@/lib/server/env";
import { applyEnvironmentDefaults, runCommand, withDatabase } from "@/lib/server/runtime";

import { SCALE_PASSWORD } from "./seed-scale-constants";
const VARIANTS = 8;
const TIMEZONES = [
  "UTC",
  "Europe/Paris",
  "America/New_York",
  "Asia/Tokyo",
  "America/Los_Angeles",
  "Australia/Sydney",
];

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isSafeInteger(v) || v < 1) throw new Error(`--${name} must be a whole number >= 1`);
  return v;
}

const secs = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);

runCommand(async () => {
  const learners = arg("learners", 100_000);
  const cardsPer = Math.min(arg("cards-per-learner", 10), SKILLS.length);
  const reviewsPer = arg("reviews-per-learner", 100);
  const batch = arg("batch", 5_000);
  applyEnvironmentDefaults(() => {});
  await withDatabase(async () => {
    const client = new pg.Client({ connectionString: databaseEnv().DATABASE_URL });
    await client.connect();
    const q = async (label: string, sql: string, params: unknown[] = []) => {
      const t0 = performance.now();
      const r = await client.query(sql, params);
      console.log(`  ${label}: ${r.rowCount ?? 0} rows in ${secs(t0)} s`);
      return r;
    };
    const start = performance.now();
    let rebuildOnError: (() => Promise<void>) | null = null;
    try {
      const existing = await client.query(
        `SELECT count(*)::int AS n FROM "User" WHERE "email" LIKE 'scale-%@example.com'`,
      );
      if ((existing.rows[0] as { n: number }).n > 0) {
        console.log("Removing the previous scale data set...");
        await q("delete learners (cascade)", `DELETE FROM "User" WHERE "email" LIKE 'scale-%@example.com'`);
      }

      // Problem templates: VARIANTS real generated problems per skill, in catalogue order.
      await client.query(
        `CREATE TEMP TABLE scale_problem (skill_no int, variant int, skill_id text, version int, problem jsonb)`,
      );
      const rows: unknown[] = [];
      SKILLS.forEach((s, i) => {
        for (let v = 0; v < VARIANTS; v++) {
          const g = generate(s.id, 1000 + v);
          if (!g.ok) throw new Error(`${s.id}: ${g.error.message}`);
          rows.push([i, v, s.id, g.problem.version, JSON.stringify(g.problem)]);
        }
      });
      await client.query(
        `INSERT INTO scale_problem SELECT * FROM json_to_recordset($1::json) AS x(skill_no int, variant int, skill_id text, version int, problem jsonb)`,
        [
          JSON.stringify(
            rows.map((r) => {
              const [skill_no, variant, skill_id, version, problem] = r as [
                number,
                number,
                string,
                number,
                string,
              ];
              return { skill_no, variant, skill_id, version, problem: JSON.parse(problem) as unknown };
            }),
          ),
        ],
      );

      // Secondary indexes are built once after the load (much faster than maintaining them per row).
      const idx = await client.query<{ indexname: string; indexdef: string }>(`
        SELECT indexname, indexdef FROM pg_indexes
        WHERE schemaname = 'public' AND tablename IN ('ProblemInstance', 'Review', 'SkillCard', 'Submission')
          AND indexname NOT LIKE '%_pkey'`);
      const rebuild = async () => {
        for (const i of idx.rows) {
          await q(
            i.indexname,
            i.indexdef.replace(/^CREATE (UNIQUE )?INDEX /, "CREATE $1INDEX IF NOT EXISTS "),
          );
        }
      };
      rebuildOnError = rebuild;
      for (const i of idx.rows) await client.query(`DROP INDEX "${i.indexname}"`);
      // Rows are consistent by construction; skipping per-row foreign-key triggers during the load.
      await client.query(`SET session_replication_role = replica`);

      console.log(
        `Seeding ${learners} learners x ${cardsPer} cards x ${reviewsPer} reviews (batches of ${batch})...`,
      );
      const hash = await hashPassword(SCALE_PASSWORD);
      await q(
        "learners",
        `INSERT INTO "User" ("id", "email", "displayName", "passwordHash", "role", "timezone", "settingsSavedAt")
         SELECT md5('scale-' || g)::uuid, 'scale-' || g || '@example.com', 'Learner ' || g, $2, 'learner',
                ($3::text[])[1 + g % cardinality($3::text[])], now()
         FROM generate_series(1, $1::int) g`,
        [learners, hash, TIMEZONES],
      );

      for (let from = 1; from <= learners; from += batch) {
        const to = Math.min(learners, from + batch - 1);
        const t0 = performance.now();
        // The first C catalogue skills (their prerequisites come earlier in the catalogue). Most are
        // in Review, some overdue, some due later; stability and difficulty spread over FSRS's range.
        await client.query(
          `INSERT INTO "SkillCard" ("userId", "skillId", "due", "stability", "difficulty", "elapsedDays", "scheduledDays",
                                    "learningSteps", "reps", "lapses", "state", "lastReview", "lastRating")
           SELECT md5('scale-' || g)::uuid, p.skill_id,
                  now() + ((hashint % 40) - 8) * interval '1 day' + (hashint % 86400) * interval '1 second',
                  1 + (hashint % 600) / 10.0, 1 + (hashint % 90) / 10.0, hashint % 30, 1 + hashint % 45, 0,
                  $4::int / $5::int, hashint % 3,
                  (CASE WHEN hashint % 10 = 0 THEN 'Relearning' ELSE 'Review' END)::"CardStateName",
                  now() - (1 + hashint % 30) * interval '1 day',
                  (CASE WHEN hashint % 10 = 0 THEN 'Again' ELSE 'Good' END)::"RatingName"
           FROM generate_series($1::int, $2::int) g
           CROSS JOIN LATERAL (SELECT skill_id, skill_no FROM scale_problem WHERE variant = 0 AND skill_no < $3::int) p
           CROSS JOIN LATERAL (SELECT abs(hashtext(g || ':' || p.skill_no)) AS hashint) h`,
          [from, to, cardsPer, reviewsPer, cardsPer],
        );
        // R finished problems per learner over the last R days (one to a few a day), 80% right, and the
        // one review each yields, in one statement.
        await client.query(
          `WITH inst AS (
             INSERT INTO "ProblemInstance" ("id", "userId", "skillId", "seed", "version", "problem", "source", "maxTries",
                                            "triesUsed", "issuedAt", "finishedAt", "outcome", "durationMs")
             SELECT md5('scale-' || g || '-' || i)::uuid, md5('scale-' || g)::uuid, p.skill_id, 1000 + p.variant, p.version,
                    p.problem, 'practice', 2, CASE WHEN hh.h % 5 = 0 THEN 2 ELSE 1 END,
                    now() - (i * interval '21 hours') - interval '40 seconds',
                    now() - (i * interval '21 hours'),
                    (CASE WHEN hh.h % 5 = 0 THEN 'wrong' ELSE 'right' END)::"InstanceOutcome", 5000 + hh.h % 60000
             FROM generate_series($1::int, $2::int) g
             CROSS JOIN generate_series(1, $3::int) i
             CROSS JOIN LATERAL (SELECT abs(hashtext(g || ':' || i)) AS h) hh
             JOIN scale_problem p ON p.skill_no = i % $4::int AND p.variant = hh.h % ${VARIANTS}
             RETURNING "id", "userId", "skillId", "outcome", "triesUsed", "durationMs", "finishedAt"
           )
           INSERT INTO "Review" ("userId", "skillId", "instanceId", "rating", "outcome", "tries", "hintUsed", "durationMs",
                                 "stateBefore", "stateAfter", "elapsedDays", "scheduledDays", "reviewedAt")
           SELECT "userId", "skillId", "id",
                  (CASE WHEN "outcome" = 'wrong' THEN 'Again' ELSE 'Good' END)::"RatingName",
                  "outcome", "triesUsed", false, "durationMs",
                  jsonb_build_object('state', 'Review', 'stability', 4.2, 'difficulty', 5.1, 'reps', 3, 'lapses', 0),
                  jsonb_build_object('state', 'Review', 'stability', 9.7, 'difficulty', 5.0, 'reps', 4, 'lapses', 0),
                  1, 3, "finishedAt"
           FROM inst`,
          [from, to, reviewsPer, cardsPer],
        );
        const done = to;
        const rate = (done / ((performance.now() - start) / 1000)).toFixed(0);
        console.log(`  learners ${from}..${to} in ${secs(t0)} s (${rate} learners/s overall)`);
      }
      await client.query(`SET session_replication_role = DEFAULT`);
      console.log("Building indexes...");
      await rebuild();
      console.log("VACUUM ANALYZE...");
      for (const t of ["User", "SkillCard", "ProblemInstance", "Review"]) await q(t, `VACUUM ANALYZE "${t}"`);
      const counts = await client.query(`
        SELECT (SELECT count(*) FROM "User" WHERE "email" LIKE 'scale-%') AS learners,
               (SELECT count(*) FROM "SkillCard") AS cards,
               (SELECT count(*) FROM "ProblemInstance") AS instances,
               (SELECT count(*) FROM "Review") AS reviews,
               pg_size_pretty(pg_database_size(current_database())) AS size`);
      console.log(counts.rows[0]);
      console.log(`Seeded in ${secs(start)} s.`);
      rebuildOnError = null;
    } catch (error) {
      // Never leave the tables without their indexes.
      if (rebuildOnError) {
        await client.query(`SET session_replication_role = DEFAULT`);
        await rebuildOnError();
      }
      throw error;
    } finally {
      await client.end();
    }
  });
  return 0;
});
