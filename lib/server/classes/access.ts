// Who may touch a class: its teacher (teacher pages), or a current student (learner pages). Anything
// else is answered like a class that does not exist, so ids of other people's classes leak nothing.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import type { ActingUser } from "@/lib/server/users/user.types";

export const NO_CLASS = "No such class.";
export const NO_SET = "No such problem set.";

import { idOr404 } from "@/lib/server/validation";

export { idOr404, parseOrThrow } from "@/lib/server/validation";

/** Teacher functions refuse learners outright (403); another teacher's ids are 404. */
export function assertTeacher(actor: ActingUser): void {
  if (actor.role !== "teacher" && actor.role !== "admin")
    throw new AppError("FORBIDDEN", "Only teachers can do this.");
}

/**
 * Whether a class takes new students: an archived one takes no one, by code, link, the teacher's list
 * of emails or a pending invitation (which stays pending until the class is restored or it is
 * cancelled). Every path that enrolls asks this.
 */
export const takesNewStudents = (c: { archivedAt: Date | null }): boolean => c.archivedAt === null;

/**
 * In a transaction: the ids of those of `classIds` that take new students, their rows locked (FOR
 * SHARE) until the transaction ends, so that an archive at the same moment waits or is seen.
 */
export async function lockTakingStudents(
  tx: Prisma.TransactionClient,
  classIds: string[],
): Promise<Set<string>> {
  if (classIds.length === 0) return new Set();
  const rows = await tx.$queryRaw<{ id: string; archivedAt: Date | null }[]>`
    SELECT "id"::text AS "id", "archivedAt" FROM "Class"
    WHERE "id" = ANY(${classIds}::uuid[]) ORDER BY "id" FOR SHARE`;
  return new Set(rows.filter(takesNewStudents).map((r) => r.id));
}

/** The teacher's side of the rule: the sentence a refused list of emails is answered with. */
export const ARCHIVED_CLASS_ADDS_NO_ONE =
  "Nobody was added. This class is archived: restore it to add students.";

/** The actor's own class, or 404. */
export async function ownClass(actor: ActingUser, rawId: unknown) {
  assertTeacher(actor);
  const id = idOr404(rawId, NO_CLASS);
  const row = await getDb().class.findFirst({ where: { id, teacherId: actor.id } });
  if (!row) throw new AppError("NOT_FOUND", NO_CLASS);
  return row;
}

/** A set of one of the actor's classes, or 404. */
export async function ownSet(actor: ActingUser, rawId: unknown) {
  assertTeacher(actor);
  const id = idOr404(rawId, NO_SET);
  const row = await getDb().problemSet.findFirst({
    where: { id, class: { teacherId: actor.id } },
    include: { class: true },
  });
  if (!row) throw new AppError("NOT_FOUND", NO_SET);
  return row;
}

/** A published set of a class the actor currently belongs to, or 404 (drafts do not exist for students). */
export async function studentSet(actor: ActingUser, rawId: unknown) {
  const id = idOr404(rawId, NO_SET);
  const row = await getDb().problemSet.findFirst({
    where: {
      id,
      publishedAt: { not: null },
      class: { enrollments: { some: { userId: actor.id, removedAt: null } } },
    },
    include: {
      class: { select: { id: true, name: true, archivedAt: true } },
      items: { orderBy: { position: "asc" } },
      extensions: { where: { userId: actor.id } },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", NO_SET);
  return row;
}
