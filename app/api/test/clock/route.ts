// POST {offsetMs}: moves the server clock for browser tests. Exists only with GD_TEST_CLOCK=1 and
// never in production mode; otherwise it answers 404 as if there were no such route.
import { z } from "zod";
import { setClockOffset, testClockEnabled } from "@/lib/server/clock";
import { assertSameOriginJson } from "@/lib/server/same-origin";
import { isAppError } from "@/lib/server/errors";

export const dynamic = "force-dynamic";

const inputSchema = z.object({ offsetMs: z.number().int().safe() });

function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

function invalid(message: string): Response {
  return json({ error: { code: "INVALID_INPUT", message } }, 400);
}

export async function POST(request: Request): Promise<Response> {
  if (!testClockEnabled()) return json({ error: { code: "NOT_FOUND", message: "Not found." } }, 404);
  try {
    assertSameOriginJson(request);
  } catch (error) {
    if (isAppError(error)) return json({ error: { code: error.code, message: error.message } }, error.status);
    throw error;
  }
  const text = await request.text();
  if (text.length > 1024) return invalid("The request is too large.");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return invalid("The request body is not valid JSON.");
  }
  const parsed = inputSchema.safeParse(body);
  if (!parsed.success) return invalid("offsetMs must be a whole number of milliseconds.");
  try {
    await setClockOffset(parsed.data.offsetMs);
  } catch (error) {
    if (isAppError(error)) return json({ error: { code: error.code, message: error.message } }, error.status);
    throw error;
  }
  return json({ offsetMs: parsed.data.offsetMs });
}
