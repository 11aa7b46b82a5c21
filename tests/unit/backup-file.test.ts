// The backup file's checks (no database): a well-formed file reads back with its batches, and each
// way the structure can be wrong is named; the migration plan accepts a prefix and names a newer,
// edited or reordered list.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import {
  BACKUP_FORMAT,
  BackupError,
  markerLine,
  readBackup,
  trailerLine,
  type BackupHeader,
} from "@/lib/server/db/backup-file";
import { defaultBackupFile } from "@/lib/server/db/backup";
import { planMigrations } from "@/lib/server/db/restore";

const dir = mkdtempSync(path.join(tmpdir(), "gd-backup-file-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const header: BackupHeader = {
  format: BACKUP_FORMAT,
  version: 1,
  app: "gradient-drill",
  createdAt: "2026-12-01T02:16:10.000Z",
  server: "18.4",
  migrations: [{ name: "a", checksum: "1" }],
  tables: [
    { name: "User", rows: 3 },
    { name: "Empty", rows: 0 },
  ],
};
const good = [
  JSON.stringify(header),
  markerLine("User", 3),
  '{"id":1,"table":"not a marker"}',
  '{"id":2}',
  '{"id":3,"rows":0}',
  markerLine("Empty", 0),
  trailerLine(2, 3),
];

let n = 0;
function file(lines: string[]): string {
  const p = path.join(dir, `f${n++}.jsonl.gz`);
  writeFileSync(p, gzipSync(lines.join("\n") + "\n"));
  return p;
}

async function refusal(lines: string[], options = { checkRows: true }): Promise<string> {
  const error = await readBackup(file(lines), options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BackupError);
  return (error as Error).message;
}

describe("reading a backup file", () => {
  it("reads a well-formed file: the header, each table, rows in batches (a row may look like a marker)", async () => {
    const seen: string[] = [];
    const got = await readBackup(file(good), {
      checkRows: true,
      batchRows: 2,
      onTable: (table, rows) => Promise.resolve(void seen.push(`${table}:${rows}`)),
      onRows: (table, rows) => Promise.resolve(void seen.push(`${table}[${rows.length}]`)),
    });
    expect(got).toEqual(header);
    expect(seen).toEqual(["User:3", "User[2]", "User[1]", "Empty:0"]);
  });

  it("names what is wrong with the structure", async () => {
    expect(await refusal(good.slice(0, -1))).toMatch(/is cut short \(no end marker/);
    expect(await refusal([...good, '{"id":4}'])).toMatch(/line 8 follows the end marker/);
    expect(await refusal(good.map((l, i) => (i === 3 ? "[1,2]" : l)))).toMatch(
      /line 4 \(a row of User\) is not a JSON object/,
    );
    expect(await refusal(good.map((l, i) => (i === 3 ? "{broken" : l)))).toMatch(
      /line 4 .* not a JSON object/,
    );
    expect(await refusal(good.map((l, i) => (i === 5 ? markerLine("Other", 0) : l)))).toMatch(
      /line 6 starts table Other, where the header lists Empty/,
    );
    expect(await refusal([...good.slice(0, 5), trailerLine(1, 3)])).toMatch(
      /ends after 1 of the header's 2 tables/,
    );
    expect(await refusal(good.map((l, i) => (i === 5 ? '{"note":1}' : l)))).toMatch(
      /line 6 is neither a row, a table marker nor the end marker/,
    );
    expect(await refusal([JSON.stringify({ ...header, tables: "all" }), ...good.slice(1)])).toMatch(
      /its header is malformed/,
    );
    expect(await refusal([])).toMatch(/not a Gradient Drill backup \(its first line/);
  });
});

describe("planning the migrations of a restore", () => {
  const local = ["a", "b", "c"].map((name) => ({ name, sql: "", checksum: `${name}-sum` }));
  const listed = (...names: string[]) => names.map((name) => ({ name, checksum: `${name}-sum` }));

  it("takes the backup's migrations as a prefix and the rest as newer", () => {
    const plan = planMigrations(listed("a", "b"), local);
    expect(plan.backup.map((m) => m.name)).toEqual(["a", "b"]);
    expect(plan.newer.map((m) => m.name)).toEqual(["c"]);
    expect(planMigrations([], local).newer).toHaveLength(3);
  });

  it("refuses a newer, edited or reordered list", () => {
    expect(() => planMigrations(listed("a", "b", "c", "d"), local)).toThrow(
      /newer version of Gradient Drill: its migration d is unknown here/,
    );
    expect(() => planMigrations([{ name: "a", checksum: "other" }], local)).toThrow(
      /migration a differs from this version's/,
    );
    expect(() => planMigrations(listed("b"), local)).toThrow(/its migration 1 is b, here a/);
  });

  it("names default backup files by UTC time, safe in file names", () => {
    expect(defaultBackupFile("/b", new Date("2026-12-01T02:16:10.123Z"))).toBe(
      path.join("/b", "gradient-drill-2026-12-01T02-16-10Z.jsonl.gz"),
    );
  });
});
