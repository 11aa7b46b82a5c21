// After "Check": the typed problem as students will see it, typeset, with the key the core computed;
// with random parameters, several draws with their keys; then "Add this problem". Or the reason the
// problem is refused.
import type { ReactNode } from "react";
import { addAuthoredItemAction } from "@/app/actions/teaching";
import { Formula } from "@/components/Formula";
import { one, type SearchParams } from "@/components/teaching/Notice";
import { readableText } from "@/lib/problems/readable";
import { type DrawView, checkAuthored } from "@/lib/server/assignments/sets";
import { isAppError } from "@/lib/server/errors";
import type { ActingUser } from "@/lib/server/users/user.types";
import { ALL_FIELDS, FIELD_DEFAULTS, typedRequest } from "@/lib/teaching/typed-form";

export type TypedValues = Record<(typeof ALL_FIELDS)[number], string>;

export type TypedCheck =
  | { ok: true; statement: string; latex: string; keyLatex: string; draws: DrawView[] }
  | { ok: false; message: string };

/** The typed problem in the page's address (after "Check"), with defaults for the fields left out. */
export function typedFromQuery(q: Awaited<SearchParams>): TypedValues {
  const out = { kind: one(q.kind) } as TypedValues;
  for (const [k, d] of Object.entries(FIELD_DEFAULTS)) out[k as keyof typeof FIELD_DEFAULTS] = one(q[k]) || d;
  return out;
}

export function checkTyped(actor: ActingUser, typed: TypedValues): TypedCheck {
  try {
    const r = checkAuthored({ actor, input: typedRequest((k) => typed[k]) });
    return {
      ok: true,
      statement: r.item.statement,
      latex: r.item.latex,
      keyLatex: r.keyLatex,
      draws: r.draws,
    };
  } catch (e) {
    if (!isAppError(e)) throw e;
    return { ok: false, message: e.message };
  }
}

export function TypedProblemCheck({
  check,
  setId,
  typed,
  afterDue,
}: {
  check: TypedCheck;
  setId: string;
  typed: TypedValues;
  afterDue: ReactNode;
}) {
  if (!check.ok)
    return (
      <p
        className="message message-error"
        role="alert"
        aria-label="Typed problem refused"
        data-testid="typed-error"
      >
        {check.message}
      </p>
    );
  return (
    <div className="card" data-testid="typed-preview" aria-label="Typed problem preview">
      {check.draws.length > 0 ? (
        <>
          <p>
            Each student gets their own draw of the parameters. {check.draws.length} draws, with the keys the
            core computed:
          </p>
          <ol aria-label="Draws" className="draws">
            {check.draws.map((d) => (
              <li key={d.values} data-testid="draw" className="draw">
                <p className="muted">{d.values}</p>
                <Formula tex={d.latex} label={`The problem with ${d.values}`} />
                <p>
                  Key: <Formula tex={d.keyLatex} label={`The key with ${d.values}`} />
                </p>
              </li>
            ))}
          </ol>
        </>
      ) : (
        <>
          <p>{readableText(check.statement)}</p>
          <Formula display tex={check.latex} label="The problem" />
          <p>Key computed by the core:</p>
          <Formula display tex={check.keyLatex} label="The key" />
        </>
      )}
      <form action={addAuthoredItemAction}>
        <input type="hidden" name="setId" value={setId} />
        {ALL_FIELDS.map((k) => (
          <input key={k} type="hidden" name={k} value={typed[k]} />
        ))}
        <div className="field">
          <label htmlFor="typed-points">Points</label>
          <input id="typed-points" name="points" type="number" min={0} max={100} defaultValue={1} required />
        </div>
        {afterDue}
        <button type="submit" className="button primary">
          Add this problem
        </button>
      </form>
    </div>
  );
}
