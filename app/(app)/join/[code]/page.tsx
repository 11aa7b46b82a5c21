// The join link a teacher shares: shows the code and asks the signed-in learner to confirm.
import { joinClassAction } from "@/app/actions/teaching";
import { Notice, type SearchParams } from "@/components/teaching/Notice";
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
  await requireUser(`/join/${encodeURIComponent(typed)}`);
  const q = await searchParams;
  const code = normaliseJoinCode(typed);
  return (
    <section className="narrow">
      <h1>Join a class</h1>
      <Notice id={q.notice} />
      {code ? (
        <form action={joinClassAction} className="form">
          <p>
            Class code <span className="code">{formatJoinCode(code)}</span>
          </p>
          <input type="hidden" name="code" value={code} />
          <input type="hidden" name="back" value="join" />
          <div>
            <button type="submit" className="button primary">
              Join this class
            </button>
          </div>
        </form>
      ) : (
        <p className="message message-error" role="alert" aria-label="Problem">
          This link does not hold a valid class code. Ask your teacher for the code and type it on the
          Assignments page.
        </p>
      )}
    </section>
  );
}
