// Whether a student may still answer an assignment problem now: they must still be in the class, the
// set must be open, and after the due date (their extension counts) the set's late policy decides.
import "server-only";
import { getDb } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";

export function effectiveDue(
  set: { dueAt: Date | null },
  extension: { dueAt: Date } | undefined | null,
): Date | null {
  if (!set.dueAt) return null;
  if (extension && extension.dueAt > set.dueAt) return extension.dueAt;
  return set.dueAt;
}

/**
 * For an assignment instance of `userId`: {late} when a try may be made at `at`; otherwise an AppError.
 * Every write on an assignment problem passes here (answer, hint, reveal, report). A report about the
 * grading may come after the due date (`afterDue: "allow"`), but never from a removed student.
 */
export async function assignmentGate(
  assignmentItemId: string | null,
  userId: string,
  at: Date,
  options: { afterDue?: "policy" | "allow" } = {},
): Promise<{ late: boolean }> {
  if (!assignmentItemId) return { late: false };
  const item = await getDb().problemSetItem.findUnique({
    where: { id: assignmentItemId },
    select: {
      set: {
        select: {
          opensAt: true,
          dueAt: true,
          latePolicy: true,
          publishedAt: true,
          extensions: { where: { userId }, select: { dueAt: true } },
          class: {
            select: { enrollments: { where: { userId, removedAt: null }, select: { userId: true } } },
          },
        },
      },
    },
  });
  const set = item?.set;
  if (!set || set.class.enrollments.length === 0)
    throw new AppError("FORBIDDEN", "You are no longer in the class of this problem set.");
  if (!set.publishedAt || (set.opensAt && set.opensAt > at))
    throw new AppError("FORBIDDEN", "This problem set is not open yet.");
  const due = effectiveDue(set, set.extensions[0]);
  if (!due || at <= due) return { late: false };
  if (options.afterDue === "allow") return { late: true };
  if (set.latePolicy === "refuse")
    throw new AppError("FORBIDDEN", "This problem set is past its due date; late answers are not accepted.");
  return { late: true };
}
