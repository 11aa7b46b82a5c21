// /practice/skill/[skillId]?n=&of=&s=&next=: issues a problem of the skill (or "mixed") and sends the
// learner to its view with the session in the query. A page that only redirects (rather than a route
// handler) so that a client-side navigation to it, such as the return from sign-in, ends with the
// view's URL in the address bar. Linked with plain <a>: a prefetch must never issue a problem.
import { redirect } from "next/navigation";
import { readSession, sessionQuery } from "@/lib/practice/session";
import { isAppError } from "@/lib/server/errors";
import { startInstance } from "@/lib/server/practice/practice";
import { requireUser } from "@/lib/server/session";

export const dynamic = "force-dynamic";

export default async function StartPage({
  params,
  searchParams,
}: {
  params: Promise<{ skillId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { skillId } = await params;
  const query = await searchParams;
  const here = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (typeof v === "string") here.set(k, v);
  const actor = await requireUser(
    `/practice/skill/${encodeURIComponent(skillId)}${here.size > 0 ? `?${here.toString()}` : ""}`,
  );
  const session = readSession(query);
  let target: string;
  try {
    const view = await startInstance({ actor, input: { skillId } });
    const carried = { ...session, skill: skillId, s: session.n === 1 || !session.s ? view.id : session.s };
    target = `/practice/i/${view.id}${sessionQuery(carried)}`;
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
