// The app's own origin: links are built from it (never from the Host or X-Forwarded-Host header) and
// state-changing requests must come from it. GD_BASE_URL in production; locally the launcher's port
// on localhost or 127.0.0.1.
import "server-only";
import { getEnv } from "@/lib/server/env";

/** The origin links are built from, e.g. https://drill.example.org (no trailing slash). */
export function baseUrl(): string {
  const env = getEnv();
  return env.GD_BASE_URL ?? `http://localhost:${env.PORT}`;
}

/** Origins a browser may send state-changing requests from. */
export function appOrigins(): string[] {
  const env = getEnv();
  if (env.GD_BASE_URL) return [env.GD_BASE_URL];
  return [`http://localhost:${env.PORT}`, `http://127.0.0.1:${env.PORT}`];
}
