// POST {offsetMs}: moves the server clock for browser tests. Exists only with GD_TEST_CLOCK=1 and
// never in production mode; otherwise it answers 404 as if there were no such route.
import { z } from "zod";
import { readJson } from "@/lib/server/api";
import { setClockOffset, testClockEnabled } from "@/lib/server/clock";
import { isAppError } from "@/lib/server/errors";

export const dynamic = "force-dynamic";

const inputSchema = z.object({ offsetMs: z.number().int().safe() });

function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

export async function POST(request: Request): Promise<Response> {
  if (!testClockEnabled()) return json({ error: { code: "NOT_FOUND", message: "Not found." } }, 404);
  try {
    const parsed = inputSchema.safeParse(await readJson(request));
    if (!parsed.success) {
      return json({ error: { code: "INVALID_INPUT", message: "offsetMs must be a whole number of milliseconds." } }, 400);
    }
    await setClockOffset(parsed.data.offsetMs);
    return json({ offsetMs: parsed.data.offsetMs });
  } catch (error) {
    if (isAppError(error)) return json({ error: { code: error.code, message: error.message } }, error.status);
    throw error;
  }
}
