// The placement check against a real PostgreSQL: questions graded by the practice grader with no
// review of their own, the next question chosen by the rules, finishing marks the skills shown known
// (their cards scheduled out, not drilled), nothing touches another learner, and double submissions,
// forged ids and malformed input change nothing, each next to a positive control.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db/client";
import {
  finishPlacement,
  getPlacement,
  nextPlacementQuestion,
  startPlacement,
} from "@/lib/server/placement/placement";
import { getInstance, revealAnswer, submitAnswer, takeHint } from "@/lib/server/practice/practice";
import { getToday } from "@/lib/server/scheduling/scheduling";
import { ancestorsOf } from "@/lib/srs";
import { PLACEMENT_SKILLS } from "@/lib/server/placement/placement-skills";
import { answerOnce, expectAppError, keyOf, learner, startedCard, useTestClock } from "./helpers";

const DAY = 86_400_000;
const T0 = Date.parse("2030-05-06T09:00:00.000Z");

const clockAt = useTestClock();

const counts = async (userId: string) => ({
  cards: await getDb().skillCard.count({ where: { userId } }),
  reviews: await getDb().review.count({ where: { userId } }),
  instances: await getDb().problemInstance.count({ where: { userId } }),
  placements: await getDb().placement.count({ where: { userId } }),
  questions: await getDb().placementQuestion.count({ where: { placement: { userId } } }),
});

