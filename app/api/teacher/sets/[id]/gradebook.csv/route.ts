// GET: the gradebook of one of the teacher's sets as CSV (UTF-8 with BOM, every field quoted).
import { csvDownload, withUserResponse } from "@/lib/server/route-frame";
import { gradebookCsv } from "@/lib/server/assignments/gradebook";

export const dynamic = "force-dynamic";

export async function GET(
  _request: Request,
  context: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await context.params;
  return withUserResponse(async (actor) => csvDownload(await gradebookCsv({ actor, setId: id })));
}
