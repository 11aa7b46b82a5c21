"use server";
// Setting a new password from a one-time reset link.
import { redirect } from "next/navigation";
import { isAppError } from "@/lib/server/errors";
import { resetPasswordWithToken } from "@/lib/server/password-reset/reset-token";
import { text, type FormState } from "@/app/actions/form-state";

export async function resetPasswordAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    await resetPasswordWithToken({ token: text(form, "token"), newPassword: text(form, "newPassword") });
  } catch (error) {
    if (isAppError(error)) return { error: error.message };
    throw error;
  }
  redirect("/signin?reset=1");
}
