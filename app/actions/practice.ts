"use server";
// Starting a practice problem: a POST (this action), never a GET, so that following a link, a
// prefetch or another site's image cannot issue problems. Thin: read the form, issue the problem, go
// to its view with the session in the query; a refusal goes back to the skill list with a fixed code.
import { redirect } from "next/navigation";
import { text } from "@/app/actions/form-state";
import { practiceStart, readSession, sessionQuery, startPath } from "@/lib/practice/session";
import { isAppError } from "@/lib/server/errors";
import { startInstance } from "@/lib/server/practice/practice";
import { requireUser } from "@/lib/server/session";

export async function startPracticeAction(form: FormData): Promise<void> {
  const skill = text(form, "skill").slice(0, 80);
  const session = readSession({ n: text(form, "n"), of: text(form, "of"), s: text(form, "s") });
  const actor = await requireUser(startPath(practiceStart(skill, session)));
  let target: string;
  try {
    const view = await startInstance({ actor, input: { skillId: skill } });
    const s = session.n === 1 || !session.s ? view.id : session.s;
    target = `/practice/i/${view.id}${sessionQuery({ n: session.n, of: session.of, skill, s })}`;
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "INVALID_INPUT"))
      target = "/practice?error=no-such-skill";
    else {
      console.error(error);
      target = "/practice?error=unavailable";
    }
  }
  redirect(target);
}
