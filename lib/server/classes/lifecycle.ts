// A class's life: renamed, archived at the end of a term (hidden from the teacher's default list and
// from students' active lists, closed to answers, restorable), deleted only while no student has
// answered any problem of it (otherwise archiving is offered, so that results stay).
import "server-only";
import { now as clockNow } from "@/lib/server/clock";
import { getDb } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import type { ActingUser } from "@/lib/server/users/user.types";
import { ANSWERED } from "@/lib/server/assignments/items";
import { ownClass, parseOrThrow } from "./access";
import { createClassInput } from "./classes.types";

export const ANSWERED_CLASS =
  "Students have answered problems in this class; their results stay, so it cannot be deleted. Archive it instead: it disappears from lists and can be restored.";

export async function renameClass(options: { actor: ActingUser; classId: unknown; input: unknown }) {
  const c = await ownClass(options.actor, options.classId);
  const { name } = parseOrThrow(createClassInput, options.input);
  await getDb().class.update({ where: { id: c.id }, data: { name } });
}

export async function archiveClass(options: {
  actor: ActingUser;
  classId: unknown;
  archived: boolean;
}): Promise<void> {
  const c = await ownClass(options.actor, options.classId);
  await getDb().class.update({
    where: { id: c.id },
    data: { archivedAt: options.archived ? (c.archivedAt ?? (await clockNow())) : null },
  });
}

/** Deletes the class with its sets, roster and invitations, when no student has answered anything in it. */
export async function deleteClass(options: { actor: ActingUser; classId: unknown }): Promise<void> {
  const c = await ownClass(options.actor, options.classId);
  await getDb().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Class" WHERE "id" = ${c.id}::uuid FOR UPDATE`;
    await tx.$queryRaw`SELECT p."id" FROM "ProblemInstance" p
      JOIN "ProblemSetItem" i ON i."id" = p."assignmentItemId"
      JOIN "ProblemSet" s ON s."id" = i."setId" WHERE s."classId" = ${c.id}::uuid FOR UPDATE OF p`;
    const answered = await tx.problemInstance.count({
      where: { ...ANSWERED, assignmentItem: { set: { classId: c.id } } },
    });
    if (answered > 0) throw new AppError("INVALID_INPUT", ANSWERED_CLASS);
    await tx.problemInstance.deleteMany({ where: { assignmentItem: { set: { classId: c.id } } } });
    await tx.class.delete({ where: { id: c.id } });
  });
}
