// Practice against a real PostgreSQL: the key stays on the server, every try is recorded exactly
// once, bad requests change nothing, and a finished problem yields exactly one review.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Problem } from "@/lib/problems";
import { getDb } from "@/lib/server/db/client";
import {
  getInstance,
  reportGrading,
  revealAnswer,
  startInstance,
  submitAnswer,
  takeHint,
} from "@/lib/server/practice/practice";
import { learner, keyOf, expectAppError } from "./helpers";

const sid = () => randomUUID();
const counts = async (instanceId: string) => ({
  submissions: await getDb().submission.count({ where: { instanceId } }),
  reviews: await getDb().review.count({ where: { instanceId } }),
});

/** A wrong answer of the right shape for any problem. */
function wrongAnswer(p: Problem): string | string[] {
  if (Array.isArray(p.answer)) return p.answer.map(() => "12345");
  if (p.kind === "limit") return p.answer === "DNE" ? "7" : "DNE";
  return p.answerKind === "expression" || p.answerKind === "line" ? `${p.answer} + 1000` : "98765";
}

describe("a problem as issued", () => {
  it("goes to the browser without its key, construction notes or numeric value", async () => {
    const me = await learner();
    const view = await startInstance({ actor: me, input: { skillId: "derivative-product-rule" } });
    expect(view.finished).toBe(false);
    expect(view.key).toBeUndefined();
    expect(view.solution).toBeUndefined();
    const p = await keyOf(view.id);
    const sent = JSON.stringify(view);
    expect(sent).not.toContain(JSON.stringify(p.answer));
    expect(Object.keys(view)).not.toContain("answer");
    expect(Object.keys(view)).not.toContain("value");
    expect(Object.keys(view)).not.toContain("detail");
    expect(view.statement.length).toBeGreaterThan(5);
  });

  it("is refused for an unknown skill, with nothing stored", async () => {
    const me = await learner();
    await expectAppError(startInstance({ actor: me, input: { skillId: "no-such-skill" } }), "NOT_FOUND");
    await expectAppError(startInstance({ actor: me, input: { skillId: "DROP TABLE" } }), "INVALID_INPUT");
    expect(await getDb().problemInstance.count({ where: { userId: me.id } })).toBe(0);
  });
});

