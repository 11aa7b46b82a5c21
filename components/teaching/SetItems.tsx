// The items of a set for its teacher: each with its points, whether it is excused or given full
// credit for everyone, and "Remove" while nobody has answered it (afterwards it can be excused);
// moved up or down, and its number of problems changed, while nobody has answered (the set, the item).
import { excuseAction, fullCreditAction, pointsAction } from "@/app/actions/grading";
import { removeItemAction } from "@/app/actions/teaching";
import { itemCountAction, moveItemAction } from "@/app/actions/reuse";
import { Formula } from "@/components/Formula";
import { keyLatexOf } from "@/lib/problems/authored";
import type { ItemView } from "@/lib/server/assignments/sets";
import { formatInZone } from "@/lib/teaching/time";

function Hidden({ setId, itemId }: { setId: string; itemId: string }) {
  return (
    <>
      <input type="hidden" name="setId" value={setId} />
      <input type="hidden" name="itemId" value={itemId} />
    </>
  );
}

export function SetItems({ setId, items, tz }: { setId: string; items: ItemView[]; tz: string }) {
  // Reordering renumbers Q1, Q2, ... in results: only while nobody has answered any problem of the set.
  const reorderable = !items.some((i) => i.answered);
  if (items.length === 0)
    return (
      <p className="muted" data-testid="no-items">
        No problems yet: add some from the catalogue or type your own.
      </p>
    );
  return (
    <ol aria-label="Items" id="items">
      {items.map((i, n) => (
        <li key={i.id} data-testid="item">
          <strong>Q{n + 1}.</strong>{" "}
          {i.latex ? <Formula tex={i.latex} label={`Q${n + 1}: the problem`} /> : i.label}
          {i.skillId ? ` × ${i.count}` : ""}
          {i.authored?.template ? (
            <span className="muted" data-testid="item-parameters">
              {" "}
              (one draw; random parameters: {i.authored.template.parameters.replace(/\s*\n\s*/g, "; ")})
            </span>
          ) : null}
          {i.authored ? (
            <>
              {" "}
              <span className="muted">key:</span> <Formula tex={keyLatexOf(i.authored)} label="The key" />
            </>
          ) : null}{" "}
          {i.excused ? <span className="tag">excused for everyone</span> : null}
          {i.fullCredit ? <span className="tag ok">full credit for everyone</span> : null}
          {i.dueAt ? <span className="tag">due {formatInZone(i.dueAt, tz)}</span> : null}
          {i.answered ? <span className="tag">answered by students</span> : null}
          <div className="actions">
            {reorderable && items.length > 1 ? (
              <span className="inline-form">
                {(["up", "down"] as const).map((direction) =>
                  (direction === "up" ? n > 0 : n < items.length - 1) ? (
                    <form key={direction} action={moveItemAction}>
                      <Hidden setId={setId} itemId={i.id} />
                      <input type="hidden" name="direction" value={direction} />
                      <button
                        type="submit"
                        className="button small"
                        aria-label={`Move Q${n + 1} ${direction}`}
                      >
                        {direction === "up" ? "↑" : "↓"}
                      </button>
                    </form>
                  ) : null,
                )}
              </span>
            ) : null}
            {i.skillId && !i.answered ? (
              <form action={itemCountAction} className="inline-form">
                <Hidden setId={setId} itemId={i.id} />
                <label htmlFor={`count-${i.id}`}>Problems</label>
                <input
                  id={`count-${i.id}`}
                  name="count"
                  type="number"
                  min={1}
                  max={10}
                  defaultValue={i.count}
                  required
                  className="narrow-number"
                />
                <button
                  type="submit"
                  className="button small"
                  aria-label={`Save the number of problems of Q${n + 1}`}
                >
                  Save
                </button>
              </form>
            ) : null}
            <form action={pointsAction} className="inline-form">
              <Hidden setId={setId} itemId={i.id} />
              <label htmlFor={`points-${i.id}`}>Points each</label>
              <input
                id={`points-${i.id}`}
                name="points"
                type="number"
                min={0}
                max={100}
                defaultValue={i.points}
                required
                className="narrow-number"
              />
              <button type="submit" className="button small" aria-label={`Save the points of Q${n + 1}`}>
                Save
              </button>
            </form>
            <form action={excuseAction} className="inline-form">
              <Hidden setId={setId} itemId={i.id} />
              <input type="hidden" name="excused" value={i.excused ? "no" : "yes"} />
              <button
                type="submit"
                className="button small"
                aria-label={`${i.excused ? "Count" : "Excuse"} Q${n + 1} for everyone`}
              >
                {i.excused ? "Count it again" : "Excuse for everyone"}
              </button>
            </form>
            <form action={fullCreditAction} className="inline-form">
              <Hidden setId={setId} itemId={i.id} />
              <input type="hidden" name="fullCredit" value={i.fullCredit ? "no" : "yes"} />
              <button
                type="submit"
                className="button small"
                aria-label={`${i.fullCredit ? "Take back full credit on" : "Full credit on"} Q${n + 1}`}
              >
                {i.fullCredit ? "Take back full credit" : "Full credit for everyone"}
              </button>
            </form>
            {i.answered ? null : (
              <form action={removeItemAction} className="inline-form">
                <Hidden setId={setId} itemId={i.id} />
                <button type="submit" className="button small danger" aria-label={`Remove Q${n + 1}`}>
                  Remove
                </button>
              </form>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}

/** On a set past its due date, adding a problem asks what it means for students who finished. */
export function AfterDueChoice({ id, tz }: { id: string; tz: string }) {
  return (
    <fieldset className="field" data-testid="after-due">
      <legend>This set is past its due date. The new problem is:</legend>
      <label>
        <input type="radio" name="afterDue" value="excuse_finished" required /> excused for students who had
        finished the set
      </label>
      <label>
        <input type="radio" name="afterDue" value="new_due" /> due on its own date:
      </label>
      <label htmlFor={`${id}-due`}>New due date for it ({tz})</label>
      <input id={`${id}-due`} name="itemDueAt" type="datetime-local" />
    </fieldset>
  );
}
