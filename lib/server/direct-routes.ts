// The routes the app's server (scripts/serve.mjs) answers itself, before Next.js's request pipeline:
// only the graded answer, the one write a learner makes many times a minute, whose cost the framework
// would otherwise more than double. Same handler, same checks (same-origin JSON, body size, session
// with its version, zod, exactly once) as the Next.js route; the user is read from the request's own
// headers. Bundled with the production build (scripts/build-direct-routes.ts) so the server loads it
// without a TypeScript loader; anything that does not match goes on to Next.js.
import "server-only";
import { submitRoute } from "@/lib/server/practice/submit-route";
import { userFromHeaders } from "@/lib/server/session-request";

const SUBMIT = /^\/api\/practice\/instances\/([^/?#]+)\/submit\/?$/;

/** The path a direct route answers, for a method and a URL path (no query), or null. */
export function directRouteFor(method: string, pathname: string): { instanceId: string } | null {
  if (method !== "POST") return null;
  const match = SUBMIT.exec(pathname);
  if (!match) return null;
  try {
    return { instanceId: decodeURIComponent(match[1]!) };
  } catch {
    return null;
  }
}

/** Answers a request the app's server handles itself, or null for Next.js to handle. */
export async function answerDirect(request: Request): Promise<Response | null> {
  const route = directRouteFor(request.method, new URL(request.url).pathname);
  if (!route) return null;
  return submitRoute(request, route.instanceId, () => userFromHeaders(request.headers));
}
