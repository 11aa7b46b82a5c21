// A student in one line of plain text, for labels, options and messages: the name they chose, then the
// email and student number that identify them (two students may choose the same name).
export function studentLine(s: { displayName: string; email: string; studentNumber: string | null }): string {
  return `${s.displayName} (${s.email}${s.studentNumber ? `, ${s.studentNumber}` : ""})`;
}
