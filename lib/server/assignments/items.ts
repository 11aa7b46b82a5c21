// What a teacher decides about an item once students work on it: excuse it (for everyone or one
// student: it leaves their total), give everyone full credit, change its points, remove it while
// nobody has answered it, and what a problem added after the due date means for those who finished.
import "server-only";
import type { z } from "zod";
import { type Prisma } from "@/lib/generated/prisma/client";
import { now as clockNow } from "@/lib/server/clock";
import { getDb } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import type { ActingUser } from "@/lib/server/users/user.types";
import { idOr404, ownSet, parseOrThrow } from "@/lib/server/classes/access";
import { afterDueInput, excuseInput, fullCreditInput, pointsInput } from "./sets.types";

type OwnSet = Awaited<ReturnType<typeof ownSet>>;

export const PAST_DUE_CHOICE =
  "This set is past its due date: a new problem would lower the score of students who finished and refuse their answers. Choose whether it is excused for those who finished, or give it a new due date.";

/** An item of the actor's set, or 404. */
async function ownItem(actor: ActingUser, setId: unknown, itemId: unknown) {
  const set = await ownSet(actor, setId);
  const id = idOr404(itemId, "No such item.");
  const item = await getDb().problemSetItem.findFirst({ where: { id, setId: set.id } });
  if (!item) throw new AppError("NOT_FOUND", "No such item.");
  return { set, item };
}

export interface NewItemPlan {
  dueAt: Date | null;
  excuseFinished: boolean;
}

/** For a published set past its due date, the teacher's choice is required; otherwise nothing changes. */
export async function planNewItem(set: OwnSet, rawAfterDue: unknown): Promise<NewItemPlan> {
  const at = await clockNow();
  if (!set.publishedAt || !set.dueAt || set.dueAt > at) return { dueAt: null, excuseFinished: false };
  const choice = parseOrThrow(afterDueInput, rawAfterDue);
  if (!choice) throw new AppError("INVALID_INPUT", PAST_DUE_CHOICE);
  if (choice.choice === "excuse_finished") return { dueAt: null, excuseFinished: true };
  const dueAt = new Date(choice.dueAt);
  if (dueAt <= at) throw new AppError("INVALID_INPUT", "The new problem's due date must be in the future.");
  return { dueAt, excuseFinished: false };
}

/** Creates the item and, when chosen, excuses it for every student who had finished the set. */
export async function createItem(
  set: OwnSet,
  data: Omit<Prisma.ProblemSetItemUncheckedCreateInput, "setId" | "position">,
  plan: NewItemPlan,
): Promise<{ id: string }> {
  return getDb().$transaction(async (tx) => {
    const last = await tx.problemSetItem.findFirst({
      where: { setId: set.id },
      orderBy: { position: "desc" },
      select: { position: true },
    });
    const finishedBy = plan.excuseFinished ? await studentsWhoFinished(tx, set) : [];
    const item = await tx.problemSetItem.create({
      data: { ...data, setId: set.id, position: (last?.position ?? -1) + 1, dueAt: plan.dueAt },
      select: { id: true },
    });
    if (finishedBy.length > 0)
      await tx.itemExcusal.createMany({ data: finishedBy.map((userId) => ({ itemId: item.id, userId })) });
    return item;
  });
}

/** Students of the class who finished (or were given a verdict on) every problem that counts for them. */
async function studentsWhoFinished(tx: Prisma.TransactionClient, set: OwnSet): Promise<string[]> {
  const items = await tx.problemSetItem.findMany({
    where: { setId: set.id, excused: false, fullCredit: false },
    select: { id: true, count: true, excusals: { select: { userId: true } } },
  });
  const enrolled = await tx.enrollment.findMany({
    where: { classId: set.classId },
    select: { userId: true },
  });
  const done = await tx.problemInstance.findMany({
    where: {
      assignmentItemId: { in: items.map((i) => i.id) },
      OR: [{ finishedAt: { not: null } }, { overrideCorrect: { not: null } }],
    },
    select: { userId: true, assignmentItemId: true },
  });
  return enrolled
    .map((e) => e.userId)
    .filter((userId) =>
      items.every(
        (i) =>
          i.excusals.some((x) => x.userId === userId) ||
          done.filter((d) => d.userId === userId && d.assignmentItemId === i.id).length >= i.count,
      ),
    );
}

/** Excuses an item (or takes the excuse back) for everyone, or for one student of the class. */
export async function excuseItem(options: {
  actor: ActingUser;
  setId: unknown;
  itemId: unknown;
  input: unknown;
}): Promise<void> {
  const { set, item } = await ownItem(options.actor, options.setId, options.itemId);
  const { userId, excused } = parseOrThrow(excuseInput, options.input);
  if (!userId) {
    await getDb().problemSetItem.update({ where: { id: item.id }, data: { excused } });
    return;
  }
  const enrolled = await getDb().enrollment.findFirst({ where: { classId: set.classId, userId } });
  if (!enrolled) throw new AppError("NOT_FOUND", "No such student in this class.");
  if (excused)
    await getDb().itemExcusal.createMany({ data: [{ itemId: item.id, userId }], skipDuplicates: true });
  else await getDb().itemExcusal.deleteMany({ where: { itemId: item.id, userId } });
}

interface ItemChange {
  actor: ActingUser;
  setId: unknown;
  itemId: unknown;
  input: unknown;
}

/** Writes one validated field of the actor's item; every score follows at once. */
async function changeItem<T extends { fullCredit: boolean } | { points: number }>(
  options: ItemChange,
  schema: z.ZodType<T>,
): Promise<void> {
  const { item } = await ownItem(options.actor, options.setId, options.itemId);
  const data = parseOrThrow(schema, options.input);
  await getDb().problemSetItem.update({ where: { id: item.id }, data });
}

/** Counts the item as right for everyone (or takes that back). */
export const setFullCredit = (options: ItemChange) => changeItem(options, fullCreditInput);

/** The points each problem of the item is worth. */
export const setItemPoints = (options: ItemChange) => changeItem(options, pointsInput);

/** An instance someone has answered: a try, a revealed answer, or the teacher's verdict. */
export const ANSWERED = {
  OR: [{ triesUsed: { gt: 0 } }, { finishedAt: { not: null } }, { overrideCorrect: { not: null } }],
};

/**
 * Removes an item nobody has answered. Problems students merely opened go with it; once anyone has
 * answered, it stays (excuse it instead) so that their results stay.
 */
export async function removeItem(options: {
  actor: ActingUser;
  setId: unknown;
  itemId: unknown;
}): Promise<void> {
  const { item } = await ownItem(options.actor, options.setId, options.itemId);
  await getDb().$transaction(async (tx) => {
    // Lock the item's problems first: an answer being recorded meanwhile (which locks its problem)
    // either lands before the count, which then sees it, or waits and finds the problem gone.
    await tx.$queryRaw`SELECT "id" FROM "ProblemInstance" WHERE "assignmentItemId" = ${item.id}::uuid FOR UPDATE`;
    const answered = await tx.problemInstance.count({ where: { assignmentItemId: item.id, ...ANSWERED } });
    if (answered > 0)
      throw new AppError(
        "INVALID_INPUT",
        "A student has already answered this item; it stays so that their results stay. Excuse it instead.",
      );
    await tx.problemInstance.deleteMany({ where: { assignmentItemId: item.id } });
    await tx.problemSetItem.delete({ where: { id: item.id } });
  });
}
