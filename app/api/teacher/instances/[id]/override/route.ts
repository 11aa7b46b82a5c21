// POST {accept, note, reportId?}: the teacher's verdict on a student's answer; the score follows.
import { withUserWrite } from "@/lib/server/api";
import { overrideVerdict } from "@/lib/server/assignments/gradebook";

export const dynamic = "force-dynamic";

export async function POST(
  request: Request,
  context: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await context.params;
  return withUserWrite(request, async (actor, input) => {
    await overrideVerdict({ actor, instanceId: id, input });
    return { ok: true };
  });
}
