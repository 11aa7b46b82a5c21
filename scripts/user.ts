// Admin commands for accounts: `npm run user -- reset-password EMAIL [NEW_PASSWORD]`.
// Uses DATABASE_URL, or the embedded database (also while the app is running on it).
import { isAppError } from "@/lib/server/errors";
import { applyEnvironmentDefaults, runCommand, withDatabase } from "@/lib/server/runtime";
import { adminResetPassword } from "@/lib/server/users/admin-reset-password";

const USAGE =
  "Usage: npm run user -- reset-password EMAIL [NEW_PASSWORD]\n  Prints a new password, or sets the one given.";

runCommand(async () => {
  const [command, email, newPassword] = process.argv.slice(2);
  if (command !== "reset-password" || !email) {
    console.error(USAGE);
    return 2;
  }
  applyEnvironmentDefaults(() => {});
  try {
    const password = await withDatabase(
      () => adminResetPassword({ email, ...(newPassword ? { newPassword } : {}) }),
      (m) => console.error(m),
    );
    console.log(newPassword ? `Password set for ${email}.` : `New password for ${email}: ${password}`);
    return 0;
  } catch (error) {
    if (!isAppError(error)) throw error;
    console.error(error.message);
    return 1;
  }
});
