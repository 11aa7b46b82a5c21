// A Part 2 problem answered in a grid against a real PostgreSQL: issued with its shape and cell labels
// but no key, a transposed answer named as a layout mistake with a second try left, then the right
// answer finishes it with exactly one review; bad grids change nothing.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Problem } from "@/lib/problems";
import { getDb } from "@/lib/server/db/client";
import { startInstance, submitAnswer } from "@/lib/server/practice/practice";
import type { ActingUser } from "@/lib/server/users/user.types";
import { expectAppError, keyOf, learner } from "./helpers";

const sid = () => randomUUID();
const transpose = (m: string[][]): string[][] => m[0]!.map((_, j) => m.map((r) => r[j]!));

/** A Jacobian at a point whose transpose differs from it (so the layout mistake can be made). */
async function jacobianProblem(me: ActingUser): Promise<{ id: string; p: Problem; key: string[][] }> {
  for (let i = 0; i < 20; i++) {
    const view = await startInstance({ actor: me, input: { skillId: "jacobian-at-a-point" } });
    const p = await keyOf(view.id);
    const key = p.answer as string[][];
    if (JSON.stringify(transpose(key)) !== JSON.stringify(key)) return { id: view.id, p, key };
  }
  throw new Error("no Jacobian with a transpose that differs");
}

describe("a Part 2 problem answered in a grid", () => {
  it("names a transposed Jacobian (no try lost to reading, a second try left), then records one review", async () => {
    const me = await learner();
    const { id, p, key } = await jacobianProblem(me);
    const first = await submitAnswer({
      actor: me,
      instanceId: id,
      input: { clientSubmissionId: sid(), answer: transpose(key), elapsedMs: 30_000 },
    });
    expect(first.kind).toBe("graded");
    expect(first.feedback.correct).toBe(false);
    expect(first.feedback.diagnosis?.code).toBe("layout_transposed");
    expect(first.feedback.message).toMatch(/layout/);
    expect(first.instance.finished).toBe(false);
    expect(first.instance.triesUsed).toBe(1);
    expect(first.instance.key).toBeUndefined();
    // What the page draws: the shape and the labels, never the key or the stored mistakes.
    expect(first.instance.grid).toMatchObject({ rows: p.grid!.rows, cols: p.grid!.cols });
    expect(first.instance.grid!.labels[0]![0]).toMatch(/^∂f₁\/∂x$/);
    const sent = JSON.stringify(first.instance);
    expect(sent).not.toContain(JSON.stringify(key));
    expect(sent).not.toContain("mistakes");

    const second = await submitAnswer({
      actor: me,
      instanceId: id,
      input: { clientSubmissionId: sid(), answer: key, elapsedMs: 20_000 },
    });
    expect(second.feedback.correct).toBe(true);
    expect(second.instance).toMatchObject({ finished: true, outcome: "right" });
    expect(second.instance.key?.text).toEqual(key);
    expect(second.instance.key?.latex).toContain("pmatrix");
    expect(second.instance.solution?.steps.length).toBeGreaterThan(1);
    const review = await getDb().review.findUniqueOrThrow({ where: { instanceId: id } });
    expect(review).toMatchObject({ outcome: "right", tries: 2, rating: "Hard" });
    const card = await getDb().skillCard.findUniqueOrThrow({
      where: { userId_skillId: { userId: me.id, skillId: "jacobian-at-a-point" } },
    });
    expect(card.reps).toBe(1);
  });

  it("refuses an empty cell or an oversized grid: no try spent, nothing recorded", async () => {
    const me = await learner();
    const { id, key } = await jacobianProblem(me);
    const holes = key.map((r, i) => r.map((c, j) => (i === 0 && j === 0 ? "" : c)));
    const empty = await submitAnswer({
      actor: me,
      instanceId: id,
      input: { clientSubmissionId: sid(), answer: holes, elapsedMs: 1000 },
    });
    expect(empty.kind).toBe("invalid");
    expect(empty.instance.triesUsed).toBe(0);
    const huge = Array.from({ length: 9 }, () => ["1"]);
    await expectAppError(
      submitAnswer({
        actor: me,
        instanceId: id,
        input: { clientSubmissionId: sid(), answer: huge, elapsedMs: 1 },
      }),
      "INVALID_INPUT",
    );
    expect(await getDb().submission.count({ where: { instanceId: id } })).toBe(0);
    // Positive control: the key is right.
    const right = await submitAnswer({
      actor: me,
      instanceId: id,
      input: { clientSubmissionId: sid(), answer: key, elapsedMs: 1000 },
    });
    expect(right.feedback.correct).toBe(true);
  });
});
