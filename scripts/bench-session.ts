// `npm run bench:session [-- --iterations 3000]`: what the session check of one request costs, part by
// part, in one process against DATABASE_URL (any migrated database with at least one user):
//  1. Auth.js's session action, as `auth()` runs it on every call (read the cookie, decrypt the JWT,
//     run the callbacks, encrypt a refreshed token and build the response that would set it);
//  2. reading and decrypting the session cookie only (`getToken`, what the check needs);
//  3. the user read through Prisma's client (findUnique by primary key);
//  4. the same read as one statement on the connection pool.
// Each part runs alone, one call at a time, after a warm-up; the time is the mean per call.
import { Auth } from "@auth/core";
import { encode, getToken } from "next-auth/jwt";
import { authConfig } from "@/lib/server/auth/config";
import { closeDb, getDb, getPool } from "@/lib/server/db/client";
import { readSessionUser } from "@/lib/server/session-user";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i < 0 ? fallback : Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} must be a positive whole number`);
  return v;
}

async function measure(label: string, iterations: number, fn: () => Promise<unknown>) {
  for (let i = 0; i < Math.min(200, iterations); i++) await fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) await fn();
  const us = Number(process.hrtime.bigint() - start) / 1e3 / iterations;
  console.log(`| ${label} | ${us.toFixed(0)} |`);
  return us;
}

async function main() {
  const iterations = arg("iterations", 3000);
  const secret = "bench-session-secret-bench-session-secret";
  const user = await getDb().user.findFirstOrThrow({
    select: { id: true, email: true, displayName: true, role: true, sessionVersion: true },
  });
  const name = "authjs.session-token";
  const token = await encode({
    token: {
      sub: user.id,
      name: user.displayName,
      email: user.email,
      role: user.role,
      sv: user.sessionVersion,
    },
    secret,
    salt: name,
  });
  const headers = new Headers({ cookie: `${name}=${token}` });
  const config = { ...authConfig, secret, trustHost: true, basePath: "/api/auth" };

  console.log(`| part of the session check (${iterations} calls each) | µs per call |\n|---|---|`);
  await measure("Auth.js session action (what `auth()` runs)", iterations, async () => {
    const response = await Auth(new Request("http://localhost/api/auth/session", { headers }), config);
    return response.json();
  });
  await measure("session cookie decrypted (`getToken`)", iterations, () =>
    getToken({ req: { headers }, secret, secureCookie: false }),
  );
  await measure("user read through Prisma (findUnique)", iterations, () =>
    getDb().user.findUnique({
      where: { id: user.id },
      select: { id: true, email: true, displayName: true, role: true, sessionVersion: true },
    }),
  );
  await measure("user read on the pool (one statement)", iterations, () =>
    readSessionUser({ id: user.id, sessionVersion: user.sessionVersion }),
  );
  await measure("round trip alone (`SELECT 1` on the pool)", iterations, () => getPool().query("SELECT 1"));
  await closeDb();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
