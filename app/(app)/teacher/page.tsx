// The teacher's area: their classes, and a form to create one.
import Link from "next/link";
import { createClassAction } from "@/app/actions/teaching";
import { Notice, type SearchParams } from "@/components/teaching/Notice";
import { listTeacherClasses } from "@/lib/server/classes/classes";
import { requireRole } from "@/lib/server/session";
import { formatJoinCode } from "@/lib/teaching/join-code";

export const metadata = { title: "Teaching" };

export default async function TeacherPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireRole("teacher", "/teacher");
  const params = await searchParams;
  const classes = await listTeacherClasses({ actor });
  return (
    <section>
      <h1>Teaching</h1>
      <p className="lead" data-testid="teacher-area">
        Your classes: invite students with a code, set problem sets, follow results in the gradebook.
      </p>
      <Notice id={params.notice} />
      <p>
        <Link href="/teacher/catalogue">Browse the catalogue of skills</Link>: sample problems, answers and
        worked solutions, and a practice problem of any skill for you to try.
      </p>
      {classes.length === 0 ? (
        <p className="muted" data-testid="no-classes">
          You have no classes yet. Create one below; you will get a code and a link to share with your
          students.
        </p>
      ) : (
        <ul className="plain-list" aria-label="Your classes">
          {classes.map((c) => (
            <li key={c.id} className="card">
              <Link href={`/teacher/classes/${c.id}`}>{c.name}</Link>{" "}
              <span className="muted">
                · {c.students} student{c.students === 1 ? "" : "s"} · {c.sets} problem set
                {c.sets === 1 ? "" : "s"} · code {formatJoinCode(c.joinCode)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <h2>New class</h2>
      <form action={createClassAction} className="form narrow">
        <div className="field">
          <label htmlFor="class-name">Class name</label>
          <input id="class-name" name="name" required maxLength={80} />
        </div>
        <div>
          <button type="submit" className="button primary">
            Create class
          </button>
        </div>
      </form>
    </section>
  );
}
