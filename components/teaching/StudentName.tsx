// A student as records name them: the name they chose, beside their email and student number (which
// identify them; two students may choose the same name).
import type { StudentIdentity } from "@/lib/server/classes/classes.types";

export function StudentName({ student, removed }: { student: StudentIdentity; removed?: boolean }) {
  return (
    <span className="student" data-testid="student">
      <span className="student-name">{student.displayName}</span>{" "}
      {removed ? <span className="tag">removed</span> : null}
      <br />
      <span className="muted student-id">
        <span data-testid="student-email">{student.email}</span>
        {student.studentNumber ? (
          <>
            {" · "}
            <span data-testid="student-number">{student.studentNumber}</span>
          </>
        ) : null}
      </span>
    </span>
  );
}
