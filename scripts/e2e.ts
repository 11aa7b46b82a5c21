// `npm run test:e2e`: Playwright in Debian's Chromium against the built app, served by the same
// launcher as `npm start`, on a fresh database (created on DATABASE_URL's server and dropped after,
// or an embedded PostgreSQL in a temporary folder).
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { freePort, scratchDir, startEmbedded, type EmbeddedDatabase } from "@/lib/server/db/embedded";
import { buildIfStale } from "./build-if-stale";
import { ensureChromium } from "./chromium";

const log = (message: string) => console.log(`[e2e] ${message}`);

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function main(): Promise<number> {
  const chromium = ensureChromium(log);
  if (!buildIfStale(log)) return 1;

  const tempDir = scratchDir("gd-e2e-");
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl: string;
  let cleanup: () => Promise<void>;
  if (process.env.DATABASE_URL) {
    const adminUrl = process.env.DATABASE_URL;
    const name = `gd_e2e_${Date.now().toString(36)}`;
    await admin(adminUrl, `CREATE DATABASE "${name}"`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    cleanup = () => admin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } else {
    embedded = await startEmbedded({
      baseDir: path.join(tempDir, "postgres"),
      port: await freePort(),
      log,
      removeOnStop: true,
    });
    databaseUrl = embedded.url;
    cleanup = () => embedded!.stop();
  }

  try {
    const port = String(await freePort());
    const result = spawnSync(
      path.join("node_modules", ".bin", "playwright"),
      ["test", ...process.argv.slice(2)],
      {
        stdio: "inherit",
        env: {
          ...process.env,
          CHROMIUM_PATH: chromium,
          E2E_PORT: port,
          E2E_DATABASE_URL: databaseUrl,
          E2E_DATA_DIR: path.join(tempDir, "data"),
        },
      },
    );
    return result.status ?? 1;
  } finally {
    await cleanup();
    rmSync(tempDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
