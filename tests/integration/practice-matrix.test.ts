// A symbolic Part 2 problem end to end against a real PostgreSQL: issued to a learner, answered with
// the layout transposed (the mistake named, a second try left), then with a shape error (not a try),
// then right; its review is recorded and the skill scheduled. The key never leaves before the end.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db/client";
import { getInstance, startInstance, submitAnswer } from "@/lib/server/practice/practice";
import { keyOf, learner } from "./helpers";

const SKILL = "gradient-wrt-matrix";

const send = (actor: Awaited<ReturnType<typeof learner>>, instanceId: string, answer: string) =>
  submitAnswer({ actor, instanceId, input: { clientSubmissionId: randomUUID(), answer, elapsedMs: 5000 } });

describe("a symbolic matrix problem", () => {
  it("layout mistake named (a try), shape error (no try), then right: one review, the card scheduled", async () => {
    const me = await learner("matrix");
    // A problem whose answer is not square, so that the transpose is a different shape.
    let view = await startInstance({ actor: me, input: { skillId: SKILL } });
    for (let i = 0; i < 20; i++) {
      const g = (await keyOf(view.id)).given as { decls: Record<string, string>; wrt: string };
      const shape = String(g.decls[g.wrt]);
      if (/x/.test(shape) && shape.split(/\s*x\s*/)[0] !== shape.split(/\s*x\s*/)[1]) break;
      view = await startInstance({ actor: me, input: { skillId: SKILL } });
    }
    expect(view.answerKind).toBe("matrix");
    expect(view.matrix?.shape).toMatch(/^\w×\w$/);
    expect(JSON.stringify(view)).not.toContain('answer":"');
    const key = String((await keyOf(view.id)).answer);

    const first = await send(me, view.id, `(${key})^T`);
    expect(first.kind).toBe("graded");
    if (first.kind !== "graded") return;
    expect(first.feedback).toMatchObject({ correct: false, status: "wrong", diagnosis: { code: "layout" } });
    expect(first.instance).toMatchObject({ finished: false, triesUsed: 1 });
    expect(first.instance.key).toBeUndefined();

    const decls = (await keyOf(view.id)).given as { wrt: string };
    const malformed = await send(me, view.id, `${decls.wrt} ${decls.wrt}`);
    expect(malformed.kind).not.toBe("graded");
    expect((await getInstance({ actor: me, instanceId: view.id })).triesUsed).toBe(1);

    const second = await send(me, view.id, key.replace(/\*/g, " "));
    expect(second.kind).toBe("graded");
    if (second.kind !== "graded") return;
    expect(second.feedback).toMatchObject({ correct: true, status: "right" });
    expect(second.instance).toMatchObject({ finished: true, outcome: "right" });
    expect(second.instance.key?.latex).toContain("\\top");

    const reviews = await getDb().review.findMany({ where: { userId: me.id, skillId: SKILL } });
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({ tries: 2, outcome: "right" });
    const card = await getDb().skillCard.findUniqueOrThrow({
      where: { userId_skillId: { userId: me.id, skillId: SKILL } },
    });
    expect(card.reps).toBe(1);
  });
});
