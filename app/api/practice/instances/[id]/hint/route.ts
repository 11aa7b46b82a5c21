// POST: take the hint (recorded: a right answer after it rates Hard).
import { withUser } from "@/lib/server/route-frame";
import { takeHint } from "@/lib/server/practice/practice";

export const dynamic = "force-dynamic";

export async function POST(
  _request: Request,
  context: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await context.params;
  return withUser((actor) => takeHint({ actor, instanceId: id }));
}
