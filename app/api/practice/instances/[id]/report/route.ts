// POST {comment, submissionId?}: report a verdict the learner believes is wrong.
import { readJson, withUser } from "@/lib/server/route-frame";
import { reportGrading } from "@/lib/server/practice/practice";

export const dynamic = "force-dynamic";

export async function POST(
  request: Request,
  context: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await context.params;
  return withUser(async (actor) => reportGrading({ actor, instanceId: id, input: await readJson(request) }));
}
