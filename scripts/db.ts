// `npm run db:migrate` applies pending migrations; `npm run db:seed` adds the demo accounts once.
// Both use DATABASE_URL, or the embedded database (also while the app is running on it).
import { applyEnvironmentDefaults, runCommand, withDatabase } from "@/lib/server/runtime";
import { seedDemoOnce } from "@/lib/server/seed";

runCommand(async () => {
  const command = process.argv[2];
  if (command !== "migrate" && command !== "seed") {
    console.error("Usage: tsx scripts/db.ts migrate|seed");
    return 2;
  }
  applyEnvironmentDefaults();
  await withDatabase(async () => {
    if (command === "seed") {
      console.log(
        (await seedDemoOnce()) ? "Demo accounts created." : "Demo data was seeded before; nothing to do.",
      );
    }
  });
  return 0;
});
