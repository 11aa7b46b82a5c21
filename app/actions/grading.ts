"use server";
// Form actions on how an item counts: excuse it (everyone or one student), full credit, points.
// Thin: read the form, call the data function (which checks who may do what), go back with a message.
import { text } from "@/app/actions/form-state";
import { act, withNotice } from "@/app/actions/redirect-back";
import { excuseItem, setFullCredit, setItemPoints } from "@/lib/server/assignments/items";
import { requireUser } from "@/lib/server/session";

/** Back to the page the form came from: the set, or a student's problem. */
function backOf(form: FormData): string {
  const instanceId = text(form, "instanceId");
  return text(form, "back") === "instance" && instanceId
    ? `/teacher/instances/${encodeURIComponent(instanceId)}`
    : `/teacher/sets/${encodeURIComponent(text(form, "setId"))}`;
}

export async function excuseAction(form: FormData): Promise<void> {
  const actor = await requireUser("/teacher");
  const back = backOf(form);
  const userId = text(form, "userId");
  const excused = text(form, "excused") === "yes";
  await act(back, async () => {
    await excuseItem({
      actor,
      setId: text(form, "setId"),
      itemId: text(form, "itemId"),
      input: { excused, ...(userId ? { userId } : {}) },
    });
    const who = userId ? "this student" : "everyone";
    return withNotice(
      back,
      "ok",
      excused ? `Excused for ${who}: it leaves the total.` : `Counts again for ${who}.`,
    );
  });
}

export async function fullCreditAction(form: FormData): Promise<void> {
  const actor = await requireUser("/teacher");
  const back = backOf(form);
  const fullCredit = text(form, "fullCredit") === "yes";
  await act(back, async () => {
    await setFullCredit({
      actor,
      setId: text(form, "setId"),
      itemId: text(form, "itemId"),
      input: { fullCredit },
    });
    return withNotice(
      back,
      "ok",
      fullCredit ? "Full credit for everyone on this item." : "Full credit taken back.",
    );
  });
}

export async function pointsAction(form: FormData): Promise<void> {
  const actor = await requireUser("/teacher");
  const back = backOf(form);
  await act(back, async () => {
    await setItemPoints({
      actor,
      setId: text(form, "setId"),
      itemId: text(form, "itemId"),
      input: { points: Number(text(form, "points")) },
    });
    return withNotice(back, "ok", "Points saved; scores follow.");
  });
}
