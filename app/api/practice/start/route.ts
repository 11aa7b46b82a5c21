// POST {skillId | "mixed"}: a fresh problem of that skill for the signed-in learner.
import { withUserWrite } from "@/lib/server/api";
import { startInstance } from "@/lib/server/practice/practice";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  return withUserWrite(request, (actor, input) => startInstance({ actor, input }));
}