describe("tries, feedback and the review", () => {
  it("a wrong try shows feedback and allows a second; a right one finishes with the key and one review", async () => {
    const me = await learner();
    const view = await startInstance({ actor: me, input: { skillId: "derivative-power-rule" } });
    const p = await keyOf(view.id);
    const first = await submitAnswer({
      actor: me,
      instanceId: view.id,
      input: { clientSubmissionId: sid(), answer: wrongAnswer(p), elapsedMs: 9000 },
    });
    expect(first.kind).toBe("graded");
    expect(first.feedback.correct).toBe(false);
    expect(first.feedback.message.length).toBeGreaterThan(0);
    expect(first.instance.finished).toBe(false);
    expect(first.instance.key).toBeUndefined();
    const second = await submitAnswer({
      actor: me,
      instanceId: view.id,
      input: { clientSubmissionId: sid(), answer: p.answer, elapsedMs: 4000 },
    });
    expect(second.kind).toBe("graded");
    expect(second.feedback.correct).toBe(true);
    expect(second.instance.finished).toBe(true);
    expect(second.instance.outcome).toBe("right");
    expect(second.instance.key?.text).toEqual(p.answer);
    expect(second.instance.solution?.steps.length).toBeGreaterThan(0);
    expect(await counts(view.id)).toEqual({ submissions: 2, reviews: 1 });
    const review = await getDb().review.findUniqueOrThrow({ where: { instanceId: view.id } });
    expect(review).toMatchObject({
      rating: "Hard",
      outcome: "right",
      tries: 2,
      hintUsed: false,
      durationMs: 13000,
    });
    const card = await getDb().skillCard.findUniqueOrThrow({
      where: { userId_skillId: { userId: me.id, skillId: "derivative-power-rule" } },
    });
    expect(card.reps).toBe(1);
    expect(card.lastRating).toBe("Hard");
  });

  it("a wrong derivative's feedback names a point a learner can check by hand, and stores it as shown", async () => {
    const me = await learner();
    const view = await startInstance({ actor: me, input: { skillId: "derivative-power-rule" } });
    const p = await keyOf(view.id);
    // An answer far from any derivative of c x^n: the key and it differ at x = 2 or a point after it.
    const wrong = await submitAnswer({
      actor: me,
      instanceId: view.id,
      input: { clientSubmissionId: sid(), answer: "x + 1000", elapsedMs: 3000 },
    });
    expect(wrong.kind).toBe("graded");
    if (wrong.kind !== "graded") return;
    expect(wrong.feedback.correct).toBe(false);
    expect(wrong.feedback.counterexample).toMatch(
      /^At x = (2|0\.5|1|0|-1|3|-2|1\.5|-0\.5|4|-3|0\.25) your answer is /,
    );
    expect(wrong.instance.key).toBeUndefined();
    const stored = await getDb().submission.findFirstOrThrow({ where: { instanceId: view.id } });
    expect((stored.feedback as { counterexample?: string }).counterexample).toBe(
      wrong.feedback.counterexample,
    );
    // The right answer is right, with no counterexample.
    const right = await submitAnswer({
      actor: me,
      instanceId: view.id,
      input: { clientSubmissionId: sid(), answer: p.answer, elapsedMs: 3000 },
    });
    expect(right.kind === "graded" && right.feedback.correct).toBe(true);
    expect(right.kind === "graded" && right.feedback.counterexample).toBeUndefined();
  });

  it("two wrong tries finish the problem as wrong (Again)", async () => {
    const me = await learner();
    const view = await startInstance({ actor: me, input: { skillId: "limit-factor-cancel" } });
    const p = await keyOf(view.id);
    for (let i = 0; i < 2; i++) {
      await submitAnswer({
        actor: me,
        instanceId: view.id,
        input: { clientSubmissionId: sid(), answer: wrongAnswer(p), elapsedMs: 1000 },
      });
    }
    const after = await getInstance({ actor: me, instanceId: view.id });
    expect(after).toMatchObject({ finished: true, outcome: "wrong", triesUsed: 2 });
    expect((await getDb().review.findUniqueOrThrow({ where: { instanceId: view.id } })).rating).toBe("Again");
  });

  it("a hint is recorded and a right answer after it rates Hard", async () => {
    const me = await learner();
    const view = await startInstance({ actor: me, input: { skillId: "derivative-chain-rule" } });
    const hinted = await takeHint({ actor: me, instanceId: view.id, input: { step: 1 } });
    expect(hinted.hints[0]?.text.length).toBeGreaterThan(10);
    const p = await keyOf(view.id);
    await submitAnswer({
      actor: me,
      instanceId: view.id,
      input: { clientSubmissionId: sid(), answer: p.answer, elapsedMs: 2000 },
    });
    const review = await getDb().review.findUniqueOrThrow({ where: { instanceId: view.id } });
    expect(review).toMatchObject({ rating: "Hard", hintUsed: true, tries: 1 });
  });

  it("'show me the answer' ends the problem with its key, rated Again", async () => {
    const me = await learner();
    const view = await startInstance({ actor: me, input: { skillId: "gradient-symbolic" } });
    const shown = await revealAnswer({
      actor: me,
      instanceId: view.id,
      input: { clientSubmissionId: sid() },
    });
    expect(shown).toMatchObject({ finished: true, outcome: "revealed" });
    expect(shown.key?.text).toEqual((await keyOf(view.id)).answer);
    expect((await getDb().review.findUniqueOrThrow({ where: { instanceId: view.id } })).rating).toBe("Again");
    // Showing it again changes nothing.
    await revealAnswer({ actor: me, instanceId: view.id, input: { clientSubmissionId: sid() } });
    expect(await counts(view.id)).toEqual({ submissions: 0, reviews: 1 });
  });
});

