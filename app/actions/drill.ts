"use server";
// Starting the day's drill and asking for one more problem after it (POST only: a page view never
// issues a problem). Both land on /today/drill, which opens the next problem or the finish screen.
import { redirect } from "next/navigation";
import { isAppError } from "@/lib/server/errors";
import { oneMore, startDrill } from "@/lib/server/scheduling/scheduling";
import { requireUser } from "@/lib/server/session";

export async function startDrillAction(): Promise<void> {
  const actor = await requireUser("/today");
  const drill = await startDrill({ actor });
  redirect(drill ? "/today/drill" : "/today");
}

export async function oneMoreAction(): Promise<void> {
  const actor = await requireUser("/today");
  try {
    await oneMore({ actor });
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") redirect("/today?nothing=1");
    throw error;
  }
  redirect("/today/drill");
}
