// The health report behind /api/health: the app answers, and the database answers a query.
import "server-only";
import { getDb } from "@/lib/server/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export interface Health {
  status: "ok" | "degraded";
  app: "ok";
  database: "ok" | "unavailable";
  uptimeSeconds: number;
}

export async function checkHealth(options: { db?: PrismaClient; timeoutMs?: number } = {}): Promise<Health> {
  const db = options.db ?? getDb();
  const timeoutMs = options.timeoutMs ?? 2000;
  let database: Health["database"] = "ok";
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), timeoutMs).unref()),
    ]);
  } catch {
    database = "unavailable";
  }
  return {
    status: database === "ok" ? "ok" : "degraded",
    app: "ok",
    database,
    uptimeSeconds: Math.round(process.uptime()),
  };
}
