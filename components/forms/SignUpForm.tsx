"use client";
// The sign-up form: password rules are shown before the first attempt, not after a failure.
import { useActionState } from "react";
import { signUpAction } from "@/app/actions/auth";
import { initialFormState } from "@/app/actions/form-state";
import { BrowserTimezoneField } from "@/components/forms/BrowserTimezoneField";
import { Field, FormMessage, NewPasswordField } from "@/components/forms/parts";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState(signUpAction, initialFormState);
  return (
    <form action={action} className="form" aria-label="Create an account">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <BrowserTimezoneField />
      <Field
        name="displayName"
        label="Display name"
        autoComplete="nickname"
        error={state.fields?.displayName}
      />
      <Field name="email" label="Email" type="email" autoComplete="email" error={state.fields?.email} />
      <NewPasswordField name="password" label="Password" error={state.fields?.password} />
      <FormMessage state={state} label="Sign-up problem" />
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </button>
      <p className="muted" data-testid="teacher-access-note">
        Every new account is a learner account. Teaching a class? Create your account, then ask the
        administrator of this site to grant you teacher access.
      </p>
    </form>
  );
}