describe("a placement check", () => {
  it("asks deep skills first, records no review per question, and marks the skills shown known", async () => {
    const me = await learner("placed");
    const other = await learner("bystander");
    await clockAt(T0);
    const otherBefore = await counts(other.id);
    expect((await getPlacement({ actor: me })).offered).toBe(true);

    const p = await startPlacement({ actor: me });
    expect(p.open).toBe(true);
    expect(p.questions).toHaveLength(1);
    const first = p.current!;
    // A skill deep in the graph: it builds on many others.
    expect(ancestorsOf(PLACEMENT_SKILLS, first.skillId).size).toBeGreaterThan(10);
    // The question before it is answered: no key, one try, no hint, no "show me the answer".
    const view = await getInstance({ actor: me, instanceId: first.instanceId });
    expect(view).toMatchObject({ placement: true, maxTries: 1, offers: { hint: false, reveal: false } });
    expect(view.key).toBeUndefined();
    expect(view.solution).toBeUndefined();
    expect(JSON.stringify(view)).not.toContain(JSON.stringify((await keyOf(first.instanceId)).answer));
    await expectAppError(
      takeHint({ actor: me, instanceId: first.instanceId, input: { step: 1 } }),
      "INVALID_INPUT",
    );
    await expectAppError(
      revealAnswer({ actor: me, instanceId: first.instanceId, input: { clientSubmissionId: randomUUID() } }),
      "INVALID_INPUT",
    );
    // Asking for the next question before answering is refused.
    await expectAppError(
      nextPlacementQuestion({ actor: me, input: { placementId: p.id, after: 1 } }),
      "INVALID_INPUT",
    );

    // Right: graded by the practice grader, finished with its key shown, and no review or card yet.
    const r = await answerOnce(me, first.instanceId, true);
    expect(r.feedback.correct).toBe(true);
    expect(r.instance.finished).toBe(true);
    expect(r.instance.key).toBeDefined();
    expect(await counts(me.id)).toMatchObject({ cards: 0, reviews: 0 });

    const second = await nextPlacementQuestion({ actor: me, input: { placementId: p.id, after: 1 } });
    expect(second.questions).toHaveLength(2);
    // The first skill and everything it builds on are shown known; the next question is elsewhere.
    const shown = new Set([first.skillId, ...ancestorsOf(PLACEMENT_SKILLS, first.skillId)]);
    expect(second.known.map((k) => k.skillId).sort()).toEqual([...shown].sort());
    expect(shown.has(second.current!.skillId)).toBe(false);
    // Wrong on the second: not marked.
    const w = await answerOnce(me, second.current!.instanceId, false);
    expect(w.feedback.correct).toBe(false);
    expect(w.instance.finished).toBe(true);

    const done = await finishPlacement({ actor: me, input: { placementId: p.id } });
    expect(done.open).toBe(false);
    expect(done.known.map((k) => k.skillId).sort()).toEqual([...shown].sort());
    const cards = await getDb().skillCard.findMany({ where: { userId: me.id } });
    expect(cards.map((c) => c.skillId).sort()).toEqual([...shown].sort());
    for (const c of cards) {
      // Reviewed once, rated Easy: out of the learning steps and due in about a week or more.
      expect(c).toMatchObject({ reps: 1, state: "Review", lastRating: "Easy" });
      expect(+c.due - T0).toBeGreaterThanOrEqual(7 * DAY);
    }
    expect(cards.some((c) => c.skillId === second.current!.skillId)).toBe(false);
    // The marked skills are not drilled today; the wrong one is not scheduled either.
    const today = await getToday({ actor: me });
    expect(today.due).toEqual([]);
    expect(today.newSkills.map((s) => s.skillId)).not.toContain(first.skillId);
    expect((await getPlacement({ actor: me })).offered).toBe(false);
    // Nothing of another learner changed.
    expect(await counts(other.id)).toEqual(otherBefore);
  });

  it("finishing twice, or two finishes at once, marks once; next twice issues one question", async () => {
    const me = await learner("double");
    await clockAt(T0);
    const [a, b] = await Promise.all([startPlacement({ actor: me }), startPlacement({ actor: me })]);
    expect(a.id).toBe(b.id);
    expect(await counts(me.id)).toMatchObject({ placements: 1, questions: 1, instances: 1 });
    await answerOnce(me, a.current!.instanceId, false);
    const [x, y] = await Promise.all([
      nextPlacementQuestion({ actor: me, input: { placementId: a.id, after: 1 } }),
      nextPlacementQuestion({ actor: me, input: { placementId: a.id, after: "1" } }),
    ]);
    expect(x.questions).toHaveLength(2);
    expect(y.questions.map((q) => q.instanceId)).toEqual(x.questions.map((q) => q.instanceId));
    // Again later (a reload's resend): handed back, nothing issued.
    await nextPlacementQuestion({ actor: me, input: { placementId: a.id, after: 1 } });
    expect(await counts(me.id)).toMatchObject({ questions: 2, instances: 2 });
    await answerOnce(me, x.current!.instanceId, true);

    const [f1, f2] = await Promise.all([
      finishPlacement({ actor: me, input: { placementId: a.id } }),
      finishPlacement({ actor: me, input: { placementId: a.id } }),
    ]);
    expect(f1.known).toEqual(f2.known);
    expect(f1.known.length).toBeGreaterThan(0);
    const cardsAfter = await getDb().skillCard.findMany({
      where: { userId: me.id },
      orderBy: { skillId: "asc" },
    });
    expect(cardsAfter).toHaveLength(f1.known.length);
    await clockAt(T0 + DAY);
    const again = await finishPlacement({ actor: me, input: { placementId: a.id } });
    expect(again.known).toEqual(f1.known);
    expect(
      await getDb().skillCard.findMany({ where: { userId: me.id }, orderBy: { skillId: "asc" } }),
    ).toEqual(cardsAfter);
    await expectAppError(
      nextPlacementQuestion({ actor: me, input: { placementId: a.id, after: 2 } }),
      "INVALID_INPUT",
    );
    // A new check can start after a finished one.
    const fresh = await startPlacement({ actor: me });
    expect(fresh.id).not.toBe(a.id);
  });

  it("a skill already started keeps its schedule", async () => {
    const me = await learner("started");
    await clockAt(T0);
    const p = await startPlacement({ actor: me });
    const prereq = [...ancestorsOf(PLACEMENT_SKILLS, p.current!.skillId)][0]!;
    const mine = startedCard(me.id, prereq, T0);
    await getDb().skillCard.create({ data: mine });
    await answerOnce(me, p.current!.instanceId, true);
    const done = await finishPlacement({ actor: me, input: { placementId: p.id } });
    expect(done.alreadyStarted.map((s) => s.skillId)).toEqual([prereq]);
    expect(done.known.map((s) => s.skillId)).not.toContain(prereq);
    const kept = await getDb().skillCard.findUniqueOrThrow({
      where: { userId_skillId: { userId: me.id, skillId: prereq } },
    });
    expect(kept).toMatchObject({ state: "Learning", reps: 1, due: mine.due });
  });

  it("another learner's check, forged and malformed ids change nothing", async () => {
    const owner = await learner("owner");
    const intruder = await learner("intruder");
    await clockAt(T0);
    const p = await startPlacement({ actor: owner });
    await answerOnce(owner, p.current!.instanceId, true);
    const before = await counts(owner.id);
    await expectAppError(finishPlacement({ actor: intruder, input: { placementId: p.id } }), "NOT_FOUND");
    await expectAppError(
      nextPlacementQuestion({ actor: intruder, input: { placementId: p.id, after: 1 } }),
      "NOT_FOUND",
    );
    await expectAppError(
      finishPlacement({ actor: owner, input: { placementId: randomUUID() } }),
      "NOT_FOUND",
    );
    for (const bad of [
      { placementId: "not-a-uuid" },
      { placementId: `${p.id}'; DROP TABLE "Placement"; --` },
      {},
      { placementId: p.id, extra: 1 },
    ]) {
      await expectAppError(finishPlacement({ actor: owner, input: bad }), "INVALID_INPUT");
    }
    for (const after of [0, -1, 1.5, "x", 10_000, null]) {
      await expectAppError(
        nextPlacementQuestion({ actor: owner, input: { placementId: p.id, after } }),
        "INVALID_INPUT",
      );
    }
    // Another learner cannot answer the question either.
    await expectAppError(
      submitAnswer({
        actor: intruder,
        instanceId: p.current?.instanceId ?? p.questions[0]!.instanceId,
        input: { clientSubmissionId: randomUUID(), answer: "1", elapsedMs: 1 },
      }),
      "NOT_FOUND",
    );
    expect(await counts(owner.id)).toEqual(before);
    expect(await counts(intruder.id)).toMatchObject({ cards: 0, placements: 0, instances: 0 });
    expect((await getPlacement({ actor: intruder })).placement).toBeNull();
    // Positive control: the owner's own finish marks.
    const done = await finishPlacement({ actor: owner, input: { placementId: p.id } });
    expect(done.known.length).toBeGreaterThan(0);
    expect((await counts(owner.id)).cards).toBe(done.known.length);
  });
});