describe("bad requests change nothing", () => {
  it("a malformed answer shows the reading error and records nothing", async () => {
    const me = await learner();
    const view = await startInstance({ actor: me, input: { skillId: "derivative-power-rule" } });
    const r = await submitAnswer({
      actor: me,
      instanceId: view.id,
      input: { clientSubmissionId: sid(), answer: "2x +* 3", elapsedMs: 1000 },
    });
    expect(r.kind).toBe("invalid");
    expect(r.feedback.status).toBe("invalid");
    expect(r.feedback.message.length).toBeGreaterThan(0);
    expect(await counts(view.id)).toEqual({ submissions: 0, reviews: 0 });
    expect((await getInstance({ actor: me, instanceId: view.id })).triesUsed).toBe(0);
  });

  it("an oversized answer or a malformed request is refused, with nothing stored", async () => {
    const me = await learner();
    const view = await startInstance({ actor: me, input: { skillId: "derivative-power-rule" } });
    await expectAppError(
      submitAnswer({
        actor: me,
        instanceId: view.id,
        input: { clientSubmissionId: sid(), answer: "x".repeat(5000), elapsedMs: 1 },
      }),
      "INVALID_INPUT",
    );
    await expectAppError(
      submitAnswer({
        actor: me,
        instanceId: view.id,
        input: { clientSubmissionId: "no", answer: "2x", elapsedMs: 1 },
      }),
      "INVALID_INPUT",
    );
    await expectAppError(submitAnswer({ actor: me, instanceId: view.id, input: "2x" }), "INVALID_INPUT");
    expect(await counts(view.id)).toEqual({ submissions: 0, reviews: 0 });
  });

  it("a forged instance id is not found; the learner's own id works", async () => {
    const me = await learner();
    const view = await startInstance({ actor: me, input: { skillId: "derivative-power-rule" } });
    const p = await keyOf(view.id);
    for (const forged of [randomUUID(), "not-a-uuid", "' OR 1=1 --", ""]) {
      await expectAppError(
        submitAnswer({
          actor: me,
          instanceId: forged,
          input: { clientSubmissionId: sid(), answer: "2x", elapsedMs: 1 },
        }),
        "NOT_FOUND",
      );
      await expectAppError(getInstance({ actor: me, instanceId: forged }), "NOT_FOUND");
    }
    const ok = await submitAnswer({
      actor: me,
      instanceId: view.id,
      input: { clientSubmissionId: sid(), answer: p.answer, elapsedMs: 1 },
    });
    expect(ok.feedback.correct).toBe(true);
  });

  it("another learner's instance is not found for them, nothing is stored, and its owner still can answer", async () => {
    const owner = await learner("owner");
    const intruder = await learner("intruder");
    const view = await startInstance({
      actor: owner,
      input: { skillId: "partial-derivative-two-variables" },
    });
    const p = await keyOf(view.id);
    await expectAppError(getInstance({ actor: intruder, instanceId: view.id }), "NOT_FOUND");
    await expectAppError(
      submitAnswer({
        actor: intruder,
        instanceId: view.id,
        input: { clientSubmissionId: sid(), answer: p.answer, elapsedMs: 1 },
      }),
      "NOT_FOUND",
    );
    await expectAppError(takeHint({ actor: intruder, instanceId: view.id, input: { step: 1 } }), "NOT_FOUND");
    await expectAppError(
      revealAnswer({ actor: intruder, instanceId: view.id, input: { clientSubmissionId: sid() } }),
      "NOT_FOUND",
    );
    await expectAppError(
      reportGrading({ actor: intruder, instanceId: view.id, input: { comment: "it is wrong" } }),
      "NOT_FOUND",
    );
    expect(await counts(view.id)).toEqual({ submissions: 0, reviews: 0 });
    const row = await getDb().problemInstance.findUniqueOrThrow({ where: { id: view.id } });
    expect(row.hintUsedAt).toBeNull();
    expect(row.finishedAt).toBeNull();
    const ok = await submitAnswer({
      actor: owner,
      instanceId: view.id,
      input: { clientSubmissionId: sid(), answer: p.answer, elapsedMs: 1 },
    });
    expect(ok.feedback.correct).toBe(true);
  });

  it("a replayed submission id returns the recorded result and records nothing new", async () => {
    const me = await learner();
    const view = await startInstance({ actor: me, input: { skillId: "derivative-power-rule" } });
    const p = await keyOf(view.id);
    const id = sid();
    const first = await submitAnswer({
      actor: me,
      instanceId: view.id,
      input: { clientSubmissionId: id, answer: wrongAnswer(p), elapsedMs: 5 },
    });
    // The replay carries a different answer: the recorded one is what counts.
    const again = await submitAnswer({
      actor: me,
      instanceId: view.id,
      input: { clientSubmissionId: id, answer: p.answer, elapsedMs: 5 },
    });
    expect(again.kind).toBe("replayed");
    expect(again.feedback).toEqual(first.feedback);
    expect(await counts(view.id)).toEqual({ submissions: 1, reviews: 0 });
  });

  it("a try on a finished problem is refused with its recorded final result", async () => {
    const me = await learner();
    const view = await startInstance({ actor: me, input: { skillId: "derivative-power-rule" } });
    const p = await keyOf(view.id);
    const done = await submitAnswer({
      actor: me,
      instanceId: view.id,
      input: { clientSubmissionId: sid(), answer: p.answer, elapsedMs: 5 },
    });
    const late = await submitAnswer({
      actor: me,
      instanceId: view.id,
      input: { clientSubmissionId: sid(), answer: wrongAnswer(p), elapsedMs: 5 },
    });
    expect(late.kind).toBe("already_finished");
    expect(late.feedback).toEqual(done.feedback);
    expect(await counts(view.id)).toEqual({ submissions: 1, reviews: 1 });
  });

  it("a report is stored on the learner's own problem", async () => {
    const me = await learner();
    const view = await startInstance({ actor: me, input: { skillId: "derivative-power-rule" } });
    await expectAppError(
      reportGrading({ actor: me, instanceId: view.id, input: { comment: "" } }),
      "INVALID_INPUT",
    );
    const r = await reportGrading({
      actor: me,
      instanceId: view.id,
      input: { comment: "My answer 2x was marked wrong." },
    });
    const row = await getDb().gradingReport.findUniqueOrThrow({ where: { id: r.id } });
    expect(row).toMatchObject({ userId: me.id, instanceId: view.id, status: "open" });
  });
});

