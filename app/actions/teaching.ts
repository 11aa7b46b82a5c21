"use server";
// Form actions of classes, problem sets and the gradebook. Thin: read the form, call the data
// function (which checks who may do what), and go back to the page with a message.
import { redirect } from "next/navigation";
import { text, type FormState } from "@/app/actions/form-state";
import { act, withNotice } from "@/app/actions/redirect-back";
import { baseUrl } from "@/lib/server/base-url";
import { isAppError } from "@/lib/server/errors";
import { requireUser } from "@/lib/server/session";
import { timezoneOf } from "@/lib/server/users/timezone";
import {
  createClass,
  issueStudentResetLink,
  joinClass,
  removeStudent,
  rotateJoinCode,
} from "@/lib/server/classes/classes";
import { importStudentNumbers, setStudentNumber } from "@/lib/server/classes/student-numbers";
import {
  addAuthoredItem,
  addCatalogueItem,
  createSet,
  publishSet,
  removeExtension,
  setExtension,
  updateSet,
} from "@/lib/server/assignments/sets";
import { overrideVerdict } from "@/lib/server/assignments/gradebook";
import { removeItem } from "@/lib/server/assignments/items";
import { zonedToUtc } from "@/lib/teaching/time";
import { ALL_FIELDS, typedRequest } from "@/lib/teaching/typed-form";

export type ResetLinkState = FormState & { link?: string; displayName?: string };

export async function createClassAction(form: FormData): Promise<void> {
  const actor = await requireUser("/teacher");
  await act("/teacher", async () => {
    const c = await createClass({ actor, input: { name: text(form, "name") } });
    return withNotice(
      `/teacher/classes/${c.id}`,
      "ok",
      "Class created. Share its code or link with your students.",
    );
  });
}

export async function rotateCodeAction(form: FormData): Promise<void> {
  const actor = await requireUser("/teacher");
  const classId = text(form, "classId");
  const back = `/teacher/classes/${classId}`;
  await act(back, async () => {
    await rotateJoinCode({ actor, classId });
    return withNotice(back, "ok", "New code made. The old code and link no longer work.");
  });
}

export async function removeStudentAction(form: FormData): Promise<void> {
  const actor = await requireUser("/teacher");
  const classId = text(form, "classId");
  const back = `/teacher/classes/${classId}`;
  await act(back, async () => {
    await removeStudent({ actor, classId, userId: text(form, "userId") });
    return withNotice(
      back,
      "ok",
      "Student removed. Their past results stay in the gradebook, marked removed.",
    );
  });
}

export async function studentNumberAction(form: FormData): Promise<void> {
  const actor = await requireUser("/teacher");
  const classId = text(form, "classId");
  const back = `/teacher/classes/${classId}`;
  await act(back, async () => {
    await setStudentNumber({
      actor,
      classId,
      input: { userId: text(form, "userId"), studentNumber: text(form, "studentNumber") },
    });
    return withNotice(back, "ok", "Student number saved.");
  });
}

export async function importStudentNumbersAction(form: FormData): Promise<void> {
  const actor = await requireUser("/teacher");
  const classId = text(form, "classId");
  const back = `/teacher/classes/${classId}`;
  await act(back, async () => {
    const { updated } = await importStudentNumbers({ actor, classId, input: { text: text(form, "text") } });
    return withNotice(
      back,
      "ok",
      `Student numbers imported for ${updated} student${updated === 1 ? "" : "s"}.`,
    );
  });
}

/** A reset link, returned to the page itself: the token never travels in a redirect's address. */
export async function resetLinkAction(_previous: ResetLinkState, form: FormData): Promise<ResetLinkState> {
  const actor = await requireUser("/teacher");
  try {
    const { token, displayName } = await issueStudentResetLink({
      actor,
      classId: text(form, "classId"),
      userId: text(form, "userId"),
    });
    return { link: `${baseUrl()}/reset/${token}`, displayName };
  } catch (error) {
    if (isAppError(error)) return { error: error.message };
    throw error;
  }
}

export async function joinClassAction(form: FormData): Promise<void> {
  const actor = await requireUser("/assignments");
  const back =
    text(form, "back") === "join"
      ? `/join/${encodeURIComponent(text(form, "code")).slice(0, 40)}`
      : "/assignments";
  await act(back, async () => {
    const c = await joinClass({ actor, input: { code: text(form, "code") } });
    return withNotice("/assignments", "ok", `You joined ${c.name}.`);
  });
}

export async function createSetAction(form: FormData): Promise<void> {
  const actor = await requireUser("/teacher");
  const classId = text(form, "classId");
  await act(`/teacher/classes/${classId}`, async () => {
    const s = await createSet({ actor, classId, input: { title: text(form, "title") } });
    return `/teacher/sets/${s.id}`;
  });
}

