// One Prisma client per process, kept on globalThis so that dev-mode reloads do not open new pools.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

const holder = globalThis as unknown as { gradientDrillPrisma?: PrismaClient };

export function getDb(): PrismaClient {
  if (!holder.gradientDrillPrisma) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set. Start the app with `npm start`.");
    // Each web process has its own small pool (scripts/web-processes.ts shares the budget out).
    const max = Number(process.env.GD_DB_POOL_MAX) || 10;
    holder.gradientDrillPrisma = new PrismaClient({ adapter: new PrismaPg({ connectionString, max }) });
  }
  return holder.gradientDrillPrisma;
}

/** Closes the pool (scripts and tests; the app keeps it for the life of the process). */
export async function closeDb(): Promise<void> {
  await holder.gradientDrillPrisma?.$disconnect();
  holder.gradientDrillPrisma = undefined;
}
