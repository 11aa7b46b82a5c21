// Route handlers' shared frame: the signed-in user or 401, JSON bodies, AppError codes as statuses,
// and a 503 with a clear message when the database does not answer. State-changing routes go through
// withUserWrite, which first refuses what another site could make a browser send (CSRF).
import "server-only";
import { assertSameOriginJson, MAX_BODY_BYTES, TOO_LARGE } from "@/lib/server/same-origin";
import { getCurrentUser } from "@/lib/server/session";
import { isDatabaseUnavailable } from "@/lib/server/db/unavailable";
import { AppError, isAppError } from "@/lib/server/errors";
import type { ActingUser } from "@/lib/server/users/user.types";

function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

/** Reads a JSON body of at most 64 KiB; a missing or malformed body is INVALID_INPUT, a larger one 413. */
export async function readJson(request: Request): Promise<unknown> {
  const bytes = await request.arrayBuffer();
  if (bytes.byteLength > MAX_BODY_BYTES) throw new AppError("TOO_LARGE", TOO_LARGE);
  const text = new TextDecoder().decode(bytes);
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("INVALID_INPUT", "The request body is not valid JSON.");
  }
}

/** Runs `work` for the signed-in user and answers with its result as JSON, or an error. For reads. */
export async function withUser(work: (actor: ActingUser) => Promise<unknown>): Promise<Response> {
  return withUserResponse(async (actor) => json(await work(actor)));
}

/**
 * For every state-changing route: the same-origin JSON check, the user, then `work` with the body.
 * The user comes from Next.js's request context, or, for a route the app's server answers before
 * Next.js (lib/server/direct-routes.ts), from the request's own headers.
 */
export async function withUserWrite(
  request: Request,
  work: (actor: ActingUser, body: unknown) => Promise<unknown>,
  currentUser: () => Promise<ActingUser | null> = getCurrentUser,
): Promise<Response> {
  return frame(async () => {
    assertSameOriginJson(request);
    return signedIn(async (actor) => json(await work(actor, await readJson(request))), currentUser);
  });
}

/** Like withUser, for a handler that builds its own response (a file download). */
export async function withUserResponse(work: (actor: ActingUser) => Promise<Response>): Promise<Response> {
  return frame(() => signedIn(work));
}

async function signedIn(
  work: (actor: ActingUser) => Promise<Response>,
  currentUser: () => Promise<ActingUser | null> = getCurrentUser,
): Promise<Response> {
  const actor = await currentUser();
  if (!actor) return json({ error: { code: "UNAUTHENTICATED", message: "Sign in first." } }, 401);
  return work(actor);
}

/** Answers `work`'s response, or the error it threw as JSON with its status. */
async function frame(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    if (isAppError(error)) return json({ error: { code: error.code, message: error.message } }, error.status);
    if (isDatabaseUnavailable(error)) {
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

/** A CSV file to download (the body already UTF-8 with BOM), never cached. */
export function csvDownload(file: { filename: string; body: string }): Response {
  return new Response(file.body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
