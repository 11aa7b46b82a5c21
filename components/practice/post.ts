// Requests from the practice page: JSON in and out, with a lost connection, a proxy's error page and
// an ended session each turned into a message the learner can act on. Ids for exactly-once submits.
interface ApiError {
  error: { code: string; message: string };
}

const NETWORK_ERROR =
  "The server could not be reached; your answer was not lost. Press Enter to send it again.";

export async function post<T>(
  url: string,
  body: unknown,
): Promise<{ ok: true; data: T } | { ok: false; message: string; retry: boolean; status: number }> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      cache: "no-store",
    });
  } catch {
    return { ok: false, message: NETWORK_ERROR, retry: true, status: 0 };
  }
  let json: unknown = null;
  try {
    json = await response.json();
  } catch {
    // A proxy's HTML error page: treated like a lost connection.
  }
  if (response.ok && json !== null) return { ok: true, data: json as T };
  const message =
    (json as ApiError | null)?.error?.message ??
    (response.status >= 500
      ? "The server had a problem; nothing was saved. Try again in a moment."
      : "The request was refused.");
  if (response.status === 401)
    return {
      ok: false,
      message: "Your session has ended. Sign in again to go on.",
      retry: false,
      status: 401,
    };
  return { ok: false, message, retry: response.status >= 500, status: response.status };
}

export function newId(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`;
}
