// Restore of a backup (backup.ts) into a database, in one transaction so that a restore that fails
// changes nothing: check the whole file first; refuse a database that holds data unless told to
// replace it; drop the app's objects; build the schema with this version's migrations up to exactly
// the backup's; load the rows in foreign-key order; reset the sequences; apply the newer migrations.
import pg from "pg";
import { BackupError, readBackup, type BackupHeader } from "@/lib/server/db/backup-file";
import { foreignKeys, quoteIdent, tablesInForeignKeyOrder } from "@/lib/server/db/backup";
import {
  PRISMA_ADVISORY_LOCK,
  applyMigrationsInTransaction,
  readMigrations,
  type MigrationFile,
} from "@/lib/server/db/migrate";

const MIGRATIONS_TABLE = "_prisma_migrations";

/** Splits this version's migrations into the backup's (same names and checksums, in order) and the newer ones. */
export function planMigrations(
  backup: BackupHeader["migrations"],
  local: MigrationFile[],
): { backup: MigrationFile[]; newer: MigrationFile[] } {
  backup.forEach((wanted, i) => {
    const here = local[i];
    if (here?.name === wanted.name) {
      if (here.checksum !== wanted.checksum)
        throw new BackupError(
          `The backup's migration ${wanted.name} differs from this version's (checksum ${wanted.checksum.slice(0, 12)}… here ${here.checksum.slice(0, 12)}…). Restore it with the version of Gradient Drill that made it.`,
        );
      return;
    }
    if (!local.some((m) => m.name === wanted.name))
      throw new BackupError(
        `The backup was made by a newer version of Gradient Drill: its migration ${wanted.name} is unknown here. Restore it with that version or a newer one.`,
      );
    throw new BackupError(
      `The backup's migrations do not follow this version's: its migration ${i + 1} is ${wanted.name}, here ${here?.name ?? "there is none"}.`,
    );
  });
  return { backup: local.slice(0, backup.length), newer: local.slice(backup.length) };
}

/** Public tables other than the migrations table that hold at least one row. */
async function tablesWithRows(client: pg.ClientBase): Promise<string[]> {
  const found: string[] = [];
  for (const table of await tablesInForeignKeyOrder(client)) {
    if (table === MIGRATIONS_TABLE) continue;
    const { rows } = await client.query(`SELECT 1 FROM ${quoteIdent(table)} LIMIT 1`);
    if (rows.length > 0) found.push(table);
  }
  return found;
}

/** Drops the app's objects in the public schema (not those of extensions): routines, relations, types. */
async function dropAppObjects(client: pg.ClientBase): Promise<void> {
  const notExtension = (oid: string, catalog: string) =>
    `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${catalog}'::regclass AND d.objid = ${oid} AND d.deptype = 'e')`;
  const list = async (sql: string) => (await client.query<{ n: string }>(sql)).rows.map((r) => r.n);
  const routines = await list(
    `SELECT p.oid::regprocedure::text AS n FROM pg_proc p JOIN pg_namespace s ON s.oid = p.pronamespace
      WHERE s.nspname = 'public' AND p.prokind IN ('f', 'p') AND ${notExtension("p.oid", "pg_proc")}`,
  );
  if (routines.length > 0) await client.query(`DROP ROUTINE IF EXISTS ${routines.join(", ")} CASCADE`);
  for (const [kind, drop] of [
    ["m", "DROP MATERIALIZED VIEW"],
    ["v", "DROP VIEW"],
    ["r", "DROP TABLE"],
    ["p", "DROP TABLE"],
    ["f", "DROP FOREIGN TABLE"],
    ["S", "DROP SEQUENCE"],
  ] as const) {
    const names = await list(
      `SELECT format('%I.%I', s.nspname, c.relname) AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
        WHERE s.nspname = 'public' AND c.relkind = '${kind}' AND ${notExtension("c.oid", "pg_class")}`,
    );
    if (names.length > 0) await client.query(`${drop} IF EXISTS ${names.join(", ")} CASCADE`);
  }
  const types = await list(
    `SELECT format('%I.%I', s.nspname, t.typname) AS n FROM pg_type t JOIN pg_namespace s ON s.oid = t.typnamespace
      WHERE s.nspname = 'public' AND t.typtype IN ('e', 'd', 'r')
        AND ${notExtension("t.oid", "pg_type")}`,
  );
  if (types.length > 0) await client.query(`DROP TYPE IF EXISTS ${types.join(", ")} CASCADE`);
}

