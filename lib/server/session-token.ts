// The session cookie's claims, decrypted once per token and process. Auth.js's decode derives the
// key (HKDF) and decrypts the token (JWE, AES-CBC with HMAC) on every request; a given token always
// decrypts to the same claims, so the claims of the tokens seen recently are kept (bounded, least
// recently used out first) and only their expiry is checked again. A token that fails to decrypt is
// never kept. Revocation does not depend on this: every request still compares the token's session
// version with the account's (lib/server/session-user.ts).
import "server-only";
import { type JWT, type JWTDecodeParams, decode } from "next-auth/jwt";

/** Tokens kept per process (each about 1 KB with its claims). */
export const SESSION_TOKENS_KEPT = 5_000;
/** Auth.js accepts a token up to this long after its expiry (its clock tolerance). */
const TOLERANCE_SECONDS = 15;

const kept = new Map<string, JWT>();

function expired(claims: JWT, nowSeconds: number): boolean {
  return typeof claims.exp === "number" && claims.exp + TOLERANCE_SECONDS < nowSeconds;
}

/** Auth.js's decode, remembered per (secret, salt, token): the same claims, or null once expired. */
export async function decodeSessionToken(params: JWTDecodeParams): Promise<JWT | null> {
  const { token, salt } = params;
  if (!token) return null;
  const secret = Array.isArray(params.secret) ? params.secret.join("\n") : params.secret;
  const key = `${secret}\n${salt}\n${token}`;
  const nowSeconds = Date.now() / 1000;
  const hit = kept.get(key);
  if (hit) {
    kept.delete(key);
    if (expired(hit, nowSeconds)) return null;
    kept.set(key, hit); // most recently used last
    return hit;
  }
  const claims = await decode(params);
  if (!claims) return null;
  if (kept.size >= SESSION_TOKENS_KEPT) kept.delete(kept.keys().next().value!);
  Object.freeze(claims);
  kept.set(key, claims);
  return claims;
}
