// Shown when a signed-in user opens a page their role does not allow.
import Link from "next/link";

export function Forbidden() {
  return (
    <section className="narrow">
      <h1 data-testid="forbidden">This page is for teachers</h1>
      <p>
        Your account is a learner account. Teachers can also practise, but learners cannot open teaching
        pages.
      </p>
      <p>
        <Link href="/dashboard">Back to your dashboard</Link>
      </p>
    </section>
  );
}
