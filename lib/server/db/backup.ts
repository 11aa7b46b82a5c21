// Logical backup of the app's database: one consistent snapshot (REPEATABLE READ READ ONLY) of
// every table in the public schema, streamed through cursors into a gzip file of JSON Lines (format
// in backup-file.ts). Not pg_dump: the embedded PostgreSQL 18 ships no pg_dump, and an older pg_dump
// refuses a newer server (docs/operations.md). Pure server module: no Next.js imports.
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync, createWriteStream } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import pg from "pg";
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupError,
  markerLine,
  trailerLine,
  type BackupHeader,
} from "@/lib/server/db/backup-file";

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Base tables of the public schema, ordered so that every table comes after the tables it references. */
export async function tablesInForeignKeyOrder(client: pg.ClientBase): Promise<string[]> {
  const tables = (
    await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname`,
    )
  ).rows.map((row) => row.name);
  const references = await foreignKeys(client);
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const next = tables.find(
      (t) => !placed.has(t) && (references.get(t) ?? []).every((r) => r === t || placed.has(r)),
    );
    if (next === undefined) {
      const left = tables.filter((t) => !placed.has(t));
      throw new BackupError(
        `The tables ${left.join(", ")} reference each other in a cycle; no order to load them in.`,
      );
    }
    ordered.push(next);
    placed.add(next);
  }
  return ordered;
}

/** For each public table, the public tables its foreign keys reference (from pg_constraint). */
export async function foreignKeys(client: pg.ClientBase): Promise<Map<string, string[]>> {
  const rows = (
    await client.query<{ source: string; target: string }>(
      `SELECT src.relname AS source, dst.relname AS target
         FROM pg_constraint c
         JOIN pg_class src ON src.oid = c.conrelid JOIN pg_namespace sn ON sn.oid = src.relnamespace
         JOIN pg_class dst ON dst.oid = c.confrelid JOIN pg_namespace dn ON dn.oid = dst.relnamespace
        WHERE c.contype = 'f' AND sn.nspname = 'public' AND dn.nspname = 'public'`,
    )
  ).rows;
  const map = new Map<string, string[]>();
  for (const { source, target } of rows) map.set(source, [...(map.get(source) ?? []), target]);
  return map;
}

/** The migrations recorded as applied (finished, not rolled back), by name; none on an empty database. */
export async function appliedMigrations(client: pg.ClientBase): Promise<BackupHeader["migrations"]> {
  const exists = (await client.query(`SELECT to_regclass('public."_prisma_migrations"') IS NOT NULL AS e`))
    .rows[0] as { e: boolean };
  if (!exists.e) return [];
  const unfinished = await client.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NULL AND rolled_back_at IS NULL`,
  );
  if (unfinished.rows[0])
    throw new BackupError(
      `Migration ${unfinished.rows[0].migration_name} started but did not finish; repair the database (npm run db:migrate says how) before backing it up.`,
    );
  return (
    await client.query<{ name: string; checksum: string }>(
      `SELECT migration_name AS name, checksum FROM "_prisma_migrations"
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    )
  ).rows;
}

export interface BackupSummary {
  file: string;
  tables: { name: string; rows: number }[];
  migrations: number;
}

/** `gradient-drill-2026-12-01T02-16-10Z.jsonl.gz` in `dir`. */
export function defaultBackupFile(dir: string, now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/:/g, "-");
  return path.join(dir, `gradient-drill-${stamp}.jsonl.gz`);
}

/**
 * Writes a backup of the database at `url` to `file` (mode 0600: it holds password hashes). The file
 * appears only when complete (written as FILE.partial, then renamed); an existing file is never
 * overwritten.
 */
export async function backupDatabase(
  url: string,
  file: string,
  options: { app?: string; batchRows?: number; now?: Date } = {},
): Promise<BackupSummary> {
  if (existsSync(file)) throw new BackupError(`${file} exists already; choose another name.`);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const partial = `${file}.partial`;
  const batchRows = options.batchRows ?? 1000;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const names = await tablesInForeignKeyOrder(client);
    const migrations = await appliedMigrations(client);
    const tables: BackupSummary["tables"] = [];
    for (const name of names) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoteIdent(name)}`);
      tables.push({ name, rows: Number(rows[0]?.n ?? 0) });
    }
    const server =
      (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v ?? "";
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      app: options.app ?? "gradient-drill",
      createdAt: (options.now ?? new Date()).toISOString(),
      server,
      migrations,
      tables,
    };
    async function* content(): AsyncGenerator<string> {
      yield JSON.stringify(header) + "\n";
      for (const table of tables) {
        yield markerLine(table.name, table.rows) + "\n";
        await client.query(
          `DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM ${quoteIdent(table.name)} t`,
        );
        let seen = 0;
        for (;;) {
          const batch = await client.query<{ j: string }>(`FETCH ${batchRows} FROM backup_rows`);
          if (batch.rows.length === 0) break;
          seen += batch.rows.length;
          yield batch.rows.map((row) => row.j).join("\n") + "\n";
        }
        await client.query("CLOSE backup_rows");
        if (seen !== table.rows) throw new Error(`${table.name}: counted ${table.rows} rows, read ${seen}.`);
      }
      yield (
        trailerLine(
          tables.length,
          tables.reduce((sum, t) => sum + t.rows, 0),
        ) + "\n"
      );
    }
    try {
      await pipeline(Readable.from(content()), createGzip(), createWriteStream(partial, { mode: 0o600 }));
      chmodSync(partial, 0o600);
      renameSync(partial, file);
    } catch (error) {
      rmSync(partial, { force: true });
      throw error;
    }
    await client.query("COMMIT");
    return { file, tables, migrations: migrations.length };
  } finally {
    await client.end();
  }
}
