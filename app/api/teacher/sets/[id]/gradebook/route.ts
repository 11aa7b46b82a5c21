// GET: the gradebook of one of the teacher's sets.
import { withUser } from "@/lib/server/route-frame";
import { getGradebook } from "@/lib/server/assignments/gradebook";

export const dynamic = "force-dynamic";

export async function GET(
  _request: Request,
  context: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await context.params;
  return withUser(async (actor) => getGradebook({ actor, setId: id }));
}
