"use server";
// Form actions of reuse and everyday care: rename, archive, restore and delete classes and sets, copy
// a set, reorder and resize items, unpublish, and add students by a list of emails. Thin: read the
// form, call the data function (which checks who may do what and why not), go back with a message.
import { text } from "@/app/actions/form-state";
import { act, withNotice } from "@/app/actions/redirect-back";
import { requireUser } from "@/lib/server/session";
import { archiveClass, deleteClass, renameClass } from "@/lib/server/classes/lifecycle";
import { cancelInvitation, inviteByEmail } from "@/lib/server/classes/invitations";
import {
  archiveSet,
  copySet,
  deleteSet,
  moveItem,
  setItemCount,
  unpublishSet,
} from "@/lib/server/assignments/reuse";

const classPage = (id: string) => `/teacher/classes/${encodeURIComponent(id)}`;
const setPage = (id: string) => `/teacher/sets/${encodeURIComponent(id)}`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export async function renameClassAction(form: FormData): Promise<void> {
  const actor = await requireUser("/teacher");
  const classId = text(form, "classId");
  await act(classPage(classId), async () => {
    await renameClass({ actor, classId, input: { name: text(form, "name") } });
    return withNotice(classPage(classId), "ok", "Class renamed.");
  });
}

export async function archiveClassAction(form: FormData): Promise<void> {
  const actor = await requireUser("/teacher");
  const classId = text(form, "classId");
  const archived = text(form, "archived") === "yes";
  await act(classPage(classId), async () => {
    await archiveClass({ actor, classId, archived });
    return withNotice(
      archived ? "/teacher" : classPage(classId),
      "ok",
      archived
        ? "Class archived: its students no longer see it and it takes no answers. Restore it from “Archived classes”."
        : "Class restored.",
    );
  });
}

export async function deleteClassAction(form: FormData): Promise<void> {
  const actor = await requireUser("/teacher");
  const classId = text(form, "classId");
  await act(classPage(classId), async () => {
    await deleteClass({ actor, classId });
    return withNotice("/teacher", "ok", "Class deleted.");
  });
}

export async function inviteAction(form: FormData): Promise<void> {
  const actor = await requireUser("/teacher");
  const classId = text(form, "classId");
  await act(classPage(classId), async () => {
    const r = await inviteByEmail({ actor, classId, input: { emails: text(form, "emails") } });
    return withNotice(
      classPage(classId),
      "ok",
      `${plural(r.added, "student")} added, ${plural(r.invited, "invitation")} waiting for a first sign-in${
        r.already > 0 ? `, ${r.already} already in the class` : ""
      }.`,
    );
  });
}

export async function cancelInviteAction(form: FormData): Promise<void> {
  const actor = await requireUser("/teacher");
  const classId = text(form, "classId");
  await act(classPage(classId), async () => {
    await cancelInvitation({ actor, classId, input: { email: text(form, "email") } });
    return withNotice(classPage(classId), "ok", "Invitation cancelled.");
  });
}

export async function copySetAction(form: FormData): Promise<void> {
  const actor = await requireUser("/teacher");
  const setId = text(form, "setId");
  await act(setPage(setId), async () => {
    const copy = await copySet({
      actor,
      setId,
      input: { classId: text(form, "classId"), requestId: text(form, "requestId") || undefined },
    });
    return withNotice(
      setPage(copy.id),
      "ok",
      "Copied as a draft with its problems, points and settings; no student data. Set its dates, then publish.",
    );
  });
}

export async function moveItemAction(form: FormData): Promise<void> {
  const actor = await requireUser("/teacher");
  const setId = text(form, "setId");
  await act(setPage(setId), async () => {
    await moveItem({
      actor,
      setId,
      itemId: text(form, "itemId"),
      input: { direction: text(form, "direction") },
    });
    return `${setPage(setId)}#items`;
  });
}

export async function itemCountAction(form: FormData): Promise<void> {
  const actor = await requireUser("/teacher");
  const setId = text(form, "setId");
  await act(setPage(setId), async () => {
    await setItemCount({
      actor,
      setId,
      itemId: text(form, "itemId"),
      input: { count: Number(text(form, "count")) },
    });
    return withNotice(setPage(setId), "ok", "Number of problems changed.");
  });
}

export async function unpublishSetAction(form: FormData): Promise<void> {
  const actor = await requireUser("/teacher");
  const setId = text(form, "setId");
  await act(setPage(setId), async () => {
    await unpublishSet({ actor, setId });
    return withNotice(setPage(setId), "ok", "Back to a draft: students no longer see this set.");
  });
}

export async function archiveSetAction(form: FormData): Promise<void> {
  const actor = await requireUser("/teacher");
  const setId = text(form, "setId");
  const archived = text(form, "archived") === "yes";
  await act(setPage(setId), async () => {
    await archiveSet({ actor, setId, archived });
    return withNotice(
      setPage(setId),
      "ok",
      archived
        ? "Set archived: closed to answers and hidden from students' lists; results kept."
        : "Set restored.",
    );
  });
}

export async function deleteSetAction(form: FormData): Promise<void> {
  const actor = await requireUser("/teacher");
  const setId = text(form, "setId");
  await act(setPage(setId), async () => {
    const { classId } = await deleteSet({ actor, setId });
    return withNotice(classPage(classId), "ok", "Problem set deleted.");
  });
}
