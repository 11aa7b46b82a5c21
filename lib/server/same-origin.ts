// The cross-site request forgery check of every state-changing JSON route (lib/server/route-frame.ts's
// withUserWrite, and the test clock). Imports nothing of the session, so any route may use it.
import "server-only";
import { appOrigins } from "@/lib/server/base-url";
import { AppError } from "@/lib/server/errors";

export const MAX_BODY_BYTES = 64 * 1024;
export const TOO_LARGE = "The request is too large.";

/**
 * Refuses a state-changing request another site could have made the browser send: the body must be
 * declared JSON (a cross-site form or text/plain fetch cannot declare it without a preflight) and the
 * request must come from the app's own origin (Origin header, or Sec-Fetch-Site: same-origin when a
 * browser sends no Origin). Answers before any other work.
 */
export function assertSameOriginJson(request: Request): void {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json")
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      "Send the request as JSON (Content-Type: application/json).",
    );
  if (!isSameOrigin(request))
    throw new AppError(
      "CROSS_SITE",
      "This request did not come from Gradient Drill's own pages; it was refused.",
    );
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw new AppError("TOO_LARGE", TOO_LARGE);
}

/**
 * Did the request come from the app's own origin (Origin header, or Sec-Fetch-Site: same-origin when a
 * browser sends no Origin)? A request with neither is not.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  return origin !== null
    ? appOrigins().includes(origin)
    : request.headers.get("sec-fetch-site") === "same-origin";
}
