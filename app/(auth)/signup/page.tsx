// Create an account (learner or teacher). Arriving from a class's join link, the new account goes back
// to it (`callbackUrl`, a path on this site only: lib/safe-redirect.ts).
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/forms/SignUpForm";
import { getCurrentUser } from "@/lib/server/session";
import { safeReturnPath } from "@/lib/safe-redirect";

export const metadata = { title: "Create an account" };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const callbackUrl = safeReturnPath((await searchParams).callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const back = callbackUrl === "/dashboard" ? "" : `?callbackUrl=${encodeURIComponent(callbackUrl)}`;
  return (
    <section className="narrow">
      <h1>Create an account</h1>
      {callbackUrl.startsWith("/join/") ? (
        <p className="lead" data-testid="join-after-signup">
          Create your account, then you will be taken back to join the class.
        </p>
      ) : null}
      <SignUpForm callbackUrl={callbackUrl} />
      <p>
        Already have an account? <Link href={`/signin${back}`}>Sign in</Link>.
      </p>
    </section>
  );
}
