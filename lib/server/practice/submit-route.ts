// POST /api/practice/instances/[id]/submit {clientSubmissionId, answer, elapsedMs}: grade one try
// (exactly once per submission id). One handler for the Next.js route and for the app's server, which
// answers this route before Next.js (lib/server/direct-routes.ts).
import "server-only";
import type { ActingUser } from "@/lib/server/users/user.types";
import { withUserWrite } from "@/lib/server/route-frame";
import { submitAnswer } from "@/lib/server/practice/practice";

export function submitRoute(
  request: Request,
  instanceId: string,
  currentUser?: () => Promise<ActingUser | null>,
): Promise<Response> {
  return withUserWrite(request, (actor, input) => submitAnswer({ actor, instanceId, input }), currentUser);
}
