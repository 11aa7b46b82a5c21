// The learner's home after sign-in: a greeting, today's counts with the way into the drill, and the
// rule every lesson builds on.
import Link from "next/link";
import { Formula } from "@/components/Formula";
import { getToday } from "@/lib/server/scheduling/scheduling";
import { requireUser } from "@/lib/server/session";

export const metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  const today = await getToday({ actor: user });
  return (
    <section>
      <h1>Welcome, {user.displayName}</h1>
      <p className="lead" data-testid="today-summary">
        Today: {today.counts.due} due, {today.counts.new} new, {today.counts.doneToday} done ·{" "}
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
      <p>The rule that backpropagation is built on:</p>
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
    </section>
  );
}
