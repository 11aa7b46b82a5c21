"use server";
// The student's form actions on a problem set: opening a problem creates it (its time counts from
// now) and goes to the practice view; refusals come back to the set page with the reason.
import { redirect } from "next/navigation";
import { text } from "@/app/actions/form-state";
import { openAssignmentProblem } from "@/lib/server/assignments/student";
import { isAppError } from "@/lib/server/errors";
import { withNotice } from "@/lib/server/notice";
import { requireUser } from "@/lib/server/session";

export async function openProblemAction(form: FormData): Promise<void> {
  const setId = text(form, "setId");
  const back = `/assignments/${encodeURIComponent(setId)}`;
  const actor = await requireUser(back);
  let to: string;
  try {
    const { instanceId } = await openAssignmentProblem({
      actor,
      setId,
      input: { itemId: text(form, "itemId"), copy: Number(text(form, "copy")) },
    });
    to = `/practice/i/${instanceId}?next=${encodeURIComponent(back)}`;
  } catch (error) {
    if (!isAppError(error)) throw error;
    to = await withNotice(back, "error", error.message);
  }
  redirect(to);
}
