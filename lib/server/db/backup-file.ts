// The backup file: gzip-compressed JSON Lines. Line 1 is the header (format, version, app, the
// applied migrations, time, the tables and their row counts); then for each table a marker line
// `{"table":NAME,"rows":N}` followed by exactly N lines, each one row as PostgreSQL's row_to_json;
// last, a trailer `{"end":FORMAT,"tables":T,"rows":R}` (a file cut short is never taken for whole).
// Reading checks all of it and turns every way a file can be wrong into one clear BackupError.
import { open } from "node:fs/promises";
import { createReadStream } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import { createGunzip } from "node:zlib";
import { z } from "zod";

export const BACKUP_FORMAT = "gradient-drill-backup";
/** The newest format this version reads and the one it writes. */
export const BACKUP_VERSION = 1;

/** A backup or restore that cannot go ahead: the message says why, and nothing was changed. */
export class BackupError extends Error {}

const migrationSchema = z.object({ name: z.string().min(1), checksum: z.string().min(1) });
const tableSchema = z.object({ name: z.string().min(1), rows: z.number().int().nonnegative() });

export const headerSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  app: z.string(),
  createdAt: z.string(),
  server: z.string(),
  migrations: z.array(migrationSchema),
  tables: z.array(tableSchema),
});
export type BackupHeader = z.infer<typeof headerSchema>;

const markerSchema = z.strictObject({ table: z.string().min(1), rows: z.number().int().nonnegative() });
const trailerSchema = z.strictObject({
  end: z.literal(BACKUP_FORMAT),
  tables: z.number().int().nonnegative(),
  rows: z.number().int().nonnegative(),
});

export const markerLine = (table: string, rows: number) => JSON.stringify({ table, rows });
export const trailerLine = (tables: number, rows: number) =>
  JSON.stringify({ end: BACKUP_FORMAT, tables, rows });

/** The file's lines, decompressed as they are read; gzip and file errors become BackupErrors. */
async function* lines(file: string): AsyncGenerator<string> {
  let magic: Buffer;
  try {
    const handle = await open(file, "r");
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
      magic = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new BackupError(`No backup file at ${file}.`);
    if (code === "EISDIR") throw new BackupError(`${file} is a folder, not a backup file.`);
    throw new BackupError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  if (magic.length < 2 || magic[0] !== 0x1f || magic[1] !== 0x8b)
    throw new BackupError(`${file} is not a Gradient Drill backup (not a gzip-compressed file).`);

  const source = createReadStream(file);
  const gunzip = createGunzip();
  source.on("error", (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  const decoder = new StringDecoder("utf8");
  let rest = "";
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      const parts = (rest + decoder.write(chunk)).split("\n");
      rest = parts.pop() ?? "";
      yield* parts;
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "Z_BUF_ERROR")
      throw new BackupError(`${file} is cut short (the compressed data ends early): not a whole backup.`);
    throw new BackupError(`${file} is damaged: ${(error as Error).message}.`);
  } finally {
    source.destroy();
    gunzip.destroy();
  }
  rest += decoder.end();
  if (rest !== "") yield rest;
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return undefined;
  }
}

export interface ReadOptions {
  /** Called once per batch of row lines of a table, in file order. */
  onRows?: (table: string, rows: string[]) => Promise<void>;
  /** Called when a table's section starts (before its rows). */
  onTable?: (table: string, rows: number) => Promise<void>;
  /** Parse every row line (the checking pass); the loading pass leaves parsing to PostgreSQL. */
  checkRows?: boolean;
  batchRows?: number;
  batchBytes?: number;
}

/**
 * Reads a whole backup, checking its header, each table section against the header's counts and
 * the trailer; returns the header. Throws a BackupError naming what is wrong.
 */
export async function readBackup(file: string, options: ReadOptions = {}): Promise<BackupHeader> {
  const batchRows = options.batchRows ?? 1000;
  const batchBytes = options.batchBytes ?? 8 << 20;
  const bad = (what: string) => new BackupError(`${file} is not a valid backup: ${what}.`);
  let header: BackupHeader | undefined;
  let tableIndex = 0;
  let table: { name: string; left: number } | undefined;
  let ended = false;
  let lineNo = 0;
  let batch: string[] = [];
  let bytes = 0;
  const flush = async () => {
    if (batch.length > 0 && table && options.onRows) await options.onRows(table.name, batch);
    batch = [];
    bytes = 0;
  };
  for await (const line of lines(file)) {
    lineNo += 1;
    if (header === undefined) {
      const value = parseJson(line) as { format?: unknown; version?: unknown } | undefined;
      if (typeof value !== "object" || value === null || value.format !== BACKUP_FORMAT)
        throw new BackupError(
          `${file} is not a Gradient Drill backup (its first line is not a backup header).`,
        );
      if (typeof value.version === "number" && value.version > BACKUP_VERSION)
        throw new BackupError(
          `${file} was made by a newer version of Gradient Drill (backup format ${value.version}; this version reads format ${BACKUP_VERSION}). Restore it with that version or a newer one.`,
        );
      const parsed = headerSchema.safeParse(value);
      if (!parsed.success) throw bad(`its header is malformed (${parsed.error.issues[0]?.message})`);
      header = parsed.data;
      continue;
    }
    if (ended) throw bad(`line ${lineNo} follows the end marker`);
    if (table && table.left > 0) {
      if (options.checkRows) {
        const row = parseJson(line);
        if (typeof row !== "object" || row === null || Array.isArray(row))
          throw bad(`line ${lineNo} (a row of ${table.name}) is not a JSON object`);
      }
      batch.push(line);
      bytes += line.length;
      table.left -= 1;
      if (batch.length >= batchRows || bytes >= batchBytes) await flush();
      continue;
    }
    await flush();
    const value = parseJson(line);
    const trailer = trailerSchema.safeParse(value);
    if (trailer.success) {
      const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
      if (
        tableIndex !== header.tables.length ||
        trailer.data.tables !== tableIndex ||
        trailer.data.rows !== rows
      )
        throw bad(`it ends after ${tableIndex} of the header's ${header.tables.length} tables`);
      ended = true;
      continue;
    }
    const marker = markerSchema.safeParse(value);
    if (!marker.success) throw bad(`line ${lineNo} is neither a row, a table marker nor the end marker`);
    const expected = header.tables[tableIndex];
    if (!expected || expected.name !== marker.data.table || expected.rows !== marker.data.rows)
      throw bad(
        `line ${lineNo} starts table ${marker.data.table}, where the header lists ${expected?.name ?? "no more tables"}`,
      );
    tableIndex += 1;
    table = { name: marker.data.table, left: marker.data.rows };
    if (options.onTable) await options.onTable(table.name, table.left);
  }
  await flush();
  if (header === undefined) throw new BackupError(`${file} is not a Gradient Drill backup (it is empty).`);
  if (!ended)
    throw new BackupError(`${file} is cut short (no end marker after ${lineNo} lines): not a whole backup.`);
  return header;
}
