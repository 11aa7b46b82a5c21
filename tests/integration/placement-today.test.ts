// What Today shows of the placement check (offered, or open to continue, or nothing once one is
// finished), read without the check's questions: the page uses the offer alone, which agrees with
// the full read of the placement page in every state.
import { type ReactElement, isValidElement } from "react";
import { describe, expect, it, vi } from "vitest";
import * as placement from "@/lib/server/placement/placement";
import { startInstance } from "@/lib/server/practice/practice";
import type { ActingUser } from "@/lib/server/users/user.types";
import { answerOnce, learner } from "./helpers";

const session = vi.hoisted(() => ({ user: null as ActingUser | null }));
vi.mock("@/lib/server/session", () => ({
  getCurrentUser: () => Promise.resolve(session.user),
  requireUser: () => Promise.resolve(session.user),
}));
const fullReads = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/server/placement/placement", async (importOriginal) => {
  const actual = await importOriginal<typeof placement>();
  return {
    ...actual,
    getPlacement: (...args: Parameters<typeof actual.getPlacement>) => {
      fullReads.count += 1;
      return actual.getPlacement(...args);
    },
  };
});
const { default: TodayPage } = await import("@/app/(app)/today/page");

/** The data-testids of the elements the page renders itself (not inside its child components). */
function testIds(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) testIds(n, out);
  else if (isValidElement(node)) {
    const props = (node as ReactElement<Record<string, unknown>>).props;
    if (typeof props["data-testid"] === "string") out.push(props["data-testid"]);
    testIds(props.children, out);
  }
  return out;
}

async function today(me: ActingUser): Promise<string[]> {
  session.user = me;
  fullReads.count = 0;
  const page = await TodayPage({ searchParams: Promise.resolve({}) });
  expect(fullReads.count).toBe(0);
  return testIds(page);
}

async function expectOfferAgrees(me: ActingUser) {
  const full = await placement.getPlacement({ actor: me });
  expect(await placement.getPlacementOffer({ actor: me })).toEqual({
    offered: full.offered,
    open: full.placement?.open === true,
  });
}

describe("Today's placement offer", () => {
  it("offers the check, then its continuation, then nothing once finished, without reading its questions", async () => {
    const me = await learner("today");
    expect(await placement.getPlacementOffer({ actor: me })).toEqual({ offered: true, open: false });
    await expectOfferAgrees(me);
    let ids = await today(me);
    expect(ids).toContain("placement-start");
    expect(ids).not.toContain("placement-continue");

    const p = await placement.startPlacement({ actor: me });
    expect(await placement.getPlacementOffer({ actor: me })).toEqual({ offered: true, open: true });
    await expectOfferAgrees(me);
    ids = await today(me);
    expect(ids).toContain("placement-continue");
    expect(ids).not.toContain("placement-start");

    await answerOnce(me, p.current!.instanceId, true);
    await placement.finishPlacement({ actor: me, input: { placementId: p.id } });
    expect(await placement.getPlacementOffer({ actor: me })).toEqual({ offered: false, open: false });
    await expectOfferAgrees(me);
    ids = await today(me);
    expect(ids).not.toContain("placement-offer");
  });

  it("is not offered to a learner with ten reviews; another learner's check does not count", async () => {
    const me = await learner("reviewed");
    const other = await learner("other");
    await placement.startPlacement({ actor: other });
    expect(await placement.getPlacementOffer({ actor: me })).toEqual({ offered: true, open: false });
    for (let i = 0; i < 10; i++) {
      const v = await startInstance({ actor: me, input: { skillId: "derivative-power-rule" } });
      if (i === 9) expect(await placement.getPlacementOffer({ actor: me })).toMatchObject({ offered: true });
      await answerOnce(me, v.id, true);
    }
    expect(await placement.getPlacementOffer({ actor: me })).toEqual({ offered: false, open: false });
    await expectOfferAgrees(me);
    expect(await today(me)).not.toContain("placement-offer");
  });
});
