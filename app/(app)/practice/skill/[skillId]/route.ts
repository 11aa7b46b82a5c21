// GET /practice/skill/[skillId]?n=&of=&s=&next=: issues a problem of the skill (or "mixed") and sends
// the learner to its view, carrying the session in the query. Linked with plain <a> (never prefetched).
import { readSession, sessionQuery } from "@/lib/practice/session";
import { isAppError } from "@/lib/server/errors";
import { startInstance } from "@/lib/server/practice/practice";
import { getCurrentUser } from "@/lib/server/session";

export const dynamic = "force-dynamic";

// A relative Location: behind `next start` request.url names the server's own host (localhost), not
// the one the browser used, and the session cookie belongs to the latter.
function to(_request: Request, path: string): Response {
  return new Response(null, { status: 303, headers: { Location: path, "Cache-Control": "no-store" } });
}

export async function GET(request: Request, context: { params: Promise<{ skillId: string }> }): Promise<Response> {
  const { skillId } = await context.params;
  const url = new URL(request.url);
  const actor = await getCurrentUser().catch(() => null);
  if (!actor) return to(request, `/signin?callbackUrl=${encodeURIComponent(`${url.pathname}${url.search}`)}`);
  const session = readSession(Object.fromEntries(url.searchParams));
  try {
    const view = await startInstance({ actor, input: { skillId } });
    const carried = { ...session, skill: skillId, s: session.n === 1 || !session.s ? view.id : session.s };
    return to(request, `/practice/i/${view.id}${sessionQuery(carried)}`);
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "INVALID_INPUT")) {
      return to(request, "/practice?error=no-such-skill");
    }
    console.error(error);
    return to(request, "/practice?error=unavailable");
  }
}
