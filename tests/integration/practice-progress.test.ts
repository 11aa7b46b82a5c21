// The practice pages' data against a real PostgreSQL: the picture only once a problem is finished,
// the practised skills and a session's summary scoped to the acting learner.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { revealAnswer, startInstance, submitAnswer } from "@/lib/server/practice/practice";
import { getSessionSummary, listPractisedSkills } from "@/lib/server/practice/progress";
import { learner, keyOf, expectAppError } from "./helpers";

describe("the picture", () => {
  it("is not sent before the problem is finished (a tangent line gives the key away), and is sent after", async () => {
    const me = await learner();
    const view = await startInstance({ actor: me, input: { skillId: "tangent-line" } });
    expect(view.plot).toBeUndefined();
    const p = await keyOf(view.id);
    const wrong = await submitAnswer({
      actor: me,
      instanceId: view.id,
      input: { clientSubmissionId: randomUUID(), answer: `${String(p.answer)} + 1`, elapsedMs: 1000 },
    });
    expect(wrong.instance.finished).toBe(false);
    expect(wrong.instance.plot).toBeUndefined();
    const right = await submitAnswer({
      actor: me,
      instanceId: view.id,
      input: { clientSubmissionId: randomUUID(), answer: `y = ${String(p.answer)}`, elapsedMs: 1000 },
    });
    expect(right.instance.finished).toBe(true);
    expect(right.instance.plot).toMatch(/^<svg[^>]*role="img"/);
    expect(right.instance.plot).toContain("plot-tangent");
  });

  it("comes with a revealed limit, and not with a skill that has none", async () => {
    const me = await learner();
    const limit = await startInstance({ actor: me, input: { skillId: "limit-infinite" } });
    expect(
      (await revealAnswer({ actor: me, instanceId: limit.id, input: { clientSubmissionId: randomUUID() } }))
        .plot,
    ).toContain("plot-asymptote");
    const power = await startInstance({ actor: me, input: { skillId: "derivative-power-rule" } });
    expect(
      (await revealAnswer({ actor: me, instanceId: power.id, input: { clientSubmissionId: randomUUID() } }))
        .plot,
    ).toBeUndefined();
  });
});

describe("practised skills", () => {
  it("lists only the acting learner's finished skills", async () => {
    const me = await learner();
    const other = await learner("other");
    expect(await listPractisedSkills({ actor: me })).toEqual([]);
    const v = await startInstance({ actor: me, input: { skillId: "derivative-power-rule" } });
    await revealAnswer({ actor: me, instanceId: v.id, input: { clientSubmissionId: randomUUID() } });
    // Started but not finished: no card yet.
    await startInstance({ actor: me, input: { skillId: "tangent-line" } });
    expect((await listPractisedSkills({ actor: me })).map((c) => c.skillId)).toEqual([
      "derivative-power-rule",
    ]);
    expect(await listPractisedSkills({ actor: other })).toEqual([]);
  });
});

describe("a session's summary", () => {
  it("lists the session's problems from its first one, of its skill, at most `of`", async () => {
    const me = await learner();
    const before = await startInstance({ actor: me, input: { skillId: "derivative-power-rule" } });
    const first = await startInstance({ actor: me, input: { skillId: "derivative-power-rule" } });
    const p = await keyOf(first.id);
    await submitAnswer({
      actor: me,
      instanceId: first.id,
      input: { clientSubmissionId: randomUUID(), answer: p.answer, elapsedMs: 1 },
    });
    await startInstance({ actor: me, input: { skillId: "tangent-line" } });
    const second = await startInstance({ actor: me, input: { skillId: "derivative-power-rule" } });
    await revealAnswer({ actor: me, instanceId: second.id, input: { clientSubmissionId: randomUUID() } });
    await startInstance({ actor: me, input: { skillId: "derivative-power-rule" } });

    const s = await getSessionSummary({
      actor: me,
      input: { first: first.id, of: 2, skill: "derivative-power-rule" },
    });
    expect(s.items.map((i) => [i.id, i.outcome])).toEqual([
      [first.id, "right"],
      [second.id, "revealed"],
    ]);
    expect(s.right).toBe(1);
    expect(s.items.map((i) => i.rating)).toEqual(["Good", "Again"]);
    // What changed for the skill: new, then back to (re)learning after the answer was shown; its next
    // review worded by dueStatus.
    expect(s.skills).toHaveLength(1);
    expect(s.skills[0]).toMatchObject({ skillId: "derivative-power-rule", before: "New" });
    expect(["Learning", "Relearning"]).toContain(s.skills[0]!.after);
    expect(s.skills[0]!.next).toMatch(/^due (now|in \d+ min)$/);
    expect(s.items.map((i) => i.id)).not.toContain(before.id);
    const mixed = await getSessionSummary({ actor: me, input: { first: first.id, of: 3, skill: "mixed" } });
    expect(mixed.items.map((i) => i.skillId)).toEqual([
      "derivative-power-rule",
      "tangent-line",
      "derivative-power-rule",
    ]);
  });

  it("is not found for another learner's session, a forged id, a skill that does not match or nonsense", async () => {
    const me = await learner();
    const other = await learner("other");
    const v = await startInstance({ actor: me, input: { skillId: "derivative-power-rule" } });
    await expectAppError(
      getSessionSummary({ actor: other, input: { first: v.id, of: 5, skill: "derivative-power-rule" } }),
      "NOT_FOUND",
    );
    await expectAppError(
      getSessionSummary({ actor: me, input: { first: randomUUID(), of: 5, skill: "derivative-power-rule" } }),
      "NOT_FOUND",
    );
    await expectAppError(
      getSessionSummary({ actor: me, input: { first: v.id, of: 5, skill: "tangent-line" } }),
      "NOT_FOUND",
    );
    await expectAppError(
      getSessionSummary({ actor: me, input: { first: "x", of: 5, skill: "derivative-power-rule" } }),
      "NOT_FOUND",
    );
    await expectAppError(
      getSessionSummary({ actor: me, input: { first: v.id, of: 10_000, skill: "derivative-power-rule" } }),
      "NOT_FOUND",
    );
    await expectAppError(getSessionSummary({ actor: me, input: null }), "NOT_FOUND");
  });
});
