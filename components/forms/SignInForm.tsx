"use client";
// The sign-in form; the server action answers with a generic message on failure.
import { useActionState } from "react";
import { signInAction } from "@/app/actions/auth";
import { initialFormState } from "@/app/actions/form-state";
import { BrowserTimezoneField } from "@/components/forms/BrowserTimezoneField";
import { Field, FormMessage } from "@/components/forms/parts";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState(signInAction, initialFormState);
  return (
    <form action={action} className="form" aria-label="Sign in">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <BrowserTimezoneField />
      <Field name="email" label="Email" type="email" autoComplete="email" />
      <Field name="password" label="Password" type="password" autoComplete="current-password" />
      <FormMessage state={state} label="Sign-in problem" />
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
