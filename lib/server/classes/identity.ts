// How a student is named in every record a teacher sees (roster, gradebook, drill-down, CSV): by
// email and the teacher's student number, with the display name they chose beside it. One select,
// one order and one mapper, so that every record agrees.
import "server-only";
import type { StudentIdentity } from "./classes.types";

/** The enrollment fields a record needs to name its student. */
export const identitySelect = {
  userId: true,
  studentNumber: true,
  user: { select: { email: true, displayName: true } },
} as const;

/** Records list students by display name, then email (two students may choose the same name). */
export const identityOrder = [{ user: { displayName: "asc" as const } }, { user: { email: "asc" as const } }];

export function identityOf(e: {
  userId: string;
  studentNumber: string | null;
  user: { email: string; displayName: string };
}): StudentIdentity {
  return {
    userId: e.userId,
    email: e.user.email,
    studentNumber: e.studentNumber,
    displayName: e.user.displayName,
  };
}
