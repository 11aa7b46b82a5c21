// The public landing page.
import Link from "next/link";
import { Formula } from "@/components/Formula";

export default async function Home({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { deleted } = await searchParams;
  return (
    <section className="hero">
      {deleted ? (
        <p className="message message-success" role="status" data-testid="account-deleted">
          Your account and its data were deleted.
        </p>
      ) : null}
      <h1>Practise the calculus behind neural-network training</h1>
      <p className="lead">
        Limits, derivatives, partial derivatives, gradients and the chain rule: fresh problems every time,
        graded by a symbolic differentiation core, and scheduled so you review each skill just before you
        would forget it.
      </p>
      <Formula
        display
        tex={String.raw`\frac{\partial L}{\partial w} = \frac{\partial L}{\partial \hat{y}}\,\frac{\partial \hat{y}}{\partial w}`}
        label="The chain rule for a loss L"
      />
      <p className="actions">
        <Link href="/signup" className="button primary">
          Create an account
        </Link>
        <Link href="/signin" className="button">
          Sign in
        </Link>
      </p>
    </section>
  );
}
