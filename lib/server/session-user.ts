// The user a session token stands for, read with one indexed statement on the connection pool (no
// ORM on this path: it runs on every signed-in request). Null when the account is gone or its session
// version moved on since the token was issued (a password change or reset).
import "server-only";
import { getPool } from "@/lib/server/db/client";
import type { ActingUser } from "@/lib/server/users/user.types";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function readSessionUser(
  claims: { id?: string | undefined; sessionVersion?: number | undefined } | null,
): Promise<ActingUser | null> {
  const id = claims?.id;
  if (!id || !UUID.test(id)) return null;
  const { rows } = await getPool().query<ActingUser & { sessionVersion: number }>({
    // Named: each pooled connection parses and plans it once.
    name: "session_user",
    text: `SELECT "id", "email", "displayName", "role"::text AS "role", "sessionVersion" FROM "User" WHERE "id" = $1`,
    values: [id],
  });
  const user = rows[0];
  if (!user || user.sessionVersion !== claims.sessionVersion) return null;
  const { sessionVersion: _version, ...actor } = user;
  return actor;
}
