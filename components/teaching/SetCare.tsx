// Reusing and tidying a set, at the foot of its page: copy it (to this class or another of the
// teacher's, e.g. next term's), back to a draft while nobody opened it, print it, archive or restore
// it, delete it while nobody has answered (each with the reason when it is not possible).
import { randomUUID } from "node:crypto";
import Link from "next/link";
import { archiveSetAction, copySetAction, deleteSetAction, unpublishSetAction } from "@/app/actions/reuse";
import { Confirm } from "@/components/teaching/Confirm";

export function SetCare({
  set,
  classes,
  opened,
  answered,
}: {
  set: { id: string; classId: string; published: boolean; archived: boolean };
  classes: { id: string; name: string }[];
  /** A student has opened one of its problems / answered one. */
  opened: boolean;
  answered: boolean;
}) {
  return (
    <>
      <h2>Reuse and tidy</h2>
      <p>
        <Link className="button" href={`/teacher/sets/${set.id}/print`}>
          Printable version and answer key
        </Link>
      </p>
      <form action={copySetAction} className="inline-form" aria-label="Copy this set">
        <input type="hidden" name="setId" value={set.id} />
        {/* One id per rendered form: submitted twice (a double click), it makes one copy. */}
        <input type="hidden" name="requestId" value={randomUUID()} />
        <div className="field">
          <label htmlFor="copy-to">Copy to</label>
          <select id="copy-to" name="classId" defaultValue={set.classId}>
            {classes.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
                {c.id === set.classId ? " (this class)" : ""}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          Copy the set
        </button>
      </form>
      <p className="muted">
        The copy is a draft with the same problems, points, late penalty and settings, without dates or
        anything of students.
      </p>
      <div className="actions-row">
        {set.published ? (
          opened ? (
            <p className="muted" data-testid="unpublish-refused">
              Students have opened its problems, so it stays published (archive it to close it).
            </p>
          ) : (
            <form action={unpublishSetAction}>
              <input type="hidden" name="setId" value={set.id} />
              <button type="submit" className="button small">
                Back to a draft
              </button>
            </form>
          )
        ) : null}
        {set.archived ? (
          <form action={archiveSetAction}>
            <input type="hidden" name="setId" value={set.id} />
            <input type="hidden" name="archived" value="no" />
            <button type="submit" className="button small">
              Restore this set
            </button>
          </form>
        ) : (
          <Confirm
            action={archiveSetAction}
            fields={{ setId: set.id, archived: "yes" }}
            label="Archive…"
            question="Archive this set? It takes no more answers and leaves students' lists and yours; results stay, and you can restore it."
            confirmLabel="Yes, archive"
            testId="archive-set"
          />
        )}
        {answered ? (
          <p className="muted" data-testid="delete-refused">
            Students have answered this set, so it cannot be deleted (their results stay): archive it instead.
          </p>
        ) : (
          <Confirm
            action={deleteSetAction}
            fields={{ setId: set.id }}
            label="Delete…"
            question="Delete this set and its problems? Nobody has answered it yet; this cannot be undone."
            confirmLabel="Yes, delete the set"
            testId="delete-set"
          />
        )}
      </div>
    </>
  );
}
