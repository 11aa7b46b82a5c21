// What an unfinished problem's page is given besides the problem: the lesson link (a lesson shows
// worked solutions) only in the learner's own practice, and the next hint only where hints are offered.
// A placement question and a problem set's problem get neither before they are finished; each case
// next to a positive control.
import { describe, expect, it } from "vitest";
import { startPlacement } from "@/lib/server/placement/placement";
import { getInstance, startInstance } from "@/lib/server/practice/practice";
import { updateSet } from "@/lib/server/assignments/sets";
import type { InstanceView } from "@/lib/server/practice/practice.types";
import { HINT_STEP_LABELS } from "@/lib/problems";
import { answerOnce, learner } from "./helpers";
import { SETTINGS, openAll, world } from "./teaching-world";

/** Nothing of a hint reaches the page: no step, no offer of the next, none of the steps' labels. */
function expectNoHint(view: InstanceView) {
  expect(view.hints).toEqual([]);
  expect(view.nextHint).toBeUndefined();
  const text = JSON.stringify(view);
  for (const label of HINT_STEP_LABELS) expect(text).not.toContain(label);
}

describe("the lesson link and the next hint of an unfinished problem", () => {
  it("free practice offers both", async () => {
    const me = await learner();
    const view = await startInstance({ actor: me, input: { skillId: "derivative-chain-rule" } });
    expect(view.hasLesson).toBe(true);
    expect(view.nextHint).toEqual({ step: 1, of: 3, reveals: "What to look at" });
  });

  it("a placement question offers neither until it is answered", async () => {
    const me = await learner("placed");
    const p = await startPlacement({ actor: me });
    const id = p.current!.instanceId;
    const view = await getInstance({ actor: me, instanceId: id });
    expect(view.placement).toBe(true);
    expect(view.hasLesson).toBe(false);
    expectNoHint(view);
    const answered = await answerOnce(me, id, true);
    expect(answered.instance.finished).toBe(true);
    expect(answered.instance.hasLesson).toBe(true);
    expect((await getInstance({ actor: me, instanceId: id })).hasLesson).toBe(true);
  });

  it("a set with hints off offers neither; with hints on, the hint but no lesson until finished", async () => {
    const { teacher, ann, set } = await world();
    const [hintsOn, other] = (await openAll(ann, set.id)).problems;
    const on = await getInstance({ actor: ann, instanceId: hintsOn!.instanceId });
    expect(on.hasLesson).toBe(false);
    expect(on.nextHint).toEqual({ step: 1, of: 3, reveals: "What to look at" });

    await updateSet({ actor: teacher, setId: set.id, input: { ...SETTINGS, hintsAllowed: false } });
    const off = await getInstance({ actor: ann, instanceId: other!.instanceId });
    expect(off.offers?.hint).toBe(false);
    expect(off.hasLesson).toBe(false);
    expectNoHint(off);

    const done = await answerOnce(ann, other!.instanceId, true);
    expect(done.instance.finished).toBe(true);
    expect(done.instance.solution).toBeDefined();
    expect(done.instance.hasLesson).toBe(true);
  });
});
