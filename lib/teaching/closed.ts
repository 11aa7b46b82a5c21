// Why a problem set takes no more answers, said before the student tries: archived by the teacher,
// back to a draft, or past the student's due date under a "refuse late answers" policy. Pure.
import { formatInZone } from "./time";

export type ClosedReason = { kind: "archived" } | { kind: "draft" } | { kind: "due"; at: Date };

export function closedReason(
  set: { archived: boolean; published: boolean; latePolicy: "accept_flagged" | "refuse" },
  due: Date | null,
  at: Date,
): ClosedReason | null {
  if (set.archived) return { kind: "archived" };
  if (!set.published) return { kind: "draft" };
  if (due && due < at && set.latePolicy === "refuse") return { kind: "due", at: due };
  return null;
}

/** The sentence shown in place of the answer box, with the date in the viewer's timezone. */
export function closedMessage(reason: ClosedReason, timezone: string): string {
  if (reason.kind === "archived")
    return "This set is archived by your teacher and no longer accepts answers. Your results are kept.";
  if (reason.kind === "draft") return "This set is not open: your teacher has taken it back to a draft.";
  return `This set closed on ${formatInZone(reason.at, timezone)}; late answers are not accepted.`;
}
