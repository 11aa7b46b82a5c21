// POST {clientSubmissionId, answer, elapsedMs}: grade one try (exactly once per submission id). The
// app's server answers this route itself in production (lib/server/direct-routes.ts), with the same handler.
import { submitRoute } from "@/lib/server/practice/submit-route";

export const dynamic = "force-dynamic";

export async function POST(
  request: Request,
  context: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await context.params;
  return submitRoute(request, id);
}
