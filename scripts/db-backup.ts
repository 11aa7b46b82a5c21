// `npm run db:backup [-- FILE]` writes a backup of the database; `npm run db:restore -- FILE
// [--replace]` restores one. Both use DATABASE_URL, or the embedded database (also while the app
// is running on it). What the file holds and why this is not pg_dump: docs/operations.md.
import path from "node:path";
import { dataDir, runCommand, withDatabase } from "@/lib/server/runtime";
import { backupDatabase, defaultBackupFile } from "@/lib/server/db/backup";
import { BackupError } from "@/lib/server/db/backup-file";
import { restoreDatabase } from "@/lib/server/db/restore";

const USAGE = "Usage: npm run db:backup [-- FILE]  |  npm run db:restore -- FILE [--replace]";

const tableLines = (tables: { name: string; rows: number }[]) =>
  tables.map((t) => `  ${t.name.padEnd(22)} ${String(t.rows).padStart(9)} rows`).join("\n");

runCommand(async () => {
  const [command, ...args] = process.argv.slice(2);
  const flags = args.filter((a) => a.startsWith("--"));
  const files = args.filter((a) => !a.startsWith("--"));
  const unknown = flags.filter((f) => !(command === "restore" && f === "--replace"));
  if ((command !== "backup" && command !== "restore") || unknown.length > 0 || files.length > 1) {
    console.error(unknown.length > 0 ? `Unknown option ${unknown.join(" ")}. ${USAGE}` : USAGE);
    return 2;
  }
  if (command === "restore" && files.length === 0) {
    console.error(`Which backup? ${USAGE}`);
    return 2;
  }
  try {
    return await withDatabase(
      async () => {
        const url = process.env.DATABASE_URL!;
        if (command === "backup") {
          const file = path.resolve(files[0] ?? defaultBackupFile(path.join(dataDir(), "backups")));
          const summary = await backupDatabase(url, file);
          const rows = summary.tables.reduce((sum, t) => sum + t.rows, 0);
          console.log(`Backup written to ${summary.file} (${summary.migrations} migrations, ${rows} rows):`);
          console.log(tableLines(summary.tables));
          console.log("It holds password hashes: keep it private (the file is readable by its owner only).");
          return 0;
        }
        const file = path.resolve(files[0]!);
        const summary = await restoreDatabase(url, file, { replace: flags.includes("--replace") });
        console.log(
          `Restored ${file}${summary.replaced ? ", replacing the data that was there" : ""} (${summary.backupMigrations} migrations):`,
        );
        console.log(tableLines(summary.tables));
        if (summary.newerMigrations.length > 0)
          console.log(`Then applied the newer migrations: ${summary.newerMigrations.join(", ")}.`);
        return 0;
      },
      () => {},
      { migrate: false },
    );
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    console.error(error.message);
    return 1;
  }
});
