"use client";
// The account page's three forms: display name, password, and deleting the account.
import { useActionState } from "react";
import { changePasswordAction, deleteAccountAction, updateDisplayNameAction } from "@/app/actions/account";
import { initialFormState } from "@/app/actions/form-state";
import { Field, FormMessage, NewPasswordField } from "@/components/forms/parts";

export function DisplayNameForm({ current }: { current: string }) {
  const [state, action, pending] = useActionState(updateDisplayNameAction, initialFormState);
  return (
    <form action={action} className="form" aria-label="Change display name">
      <Field name="displayName" label="Display name" defaultValue={current} autoComplete="nickname" />
      <FormMessage state={state} label="Display name" />
      <button type="submit" className="button" disabled={pending}>
        Save display name
      </button>
    </form>
  );
}

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, initialFormState);
  return (
    <form action={action} className="form" aria-label="Change password">
      <Field
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
      />
      <NewPasswordField name="newPassword" label="New password" />
      <FormMessage state={state} label="Password change" />
      <button type="submit" className="button" disabled={pending}>
        Change password
      </button>
    </form>
  );
}

export function DeleteAccountForm() {
  const [state, action, pending] = useActionState(deleteAccountAction, initialFormState);
  return (
    <form action={action} className="form danger-zone" aria-label="Delete account">
      <p>This deletes your account and everything stored for it. It cannot be undone.</p>
      <Field name="password" label="Password, to confirm" type="password" autoComplete="current-password" />
      <FormMessage state={state} label="Account deletion" />
      <button type="submit" className="button danger" disabled={pending}>
        Delete my account and my data
      </button>
    </form>
  );
}
