// Admin commands for accounts. Uses DATABASE_URL, or the embedded database (also while the app is
// running on it).
//   npm run user -- reset-password EMAIL [NEW_PASSWORD]
//   npm run user -- grant teacher|admin EMAIL
//   npm run user -- revoke teacher|admin EMAIL
import { isAppError } from "@/lib/server/errors";
import { applyEnvironmentDefaults, runCommand, withDatabase } from "@/lib/server/runtime";
import { adminResetPassword } from "@/lib/server/users/admin-reset-password";
import { changeRoleByEmail } from "@/lib/server/users/roles";

const USAGE = [
  "Usage:",
  "  npm run user -- reset-password EMAIL [NEW_PASSWORD]   prints a new password, or sets the one given",
  "  npm run user -- grant teacher|admin EMAIL             grants the role (admin includes teacher)",
  "  npm run user -- revoke teacher|admin EMAIL            takes the role back (the account stays a learner)",
].join("\n");

async function run(args: string[]): Promise<string | null> {
  const [command, first, second] = args;
  if (command === "reset-password" && first) {
    const password = await adminResetPassword({ email: first, ...(second ? { newPassword: second } : {}) });
    return second ? `Password set for ${first}.` : `New password for ${first}: ${password}`;
  }
  if ((command === "grant" || command === "revoke") && first && second) {
    const result = await changeRoleByEmail({ email: second, change: command, role: first });
    return `${result.email} is now ${result.role === "learner" ? "a learner" : `a${result.role === "admin" ? "n" : ""} ${result.role}`}.`;
  }
  return null;
}

runCommand(async () => {
  const args = process.argv.slice(2);
  const known =
    (args[0] === "reset-password" && args[1]) || ((args[0] === "grant" || args[0] === "revoke") && args[2]);
  if (!known) {
    console.error(USAGE);
    return 2;
  }
  applyEnvironmentDefaults(() => {});
  try {
    const message = await withDatabase(
      () => run(args),
      (m) => console.error(m),
    );
    console.log(message);
    return 0;
  } catch (error) {
    if (!isAppError(error)) throw error;
    console.error(error.message);
    return 1;
  }
});
