// The hand-written migrations apply from an empty database, on the suite's server (PostgreSQL 15
// in CI) and on the embedded PostgreSQL 18, and are recorded the way Prisma records them.
import { createHash } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { freePort, scratchDir, startEmbedded } from "@/lib/server/db/embedded";
import { migrate, readMigrations } from "@/lib/server/db/migrate";
import { createDatabase, dropDatabase, withClient } from "./database";

async function expectFreshMigration(url: string) {
  const first = await migrate(url);
  expect(first.applied).toEqual(readMigrations().map((m) => m.name));
  const second = await migrate(url);
  expect(second.applied).toEqual([]);

  await withClient(url, async (client) => {
    const tables = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        "User",
        "SignInAttempt",
        "PasswordResetToken",
        "AppMeta",
        "_prisma_migrations",
      ]),
    );
    const recorded = await client.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      applied_steps_count: number;
    }>(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    const init = recorded.rows[0]!;
    const file = readFileSync(path.join("prisma", "migrations", init.migration_name, "migration.sql"));
    expect(init.checksum).toBe(createHash("sha256").update(file).digest("hex"));
    expect(init.finished_at).toBeInstanceOf(Date);
    expect(init.applied_steps_count).toBe(1);
  });
}

async function serverVersion(url: string): Promise<number> {
  return withClient(url, async (client) =>
    Number(
      (await client.query<{ v: string }>("SELECT current_setting('server_version_num') AS v")).rows[0]!.v,
    ),
  );
}

describe("migrations", () => {
  const adminUrl = inject("adminUrl");
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it("apply from empty on the suite's PostgreSQL server (15 in CI), once", async () => {
    const url = await createDatabase(adminUrl, "gd_migrate");
    cleanups.push(() => dropDatabase(adminUrl, url));
    expect(await serverVersion(url)).toBeGreaterThanOrEqual(150000);
    await expectFreshMigration(url);
  });

  it("apply from empty on the embedded PostgreSQL 18", async () => {
    const dir = scratchDir("gd-embedded-");
    const db = await startEmbedded({
      baseDir: path.join(dir, "postgres"),
      port: await freePort(),
      log: () => {},
    });
    cleanups.push(async () => {
      await db.stop();
      rmSync(dir, { recursive: true, force: true });
    });
    expect(await serverVersion(db.url)).toBeGreaterThanOrEqual(180000);
    await expectFreshMigration(db.url);
  });

  it("run once when several processes start at the same time", async () => {
    const url = await createDatabase(adminUrl, "gd_concurrent");
    cleanups.push(() => dropDatabase(adminUrl, url));
    const results = await Promise.all([migrate(url), migrate(url), migrate(url)]);
    expect(results.flatMap((r) => r.applied)).toHaveLength(readMigrations().length);
  });

  it("refuse to continue after a migration that failed half-way", async () => {
    const url = await createDatabase(adminUrl, "gd_failed");
    cleanups.push(() => dropDatabase(adminUrl, url));
    const broken = [
      {
        name: "20990101000000_broken",
        sql: "CREATE TABLE ok (id int); SELECT nonsense FROM nowhere;",
        checksum: "x",
      },
    ];
    await expect(migrate(url, { migrations: broken })).rejects.toThrow(/20990101000000_broken failed/);
    await expect(migrate(url, { migrations: broken })).rejects.toThrow(/did not finish/);
    await withClient(url, async (client) => {
      const table = await client.query("SELECT to_regclass('ok') AS t");
      expect(table.rows[0]).toEqual({ t: null });
    });
  });
});
