// How form actions end: back to a page with a notice (what was done, or an AppError's message: see
// lib/server/notice.ts, the text never travels in the address), or on to where the work leads.
// Anything that is not an AppError is a real failure and is thrown.
import { redirect } from "next/navigation";
import { isAppError } from "@/lib/server/errors";
import { withNotice } from "@/lib/server/notice";

type Outcome = { to: string } | { error: string };

/** Runs `work`; an AppError becomes a notice on `back`, anything else is a real failure. */
export async function act(back: string, work: () => Promise<string>): Promise<never> {
  let outcome: Outcome;
  try {
    outcome = { to: await work() };
  } catch (error) {
    if (!isAppError(error)) throw error;
    outcome = { error: error.message };
  }
  if ("error" in outcome) redirect(await withNotice(back, "error", outcome.error));
  redirect(outcome.to);
}

export { withNotice };
