// Hints in steps against a real PostgreSQL: taken one by one they come in order (what to look at, the
// rule, the first line); a forged, out-of-order or out-of-range request changes nothing; any hint costs
// what a hint costs (a right answer after it rates Hard), and later steps add nothing to the cost.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { hintSteps } from "@/lib/problems";
import { getDb } from "@/lib/server/db/client";
import {
  getInstance,
  revealAnswer,
  startInstance,
  submitAnswer,
  takeHint,
} from "@/lib/server/practice/practice";
import type { ActingUser } from "@/lib/server/users/user.types";
import { appPost, expectAppError, keyOf, learner } from "./helpers";

const session = vi.hoisted(() => ({ user: null as ActingUser | null }));
vi.mock("@/lib/server/session", () => ({ getCurrentUser: () => Promise.resolve(session.user) }));
const hintRoute = await import("@/app/api/practice/instances/[id]/hint/route");

const sid = () => randomUUID();
const row = (id: string) =>
  getDb().problemInstance.findUniqueOrThrow({
    where: { id },
    select: { hintsTaken: true, hintUsedAt: true },
  });

beforeEach(() => {
  session.user = null;
});

describe("hint steps", () => {
  it("are revealed one by one, in order, each only on request", async () => {
    const me = await learner();
    const view = await startInstance({ actor: me, input: { skillId: "derivative-chain-rule" } });
    const steps = hintSteps(await keyOf(view.id));
    expect(steps).toHaveLength(3);
    expect(view.hints).toEqual([]);
    expect(view.nextHint).toEqual({ step: 1, of: 3, reveals: "What to look at" });
    // Nothing of a step not yet taken reaches the page.
    for (const s of steps) expect(JSON.stringify(view)).not.toContain(JSON.stringify(s.text).slice(1, -1));

    const one = await takeHint({ actor: me, instanceId: view.id, input: { step: 1 } });
    expect(one.hints).toEqual(steps.slice(0, 1));
    expect(one.nextHint).toEqual({ step: 2, of: 3, reveals: "The rule" });
    expect(JSON.stringify(one)).not.toContain(JSON.stringify(steps[2]!.text).slice(1, -1));
    const firstAt = (await row(view.id)).hintUsedAt;
    expect(firstAt).not.toBeNull();

    const two = await takeHint({ actor: me, instanceId: view.id, input: { step: 2 } });
    expect(two.hints).toEqual(steps.slice(0, 2));
    expect(two.nextHint).toEqual({ step: 3, of: 3, reveals: "The first line" });
    const three = await takeHint({ actor: me, instanceId: view.id, input: { step: 3 } });
    expect(three.hints).toEqual(steps);
    expect(three.nextHint).toBeUndefined();
    // The time of the hint stays the first one's; a reload shows the same steps.
    expect(await row(view.id)).toEqual({ hintsTaken: 3, hintUsedAt: firstAt });
    expect((await getInstance({ actor: me, instanceId: view.id })).hints).toEqual(steps);
  });

  it("a forged, skipped, repeated or out-of-range request changes nothing", async () => {
    const me = await learner();
    const view = await startInstance({ actor: me, input: { skillId: "gradient-at-a-point" } });
    for (const input of [
      { step: 2 },
      { step: 3 },
      { step: 0 },
      { step: 4 },
      { step: 1.5 },
      { step: "1" },
      {},
      null,
    ]) {
      await expectAppError(takeHint({ actor: me, instanceId: view.id, input }), "INVALID_INPUT");
    }
    expect(await row(view.id)).toEqual({ hintsTaken: 0, hintUsedAt: null });
    // Another learner's request, and a request for a problem that is not one.
    const intruder = await learner("intruder");
    await expectAppError(takeHint({ actor: intruder, instanceId: view.id, input: { step: 1 } }), "NOT_FOUND");
    await expectAppError(takeHint({ actor: me, instanceId: "not-an-id", input: { step: 1 } }), "NOT_FOUND");
    expect(await row(view.id)).toEqual({ hintsTaken: 0, hintUsedAt: null });

    // Positive control, then a double submission of the same step: taken once.
    await takeHint({ actor: me, instanceId: view.id, input: { step: 1 } });
    const after = await row(view.id);
    const again = await takeHint({ actor: me, instanceId: view.id, input: { step: 1 } });
    expect(again.hints).toHaveLength(1);
    expect(await row(view.id)).toEqual(after);
    await expectAppError(takeHint({ actor: me, instanceId: view.id, input: { step: 3 } }), "INVALID_INPUT");
    expect(await row(view.id)).toEqual({ hintsTaken: 1, hintUsedAt: after.hintUsedAt });
  });

  it("the route takes a step by a same-origin POST and refuses a skipped one, changing nothing", async () => {
    const me = await learner();
    session.user = me;
    const view = await startInstance({ actor: me, input: { skillId: "limit-factor-cancel" } });
    const params = { params: Promise.resolve({ id: view.id }) };
    const skipped = await hintRoute.POST(appPost({ step: 2 }), params);
    expect(skipped.status).toBe(400);
    expect(((await skipped.json()) as { error: { message: string } }).error.message).toMatch(/step 1 first/);
    expect(await row(view.id)).toEqual({ hintsTaken: 0, hintUsedAt: null });
    const taken = await hintRoute.POST(appPost({ step: 1 }), params);
    expect(taken.status).toBe(200);
    expect(((await taken.json()) as { hints: unknown[] }).hints).toHaveLength(1);
  });

  it("cost what one hint costs: a right answer after any of them rates Hard; without, it does not", async () => {
    const control = await learner();
    const plain = await startInstance({ actor: control, input: { skillId: "derivative-power-rule" } });
    await submitAnswer({
      actor: control,
      instanceId: plain.id,
      input: { clientSubmissionId: sid(), answer: (await keyOf(plain.id)).answer, elapsedMs: 3000 },
    });
    const plainReview = await getDb().review.findUniqueOrThrow({ where: { instanceId: plain.id } });
    expect(plainReview.hintUsed).toBe(false);
    expect(plainReview.rating).not.toBe("Hard");

    const me = await learner();
    const view = await startInstance({ actor: me, input: { skillId: "derivative-power-rule" } });
    for (const step of [1, 2, 3]) await takeHint({ actor: me, instanceId: view.id, input: { step } });
    await submitAnswer({
      actor: me,
      instanceId: view.id,
      input: { clientSubmissionId: sid(), answer: (await keyOf(view.id)).answer, elapsedMs: 3000 },
    });
    const review = await getDb().review.findUniqueOrThrow({ where: { instanceId: view.id } });
    expect(review).toMatchObject({ rating: "Hard", hintUsed: true, tries: 1 });
  });

  it("a finished problem takes no more steps and offers none", async () => {
    const me = await learner();
    const view = await startInstance({ actor: me, input: { skillId: "derivative-power-rule" } });
    const done = await revealAnswer({ actor: me, instanceId: view.id, input: { clientSubmissionId: sid() } });
    expect(done.nextHint).toBeUndefined();
    const after = await takeHint({ actor: me, instanceId: view.id, input: { step: 1 } });
    expect(after.hints).toEqual([]);
    expect(await row(view.id)).toEqual({ hintsTaken: 0, hintUsedAt: null });
  });

  it("a problem hinted before hints came in steps shows its first step, and the page and the request agree on the next", async () => {
    const me = await learner();
    const view = await startInstance({ actor: me, input: { skillId: "derivative-chain-rule" } });
    const steps = hintSteps(await keyOf(view.id));
    // As such a problem was stored: a hint used, no count of steps.
    const usedAt = new Date(Date.now() - 60_000);
    await getDb().problemInstance.update({
      where: { id: view.id },
      data: { hintUsedAt: usedAt, hintsTaken: 0 },
    });
    const shown = await getInstance({ actor: me, instanceId: view.id });
    expect(shown.hints).toEqual(steps.slice(0, 1));
    expect(shown.nextHint).toEqual({ step: 2, of: 3, reveals: "The rule" });
    // Step 1 is answered as it is; step 2, the one the page offers, is taken; the hint's time stays.
    expect((await takeHint({ actor: me, instanceId: view.id, input: { step: 1 } })).hints).toHaveLength(1);
    expect(await row(view.id)).toEqual({ hintsTaken: 0, hintUsedAt: usedAt });
    const two = await takeHint({ actor: me, instanceId: view.id, input: { step: 2 } });
    expect(two.hints).toEqual(steps.slice(0, 2));
    expect(two.nextHint).toEqual({ step: 3, of: 3, reveals: "The first line" });
    expect(await row(view.id)).toEqual({ hintsTaken: 2, hintUsedAt: usedAt });
  });
});
