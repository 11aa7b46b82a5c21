// POST {accept, note, reportId?}: the teacher's verdict on a student's answer; the score follows.
import { readJson, withUser } from "@/lib/server/route-frame";
import { overrideVerdict } from "@/lib/server/assignments/gradebook";

export const dynamic = "force-dynamic";

export async function POST(
  request: Request,
  context: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await context.params;
  return withUser(async (actor) => {
    await overrideVerdict({ actor, instanceId: id, input: await readJson(request) });
    return { ok: true };
  });
}
