// Editing a problem set: settings (dates in the teacher's timezone), items from the catalogue or
// typed (with the key the core computed, for confirmation), publishing, extensions.
import Link from "next/link";
import { notFound } from "next/navigation";
import {
  addAuthoredItemAction,
  addCatalogueItemAction,
  checkAuthoredAction,
  extensionAction,
  publishSetAction,
  removeExtensionAction,
  updateSetAction,
} from "@/app/actions/teaching";
import { Formula } from "@/components/Formula";
import { Notice, one, type SearchParams } from "@/components/teaching/Notice";
import { AfterDueChoice, SetItems } from "@/components/teaching/SetItems";
import { SetCare } from "@/components/teaching/SetCare";
import { listTeacherClasses } from "@/lib/server/classes/classes";
import { SKILLS } from "@/lib/problems";
import { checkAuthored, getSetForTeacher } from "@/lib/server/assignments/sets";
import { isAppError } from "@/lib/server/errors";
import { requireRole } from "@/lib/server/session";
import { timezoneOf } from "@/lib/server/users/timezone";
import { studentLine } from "@/lib/teaching/student";
import { formatInZone, utcToZonedInput } from "@/lib/teaching/time";
import { readableText } from "@/lib/problems/readable";

export const metadata = { title: "Problem set" };

const TOPICS = [...new Set(SKILLS.map((s) => s.topic))];

