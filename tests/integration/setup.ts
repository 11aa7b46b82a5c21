// Per test file: point the server code at the suite's database; close the pool afterwards.
import { afterAll, inject } from "vitest";
import { closeDb } from "@/lib/server/db/client";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.AUTH_SECRET ??= "integration-tests-secret-integration-tests-secret";

afterAll(async () => {
  await closeDb();
});
