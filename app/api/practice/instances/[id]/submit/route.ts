// POST {clientSubmissionId, answer, elapsedMs}: grade one try (exactly once per submission id).
import { withUserWrite } from "@/lib/server/api";
import { submitAnswer } from "@/lib/server/practice/practice";

export const dynamic = "force-dynamic";

export async function POST(
  request: Request,
  context: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await context.params;
  return withUserWrite(request, (actor, input) => submitAnswer({ actor, instanceId: id, input }));
}