export default async function SetPage({
  params,
  searchParams,
}: {
  params: Promise<{ setId: string }>;
  searchParams: SearchParams;
}) {
  const { setId } = await params;
  const actor = await requireRole("teacher", `/teacher/sets/${setId}`);
  const q = await searchParams;
  const data = await getSetForTeacher({ actor, setId }).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const { set, items, roster, extensions, pastDue } = data;
  const nameOf = new Map(roster.map((r) => [r.userId, studentLine(r)]));
  const tz = await timezoneOf(actor);
  const published = set.publishedAt !== null;
  const classes = await listTeacherClasses({ actor });

  const typed = {
    kind: one(q.kind),
    f: one(q.f),
    var: one(q.var) || "x",
    vars: one(q.vars) || "x, y",
    wrt: one(q.wrt) || "y",
    to: one(q.to) || "0",
    side: one(q.side) || "both",
    symbols: one(q.symbols) || "W: m x n, x: n, y: m",
    asks: one(q.asks) || "gradient",
    key: one(q.key),
    at: one(q.at) || "0, 0",
  };
  let check:
    | { ok: true; statementLatex: string; statement: string; keyLatex: string }
    | { ok: false; message: string }
    | null = null;
  if (typed.kind && typed.f) {
    const vars = typed.vars.split(/[\s,]+/).filter(Boolean);
    const input =
      typed.kind === "matrix"
        ? {
            kind: "matrix",
            f: typed.f,
            symbols: typed.symbols,
            wrt: typed.wrt,
            asks: typed.asks,
            key: typed.key,
          }
        : typed.kind === "hessian"
          ? { kind: "hessian", f: typed.f, vars }
          : typed.kind === "taylor2"
            ? { kind: "taylor2", f: typed.f, vars, at: typed.at }
            : typed.kind === "derivative"
              ? { kind: "derivative", f: typed.f, var: typed.var }
              : typed.kind === "partial"
                ? { kind: "partial", f: typed.f, vars, wrt: typed.wrt }
                : typed.kind === "gradient"
                  ? { kind: "gradient", f: typed.f, vars }
                  : { kind: typed.kind, f: typed.f, var: typed.var, to: typed.to, side: typed.side };
    try {
      const r = checkAuthored({ actor, input });
      check = {
        ok: true,
        statementLatex: r.problem.latex,
        statement: r.problem.statement,
        keyLatex: r.keyLatex,
      };
    } catch (e) {
      if (!isAppError(e)) throw e;
      check = { ok: false, message: e.message };
    }
  }

  return (
    <section>
      <p>
        <Link href={`/teacher/classes/${set.classId}`}>← {set.class.name}</Link>
      </p>
      <h1>
        {set.title} <span className={published ? "tag ok" : "tag"}>{published ? "published" : "draft"}</span>{" "}
        {set.archivedAt ? <span className="tag">archived</span> : null}
      </h1>
      <Notice id={q.notice} />
      <p className="actions">
        <Link className="button" href={`/teacher/sets/${set.id}/preview`}>
          Preview as a student
        </Link>
        {published ? (
          <Link className="button" href={`/teacher/sets/${set.id}/gradebook`}>
            Gradebook
          </Link>
        ) : null}
      </p>
      {!published ? (
        <form action={publishSetAction}>
          <input type="hidden" name="setId" value={set.id} />
          <button type="submit" className="button primary">
            Publish to the class
          </button>
        </form>
      ) : (
        <p className="muted">Published. Changes keep the problems and results students already have.</p>
      )}

      <h2>Problems</h2>
      <SetItems setId={set.id} items={items} tz={tz} />

      <div className="grid-2">
        <form action={addCatalogueItemAction} className="form card" aria-label="Add from the catalogue">
          <h3>From the catalogue</h3>
          <input type="hidden" name="setId" value={set.id} />
          <div className="field">
            <label htmlFor="skill">Skill</label>
            <select id="skill" name="skillId" required>
              {TOPICS.map((t) => (
                <optgroup key={t} label={t}>
                  {SKILLS.filter((s) => s.topic === t).map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.title}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="count">Number of problems</label>
            <input id="count" name="count" type="number" min={1} max={10} defaultValue={2} required />
          </div>
          <div className="field">
            <label htmlFor="cat-points">Points each</label>
            <input id="cat-points" name="points" type="number" min={0} max={100} defaultValue={1} required />
          </div>
          {pastDue ? <AfterDueChoice id="cat" tz={tz} /> : null}
          <div>
            <button type="submit" className="button">
              Add problems
            </button>
          </div>
        </form>

        <form action={checkAuthoredAction} className="form card" id="typed" aria-label="Type a problem">
          <h3>Type a problem</h3>
          <input type="hidden" name="setId" value={set.id} />
          <div className="field">
            <label htmlFor="kind">Kind</label>
            <select id="kind" name="kind" defaultValue={typed.kind || "derivative"}>
              <option value="derivative">The derivative of f with respect to a variable</option>
              <option value="partial">The partial derivative with respect to a variable</option>
              <option value="gradient">The gradient</option>
              <option value="limit">The limit of f as the variable tends to a</option>
              <option value="hessian">The Hessian of f (two or three variables)</option>
              <option value="taylor2">The second-order Taylor approximation of f at a point</option>
              <option value="matrix">Vectors and matrices: ∂f/∂V or ∇_V f (Parts 2 and 3)</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="f">f</label>
            <input
              id="f"
              name="f"
              required
              maxLength={300}
              defaultValue={typed.f}
              placeholder="x^2 sin x"
              autoComplete="off"
            />
          </div>
          <div className="field">
            <label htmlFor="var">Variable (derivative, limit)</label>
            <input id="var" name="var" maxLength={1} defaultValue={typed.var} />
          </div>
          <div className="field">
            <label htmlFor="vars">Variables (partial, gradient, Hessian, Taylor), in order</label>
            <input id="vars" name="vars" maxLength={20} defaultValue={typed.vars} />
          </div>
          <div className="field">
            <label htmlFor="wrt">With respect to (partial; vectors and matrices: the symbol)</label>
            <input id="wrt" name="wrt" maxLength={16} defaultValue={typed.wrt} />
          </div>
          <fieldset className="field">
            <legend>Vectors and matrices</legend>
            <label htmlFor="symbols">Symbols and their shapes</label>
            <input
              id="symbols"
              name="symbols"
              maxLength={200}
              defaultValue={typed.symbols}
              aria-describedby="symbols-hint"
              autoComplete="off"
            />
            <p id="symbols-hint" className="hint">
              A name, a colon and a shape: scalar, n (a column vector), m x n; properties in brackets, e.g. A:
              n x n (symmetric).
            </p>
            <label htmlFor="asks">Asked</label>
            <select id="asks" name="asks" defaultValue={typed.asks}>
              <option value="gradient">The gradient ∇_V f (V&apos;s shape)</option>
              <option value="derivative">The derivative ∂f/∂V (a row, or the Jacobian)</option>
            </select>
            <label htmlFor="key">Key (optional: answers are checked against the derivative anyway)</label>
            <input id="key" name="key" maxLength={300} defaultValue={typed.key} autoComplete="off" />
          </fieldset>
          <div className="field">
            <label htmlFor="to">Tends to a (limit: a number, pi/2, inf, -inf)</label>
            <input id="to" name="to" maxLength={40} defaultValue={typed.to} />
          </div>
          <div className="field">
            <label htmlFor="at">Point (Taylor: whole numbers, one per variable)</label>
            <input id="at" name="at" maxLength={40} defaultValue={typed.at} />
          </div>
          <div className="field">
            <label htmlFor="side">Side (limit)</label>
            <select id="side" name="side" defaultValue={typed.side}>
              <option value="both">Both sides</option>
              <option value="left">From the left</option>
              <option value="right">From the right</option>
            </select>
          </div>
          <div>
            <button type="submit" className="button">
              Check and show the key
            </button>
          </div>
        </form>
      </div>

      {check ? (
        check.ok ? (
          <div className="card" data-testid="typed-preview" aria-label="Typed problem preview">
            <p>{readableText(check.statement)}</p>
            <Formula display tex={check.statementLatex} label="The problem" />
            <p>Key computed by the core:</p>
            <Formula display tex={check.keyLatex} label="The key" />
            <form action={addAuthoredItemAction}>
              <input type="hidden" name="setId" value={set.id} />
              {(["kind", "f", "var", "vars", "wrt", "to", "side", "symbols", "asks", "key"] as const).map(
                (k) => (
                  <input key={k} type="hidden" name={k} value={typed[k]} />
                ),
              )}
              <div className="field">
                <label htmlFor="typed-points">Points</label>
                <input
                  id="typed-points"
                  name="points"
                  type="number"
                  min={0}
                  max={100}
                  defaultValue={1}
                  required
                />
              </div>
              {pastDue ? <AfterDueChoice id="typed" tz={tz} /> : null}
              <button type="submit" className="button primary">
                Add this problem
              </button>
            </form>
          </div>
        ) : (
          <p
            className="message message-error"
            role="alert"
            aria-label="Typed problem refused"
            data-testid="typed-error"
          >
            {check.message}
          </p>
        )
      ) : null}

      <h2>Settings</h2>
      <form action={updateSetAction} className="form narrow" aria-label="Settings">
        <input type="hidden" name="setId" value={set.id} />
        <div className="field">
          <label htmlFor="title">Title</label>
          <input id="title" name="title" required maxLength={120} defaultValue={set.title} />
        </div>
        <div className="field">
          <label htmlFor="instructions">Instructions</label>
          <textarea
            id="instructions"
            name="instructions"
            maxLength={2000}
            rows={3}
            defaultValue={set.instructions}
          />
        </div>
        <div className="field">
          <label htmlFor="opensAt">Opens ({tz}; empty: at once)</label>
          <input
            id="opensAt"
            name="opensAt"
            type="datetime-local"
            defaultValue={set.opensAt ? utcToZonedInput(set.opensAt, tz) : ""}
          />
        </div>
        <div className="field">
          <label htmlFor="dueAt">Due ({tz}; empty: no due date)</label>
          <input
            id="dueAt"
            name="dueAt"
            type="datetime-local"
            defaultValue={set.dueAt ? utcToZonedInput(set.dueAt, tz) : ""}
          />
        </div>
        <div className="field">
          <label htmlFor="triesAllowed">Tries allowed per problem</label>
          <input
            id="triesAllowed"
            name="triesAllowed"
            type="number"
            min={1}
            max={10}
            defaultValue={set.triesAllowed}
            required
          />
        </div>
        <div className="field">
          <label htmlFor="showSolution">After the last try</label>
          <select id="showSolution" name="showSolution" defaultValue={set.showSolution ? "yes" : "no"}>
            <option value="yes">Show the answer and the worked solution</option>
            <option value="no">Do not show the answer</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="solutionsAfterDue">When the answer is not shown after the last try</label>
          <select
            id="solutionsAfterDue"
            name="solutionsAfterDue"
            defaultValue={set.solutionsAfterDue ? "yes" : "no"}
          >
            <option value="no">Never show it</option>
            <option value="yes">Show the answer and solution after the due date</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="latePolicy">After the due date</label>
          <select id="latePolicy" name="latePolicy" defaultValue={set.latePolicy}>
            <option value="accept_flagged">Accept answers, marked late</option>
            <option value="refuse">Refuse answers</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="latePenaltyPct">Late penalty (% of a late problem's points; empty: none)</label>
          <input
            id="latePenaltyPct"
            name="latePenaltyPct"
            type="number"
            min={0}
            max={100}
            defaultValue={set.latePenaltyPct ?? ""}
          />
        </div>
        <div className="field">
          <label htmlFor="hintsAllowed">Hints</label>
          <select id="hintsAllowed" name="hintsAllowed" defaultValue={set.hintsAllowed ? "yes" : "no"}>
            <option value="yes">Offered</option>
            <option value="no">Not offered</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="revealAllowed">&quot;Show me the answer&quot;</label>
          <select id="revealAllowed" name="revealAllowed" defaultValue={set.revealAllowed ? "yes" : "no"}>
            <option value="yes">Offered</option>
            <option value="no">Not offered</option>
          </select>
        </div>
        <div>
          <button type="submit" className="button">
            Save settings
          </button>
        </div>
      </form>

      <h2>Extensions</h2>
      {extensions.length > 0 ? (
        <ul>
          {extensions.map((e) => (
            <li key={e.userId}>
              {nameOf.get(e.userId) ?? "A former student"}: due {formatInZone(e.dueAt, tz)}{" "}
              <form action={removeExtensionAction} className="inline-form">
                <input type="hidden" name="setId" value={set.id} />
                <input type="hidden" name="userId" value={e.userId} />
                <button
                  type="submit"
                  className="button small"
                  aria-label={`Remove the extension of ${nameOf.get(e.userId) ?? "a former student"}`}
                >
                  Remove
                </button>
              </form>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No extensions.</p>
      )}
      {roster.length > 0 ? (
        <form action={extensionAction} className="inline-form" aria-label="Extension">
          <input type="hidden" name="setId" value={set.id} />
          <div className="field">
            <label htmlFor="ext-user">Student</label>
            <select id="ext-user" name="userId">
              {roster.map((r) => (
                <option key={r.userId} value={r.userId}>
                  {studentLine(r)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="ext-due">New due date ({tz})</label>
            <input id="ext-due" name="dueAt" type="datetime-local" required />
          </div>
          <button type="submit" className="button">
            Give extension
          </button>
        </form>
      ) : null}
      <SetCare
        set={{ id: set.id, classId: set.classId, published, archived: set.archivedAt !== null }}
        classes={classes}
        opened={items.some((i) => i.started)}
        answered={items.some((i) => i.answered)}
      />
    </section>
  );
}
