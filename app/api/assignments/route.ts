// GET: the signed-in student's problem sets (due soon, overdue, done).
import { withUser } from "@/lib/server/route-frame";
import { listMyAssignments } from "@/lib/server/assignments/student";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  return withUser(async (actor) => listMyAssignments({ actor }));
}
