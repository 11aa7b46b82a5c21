// Backup and restore against a real PostgreSQL: a database filled through the app's own data
// functions is backed up and restored into a fresh database, and every table matches row for row;
// values of every awkward type come back exactly; an older backup gets the newer migrations; and
// each bad input (missing, cut short, damaged, foreign, newer, a database holding data, a row that
// cannot load) is refused with a clear message, leaving the target exactly as it was.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { backupDatabase } from "@/lib/server/db/backup";
import { BackupError } from "@/lib/server/db/backup-file";
import { migrate, readMigrations, type MigrationFile } from "@/lib/server/db/migrate";
import { restoreDatabase } from "@/lib/server/db/restore";
import { revealAnswer, startInstance, submitAnswer, takeHint } from "@/lib/server/practice/practice";
import { createDatabase, dropDatabase, withClient } from "./database";
import { keyOf, learner } from "./helpers";
import { openAll, world } from "./teaching-world";

const adminUrl = inject("adminUrl");
const suiteUrl = inject("databaseUrl");
const dir = mkdtempSync(path.join(tmpdir(), "gd-backup-"));
const created: string[] = [];

async function freshDatabase(): Promise<string> {
  const url = await createDatabase(adminUrl, "gd_restore");
  created.push(url);
  return url;
}

afterAll(async () => {
  for (const url of created) await dropDatabase(adminUrl, url);
  rmSync(dir, { recursive: true, force: true });
});

