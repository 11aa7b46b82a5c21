// The one rule for where the app may send a browser back to: a path on this site, never another
// origin. Used for the practice session's `next` (lib/practice/session.ts) and after sign-in.
const BASE = "http://same-origin.invalid";

/**
 * `value` when it is a path on this site: one leading slash (not `//host` nor `/\host`, which
 * browsers treat as another origin), no backslashes, white space or control characters, at most
 * 500 characters; returned normalised (dot segments resolved). Otherwise undefined.
 */
export function sitePath(value: unknown): string | undefined {
  if (typeof value !== "string" || value.length === 0 || value.length > 500) return undefined;
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return undefined;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\s]/.test(value)) return undefined;
  try {
    const url = new URL(value, BASE);
    if (url.origin !== BASE) return undefined;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return undefined;
  }
}

/**
 * Where to go after sign-in. A full URL (Auth.js passes one) is reduced to its path, which must then
 * pass `sitePath`; the sign-in page itself and the API are never targets. Otherwise `fallback`.
 */
export function safeReturnPath(value: unknown, fallback = "/dashboard"): string {
  if (typeof value !== "string" || value === "") return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  const path = sitePath(`${url.pathname}${url.search}${url.hash}`);
  if (path === undefined || path.startsWith("/signin") || path.startsWith("/api/")) return fallback;
  return path;
}
