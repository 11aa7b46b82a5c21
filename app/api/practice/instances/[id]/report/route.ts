// POST {comment, submissionId?}: report a verdict the learner believes is wrong.
import { withUserWrite } from "@/lib/server/api";
import { reportGrading } from "@/lib/server/practice/practice";

export const dynamic = "force-dynamic";

export async function POST(
  request: Request,
  context: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await context.params;
  return withUserWrite(request, (actor, input) => reportGrading({ actor, instanceId: id, input }));
}
