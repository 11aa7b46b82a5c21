"use server";
// The placement check's writes (POST only: a page view never issues a question or marks a skill).
// Thin: read the form, call the data function (which validates), go to the question or the check.
import { redirect } from "next/navigation";
import { text } from "@/app/actions/form-state";
import { placementQuestionHref } from "@/lib/practice/session";
import { isAppError } from "@/lib/server/errors";
import { finishPlacement, nextPlacementQuestion, startPlacement } from "@/lib/server/placement/placement";
import type { PlacementView } from "@/lib/server/placement/placement.types";
import { requireUser } from "@/lib/server/session";

/** The practice view of the check's open question, or the check's page. */
function target(p: PlacementView): string {
  return p.current ? placementQuestionHref(p.current, p.maxQuestions) : "/placement";
}

/** A refusal the learner can act on goes back to the check with a fixed code; anything else is thrown. */
function refused(error: unknown): string {
  if (isAppError(error) && (error.code === "INVALID_INPUT" || error.code === "NOT_FOUND"))
    return "/placement?error=refused";
  throw error;
}

export async function startPlacementAction(): Promise<void> {
  const actor = await requireUser("/placement");
  redirect(target(await startPlacement({ actor })));
}

export async function nextPlacementAction(form: FormData): Promise<void> {
  const actor = await requireUser("/placement");
  let to: string;
  try {
    const p = await nextPlacementQuestion({
      actor,
      input: { placementId: text(form, "placementId"), after: text(form, "after") },
    });
    to = target(p);
  } catch (error) {
    to = refused(error);
  }
  redirect(to);
}

export async function finishPlacementAction(form: FormData): Promise<void> {
  const actor = await requireUser("/placement");
  let to: string;
  try {
    await finishPlacement({ actor, input: { placementId: text(form, "placementId") } });
    to = "/placement?finished=1";
  } catch (error) {
    to = refused(error);
  }
  redirect(to);
}
