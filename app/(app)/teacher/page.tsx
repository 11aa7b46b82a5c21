// The teacher's area (classes and problem sets come in later issues).
import { requireRole } from "@/lib/server/session";

export const metadata = { title: "Teaching" };

export default async function TeacherPage() {
  await requireRole("teacher", "/teacher");
  return (
    <section>
      <h1>Teaching</h1>
      <p className="lead" data-testid="teacher-area">
        Your classes will appear here: invite students, set problem sets, and issue one-time password reset
        links.
      </p>
    </section>
  );
}
