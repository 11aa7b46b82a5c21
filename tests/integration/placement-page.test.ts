// The placement check's page as the server renders it: every question's link opens the question as a
// placement question with the way back to the check (`as=placement&next=/placement`), and a finished
// check still says, after a reload, which skills it left alone because they were already started.
import { type ReactElement, type ReactNode, isValidElement } from "react";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/server/db/client";
import {
  finishPlacement,
  getPlacement,
  nextPlacementQuestion,
  startPlacement,
} from "@/lib/server/placement/placement";
import { PLACEMENT_SKILLS, skillOf } from "@/lib/server/placement/placement-skills";
import type { ActingUser } from "@/lib/server/users/user.types";
import { ancestorsOf } from "@/lib/srs";
import { answerOnce, learner, startedCard, useTestClock } from "./helpers";

const session = vi.hoisted(() => ({ user: null as ActingUser | null }));
vi.mock("@/lib/server/session", () => ({
  getCurrentUser: () => Promise.resolve(session.user),
  requireUser: () => Promise.resolve(session.user),
}));
const { default: PlacementPage } = await import("@/app/(app)/placement/page");

const T0 = Date.parse("2030-05-06T09:00:00.000Z");
const clockAt = useTestClock();

interface Rendered {
  links: string[];
  text: string;
}

/** Walks the page's elements, calling its own (synchronous) components, for its links and text. */
function walk(node: ReactNode, out: Rendered = { links: [], text: "" }): Rendered {
  if (Array.isArray(node)) for (const n of node as ReactNode[]) walk(n, out);
  else if (typeof node === "string" || typeof node === "number") out.text += String(node);
  else if (isValidElement(node)) {
    const el = node as ReactElement<Record<string, unknown>>;
    if (typeof el.type === "function") walk((el.type as (p: unknown) => ReactNode)(el.props), out);
    else {
      if (el.type === "a" && typeof el.props.href === "string") out.links.push(el.props.href);
      walk(el.props.children as ReactNode, out);
    }
  }
  return out;
}

async function page(me: ActingUser, query: Record<string, string> = {}): Promise<Rendered> {
  session.user = me;
  return walk(await PlacementPage({ searchParams: Promise.resolve(query) }));
}

describe("the placement page", () => {
  it("links every question, answered or not, as a placement question with the way back", async () => {
    const me = await learner("links");
    await clockAt(T0);
    const p = await startPlacement({ actor: me });
    await answerOnce(me, p.current!.instanceId, false);
    const two = await nextPlacementQuestion({ actor: me, input: { placementId: p.id, after: 1 } });
    const { links } = await page(me);
    for (const q of two.questions) {
      const mine = links.filter((l) => l.startsWith(`/practice/i/${q.instanceId}?`));
      expect(mine.length, `question ${q.position}`).toBeGreaterThan(0);
      for (const l of mine) {
        const query = new URL(l, "http://x").searchParams;
        expect(query.get("as")).toBe("placement");
        expect(query.get("next")).toBe("/placement");
        expect(query.get("n")).toBe(String(q.position));
        expect(query.get("of")).toBe(String(two.maxQuestions));
      }
    }
  });

  it("still names the skills left alone as already started after a reload", async () => {
    const me = await learner("reload");
    await clockAt(T0);
    const p = await startPlacement({ actor: me });
    const prereq = [...ancestorsOf(PLACEMENT_SKILLS, p.current!.skillId)][0]!;
    await getDb().skillCard.create({ data: startedCard(me.id, prereq, T0) });
    await answerOnce(me, p.current!.instanceId, true);
    const done = await finishPlacement({ actor: me, input: { placementId: p.id } });
    expect(done.alreadyStarted.map((s) => s.skillId)).toEqual([prereq]);
    // The page after the finish's redirect, and any later visit, read the check again.
    const reread = (await getPlacement({ actor: me })).placement!;
    expect(reread.alreadyStarted).toEqual(done.alreadyStarted);
    expect(reread.known).toEqual(done.known);
    const { text } = await page(me, { finished: "1" });
    expect(text).toContain("Already practised, so left on their own schedule");
    expect(text).toContain(skillOf(prereq).title);
    // Positive control: a check that left nothing alone says nothing of it.
    const other = await learner("reload-none");
    const q = await startPlacement({ actor: other });
    await answerOnce(other, q.current!.instanceId, true);
    await finishPlacement({ actor: other, input: { placementId: q.id } });
    expect((await page(other)).text).not.toContain("Already practised");
  });
});
