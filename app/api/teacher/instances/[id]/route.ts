// GET: a student's problem on one of the teacher's sets, with its key and worked solution.
import { withUser } from "@/lib/server/route-frame";
import { getStudentInstanceForTeacher } from "@/lib/server/assignments/gradebook";

export const dynamic = "force-dynamic";

export async function GET(
  _request: Request,
  context: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await context.params;
  return withUser(async (actor) => getStudentInstanceForTeacher({ actor, instanceId: id }));
}
