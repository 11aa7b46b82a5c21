"use server";
// The admin page's action: grant or revoke the teacher (or admin) role of an account.
import { revalidatePath } from "next/cache";
import { text, type FormState } from "@/app/actions/form-state";
import { isAppError } from "@/lib/server/errors";
import { requireUser } from "@/lib/server/session";
import { changeRole } from "@/lib/server/users/roles";

export async function changeRoleAction(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await requireUser("/admin");
  try {
    const result = await changeRole({
      actor,
      input: { userId: text(form, "userId"), change: text(form, "change"), role: text(form, "role") },
    });
    revalidatePath("/admin");
    return { success: `${result.email} is now ${result.role === "admin" ? "an" : "a"} ${result.role}.` };
  } catch (error) {
    if (isAppError(error)) return { error: error.message };
    throw error;
  }
}
