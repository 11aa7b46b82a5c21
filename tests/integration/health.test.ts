// The health report says whether the database answers.
import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { freePort } from "@/lib/server/db/embedded";
import { checkHealth } from "@/lib/server/health";

describe("health", () => {
  it("is ok when the database answers", async () => {
    expect(await checkHealth()).toMatchObject({ status: "ok", app: "ok", database: "ok" });
  });

  it("is degraded when the database does not answer", async () => {
    const port = await freePort();
    const db = new PrismaClient({
      adapter: new PrismaPg({ connectionString: `postgresql://nobody@127.0.0.1:${port}/none` }),
    });
    try {
      expect(await checkHealth({ db, timeoutMs: 5000 })).toMatchObject({
        status: "degraded",
        database: "unavailable",
      });
    } finally {
      await db.$disconnect();
    }
  });
});
