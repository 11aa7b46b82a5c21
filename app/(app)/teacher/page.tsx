// The teacher's area (classes and problem sets come in later issues).
import { Forbidden } from "@/components/Forbidden";
import { hasRole, requireUser } from "@/lib/server/session";

export const metadata = { title: "Teaching" };

export default async function TeacherPage() {
  const user = await requireUser("/teacher");
  if (!hasRole(user, "teacher")) return <Forbidden />;
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
