// Account settings: display name, password, delete the account.
import { ChangePasswordForm, DeleteAccountForm, DisplayNameForm } from "@/components/forms/AccountForms";
import { listResetsOf } from "@/lib/server/password-reset/reset-token";
import { requireUser } from "@/lib/server/session";

export const metadata = { title: "Account" };

export default async function AccountPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser("/account");
  const { password } = await searchParams;
  const resets = await listResetsOf({ actor: user });
  return (
    <section className="narrow">
      <h1>Account</h1>
      <p className="muted">
        Signed in as {user.email} ({user.role}).
      </p>
      <h2>Display name</h2>
      <DisplayNameForm current={user.displayName} />
      <h2>Password</h2>
      {password === "changed" ? (
        <p className="message message-success" role="status" data-testid="password-changed">
          Password changed. Your other sessions are signed out; use the new password next time.
        </p>
      ) : null}
      <ChangePasswordForm />
      {resets.length > 0 ? (
        <div className="card" data-testid="password-resets">
          <h3>Password resets by link</h3>
          <ul className="plain-list">
            {resets.map((r) => (
              <li key={r.id}>
                Reset on {r.usedAt.toISOString().slice(0, 16).replace("T", " ")} UTC with a link issued by{" "}
                {r.issuedBy} on {r.issuedAt.toISOString().slice(0, 16).replace("T", " ")} UTC.
              </li>
            ))}
          </ul>
          <p className="muted">If you did not ask for a reset, change your password and tell your teacher.</p>
        </div>
      ) : null}
      <h2>Delete account</h2>
      <DeleteAccountForm />
    </section>
  );
}
