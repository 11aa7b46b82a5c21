// POST {clientSubmissionId}: "show me the answer" ends the problem and returns its key and solution.
import { withUserWrite } from "@/lib/server/api";
import { revealAnswer } from "@/lib/server/practice/practice";

export const dynamic = "force-dynamic";

export async function POST(
  request: Request,
  context: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await context.params;
  return withUserWrite(request, (actor, input) => revealAnswer({ actor, instanceId: id, input }));
}
