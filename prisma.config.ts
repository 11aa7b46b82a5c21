// Prisma CLI configuration. Migrations are applied by lib/server/db/migrate.ts, not by the Prisma CLI
// (its schema engine is a download this machine cannot make); the CLI is used for `generate` only.
import { existsSync } from "node:fs";
import { defineConfig } from "prisma/config";

// `prisma generate` never runs the schema engine, but the CLI still tries to download it unless this
// variable names an existing file. Point it at any file that exists, for `generate` only.
if (process.argv.includes("generate") && !process.env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const stand_in = "package.json";
  if (existsSync(stand_in)) process.env.PRISMA_SCHEMA_ENGINE_BINARY = stand_in;
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unset" },
});