describe("exactly once under concurrency", () => {
  it("the same submission sent ten times at once is recorded once, with one review", async () => {
    const me = await learner();
    const view = await startInstance({ actor: me, input: { skillId: "derivative-power-rule" } });
    const p = await keyOf(view.id);
    const id = sid();
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        submitAnswer({
          actor: me,
          instanceId: view.id,
          input: { clientSubmissionId: id, answer: p.answer, elapsedMs: 5 },
        }),
      ),
    );
    expect(results.every((r) => r.feedback.correct)).toBe(true);
    expect(results.filter((r) => r.kind === "graded")).toHaveLength(1);
    expect(await counts(view.id)).toEqual({ submissions: 1, reviews: 1 });
  });

  it("two tabs answering at once: at most the allowed tries are recorded, and one review", async () => {
    const me = await learner();
    const view = await startInstance({ actor: me, input: { skillId: "derivative-sum-rule" } });
    const p = await keyOf(view.id);
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        submitAnswer({
          actor: me,
          instanceId: view.id,
          input: { clientSubmissionId: sid(), answer: i % 2 === 0 ? wrongAnswer(p) : p.answer, elapsedMs: 5 },
        }),
      ),
    );
    const c = await counts(view.id);
    expect(c.submissions).toBeLessThanOrEqual(2);
    expect(c.reviews).toBe(1);
    expect((await getInstance({ actor: me, instanceId: view.id })).finished).toBe(true);
  });

  it("reviews of different skills at the same moment all land", async () => {
    const me = await learner();
    const skills = [
      "derivative-power-rule",
      "derivative-sum-rule",
      "derivative-chain-rule",
      "limit-factor-cancel",
      "gradient-symbolic",
    ];
    const views = await Promise.all(
      skills.map((skillId) => startInstance({ actor: me, input: { skillId } })),
    );
    const keys = await Promise.all(views.map((v) => keyOf(v.id)));
    await Promise.all(
      views.map((v, i) =>
        submitAnswer({
          actor: me,
          instanceId: v.id,
          input: { clientSubmissionId: sid(), answer: keys[i]!.answer, elapsedMs: 5 },
        }),
      ),
    );
    expect(await getDb().review.count({ where: { userId: me.id } })).toBe(skills.length);
    expect(await getDb().skillCard.count({ where: { userId: me.id } })).toBe(skills.length);
  });
});
