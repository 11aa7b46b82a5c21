// `npm start` (and `npm run dev` with --dev): build when needed, start the embedded database when no
// DATABASE_URL is given, migrate, seed the demo once, then run Next.js (WEB_CONCURRENCY processes on
// one port in production mode), forwarding signals to it and stopping the database after it exits.
import { DEMO_ACCOUNTS } from "@/lib/demo";
import { closeDb } from "@/lib/server/db/client";
import { getEnv } from "@/lib/server/env";
import {
  applyEnvironmentDefaults,
  migrateDatabase,
  openDatabase,
  runCommand,
  StartupError,
} from "@/lib/server/runtime";
import { seedDemoOnce } from "@/lib/server/seed";
import { pruneSignInAttempts } from "@/lib/server/auth/sign-in";
import { buildIfStale } from "./build-if-stale";
import { startWeb } from "./web-processes";

const dev = process.argv.includes("--dev");
const root = process.cwd();
const log = (message: string) => console.log(`[gradient-drill] ${message}`);

async function waitForHealth(url: string, web: { running(): boolean }): Promise<boolean> {
  for (let i = 0; i < 600 && web.running(); i++) {
    try {
      const response = await fetch(url);
      if (response.status === 200) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

async function main(): Promise<number> {
  applyEnvironmentDefaults(log);
  if (!dev && !buildIfStale(log)) throw new StartupError("The build failed (see above).");
  const database = await openDatabase({ log });
  let stopped = false;
  const stopDatabase = async () => {
    if (stopped) return;
    stopped = true;
    await database.stop();
    if (database.embedded) log("Embedded database stopped.");
  };
  try {
    const env = getEnv();
    await migrateDatabase(database.url, log);
    if (env.GD_DEMO && (await seedDemoOnce())) log("Demo accounts created.");
    await pruneSignInAttempts();
    await closeDb();
  } catch (error) {
    await stopDatabase();
    throw error;
  }

  const port = process.env.PORT ?? "3000";
  const host = process.env.HOST ?? (getEnv().GD_PRODUCTION ? "0.0.0.0" : "127.0.0.1");
  const web = startWeb({ root, dev, port, host, processes: getEnv().WEB_CONCURRENCY, log });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      if (!web.running()) return;
      log(`${signal}: stopping Next.js, then the database.`);
      web.stop(signal);
    });
  }

  const shownHost = host === "127.0.0.1" || host === "0.0.0.0" ? "localhost" : host;
  if (await waitForHealth(`http://127.0.0.1:${port}/api/health`, web)) {
    log(`Gradient Drill is ready on http://${shownHost}:${port}`);
    if (getEnv().GD_DEMO) {
      log("Demo accounts (demo mode; never in production):");
      for (const account of DEMO_ACCOUNTS)
        log(`  ${account.role.padEnd(8)} ${account.email.padEnd(22)} password: ${account.password}`);
    }
    log("Press Ctrl+C to stop.");
  }
  const code = await web.exited;
  log(`Next.js exited (code ${code}).`);
  await stopDatabase();
  return code;
}

runCommand(main, "[gradient-drill] ");
