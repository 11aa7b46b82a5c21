// GET: one problem set for the signed-in student, with the problems they have opened (looking creates nothing).
import { withUser } from "@/lib/server/api";
import { openAssignment } from "@/lib/server/assignments/student";

export const dynamic = "force-dynamic";

export async function GET(
  _request: Request,
  context: { params: Promise<{ setId: string }> },
): Promise<Response> {
  const { setId } = await context.params;
  return withUser(async (actor) => openAssignment({ actor, setId }));
}
