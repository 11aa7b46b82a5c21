// The join link a teacher shares: names the class and its teacher, and asks the signed-in learner to
// confirm. Signed out, the visitor signs in or signs up first and comes back here.
import Link from "next/link";
import { joinClassAction } from "@/app/actions/teaching";
import { Notice, type SearchParams } from "@/components/teaching/Notice";
import { describeJoinCode } from "@/lib/server/classes/classes";
import { requireUser } from "@/lib/server/session";
import { formatJoinCode, normaliseJoinCode } from "@/lib/teaching/join-code";

export const metadata = { title: "Join a class" };

export default async function JoinPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: SearchParams;
}) {
  const { code: raw } = await params;
  const typed = decodeURIComponent(raw).slice(0, 40);
  const actor = await requireUser(`/join/${encodeURIComponent(typed)}`);
  const q = await searchParams;
  const code = normaliseJoinCode(typed);
  const target = code ? await describeJoinCode({ actor, code }) : null;
  return (
    <section className="narrow">
      <h1>Join a class</h1>
      <Notice id={q.notice} />
      {code && target ? (
        <form action={joinClassAction} className="form">
          <p data-testid="join-class">
            <strong>{target.name}</strong>, taught by <strong>{target.teacher}</strong>
          </p>
          <p className="muted">
            Class code <span className="code">{formatJoinCode(code)}</span>
          </p>
          {target.member ? (
            <p>
              You are already in this class. <Link href="/assignments">Your assignments</Link>
            </p>
          ) : null}
          <input type="hidden" name="code" value={code} />
          <input type="hidden" name="back" value="join" />
          {target.member || target.teaches ? null : (
            <div>
              <button type="submit" className="button primary">
                Join {target.name}
              </button>
            </div>
          )}
          {target.teaches ? <p className="muted">You teach this class.</p> : null}
        </form>
      ) : (
        <p className="message message-error" role="alert" aria-label="Problem">
          {code
            ? "No class has this code (codes can be changed, and an archived class takes no new students). Ask your teacher for the current code or link."
            : "This link does not hold a valid class code. Ask your teacher for the code and type it on the Assignments page."}
        </p>
      )}
    </section>
  );
}
