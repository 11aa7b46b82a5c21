// Sign in. In demo mode (the default local start) the demo accounts are listed here.
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/forms/SignInForm";
import { DEMO_ACCOUNTS } from "@/lib/demo";
import { getEnv } from "@/lib/server/env";
import { getCurrentUser } from "@/lib/server/session";
import { safeReturnPath } from "@/lib/safe-redirect";

export const metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeReturnPath(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const demo = getEnv().GD_DEMO;
  return (
    <section className="narrow">
      <h1>Sign in</h1>
      {params.reset ? (
        <p className="message message-success" role="status">
          Your password was changed. Sign in with the new one. Your account page shows who issued the reset
          link and when.
        </p>
      ) : null}
      {callbackUrl.startsWith("/join/") ? (
        <p className="lead" data-testid="join-after-signin">
          To join the class, sign in, or create an account if you have none: you will come back to the join
          page.
        </p>
      ) : null}
      <SignInForm callbackUrl={callbackUrl} />
      <p>
        No account yet?{" "}
        <Link
          href={
            callbackUrl === "/dashboard"
              ? "/signup"
              : `/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`
          }
        >
          Create one
        </Link>
        .
      </p>
      <p className="muted">Forgot your password? Ask your teacher for a reset link, or your administrator.</p>
      {demo ? (
        <aside className="demo-box" aria-label="Demo accounts" data-testid="demo-accounts">
          <h2>Demo accounts</h2>
          <p className="muted">
            This is a local demo installation. These accounts are never created in production.
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">Role</th>
                <th scope="col">Email</th>
                <th scope="col">Password</th>
              </tr>
            </thead>
            <tbody>
              {DEMO_ACCOUNTS.map((account) => (
                <tr key={account.email}>
                  <td>{account.role}</td>
                  <td>{account.email}</td>
                  <td>
                    <code>{account.password}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </aside>
      ) : null}
    </section>
  );
}
