// POST {code}: join the class of a join code.
import { readJson, withUser } from "@/lib/server/route-frame";
import { joinClass } from "@/lib/server/classes/classes";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  return withUser(async (actor) => joinClass({ actor, input: await readJson(request) }));
}
