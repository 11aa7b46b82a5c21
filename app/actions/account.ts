"use server";
// Account settings actions for the signed-in user: display name, password, deleting the account.
import { revalidatePath } from "next/cache";
import { signOut } from "@/lib/server/auth";
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
  return attempt(
    () =>
      changePassword({
        actor,
        input: { currentPassword: text(form, "currentPassword"), newPassword: text(form, "newPassword") },
      }),
    "Password changed. Use the new one next time you sign in.",
  );
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
