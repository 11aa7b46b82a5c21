// How form actions end: back to a page with ?ok=... or ?error=... (an AppError's message), or on to
// where the work leads. Anything that is not an AppError is a real failure and is thrown.
import { redirect } from "next/navigation";
import { isAppError } from "@/lib/server/errors";

type Outcome = { to: string } | { error: string };

/** Runs `work`; an AppError becomes a message on `back`, anything else is a real failure. */
export async function act(back: string, work: () => Promise<string>): Promise<never> {
  let outcome: Outcome;
  try {
    outcome = { to: await work() };
  } catch (error) {
    if (!isAppError(error)) throw error;
    outcome = { error: error.message };
  }
  if ("error" in outcome) redirect(withParam(back, "error", outcome.error));
  redirect(outcome.to);
}

export function withParam(path: string, key: string, value: string): string {
  const [base, query] = path.split("?");
  const params = new URLSearchParams(query ?? "");
  params.delete("error");
  params.delete("ok");
  params.set(key, value);
  return `${base}?${params.toString()}`;
}
