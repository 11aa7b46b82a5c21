// POST: take the hint (recorded: a right answer after it rates Hard).
import { withUserWrite } from "@/lib/server/api";
import { takeHint } from "@/lib/server/practice/practice";

export const dynamic = "force-dynamic";

export async function POST(
  request: Request,
  context: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await context.params;
  return withUserWrite(request, (actor) => takeHint({ actor, instanceId: id }));
}
