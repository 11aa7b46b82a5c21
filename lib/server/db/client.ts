// One connection pool per process, shared by Prisma's client and by the few hot paths that send one
// statement of their own (the session check, the submit path); both kept on globalThis so that
// dev-mode reloads do not open new pools.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseEnv } from "@/lib/server/env";

const holder = globalThis as unknown as { gradientDrillPrisma?: PrismaClient; gradientDrillPool?: pg.Pool };

/** The process's pool of PostgreSQL connections, for single statements sent without the ORM. */
export function getPool(): pg.Pool {
  if (!holder.gradientDrillPool) {
    // Each web process has its own small pool (scripts/web-processes.ts shares the budget out).
    const { DATABASE_URL, GD_DB_POOL_MAX } = databaseEnv();
    const pool = new pg.Pool({ connectionString: DATABASE_URL, max: GD_DB_POOL_MAX });
    // An idle connection the server ends (a restart) is dropped from the pool; without a listener
    // that error would end the process. The next query opens a fresh connection.
    pool.on("error", (error) => console.warn(`A pooled database connection ended: ${error.message}`));
    holder.gradientDrillPool = pool;
  }
  return holder.gradientDrillPool;
}

export function getDb(): PrismaClient {
  holder.gradientDrillPrisma ??= new PrismaClient({ adapter: new PrismaPg(getPool()) });
  return holder.gradientDrillPrisma;
}

/** Closes the pool (scripts and tests; the app keeps it for the life of the process). */
export async function closeDb(): Promise<void> {
  const prisma = holder.gradientDrillPrisma;
  const pool = holder.gradientDrillPool;
  holder.gradientDrillPrisma = undefined;
  holder.gradientDrillPool = undefined;
  await prisma?.$disconnect();
  await pool?.end();
}
