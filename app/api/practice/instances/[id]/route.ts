// GET: the learner's view of one of their problems (the key only once it is finished).
import { withUser } from "@/lib/server/route-frame";
import { getInstance } from "@/lib/server/practice/practice";

export const dynamic = "force-dynamic";

export async function GET(
  _request: Request,
  context: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await context.params;
  return withUser((actor) => getInstance({ actor, instanceId: id }));
}
