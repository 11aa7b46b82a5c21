// Admin commands for accounts: `npm run user -- reset-password EMAIL [NEW_PASSWORD]`.
// Uses DATABASE_URL, or the embedded database (also while the app is running on it).
import { closeDb } from "@/lib/server/db/client";
import { isAppError } from "@/lib/server/errors";
import { applyEnvironmentDefaults, migrateDatabase, openDatabase } from "@/lib/server/runtime";
import { adminResetPassword } from "@/lib/server/users/admin-reset-password";

const USAGE =
  "Usage: npm run user -- reset-password EMAIL [NEW_PASSWORD]\n  Prints a new password, or sets the one given.";

async function main(): Promise<number> {
  const [command, email, newPassword] = process.argv.slice(2);
  if (command !== "reset-password" || !email) {
    console.error(USAGE);
    return 2;
  }
  applyEnvironmentDefaults(() => {});
  const database = await openDatabase({ allowShared: true, log: (m) => console.error(m) });
  try {
    await migrateDatabase(database.url, () => {});
    const password = await adminResetPassword({ email, ...(newPassword ? { newPassword } : {}) });
    console.log(newPassword ? `Password set for ${email}.` : `New password for ${email}: ${password}`);
    return 0;
  } catch (error) {
    if (isAppError(error)) {
      console.error(error.message);
      return 1;
    }
    throw error;
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
