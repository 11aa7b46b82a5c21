// Runs once when the server starts: validates the environment, so a bad one fails at start-up with
// a readable message instead of on the first request.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv } = await import("@/lib/server/env");
  getEnv();
}
