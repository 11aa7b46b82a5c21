// GET /today/next: picks the next problem of today's drill and opens it in the practice view, which
// comes back here with "Next". With nothing left to practise, back to Today. Locations are relative,
// so they hold behind any proxy or host name.
import { nextDrillItem } from "@/lib/server/scheduling/scheduling";
import { getCurrentUser } from "@/lib/server/session";

export const dynamic = "force-dynamic";

function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}

export async function GET(): Promise<Response> {
  const actor = await getCurrentUser();
  if (!actor) return seeOther("/signin?callbackUrl=%2Ftoday");
  const item = await nextDrillItem({ actor });
  if (!item) return seeOther("/today?done=1");
  const query = new URLSearchParams({ next: "/today/next", n: String(item.n), of: String(item.of) });
  return seeOther(`/practice/i/${item.instance.id}?${query.toString()}`);
}
