// Start-up shared by the launcher and the commands: fill in local defaults (or refuse, in production
// mode), find the database (DATABASE_URL, else the embedded one), apply migrations.
// Runs in scripts (tsx), never inside the Next.js server.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startEmbedded } from "@/lib/server/db/embedded";
import { migrate } from "@/lib/server/db/migrate";
import { closeDb } from "@/lib/server/db/client";
import { databaseEnv, productionMode } from "@/lib/server/env";

export const dataDir = () => path.resolve(process.env.GD_DATA_DIR ?? path.join(process.cwd(), ".data"));

export class StartupError extends Error {}

/**
 * Local start: generate AUTH_SECRET once (kept in the data folder), trust the local host, demo mode on.
 * Production mode (GD_PRODUCTION=1): every secret must be given; nothing is generated.
 */
export function applyEnvironmentDefaults(log: (m: string) => void = console.log): void {
  if (productionMode()) {
    const missing = ["DATABASE_URL", "AUTH_SECRET", "GD_BASE_URL"].filter((name) => !process.env[name]);
    if (missing.length > 0) {
      throw new StartupError(
        `Production mode (GD_PRODUCTION=1) needs ${missing.join(" and ")}. Set ${missing.length > 1 ? "them" : "it"} and start again; ` +
          "nothing is generated in production (AUTH_SECRET: `openssl rand -base64 33`; GD_BASE_URL: " +
          "the address people open, such as https://drill.example.org).",
      );
    }
    process.env.GD_DEMO = "0";
    return;
  }
  if (!process.env.AUTH_SECRET) {
    const file = path.join(dataDir(), "auth-secret");
    if (!existsSync(file)) {
      mkdirSync(dataDir(), { recursive: true, mode: 0o755 });
      writeFileSync(file, randomBytes(33).toString("base64"), { mode: 0o600 });
      log(`Generated AUTH_SECRET, kept in ${file}.`);
    }
    process.env.AUTH_SECRET = readFileSync(file, "utf8").trim();
  }
  process.env.AUTH_TRUST_HOST ??= "true";
  process.env.GD_DEMO ??= "1";
}

export interface OpenDatabase {
  url: string;
  embedded: boolean;
  stop: () => Promise<void>;
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL under the data folder. Sets DATABASE_URL. */
export async function openDatabase(
  options: { allowShared?: boolean; log?: (m: string) => void } = {},
): Promise<OpenDatabase> {
  const log = options.log ?? console.log;
  const given = process.env.DATABASE_URL;
  if (given) return { url: databaseEnv().DATABASE_URL, embedded: false, stop: async () => {} };
  if (productionMode())
    throw new StartupError("Production mode needs DATABASE_URL; the embedded database is for local use.");
  const db = await startEmbedded({
    baseDir: path.join(dataDir(), "postgres"),
    ...(process.env.GD_EMBEDDED_PORT ? { port: Number(process.env.GD_EMBEDDED_PORT) } : {}),
    log,
    allowShared: options.allowShared ?? false,
  });
  process.env.DATABASE_URL = db.url;
  return { url: db.url, embedded: true, stop: db.stop };
}

export async function migrateDatabase(url: string, log: (m: string) => void = console.log): Promise<void> {
  const result = await migrate(url, { log });
  if (result.applied.length === 0)
    log(`Database schema is up to date (${result.alreadyApplied.length} migrations).`);
}

/**
 * For commands: open the database (sharing a running embedded one), migrate (unless told not to:
 * backup and restore take the schema as they find it), work, close.
 */
export async function withDatabase<T>(
  work: () => Promise<T>,
  log: (m: string) => void = console.log,
  options: { migrate?: boolean } = {},
): Promise<T> {
  const database = await openDatabase({ allowShared: true, log });
  try {
    if (options.migrate !== false) await migrateDatabase(database.url, log);
    return await work();
  } finally {
    await closeDb();
    await database.stop();
  }
}

/** Runs a command's main function and exits with its code; a StartupError prints only its message. */
export function runCommand(main: () => Promise<number>, prefix = ""): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      const text =
        error instanceof StartupError
          ? error.message
          : error instanceof Error
            ? (error.stack ?? error.message)
            : String(error);
      console.error(`${prefix}${text}`);
      process.exit(1);
    },
  );
}
