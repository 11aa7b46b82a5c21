// POST {itemId, copy}: opens one problem of the set for the signed-in student (created now, once) and
// returns its instance id; answering then goes through the practice routes.
import { withUserWrite } from "@/lib/server/route-frame";
import { openAssignmentProblem } from "@/lib/server/assignments/student";

export const dynamic = "force-dynamic";

export async function POST(
  request: Request,
  context: { params: Promise<{ setId: string }> },
): Promise<Response> {
  const { setId } = await context.params;
  return withUserWrite(request, (actor, input) => openAssignmentProblem({ actor, setId, input }));
}
