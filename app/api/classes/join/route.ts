// POST {code}: join the class of a join code.
import { withUserWrite } from "@/lib/server/api";
import { joinClass } from "@/lib/server/classes/classes";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  return withUserWrite(request, (actor, input) => joinClass({ actor, input }));
}
