"use client";
// Choosing a new password from a one-time reset link.
import { useActionState } from "react";
import { resetPasswordAction } from "@/app/actions/reset";
import { initialFormState } from "@/app/actions/form-state";
import { Field, FormMessage } from "@/components/forms/parts";
import { PASSWORD_MIN, PASSWORD_RULES } from "@/lib/validation/account";

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(resetPasswordAction, initialFormState);
  return (
    <form action={action} className="form" aria-label="Choose a new password">
      <input type="hidden" name="token" value={token} />
      <Field
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        minLength={PASSWORD_MIN}
        hint={<span>{PASSWORD_RULES.join(" ")}</span>}
      />
      <FormMessage state={state} label="Password reset" />
      <button type="submit" className="button primary" disabled={pending}>
        Set new password
      </button>
    </form>
  );
}
