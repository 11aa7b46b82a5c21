// POST {clientSubmissionId, answer, elapsedMs}: grade one try (exactly once per submission id).
import { readJson, withUser } from "@/lib/server/route-frame";
import { submitAnswer } from "@/lib/server/practice/practice";

export const dynamic = "force-dynamic";

export async function POST(
  request: Request,
  context: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await context.params;
  return withUser(async (actor) => submitAnswer({ actor, instanceId: id, input: await readJson(request) }));
}
