// Where to go after sign-in: only a path on this site, never another origin.
export function safeReturnPath(value: unknown, fallback = "/dashboard"): string {
  if (typeof value !== "string" || value === "") return fallback;
  let url: URL;
  try {
    url = new URL(value, "http://same-origin.invalid");
  } catch {
    return fallback;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (
    !path.startsWith("/") ||
    path.startsWith("//") ||
    path.startsWith("/signin") ||
    path.startsWith("/api/")
  )
    return fallback;
  return path;
}
