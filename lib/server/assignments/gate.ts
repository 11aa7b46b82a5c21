// What a set's rules allow on one of its problems now: whether the student may still answer (they
// must still be in the class, the set must be open, and after the due date - their extension and the
// item's own due date count - the late policy decides), whether hints and "Show me the answer" are
// offered, and whether the solution is shown after the due date.
import "server-only";
import { getDb } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { type ClosedReason, closedMessage, closedReason } from "@/lib/teaching/closed";

export function effectiveDue(
  set: { dueAt: Date | null },
  extension: { dueAt: Date } | undefined | null,
  item?: { dueAt: Date | null } | null,
): Date | null {
  if (!set.dueAt) return null;
  let due = set.dueAt;
  if (extension && extension.dueAt > due) due = extension.dueAt;
  if (item?.dueAt && item.dueAt > due) due = item.dueAt;
  return due;
}

export interface AssignmentRules {
  enrolled: boolean;
  open: boolean;
  due: Date | null;
  latePolicy: "accept_flagged" | "refuse";
  hints: boolean;
  reveal: boolean;
  /** The solution may be shown now although the set hides it until the due date. */
  solutionsOpen: boolean;
  /** Why no more answers are taken (shown before the student tries), or null. */
  closed: ClosedReason | null;
}

/** The rules of the set of an assignment item for `userId` at `at`; null for practice problems. */
export async function assignmentRules(
  assignmentItemId: string | null,
  userId: string,
  at: Date,
): Promise<AssignmentRules | null> {
  if (!assignmentItemId) return null;
  const item = await getDb().problemSetItem.findUnique({
    where: { id: assignmentItemId },
    select: {
      dueAt: true,
      set: {
        select: {
          opensAt: true,
          dueAt: true,
          latePolicy: true,
          publishedAt: true,
          archivedAt: true,
          hintsAllowed: true,
          revealAllowed: true,
          solutionsAfterDue: true,
          extensions: { where: { userId }, select: { dueAt: true } },
          class: {
            select: {
              archivedAt: true,
              enrollments: { where: { userId, removedAt: null }, select: { userId: true } },
            },
          },
        },
      },
    },
  });
  const set = item?.set;
  if (!set)
    return {
      enrolled: false,
      open: false,
      due: null,
      latePolicy: "refuse",
      hints: false,
      reveal: false,
      solutionsOpen: false,
      closed: { kind: "archived" },
    };
  const due = effectiveDue(set, set.extensions[0], item);
  return {
    enrolled: set.class.enrollments.length > 0,
    open: set.publishedAt !== null && (!set.opensAt || set.opensAt <= at),
    due,
    latePolicy: set.latePolicy,
    hints: set.hintsAllowed,
    reveal: set.revealAllowed,
    solutionsOpen: set.solutionsAfterDue && due !== null && due < at,
    closed: closedReason(set, due, at),
  };
}

/**
 * For an assignment instance of `userId`: {late} when a try (or, with `action`, a hint, a revealed
 * answer or a report) may be had at `at`; otherwise an AppError with the reason. Every write on an
 * assignment problem passes here (answer, hint, reveal, report).
 */
export async function assignmentGate(
  assignmentItemId: string | null,
  userId: string,
  at: Date,
  action: "answer" | "hint" | "reveal" | "report" = "answer",
): Promise<{ late: boolean; rules: AssignmentRules | null }> {
  const rules = await assignmentRules(assignmentItemId, userId, at);
  if (!rules) return { late: false, rules };
  if (!rules.enrolled) throw new AppError("FORBIDDEN", "You are no longer in the class of this problem set.");
  if (!rules.open) throw new AppError("FORBIDDEN", "This problem set is not open yet.");
  // A report about the grading may come from a closed set, but never from a removed student.
  if (rules.closed && action !== "report")
    throw new AppError("FORBIDDEN", closedMessage(rules.closed, "UTC"));
  if (action === "hint" && !rules.hints)
    throw new AppError("FORBIDDEN", "Your teacher does not offer hints on this problem set.");
  if (action === "reveal" && !rules.reveal)
    throw new AppError("FORBIDDEN", 'Your teacher does not offer "Show me the answer" on this problem set.');
  return { late: rules.due !== null && at > rules.due, rules };
}
