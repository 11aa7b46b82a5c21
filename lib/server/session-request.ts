// The signed-in user of a request, from its headers alone: the session cookie decrypted (Auth.js's
// getToken with the app's remembering decode) and one indexed read of the account. Shared by pages and
// routes inside Next.js (lib/server/session.ts's getCurrentUser passes Next's headers) and by the routes
// the app's server answers before Next.js (lib/server/direct-routes.ts passes the request's).
import "server-only";
import { getToken } from "next-auth/jwt";
import { decodeSessionToken } from "@/lib/server/session-token";
import { readSessionUser } from "@/lib/server/session-user";
import type { ActingUser } from "@/lib/server/users/user.types";

const SECURE_COOKIE = "__Secure-authjs.session-token";

function hasSecureCookie(headers: Headers): boolean {
  const cookie = headers.get("cookie") ?? "";
  return cookie.split(";").some((part) => part.trim().startsWith(`${SECURE_COOKIE}=`));
}

export async function userFromHeaders(headers: Headers): Promise<ActingUser | null> {
  const token = await getToken({
    req: { headers },
    secret: process.env.AUTH_SECRET ?? "",
    secureCookie: hasSecureCookie(headers),
    decode: decodeSessionToken,
  });
  if (!token?.sub) return null;
  return readSessionUser({ id: token.sub, sessionVersion: token.sv });
}
