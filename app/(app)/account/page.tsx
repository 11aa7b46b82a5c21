// Account settings: display name, password, delete the account.
import { ChangePasswordForm, DeleteAccountForm, DisplayNameForm } from "@/components/forms/AccountForms";
import { requireUser } from "@/lib/server/session";

export const metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requireUser("/account");
  return (
    <section className="narrow">
      <h1>Account</h1>
      <p className="muted">
        Signed in as {user.email} ({user.role}).
      </p>
      <h2>Display name</h2>
      <DisplayNameForm current={user.displayName} />
      <h2>Password</h2>
      <ChangePasswordForm />
      <h2>Delete account</h2>
      <DeleteAccountForm />
    </section>
  );
}
