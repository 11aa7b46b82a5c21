// Once per integration run: a fresh, migrated database for the suite, dropped at the end.
import { rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { freePort, scratchDir, startEmbedded, type EmbeddedDatabase } from "@/lib/server/db/embedded";
import { migrate } from "@/lib/server/db/migrate";
import { createDatabase, dropDatabase } from "./database";

declare module "vitest" {
  export interface ProvidedContext {
    /** The suite's migrated database. */
    databaseUrl: string;
    /** A connection that may create and drop databases on the same server. */
    adminUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let embedded: EmbeddedDatabase | undefined;
  let tempDir: string | undefined;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    tempDir = scratchDir("gd-integration-");
    embedded = await startEmbedded({
      baseDir: path.join(tempDir, "postgres"),
      port: await freePort(),
      log: () => {},
    });
    adminUrl = embedded.serverUrl("postgres");
  }
  const databaseUrl = await createDatabase(adminUrl, "gd_test");
  await migrate(databaseUrl);
  project.provide("databaseUrl", databaseUrl);
  project.provide("adminUrl", adminUrl);
  const admin = adminUrl;
  return async () => {
    await dropDatabase(admin, databaseUrl);
    await embedded?.stop();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  };
}
