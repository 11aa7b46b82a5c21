// Reusing and tidying a teacher's sets: copy a set (to the same class or another of the teacher's
// classes, e.g. next term's) with its items, points, penalty and switches but no student data;
// reorder or resize items while nobody has answered them; unpublish a set nobody opened; archive
// (restorable), and delete a set nobody has answered. Each refusal says why.
import "server-only";
import { z } from "zod";
import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isUniqueViolation } from "@/lib/server/db/unique-violation";
import { now as clockNow } from "@/lib/server/clock";
import { getDb } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import type { ActingUser } from "@/lib/server/users/user.types";
import { idOr404, ownClass, ownSet, parseOrThrow } from "@/lib/server/classes/access";
import { ANSWERED } from "./items";

export const copySetInput = z.object({
  classId: z.uuid({ error: "No such class." }),
  /** The form's submission id: the same id again (a double click, a resent form) makes no second copy. */
  requestId: z.uuid({ error: "The form is out of date: reload the page and copy again." }).optional(),
});

/**
 * The id of the copy a submission makes: derived from who copies what where and the form's
 * submission id, so a second submission of the same form names the same set, and no one can choose
 * the id of an existing set.
 */
function copyIdFor(actorId: string, setId: string, classId: string, requestId: string): string {
  const h = createHash("sha256").update(`copy-set:${actorId}:${setId}:${classId}:${requestId}`).digest("hex");
  // Shaped as a version 4 UUID (the column is uuid).
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
export const moveItemInput = z.object({ direction: z.enum(["up", "down"], { error: "Move up or down." }) });
export const itemCountInput = z.object({
  count: z
    .number()
    .int("The number of problems is a whole number.")
    .min(1, "Ask for 1 to 10 problems.")
    .max(10, "Ask for 1 to 10 problems."),
});

export const ANSWERED_SET =
  "Students have already answered problems of this set; their results stay, so it cannot be deleted. Archive it instead: it disappears from lists and can be restored.";
export const REORDER_REFUSED =
  "Students have already answered problems of this set: reordering would renumber their results in the gradebook and the CSV. Add, excuse or give points instead.";
export const EDIT_REFUSED =
  "A student has already answered this item; changing it would change problems already graded. Excuse it and add a new one instead.";
export const ALREADY_DRAFT = "This set is already a draft: students do not see it. Nothing was changed.";
export const UNPUBLISH_REFUSED =
  "A student has already opened a problem of this set, so it stays published. Archive it to close it instead.";

/** Whether anyone has answered a problem of the set (a try, a revealed answer or a verdict). */
async function answeredIn(tx: Prisma.TransactionClient, setId: string, itemId?: string): Promise<boolean> {
  const n = await tx.problemInstance.count({
    where: { ...ANSWERED, assignmentItem: itemId ? { id: itemId, setId } : { setId } },
  });
  return n > 0;
}

/** Locks the set's row so that two edits of its items (or an edit and a copy) happen one after the other. */
async function lockSet(tx: Prisma.TransactionClient, setId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "ProblemSet" WHERE "id" = ${setId}::uuid FOR UPDATE`;
  // An answer being recorded locks its problem: lock the set's problems too, so that the check for
  // answers below sees it, or the answer waits for this change.
  await tx.$queryRaw`SELECT p."id" FROM "ProblemInstance" p JOIN "ProblemSetItem" i ON i."id" = p."assignmentItemId"
    WHERE i."setId" = ${setId}::uuid FOR UPDATE OF p`;
}

/**
 * Copies the set into one of the actor's classes (the same one, or e.g. next term's): title,
 * instructions, tries, solutions, late policy and penalty, hints, "Show me the answer", and each item
 * with its points. Not copied: students' problems, excusals, extensions, verdicts, dates (last term's
 * are past; the copy is a draft to date and publish), and the decisions about last term's students
 * (excused for everyone, full credit). Returns the new set's id.
 */
export async function copySet(options: {
  actor: ActingUser;
  setId: unknown;
  input: unknown;
}): Promise<{ id: string }> {
  const set = await ownSet(options.actor, options.setId);
  const { classId, requestId } = parseOrThrow(copySetInput, options.input);
  const target = await ownClass(options.actor, classId);
  const id = requestId ? copyIdFor(options.actor.id, set.id, target.id, requestId) : undefined;
  // The same submission again (resent, or a double click after the first finished): the copy it made.
  const made = async () =>
    id
      ? await getDb().problemSet.findFirst({ where: { id, classId: target.id }, select: { id: true } })
      : null;
  const already = await made();
  if (already) return already;
  if (target.archivedAt) throw new AppError("INVALID_INPUT", "That class is archived; restore it first.");
  const items = await getDb().problemSetItem.findMany({
    where: { setId: set.id },
    orderBy: { position: "asc" },
    select: { skillId: true, count: true, authored: true, points: true },
  });
  const title = target.id === set.classId ? `${set.title} (copy)`.slice(0, 120) : set.title;
  try {
    return await createCopy(set, target.id, title, items, id);
  } catch (error) {
    // Two submissions at once: the second's insert waited for the first and found its id taken.
    const first = isUniqueViolation(error) && (await made());
    if (first) return first;
    throw error;
  }
}

async function createCopy(
  set: Awaited<ReturnType<typeof ownSet>>,
  classId: string,
  title: string,
  items: { skillId: string | null; count: number; authored: Prisma.JsonValue; points: number }[],
  id: string | undefined,
): Promise<{ id: string }> {
  return getDb().$transaction(async (tx) => {
    const copy = await tx.problemSet.create({
      data: {
        ...(id ? { id } : {}),
        classId,
        title,
        instructions: set.instructions,
        triesAllowed: set.triesAllowed,
        showSolution: set.showSolution,
        latePolicy: set.latePolicy,
        latePenaltyPct: set.latePenaltyPct,
        hintsAllowed: set.hintsAllowed,
        revealAllowed: set.revealAllowed,
        solutionsAfterDue: set.solutionsAfterDue,
      },
      select: { id: true },
    });
    await tx.problemSetItem.createMany({
      data: items.map((i, position) => ({
        setId: copy.id,
        position,
        skillId: i.skillId,
        count: i.count,
        authored: i.authored ?? undefined,
        points: i.points,
      })),
    });
    return copy;
  });
}

/** Moves an item one place up or down, while nobody has answered any problem of the set. */
export async function moveItem(options: {
  actor: ActingUser;
  setId: unknown;
  itemId: unknown;
  input: unknown;
}): Promise<void> {
  const set = await ownSet(options.actor, options.setId);
  const itemId = idOr404(options.itemId, "No such item.");
  const { direction } = parseOrThrow(moveItemInput, options.input);
  await getDb().$transaction(async (tx) => {
    await lockSet(tx, set.id);
    const items = await tx.problemSetItem.findMany({
      where: { setId: set.id },
      orderBy: { position: "asc" },
      select: { id: true, position: true },
    });
    const at = items.findIndex((i) => i.id === itemId);
    if (at < 0) throw new AppError("NOT_FOUND", "No such item.");
    const to = direction === "up" ? at - 1 : at + 1;
    if (to < 0 || to >= items.length)
      throw new AppError(
        "INVALID_INPUT",
        `This item is already the ${direction === "up" ? "first" : "last"}.`,
      );
    if (await answeredIn(tx, set.id)) throw new AppError("INVALID_INPUT", REORDER_REFUSED);
    const order = items.map((i) => i.id);
    [order[at], order[to]] = [order[to]!, order[at]!];
    // Positions are renumbered 0..n-1 (gaps left by removed items close).
    for (const [position, id] of order.entries())
      await tx.problemSetItem.update({ where: { id }, data: { position } });
  });
}

/** Changes how many problems a catalogue item asks for, while nobody has answered it. */
export async function setItemCount(options: {
  actor: ActingUser;
  setId: unknown;
  itemId: unknown;
  input: unknown;
}): Promise<void> {
  const set = await ownSet(options.actor, options.setId);
  const itemId = idOr404(options.itemId, "No such item.");
  const { count } = parseOrThrow(itemCountInput, options.input);
  await getDb().$transaction(async (tx) => {
    await lockSet(tx, set.id);
    const item = await tx.problemSetItem.findFirst({ where: { id: itemId, setId: set.id } });
    if (!item) throw new AppError("NOT_FOUND", "No such item.");
    if (!item.skillId) throw new AppError("INVALID_INPUT", "A typed problem is one problem.");
    if (await answeredIn(tx, set.id, item.id)) throw new AppError("INVALID_INPUT", EDIT_REFUSED);
    // Problems opened (not answered) beyond the new count go; the others stay as they are.
    await tx.problemInstance.deleteMany({ where: { assignmentItemId: item.id, copy: { gte: count } } });
    await tx.problemSetItem.update({ where: { id: item.id }, data: { count } });
  });
}

/** Back to a draft, while no student has opened any of its problems (nothing of theirs depends on it). */
export async function unpublishSet(options: { actor: ActingUser; setId: unknown }): Promise<void> {
  const set = await ownSet(options.actor, options.setId);
  if (!set.publishedAt) throw new AppError("INVALID_INPUT", ALREADY_DRAFT);
  await getDb().$transaction(async (tx) => {
    await lockSet(tx, set.id);
    const opened = await tx.problemInstance.count({ where: { assignmentItem: { setId: set.id } } });
    if (opened > 0) throw new AppError("INVALID_INPUT", UNPUBLISH_REFUSED);
    await tx.problemSet.update({ where: { id: set.id }, data: { publishedAt: null } });
  });
}

/** Archives the set (closed to answers, hidden from lists; results kept) or restores it. */
export async function archiveSet(options: {
  actor: ActingUser;
  setId: unknown;
  archived: boolean;
}): Promise<void> {
  const set = await ownSet(options.actor, options.setId);
  await getDb().problemSet.update({
    where: { id: set.id },
    data: { archivedAt: options.archived ? (set.archivedAt ?? (await clockNow())) : null },
  });
}

/** Deletes a set nobody has answered (problems merely opened go with it); otherwise refused: archive it. */
export async function deleteSet(options: {
  actor: ActingUser;
  setId: unknown;
}): Promise<{ classId: string }> {
  const set = await ownSet(options.actor, options.setId);
  await getDb().$transaction(async (tx) => {
    await lockSet(tx, set.id);
    if (await answeredIn(tx, set.id)) throw new AppError("INVALID_INPUT", ANSWERED_SET);
    await tx.problemInstance.deleteMany({ where: { assignmentItem: { setId: set.id } } });
    await tx.problemSet.delete({ where: { id: set.id } });
  });
  return { classId: set.classId };
}