/** Each public table's row count and md5 of its rows as row_to_json text, in text order. */
async function fingerprint(url: string): Promise<Record<string, string>> {
  return withClient(url, async (client) => {
    const tables = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname`,
    );
    const result: Record<string, string> = {};
    for (const { name } of tables.rows) {
      const { rows } = await client.query<{ n: string; h: string }>(
        `SELECT count(*) AS n, md5(coalesce(string_agg(row_to_json(t)::text, E'\\n' ORDER BY row_to_json(t)::text), '')) AS h FROM "${name}" t`,
      );
      result[name] = `${rows[0]!.n} ${rows[0]!.h}`;
    }
    return result;
  });
}

const rowsOf = (print: Record<string, string>, table: string) => Number(print[table]?.split(" ")[0]);

async function expectRefused(work: Promise<unknown>, message: RegExp): Promise<void> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BackupError);
  expect((error as Error).message).toMatch(message);
}

/** Fills the suite's database through the app: learners practising, a teacher's class with a set. */
async function populate(): Promise<void> {
  const { ann, bob, set } = await world();
  const zoe = await learner("Zoë \"the\" \\learner\\ ✓ 𝔼[x] 'quoted'\nnext line");
  for (const [actor, skillId] of [
    [ann, "derivative-power-rule"],
    [zoe, "derivative-product-rule"],
    [zoe, "limit-factor-cancel"],
  ] as const) {
    const view = await startInstance({ actor, input: { skillId } });
    const p = await keyOf(view.id);
    await takeHint({ actor, instanceId: view.id, input: { step: 1 } });
    await submitAnswer({
      actor,
      instanceId: view.id,
      input: { clientSubmissionId: randomUUID(), answer: p.answer, elapsedMs: 12_345 },
    });
  }
  const shown = await startInstance({ actor: bob, input: { skillId: "derivative-chain-rule" } });
  await revealAnswer({ actor: bob, instanceId: shown.id, input: { clientSubmissionId: randomUUID() } });
  const opened = await openAll(ann, set.id);
  const first = opened.problems[0]!;
  const key = await keyOf(first.instanceId);
  await submitAnswer({
    actor: ann,
    instanceId: first.instanceId,
    input: { clientSubmissionId: randomUUID(), answer: key.answer, elapsedMs: 3000 },
  });
}

describe("backup and restore of the app's data", () => {
  let file: string;
  let source: Record<string, string>;

  beforeAll(async () => {
    await populate();
    file = path.join(dir, "suite.jsonl.gz");
    const summary = await backupDatabase(suiteUrl, file);
    source = await fingerprint(suiteUrl);
    expect(Object.fromEntries(summary.tables.map((t) => [t.name, t.rows]))).toEqual(
      Object.fromEntries(Object.keys(source).map((name) => [name, rowsOf(source, name)])),
    );
  });

  it("a restored copy holds exactly the same rows in every table", async () => {
    for (const table of [
      "User",
      "ProblemInstance",
      "Submission",
      "Review",
      "SkillCard",
      "Class",
      "Enrollment",
    ])
      expect(rowsOf(source, table), table).toBeGreaterThan(0);
    expect(rowsOf(source, "ProblemSet") + rowsOf(source, "ProblemSetItem")).toBeGreaterThan(1);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const target = await freshDatabase();
    const summary = await restoreDatabase(target, file);
    expect(summary.newerMigrations).toEqual([]);
    expect(await fingerprint(target)).toEqual(source);
    // The restored database works: sequences continue above the restored ids, migrations are current.
    await withClient(target, async (client) => {
      const { rows } = await client.query<{ next: string; max: string }>(
        `SELECT nextval(pg_get_serial_sequence('"Review"', 'id')) AS next, (SELECT max(id) FROM "Review") AS max`,
      );
      expect(BigInt(rows[0]!.next)).toBe(BigInt(rows[0]!.max) + 1n);
    });
    expect((await migrate(target)).applied).toEqual([]);
  });

  it("refuses a database that holds data, changing nothing; --replace replaces it in full", async () => {
    const target = await freshDatabase();
    await migrate(target);
    await withClient(target, (c) =>
      c.query(
        `INSERT INTO "User" (id, email, "displayName", "passwordHash") VALUES ($1, 'x@example.com', 'X', 'h')`,
        [randomUUID()],
      ),
    );
    const before = await fingerprint(target);
    await expectRefused(restoreDatabase(target, file), /already holds data \(in User\).*--replace/);
    expect(await fingerprint(target)).toEqual(before);

    await restoreDatabase(target, file, { replace: true });
    expect(await fingerprint(target)).toEqual(source);
  });

  it("a restore that fails while loading rows leaves the database as it was", async () => {
    const text = gunzipSync(readFileSync(file)).toString("utf8");
    const bad = path.join(dir, "bad-row.jsonl.gz");
    writeFileSync(bad, gzipSync(text.replace(/"role":"learner"/, '"role":"wizard"')));
    const target = await freshDatabase();
    await restoreDatabase(target, file);
    const before = await fingerprint(target);
    await expect(restoreDatabase(target, bad, { replace: true })).rejects.toThrow(
      /Could not load table User from .*bad-row.*wizard.*nothing was restored/,
    );
    expect(await fingerprint(target)).toEqual(before);
  });

  it("refuses files that are missing, cut short, damaged, not a backup or from a newer version", async () => {
    const target = await freshDatabase();
    await restoreDatabase(target, file);
    const before = await fingerprint(target);
    const bytes = readFileSync(file);
    const text = gunzipSync(bytes).toString("utf8");
    const [headerLine, ...rest] = text.split("\n");
    const header = JSON.parse(headerLine!) as {
      version: number;
      migrations: { name: string; checksum: string }[];
    };
    const variant = (name: string, content: Buffer | string) => {
      const p = path.join(dir, name);
      writeFileSync(p, content);
      return p;
    };
    const withHeader = (change: object) =>
      gzipSync([JSON.stringify({ ...header, ...change }), ...rest].join("\n"));
    const flipped = Buffer.from(bytes);
    for (let i = 40; i < flipped.length - 40; i += 7) flipped[i]! ^= 0x5a;
    const lines = text.trimEnd().split("\n");
    const cases: [string, RegExp][] = [
      [path.join(dir, "no-such.jsonl.gz"), /^No backup file at .*no-such\.jsonl\.gz\.$/],
      [variant("cut.jsonl.gz", bytes.subarray(0, Math.floor(bytes.length / 2))), /is cut short/],
      [variant("cut-lines.jsonl.gz", gzipSync(lines.slice(0, -3).join("\n") + "\n")), /is cut short/],
      [variant("damaged.jsonl.gz", flipped), /is damaged/],
      [variant("notes.txt", "User,email\n1,a@example.com\n"), /not a Gradient Drill backup \(not a gzip/],
      [
        variant("other.jsonl.gz", gzipSync('{"hello":"world"}\n')),
        /not a Gradient Drill backup \(its first line/,
      ],
      [
        variant("v2.jsonl.gz", withHeader({ version: 2 })),
        /made by a newer version of Gradient Drill \(backup format 2/,
      ],
      [
        variant(
          "future.jsonl.gz",
          withHeader({
            migrations: [...header.migrations, { name: "29991231000000_future", checksum: "ab" }],
          }),
        ),
        /made by a newer version of Gradient Drill: its migration 29991231000000_future is unknown here/,
      ],
      [
        variant(
          "edited.jsonl.gz",
          withHeader({
            migrations: header.migrations.map((m, i) => (i === 0 ? { ...m, checksum: "0".repeat(64) } : m)),
          }),
        ),
        /migration 20261127000000_init differs from this version's/,
      ],
    ];
    for (const [bad, message] of cases) {
      await expectRefused(restoreDatabase(target, bad, { replace: true }), message);
      expect(await fingerprint(target), bad).toEqual(before);
    }
  });
});

describe("round trip of values and migrations", () => {
  const probe = (name: string, sql: string): MigrationFile => ({ name, sql, checksum: name.padEnd(64, "0") });
  const migrations = [
    probe(
      "20000101000000_probe",
      `CREATE TYPE "Mood" AS ENUM ('calm', 'it''s "odd"');
       CREATE TABLE "Probe" (
         id BIGSERIAL PRIMARY KEY, at TIMESTAMPTZ, day DATE, span INTERVAL, doc JSONB, plain JSON,
         mood "Mood", moods "Mood"[], tags TEXT[], grid INT[][], x DOUBLE PRECISION, n NUMERIC,
         flag BOOLEAN, raw BYTEA, uid UUID, note TEXT, twice BIGINT GENERATED ALWAYS AS (id * 2) STORED);
       CREATE TABLE "ProbeChild" (id INT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
         "probeId" BIGINT NOT NULL REFERENCES "Probe"(id));`,
    ),
    probe("20000102000000_probe_more", `ALTER TABLE "Probe" ADD COLUMN extra TEXT NOT NULL DEFAULT 'later';`),
  ];

  it("every type comes back exactly, generated and identity columns included", async () => {
    const from = await freshDatabase();
    await migrate(from, { migrations });
    await withClient(from, async (c) => {
      await c.query(`INSERT INTO "Probe" (at, day, span, doc, plain, mood, moods, tags, grid, x, n, flag, raw, uid, note) VALUES
        ('2026-12-01 02:16:10.123456+00', '2026-02-28', '1 day 02:03:04.5', '{"a":[1,2.5,null],"é":"\\"q\\"\\\\"}',
         '{"b": 1,  "b": 2}', 'it''s "odd"', ARRAY['calm','it''s "odd"']::"Mood"[], ARRAY['x,y', NULL, '{}', 'ü"\\\\'],
         '{{1,2},{3,4}}', 0.1, 12345678901234567890.000000001, true, '\\x00ff10', gen_random_uuid(),
         E'tab\\there\\nline \\\\ "quoted" ''single'' 🙂 \\u0001'),
        ('1970-01-01 00:00:00.000001+00', NULL, NULL, 'null', NULL, NULL, '{}', '{}', NULL, 'NaN', 'NaN', NULL, '', NULL, ''),
        (NULL, NULL, NULL, NULL, NULL, 'calm', NULL, NULL, NULL, '-Infinity', NULL, false, NULL, NULL, NULL),
        (NULL, NULL, NULL, '"just a string"', '[]', NULL, NULL, NULL, NULL, 5e-324, -0.0, NULL, NULL, NULL, NULL),
        (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1.7976931348623157e308, NULL, NULL, NULL, NULL, NULL)`);
      await c.query(`INSERT INTO "ProbeChild" ("probeId") SELECT id FROM "Probe"`);
    });
    const file = path.join(dir, "probe.jsonl.gz");
    await backupDatabase(from, file, { batchRows: 2 });
    const to = await freshDatabase();
    await restoreDatabase(to, file, { migrations, batchRows: 2 });
    const [a, b] = [await fingerprint(from), await fingerprint(to)];
    expect(rowsOf(a, "Probe")).toBe(5);
    expect(b).toEqual(a);
    await withClient(to, async (c) => {
      const next = await c.query<{ id: string; twice: string }>(
        `INSERT INTO "Probe" DEFAULT VALUES RETURNING id, twice`,
      );
      expect(next.rows[0]).toEqual({ id: "6", twice: "12" });
      const child = await c.query<{ id: number }>(
        `INSERT INTO "ProbeChild" ("probeId") VALUES (6) RETURNING id`,
      );
      expect(child.rows[0]!.id).toBe(6);
    });
  });

  it("a backup from an older version is restored at its schema, then brought up to date", async () => {
    const all = readMigrations();
    const from = await freshDatabase();
    await migrate(from, { migrations: all.slice(0, 5) });
    await withClient(from, (c) =>
      c.query(
        `INSERT INTO "User" (id, email, "displayName", "passwordHash") VALUES ($1, 'old@example.com', 'Old', 'h')`,
        [randomUUID()],
      ),
    );
    const file = path.join(dir, "older.jsonl.gz");
    await backupDatabase(from, file);
    const to = await freshDatabase();
    await migrate(to);
    const summary = await restoreDatabase(to, file);
    expect(summary.newerMigrations).toEqual(all.slice(5).map((m) => m.name));
    expect((await migrate(to)).applied).toEqual([]);
    const user = await withClient(to, (c) => c.query<{ email: string }>(`SELECT email FROM "User"`));
    expect(user.rows).toEqual([{ email: "old@example.com" }]);
  });
});

describe("the commands", () => {
  const run = (args: string[], url: string) =>
    promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "--conditions=react-server", "scripts/db-backup.ts", ...args],
      { env: { ...process.env, DATABASE_URL: url } },
    ).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );

  it("db:backup prints the file and its tables; db:restore refuses a missing file with exit code 1", async () => {
    const file = path.join(dir, "cli.jsonl.gz");
    const backup = await run(["backup", file], suiteUrl);
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain(`Backup written to ${file}`);
    expect(backup.stdout).toMatch(/\n {2}User +\d+ rows\n/);
    const target = await freshDatabase();
    const before = await fingerprint(target);
    const missing = await run(["restore", path.join(dir, "absent.jsonl.gz")], target);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe(`No backup file at ${path.join(dir, "absent.jsonl.gz")}.`);
    expect(await fingerprint(target)).toEqual(before);
    const restore = await run(["restore", file], target);
    expect(restore.code).toBe(0);
    expect(rowsOf(await fingerprint(target), "User")).toBeGreaterThan(0);
  });
});
