// Whether a student's problem was answered late follows the due date that applies now: when a teacher
// grants or removes an extension or moves the set's due date, the late flags of the problems concerned
// are worked out again from when they were answered (the last try, or the answer being revealed)
// against the effective due date (the set's, the student's extension, the item's own: the latest).
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

type Db = Pick<Prisma.TransactionClient, "$executeRaw">;

/** Recomputes the late flags of a set's problems, of one student's only when `userId` is given. */
export async function recomputeLateness(db: Db, setId: string, userId?: string): Promise<void> {
  await db.$executeRaw`
    UPDATE "ProblemInstance" p
    SET "late" = COALESCE(x."answeredAt" > x."due", false)
    FROM (
      SELECT p2."id",
             GREATEST(
               (SELECT max(s."createdAt") FROM "Submission" s WHERE s."instanceId" = p2."id"),
               CASE WHEN p2."outcome" = 'revealed' THEN p2."finishedAt" END
             ) AS "answeredAt",
             CASE WHEN ps."dueAt" IS NULL THEN NULL ELSE GREATEST(ps."dueAt", e."dueAt", i."dueAt") END AS "due"
      FROM "ProblemInstance" p2
      JOIN "ProblemSetItem" i ON i."id" = p2."assignmentItemId"
      JOIN "ProblemSet" ps ON ps."id" = i."setId"
      LEFT JOIN "Extension" e ON e."setId" = ps."id" AND e."userId" = p2."userId"
      WHERE ps."id" = ${setId}::uuid AND (${userId ?? null}::uuid IS NULL OR p2."userId" = ${userId ?? null}::uuid)
    ) x
    WHERE p."id" = x."id" AND p."late" IS DISTINCT FROM COALESCE(x."answeredAt" > x."due", false)`;
}
