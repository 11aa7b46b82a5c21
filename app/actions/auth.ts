"use server";
// Sign-in, sign-up and sign-out form actions: validate, call lib/server, report a form message.
import { headers } from "next/headers";
import { AuthError } from "next-auth";
import { clientAddress, signIn, signOut } from "@/lib/server/auth";
import { admitSignUp } from "@/lib/server/auth/sign-up-limit";
import { endSessionsOf, getCurrentUser } from "@/lib/server/session";
import { isAppError } from "@/lib/server/errors";
import { createUser } from "@/lib/server/users/create-user";
import { adoptBrowserTimezone } from "@/lib/server/users/timezone";
import { safeReturnPath } from "@/lib/safe-redirect";
import { signUpInput } from "@/lib/validation/account";
import { text, type FormState } from "@/app/actions/form-state";

const SIGN_IN_FAILED = "The email or password is not correct.";
const TOO_MANY =
  "Too many sign-in attempts. Wait a few minutes and try again, or ask your teacher to reset your password.";

export async function signInAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    await signIn("credentials", {
      email: text(form, "email"),
      password: text(form, "password"),
      timezone: text(form, "timezone"),
      redirectTo: safeReturnPath(form.get("callbackUrl")),
    });
    return {};
  } catch (error) {
    // signIn redirects by throwing NEXT_REDIRECT: only Auth.js's own errors are handled here.
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      return { error: code === "rate_limited" ? TOO_MANY : SIGN_IN_FAILED };
    }
    throw error;
  }
}

export async function signUpAction(_previous: FormState, form: FormData): Promise<FormState> {
  const raw = {
    displayName: text(form, "displayName"),
    email: text(form, "email"),
    password: text(form, "password"),
  };
  const parsed = signUpInput.safeParse(raw);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[String(issue.path[0])] ??= issue.message;
    return { error: "Please correct the highlighted fields.", fields };
  }
  try {
    await admitSignUp({ address: clientAddress(await headers()) });
    const user = await createUser(parsed.data);
    await adoptBrowserTimezone({ actor: user, input: text(form, "timezone") });
  } catch (error) {
    if (isAppError(error))
      return {
        error: error.message,
        ...(error.code === "EMAIL_TAKEN" ? { fields: { email: error.message } } : {}),
        ...(error.code === "WEAK_PASSWORD" ? { fields: { password: error.message } } : {}),
      };
    throw error;
  }
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      // Back to where sign-up began (a class's join link), when that is a page of this site.
      redirectTo: safeReturnPath(form.get("callbackUrl")),
    });
  } catch (error) {
    if (error instanceof AuthError)
      return { error: "Your account was created, but signing in failed. Try signing in." };
    throw error;
  }
  return {};
}

export async function signOutAction(): Promise<void> {
  // Clearing the cookie is not enough: a copy of it would still work. Moving the session version on
  // makes every token issued before refused.
  const actor = await getCurrentUser();
  if (actor) await endSessionsOf(actor);
  await signOut({ redirectTo: "/" });
}
