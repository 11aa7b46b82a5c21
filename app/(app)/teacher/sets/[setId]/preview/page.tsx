// A set as a student would see it (numbers from a preview seed; nothing is stored), with its keys.
import Link from "next/link";
import { notFound } from "next/navigation";
import { Formula } from "@/components/Formula";
import { SolutionSteps } from "@/components/practice/SolutionSteps";
import { one, type SearchParams } from "@/components/teaching/Notice";
import { previewSet } from "@/lib/server/assignments/sets";
import { isAppError } from "@/lib/server/errors";
import { requireRole } from "@/lib/server/session";
import { readableText } from "@/lib/problems/readable";

export const metadata = { title: "Preview" };

export default async function PreviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ setId: string }>;
  searchParams: SearchParams;
}) {
  const { setId } = await params;
  const actor = await requireRole("teacher", `/teacher/sets/${setId}/preview`);
  const q = await searchParams;
  const seed = Math.abs(Number.parseInt(one(q.seed) || "1", 10)) % 1_000_000 || 1;
  const problems = await previewSet({ actor, setId, seed }).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  return (
    <section>
      <p>
        <Link href={`/teacher/sets/${setId}`}>← Back to the set</Link>
      </p>
      <h1>Preview</h1>
      <p className="muted">
        What a student sees (each student gets their own numbers). Keys are shown to you only.
      </p>
      <p>
        <Link
          className="button"
          href={`/teacher/sets/${setId}/preview?seed=${seed + 1}`}
          data-testid="new-numbers"
        >
          New numbers
        </Link>
      </p>
      {problems.length === 0 ? <p className="muted">This set has no problems yet.</p> : null}
      <ol aria-label="Preview problems">
        {problems.map((p) => (
          <li key={`${p.itemId}:${p.copy}`} className="card">
            <p>{readableText(p.statement)}</p>
            <Formula display tex={p.latex} label="The problem" />
            {p.values ? <p className="muted">One draw of the random parameters: {p.values}</p> : null}
            <details>
              <summary>Key</summary>
              <Formula display tex={p.keyLatex} label="The key" />
            </details>
            <details data-testid="preview-solution">
              <summary>Worked solution</summary>
              <SolutionSteps steps={p.solution.steps} answerTestId="preview-answer" />
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}