export async function updateSetAction(form: FormData): Promise<void> {
  const actor = await requireUser("/teacher");
  const setId = text(form, "setId");
  const back = `/teacher/sets/${setId}`;
  const tz = await timezoneOf(actor);
  const date = (name: string) => {
    const raw = text(form, name).trim();
    if (raw === "") return null;
    return zonedToUtc(raw, tz)?.toISOString() ?? "invalid";
  };
  await act(back, async () => {
    await updateSet({
      actor,
      setId,
      input: {
        title: text(form, "title"),
        instructions: text(form, "instructions"),
        opensAt: date("opensAt"),
        dueAt: date("dueAt"),
        triesAllowed: Number(text(form, "triesAllowed")),
        showSolution: text(form, "showSolution") === "yes",
        latePolicy: text(form, "latePolicy"),
        latePenaltyPct:
          text(form, "latePenaltyPct").trim() === "" ? null : Number(text(form, "latePenaltyPct")),
        hintsAllowed: text(form, "hintsAllowed") === "yes",
        revealAllowed: text(form, "revealAllowed") === "yes",
        solutionsAfterDue: text(form, "solutionsAfterDue") === "yes",
      },
    });
    return withNotice(back, "ok", "Settings saved.");
  });
}

export async function addCatalogueItemAction(form: FormData): Promise<void> {
  const actor = await requireUser("/teacher");
  const setId = text(form, "setId");
  const back = `/teacher/sets/${setId}`;
  await act(back, async () => {
    await addCatalogueItem({
      actor,
      setId,
      input: {
        skillId: text(form, "skillId"),
        count: Number(text(form, "count")),
        points: Number(text(form, "points") || "1"),
        afterDue: await afterDueOf(form),
      },
    });
    return withNotice(back, "ok", "Problems added.");
  });
}

/** The teacher's choice for a problem added after the due date (radio "afterDue", date "itemDueAt"). */
async function afterDueOf(form: FormData) {
  const choice = text(form, "afterDue");
  if (choice === "excuse_finished") return { choice };
  if (choice !== "new_due") return undefined;
  const actor = await requireUser("/teacher");
  const due = zonedToUtc(text(form, "itemDueAt"), await timezoneOf(actor));
  return { choice, dueAt: due?.toISOString() ?? "invalid" };
}

/** "Check": back to the set with the typed problem in the address, where the page shows its key. */
export async function checkAuthoredAction(form: FormData): Promise<void> {
  await requireUser("/teacher");
  const params = new URLSearchParams();
  for (const k of ALL_FIELDS) params.set(k, text(form, k).slice(0, k === "params" ? 600 : 300));
  redirect(`/teacher/sets/${encodeURIComponent(text(form, "setId"))}?${params.toString()}#typed`);
}

export async function addAuthoredItemAction(form: FormData): Promise<void> {
  const actor = await requireUser("/teacher");
  const setId = text(form, "setId");
  const back = `/teacher/sets/${setId}`;
  await act(back, async () => {
    await addAuthoredItem({
      actor,
      setId,
      input: {
        ...typedRequest((k) => text(form, k)),
        points: Number(text(form, "points") || "1"),
        afterDue: await afterDueOf(form),
      },
    });
    return withNotice(back, "ok", "Typed problem added.");
  });
}

export async function removeItemAction(form: FormData): Promise<void> {
  const actor = await requireUser("/teacher");
  const setId = text(form, "setId");
  const back = `/teacher/sets/${setId}`;
  await act(back, async () => {
    await removeItem({ actor, setId, itemId: text(form, "itemId") });
    return withNotice(back, "ok", "Item removed.");
  });
}

export async function publishSetAction(form: FormData): Promise<void> {
  const actor = await requireUser("/teacher");
  const setId = text(form, "setId");
  const back = `/teacher/sets/${setId}`;
  await act(back, async () => {
    await publishSet({ actor, setId });
    return withNotice(back, "ok", "Published: your students can see this set now.");
  });
}

export async function extensionAction(form: FormData): Promise<void> {
  const actor = await requireUser("/teacher");
  const setId = text(form, "setId");
  const back = `/teacher/sets/${setId}`;
  const tz = await timezoneOf(actor);
  await act(back, async () => {
    const due = zonedToUtc(text(form, "dueAt"), tz);
    await setExtension({
      actor,
      setId,
      input: { userId: text(form, "userId"), dueAt: due?.toISOString() ?? "invalid" },
    });
    return withNotice(back, "ok", "Extension saved.");
  });
}

export async function removeExtensionAction(form: FormData): Promise<void> {
  const actor = await requireUser("/teacher");
  const setId = text(form, "setId");
  const back = `/teacher/sets/${setId}`;
  await act(back, async () => {
    await removeExtension({ actor, setId, userId: text(form, "userId") });
    return withNotice(back, "ok", "Extension removed: the set's due date applies again.");
  });
}

export async function overrideAction(form: FormData): Promise<void> {
  const actor = await requireUser("/teacher");
  const setId = text(form, "setId");
  const instanceId = text(form, "instanceId");
  const back =
    text(form, "back") === "instance"
      ? `/teacher/instances/${encodeURIComponent(instanceId)}`
      : `/teacher/sets/${setId}/gradebook`;
  const reportId = text(form, "reportId");
  await act(back, async () => {
    await overrideVerdict({
      actor,
      instanceId,
      input: {
        accept: text(form, "accept") === "yes",
        note: text(form, "note"),
        ...(reportId ? { reportId } : {}),
      },
    });
    return withNotice(back, "ok", "Verdict recorded; the score and the student's view follow it.");
  });
}
