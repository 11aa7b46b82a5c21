"use server";
// Saving the learner's scheduling settings.
import { revalidatePath } from "next/cache";
import { isAppError } from "@/lib/server/errors";
import { updateSettings } from "@/lib/server/scheduling/scheduling";
import { requireUser } from "@/lib/server/session";
import { text, type FormState } from "@/app/actions/form-state";

export async function updateSettingsAction(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await requireUser("/settings");
  try {
    await updateSettings({
      actor,
      input: {
        dailyNewLimit: text(form, "dailyNewLimit"),
        sessionLength: text(form, "sessionLength"),
        desiredRetention: text(form, "desiredRetention"),
        timezone: text(form, "timezone"),
      },
    });
  } catch (error) {
    if (isAppError(error)) return { error: error.message };
    throw error;
  }
  revalidatePath("/today");
  revalidatePath("/progress");
  return { success: "Settings saved." };
}
