// POST {step}: reveal the next hint step (recorded: a right answer after any hint rates Hard).
import { withUserWrite } from "@/lib/server/route-frame";
import { takeHint } from "@/lib/server/practice/practice";

export const dynamic = "force-dynamic";

export async function POST(
  request: Request,
  context: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await context.params;
  return withUserWrite(request, (actor, input) => takeHint({ actor, instanceId: id, input }));
}
