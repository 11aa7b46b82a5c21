// Route handlers' shared frame: the signed-in user or 401, JSON bodies, AppError codes as statuses,
// and a 503 with a clear message when the database does not answer.
import "server-only";
import { getCurrentUser } from "@/lib/server/session";
import { AppError, isAppError } from "@/lib/server/errors";
import type { ActingUser } from "@/lib/server/users/user.types";

const MAX_BODY_BYTES = 64 * 1024;

function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

function looksLikeDatabaseDown(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message}` : "";
  return /ECONNREFUSED|Can't reach database|connection terminated|Connection terminated|P1001|P1017|ETIMEDOUT/i.test(
    text,
  );
}

/** Reads a JSON body of at most 64 KiB; a missing or malformed body is INVALID_INPUT. */
export async function readJson(request: Request): Promise<unknown> {
  const bytes = await request.arrayBuffer();
  if (bytes.byteLength > MAX_BODY_BYTES) throw new AppError("INVALID_INPUT", "The request is too large.");
  const text = new TextDecoder().decode(bytes);
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("INVALID_INPUT", "The request body is not valid JSON.");
  }
}

/** Runs `work` for the signed-in user and answers with its result as JSON, or an error. */
export async function withUser(work: (actor: ActingUser) => Promise<unknown>): Promise<Response> {
  return withUserResponse(async (actor) => json(await work(actor)));
}

/** Like withUser, for a handler that builds its own response (a file download). */
export async function withUserResponse(work: (actor: ActingUser) => Promise<Response>): Promise<Response> {
  try {
    const actor = await getCurrentUser();
    if (!actor) return json({ error: { code: "UNAUTHENTICATED", message: "Sign in first." } }, 401);
    return await work(actor);
  } catch (error) {
    if (isAppError(error)) return json({ error: { code: error.code, message: error.message } }, error.status);
    if (looksLikeDatabaseDown(error)) {
      return json(
        {
          error: {
            code: "DATABASE_UNAVAILABLE",
            message: "The database is not answering; nothing was saved. Try again in a moment.",
          },
        },
        503,
      );
    }
    console.error(error);
    return json(
      { error: { code: "INTERNAL", message: "Something went wrong on our side; nothing was saved." } },
      500,
    );
  }
}
