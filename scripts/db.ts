// `npm run db:migrate` applies pending migrations; `npm run db:seed` adds the demo accounts once.
// Both use DATABASE_URL, or the embedded database (also while the app is running on it).
import { closeDb } from "@/lib/server/db/client";
import { applyEnvironmentDefaults, migrateDatabase, openDatabase } from "@/lib/server/runtime";
import { seedDemoOnce } from "@/lib/server/seed";

async function main(): Promise<number> {
  const command = process.argv[2];
  if (command !== "migrate" && command !== "seed") {
    console.error("Usage: tsx scripts/db.ts migrate|seed");
    return 2;
  }
  applyEnvironmentDefaults();
  const database = await openDatabase({ allowShared: true });
  try {
    await migrateDatabase(database.url);
    if (command === "seed")
      console.log(
        (await seedDemoOnce()) ? "Demo accounts created." : "Demo data was seeded before; nothing to do.",
      );
    return 0;
  } finally {
    await closeDb();
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
