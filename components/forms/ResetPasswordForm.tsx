"use client";
// Choosing a new password from a one-time reset link.
import { useActionState } from "react";
import { resetPasswordAction } from "@/app/actions/reset";
import { initialFormState } from "@/app/actions/form-state";
import { FormMessage, NewPasswordField } from "@/components/forms/parts";

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(resetPasswordAction, initialFormState);
  return (
    <form action={action} className="form" aria-label="Choose a new password">
      <input type="hidden" name="token" value={token} />
      <NewPasswordField name="newPassword" label="New password" />
      <FormMessage state={state} label="Password reset" />
      <button type="submit" className="button primary" disabled={pending}>
        Set new password
      </button>
    </form>
  );
}
