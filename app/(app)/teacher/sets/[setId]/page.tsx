// Editing a problem set: settings (dates in the teacher's timezone), items from the catalogue or
// typed (with the key the core computed, for confirmation), publishing, extensions.
import Link from "next/link";
import { notFound } from "next/navigation";
import {
  addCatalogueItemAction,
  checkAuthoredAction,
  extensionAction,
  publishSetAction,
  removeExtensionAction,
  updateSetAction,
} from "@/app/actions/teaching";
import { Notice, type SearchParams } from "@/components/teaching/Notice";
import { AfterDueChoice, SetItems } from "@/components/teaching/SetItems";
import { SetCare } from "@/components/teaching/SetCare";
import { listTeacherClasses } from "@/lib/server/classes/classes";
import { SKILLS } from "@/lib/problems";
import { getSetForTeacher } from "@/lib/server/assignments/sets";
import { isAppError } from "@/lib/server/errors";
import { requireRole } from "@/lib/server/session";
import { timezoneOf } from "@/lib/server/users/timezone";
import { studentLine } from "@/lib/teaching/student";
import { formatInZone, utcToZonedInput } from "@/lib/teaching/time";
import { TypedProblemForm } from "@/components/teaching/TypedProblemForm";
import { TypedProblemCheck, checkTyped, typedFromQuery } from "@/components/teaching/TypedProblemCheck";

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

  const typed = typedFromQuery(q);
  const check = typed.kind && typed.f ? checkTyped(actor, typed) : null;

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
          <p className="hint">
            <Link href="/teacher/catalogue">Browse the catalogue</Link> for samples and worked solutions.
          </p>
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

        <TypedProblemForm
          action={checkAuthoredAction}
          setId={set.id}
          initialKind={typed.kind}
          values={typed}
        />
      </div>

      {check ? (
        <TypedProblemCheck
          check={check}
          setId={set.id}
          typed={typed}
          afterDue={pastDue ? <AfterDueChoice id="typed" tz={tz} /> : null}
        />
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
