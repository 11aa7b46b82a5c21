// Why a problem set takes no more answers from a student, said before they try: archived by the
// teacher (the set or its class), or past the student's due date under a "refuse late answers"
// policy. The one rule for the set page, each of its problems, the practice view, starting a problem
// and every write on a problem (answer, hint, "Show me the answer"). A draft is not "closed": students
// never see one (student functions answer 404), and a set goes back to a draft only while nobody has
// opened a problem of it. Pure.
import { formatInZone } from "./time";

export type ClosedReason = { kind: "archived" } | { kind: "due"; at: Date };

/** What the rule reads of a set: its archive, its class's, and its late policy. */
export interface ClosableSet {
  archivedAt: Date | null;
  latePolicy: "accept_flagged" | "refuse";
  class: { archivedAt: Date | null };
}

/** Why `set` is closed at `at` to a student whose due date (extension and item's own counted) is `due`. */
export function closedReason(set: ClosableSet, due: Date | null, at: Date): ClosedReason | null {
  if (set.archivedAt !== null || set.class.archivedAt !== null) return { kind: "archived" };
  if (due && due < at && set.latePolicy === "refuse") return { kind: "due", at: due };
  return null;
}

/** The sentence shown in place of the answer box and given by the routes, with the date in `timezone`. */
export function closedMessage(reason: ClosedReason, timezone: string): string {
  if (reason.kind === "archived")
    return "This set is archived by your teacher and no longer accepts answers. Your results are kept.";
  return `This set closed on ${formatInZone(reason.at, timezone)}; late answers are not accepted.`;
}
