// POST {itemId, copy}: opens one problem of the set for the signed-in student (created now, once) and
// returns its instance id; answering then goes through the practice routes.
import { readJson, withUser } from "@/lib/server/api";
import { openAssignmentProblem } from "@/lib/server/assignments/student";

export const dynamic = "force-dynamic";

export async function POST(
  request: Request,
  context: { params: Promise<{ setId: string }> },
): Promise<Response> {
  const { setId } = await context.params;
  return withUser(async (actor) => openAssignmentProblem({ actor, setId, input: await readJson(request) }));
}
