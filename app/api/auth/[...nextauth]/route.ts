// Auth.js's HTTP endpoints (csrf, session, credentials callback, sign-out), with two additions: the
// session endpoint answers nothing for a signed-out or deleted user (the same check as every page),
// and the sign-out endpoint ends every copy of the session, not only this browser's cookie.
import type { NextRequest } from "next/server";
import { handlers } from "@/lib/server/auth";
import { isSameOrigin } from "@/lib/server/same-origin";
import { endSessionsOf, getCurrentUser } from "@/lib/server/session";

const endpoint = (request: NextRequest) => request.nextUrl.pathname.replace(/\/+$/, "").split("/").pop();

export async function GET(request: NextRequest): Promise<Response> {
  if (endpoint(request) === "session" && !(await getCurrentUser()))
    return Response.json(null, { headers: { "Cache-Control": "no-store" } });
  return handlers.GET(request);
}

export async function POST(request: NextRequest): Promise<Response> {
  // Only a sign-out from the app's own pages ends the sessions (Auth.js checks its CSRF token after
  // this point, so a forged cross-origin sign-out must not get here).
  if (endpoint(request) === "signout" && isSameOrigin(request)) {
    const actor = await getCurrentUser();
    if (actor) await endSessionsOf(actor);
  }
  return handlers.POST(request);
}
