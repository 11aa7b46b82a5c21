// Account settings: display name, password, delete the account.
import { ChangePasswordForm, DeleteAccountForm, DisplayNameForm } from "@/components/forms/AccountForms";
import { requireUser } from "@/lib/server/session";

export const metadata = { title: "Account" };

export default async function AccountPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser("/account");
  const { password } = await searchParams;
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
      <h2>Delete account</h2>
      <DeleteAccountForm />
    </section>
  );
}
