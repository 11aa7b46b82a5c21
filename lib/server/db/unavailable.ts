// Is this error the database being away (stopped, restarting, unreachable) rather than a bug? Such
// errors become a 503 with a clear message ("nothing was saved"); anything else stays a 500. The
// driver's error may be wrapped (Prisma's adapter errors keep it as `cause`), so the chain is walked.

/** SQLSTATEs of a server that is going away or not yet there, and Node's socket errors. */
const UNAVAILABLE_CODES = new Set([
  "57P01", // admin_shutdown: the server is stopping and ended this connection
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: starting up or shutting down
  "53300", // too_many_connections
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "P1001", // Prisma: can't reach the database server
  "P1017", // Prisma: the server closed the connection
]);

const UNAVAILABLE_TEXT =
  /ECONNREFUSED|ECONNRESET|Can't reach database|connection terminated|terminating connection|not queryable|the database system is (starting up|shutting down|in recovery mode)|Connection ended unexpectedly/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; depth < 6 && e; depth++) {
    if (typeof e !== "object") return false;
    const { code, message, cause, originalCode } = e as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      originalCode?: unknown;
    };
    if (typeof code === "string" && (UNAVAILABLE_CODES.has(code) || code.startsWith("08"))) return true;
    if (
      typeof originalCode === "string" &&
      (UNAVAILABLE_CODES.has(originalCode) || originalCode.startsWith("08"))
    )
      return true;
    if (typeof message === "string" && UNAVAILABLE_TEXT.test(message)) return true;
    e = cause;
  }
  return false;
}
