"use server";
// Account settings actions for the signed-in user: display name, password, deleting the account.
import { revalidatePath } from "next/cache";
import { signIn, signOut } from "@/lib/server/auth";
import { isAppError } from "@/lib/server/errors";
import { requireUser } from "@/lib/server/session";
import { changePassword, deleteOwnAccount, updateDisplayName } from "@/lib/server/users/update-user";
import { text, type FormState } from "@/app/actions/form-state";

async function attempt(work: () => Promise<void>, success: string): Promise<FormState> {
  try {
    await work();
    return { success };
  } catch (error) {
    if (isAppError(error)) return { error: error.message };
    throw error;
  }
}

export async function updateDisplayNameAction(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await requireUser("/account");
  const state = await attempt(
    () => updateDisplayName({ actor, input: { displayName: text(form, "displayName") } }),
    "Display name saved.",
  );
  revalidatePath("/", "layout");
  return state;
}

export async function changePasswordAction(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await requireUser("/account");
  const newPassword = text(form, "newPassword");
  const state = await attempt(
    () => changePassword({ actor, input: { currentPassword: text(form, "currentPassword"), newPassword } }),
    "Password changed. Your other sessions are signed out; use the new password next time.",
  );
  if (state.error) return state;
  // The change ended every session, this one too: sign this browser in again and reload the page,
  // so that it renders with the new session.
  await signIn("credentials", {
    email: actor.email,
    password: newPassword,
    redirectTo: "/account?password=changed",
  });
  return state;
}

export async function deleteAccountAction(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await requireUser("/account");
  const state = await attempt(
    () => deleteOwnAccount({ actor, input: { password: text(form, "password") } }),
    "Account deleted.",
  );
  if (state.error) return state;
  await signOut({ redirectTo: "/?deleted=1" });
  return state;
}