/** Columns a row can be inserted into (not dropped, not generated). */
async function insertableColumns(client: pg.ClientBase, table: string): Promise<string[]> {
  return (
    await client.query<{ name: string }>(
      `SELECT a.attname AS name FROM pg_attribute a
        WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
        ORDER BY a.attnum`,
      [`public.${quoteIdent(table)}`],
    )
  ).rows.map((row) => row.name);
}

/** Sets every sequence owned by a public column to the column's largest value (next value above it). */
async function resetSequences(client: pg.ClientBase): Promise<number> {
  const owned = (
    await client.query<{ seq: string; tbl: string; col: string }>(
      `SELECT s.oid::text AS seq, t.relname AS tbl, a.attname AS col
         FROM pg_class s
         JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid
                         AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
         JOIN pg_class t ON t.oid = d.refobjid
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
         JOIN pg_namespace n ON n.oid = s.relnamespace
        WHERE s.relkind = 'S' AND n.nspname = 'public'`,
    )
  ).rows;
  for (const { seq, tbl, col } of owned)
    await client.query(
      `SELECT setval($1::oid::regclass, coalesce(max(${quoteIdent(col)}), 1), max(${quoteIdent(col)}) IS NOT NULL) FROM ${quoteIdent(tbl)}`,
      [seq],
    );
  return owned.length;
}

export interface RestoreSummary {
  tables: { name: string; rows: number }[];
  backupMigrations: number;
  newerMigrations: string[];
  replaced: boolean;
}

/**
 * Restores `file` into the database at `url`. Refuses (BackupError, nothing changed) a damaged or
 * foreign file, a backup from a newer version, and a database holding data unless `replace`.
 */
export async function restoreDatabase(
  url: string,
  file: string,
  options: { replace?: boolean; migrations?: MigrationFile[]; batchRows?: number } = {},
): Promise<RestoreSummary> {
  const header = await readBackup(file, { checkRows: true });
  const plan = planMigrations(header.migrations, options.migrations ?? readMigrations());
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [PRISMA_ADVISORY_LOCK]);
    const holding = await tablesWithRows(client);
    if (holding.length > 0 && !options.replace)
      throw new BackupError(
        `The database already holds data (in ${holding.join(", ")}); nothing was restored. Restore into an empty database, or add --replace to replace everything in it with the backup.`,
      );
    await dropAppObjects(client);
    await applyMigrationsInTransaction(client, plan.backup);
    const schema = new Set(await tablesInForeignKeyOrder(client));
    const missing = header.tables.filter((t) => !schema.has(t.name)).map((t) => t.name);
    if (missing.length > 0)
      throw new BackupError(
        `The backup holds tables that its migrations do not create (${missing.join(", ")}); it does not come from an unmodified Gradient Drill database.`,
      );
    const references = await foreignKeys(client);
    const loaded = new Set<string>();
    const statements = new Map<string, string>();
    await readBackup(file, {
      batchRows: options.batchRows,
      onTable: async (table) => {
        const early = (references.get(table) ?? []).find((r) => r !== table && !loaded.has(r));
        if (early)
          throw new BackupError(
            `${file} lists table ${table} before ${early}, which it references; cannot load it.`,
          );
        loaded.add(table);
        // The migrations table was just filled by the runner; the backup's rows (with their times) replace them.
        if (table === MIGRATIONS_TABLE) await client.query(`DELETE FROM ${quoteIdent(MIGRATIONS_TABLE)}`);
        const columns = (await insertableColumns(client, table)).map(quoteIdent).join(", ");
        statements.set(
          table,
          `INSERT INTO ${quoteIdent(table)} (${columns}) OVERRIDING SYSTEM VALUE
           SELECT ${columns} FROM json_populate_recordset(null::${quoteIdent(table)}, $1::json)`,
        );
      },
      onRows: async (table, rows) => {
        try {
          await client.query(statements.get(table)!, [`[${rows.join(",")}]`]);
        } catch (error) {
          throw new BackupError(
            `Could not load table ${table} from ${file}: ${(error as Error).message}; nothing was restored.`,
          );
        }
      },
    });
    await resetSequences(client);
    for (const table of header.tables) {
      const { rows } = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM ${quoteIdent(table.name)}`,
      );
      if (Number(rows[0]?.n) !== table.rows)
        throw new Error(`${table.name}: the backup has ${table.rows} rows, ${rows[0]?.n} were loaded.`);
    }
    await applyMigrationsInTransaction(client, plan.newer);
    await client.query("COMMIT");
    return {
      tables: header.tables,
      backupMigrations: plan.backup.length,
      newerMigrations: plan.newer.map((m) => m.name),
      replaced: holding.length > 0,
    };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
