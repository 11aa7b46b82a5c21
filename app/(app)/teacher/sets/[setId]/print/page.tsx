// A set to print (teacher only): the statements typeset with space to work, then the answer key on a
// page of its own. Catalogue items get numbers from a seed ("New numbers" changes it), as the preview;
// nothing is stored. The print stylesheet (app/teaching.css) leaves out the site's header and buttons.
import Link from "next/link";
import { notFound } from "next/navigation";
import { Formula } from "@/components/Formula";
import { one, type SearchParams } from "@/components/teaching/Notice";
import { getSetForPrint } from "@/lib/server/assignments/sets";
import { isAppError } from "@/lib/server/errors";
import { requireRole } from "@/lib/server/session";
import { timezoneOf } from "@/lib/server/users/timezone";
import { readableText } from "@/lib/problems/readable";
import { formatInZone } from "@/lib/teaching/time";

export const metadata = { title: "Print a set" };

export default async function PrintPage({
  params,
  searchParams,
}: {
  params: Promise<{ setId: string }>;
  searchParams: SearchParams;
}) {
  const { setId } = await params;
  const actor = await requireRole("teacher", `/teacher/sets/${setId}/print`);
  const q = await searchParams;
  const seed = Math.abs(Number.parseInt(one(q.seed) || "1", 10)) % 1_000_000 || 1;
  const data = await getSetForPrint({ actor, setId, seed }).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const { set, problems } = data;
  const tz = await timezoneOf(actor);
  const pointsOf = new Map(data.items.map((i) => [i.id, i.points]));
  return (
    <section className="print-set">
      <div className="no-print">
        <p>
          <Link href={`/teacher/sets/${setId}`}>← Back to the set</Link>
        </p>
        <p className="muted">
          Print it with your browser (Ctrl+P or ⌘P): the problems come first, each with space to work, and the
          answer key starts on a new page. Catalogue problems have the numbers of this printout; students
          working online each get their own.
        </p>
        <p className="actions">
          <Link className="button" href={`/teacher/sets/${setId}/print?seed=${seed + 1}`}>
            New numbers
          </Link>
        </p>
      </div>
      <header className="print-head">
        <h1>{set.title}</h1>
        <p>
          {set.class.name}
          {set.dueAt ? ` · due ${formatInZone(set.dueAt, tz)}` : ""}
        </p>
        <p className="print-name">Name: ______________________________</p>
        {set.instructions ? <p>{set.instructions}</p> : null}
      </header>
      {problems.length === 0 ? <p className="muted">This set has no problems yet.</p> : null}
      <ol className="print-problems" aria-label="Problems">
        {problems.map((p) => (
          <li key={`${p.itemId}:${p.copy}`} className="print-problem" data-testid="print-problem">
            <p>
              {readableText(p.statement)}{" "}
              <span className="muted">
                ({pointsOf.get(p.itemId) ?? 1} point{pointsOf.get(p.itemId) === 1 ? "" : "s"})
              </span>
            </p>
            <Formula display tex={p.latex} label="The problem" />
            <div className="work-space" aria-hidden="true" />
          </li>
        ))}
      </ol>
      {problems.length > 0 ? (
        <section className="answer-key" aria-labelledby="key-title" data-testid="answer-key">
          <h2 id="key-title">Answer key: {set.title}</h2>
          <ol>
            {problems.map((p) => (
              <li key={`${p.itemId}:${p.copy}`}>
                <Formula display tex={p.keyLatex} label="The key" />
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </section>
  );
}
