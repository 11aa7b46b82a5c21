// The learner's home: for now a greeting and the rule every lesson builds on.
import Link from "next/link";
import { Formula } from "@/components/Formula";
import { requireUser } from "@/lib/server/session";
import { getToday } from "@/lib/server/scheduling/scheduling";

export const metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  const today = await getToday({ actor: user });
  return (
    <section>
      <h1>Welcome, {user.displayName}</h1>
      <p className="lead">
        <Link href="/practice" className="button primary" data-testid="dashboard-practice">
          Practise a skill
        </Link>
      </p>
      <p className="muted">The rule that backpropagation is built on:</p>
      <figure className="card" aria-label="The chain rule">
        <Formula
          display
          tex={String.raw`\frac{d}{dx}\,f\big(g(x)\big) = f'\big(g(x)\big)\,g'(x)`}
          label="The chain rule"
        />
        <figcaption>
          The chain rule: differentiate the outside, keep the inside, multiply by the inside&apos;s
          derivative.
        </figcaption>
      </figure>
      <section className="card" aria-labelledby="today-heading">
        <h2 id="today-heading">Today</h2>
        <p data-testid="today-summary">
          {today.counts.due} due, {today.counts.new} new, {today.counts.doneToday} done ·{" "}
          {today.streak.current}-day streak.
        </p>
        <p className="actions">
          <Link href="/today" className="button primary">
            Open today&apos;s drill
          </Link>
          <Link href="/progress" className="button">
            Progress
          </Link>
        </p>
      </section>
    </section>
  );
}
