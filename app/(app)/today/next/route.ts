// GET /today/next: picks the next problem of today's drill and opens it in the practice view, which
// comes back here with "Next". With nothing left to practise, back to Today.
import { NextResponse } from "next/server";
import { nextDrillItem } from "@/lib/server/scheduling/scheduling";
import { getCurrentUser } from "@/lib/server/session";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const actor = await getCurrentUser();
  if (!actor) return NextResponse.redirect(new URL("/signin?callbackUrl=%2Ftoday", request.url), 303);
  const item = await nextDrillItem({ actor });
  if (!item) return NextResponse.redirect(new URL("/today?done=1", request.url), 303);
  const target = new URL(`/practice/i/${item.instance.id}`, request.url);
  target.searchParams.set("next", "/today/next");
  target.searchParams.set("n", String(item.n));
  target.searchParams.set("of", String(item.of));
  return NextResponse.redirect(target, 303);
}
