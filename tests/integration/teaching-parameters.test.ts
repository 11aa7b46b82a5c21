// Typed problems with random parameters against a real PostgreSQL: each student gets their own draw,
// the same on every opening; grading uses the student's own key; the teacher sees the student's
// numbers; what cannot be drawn or keyed is refused at authoring and nothing is stored.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db/client";
import type { ActingUser } from "@/lib/server/users/user.types";
import { addAuthoredItem, checkAuthored, previewSet } from "@/lib/server/assignments/sets";
import { getStudentInstanceForTeacher } from "@/lib/server/assignments/gradebook";
import { openAssignmentProblem, problemFor } from "@/lib/server/assignments/student";
import { submitAnswer } from "@/lib/server/practice/practice";
import { authoredProblem } from "@/lib/problems/authored";
import type { Problem } from "@/lib/problems";
import { expectAppError } from "./helpers";
import { openAll, world } from "./teaching-world";

const answer = (actor: ActingUser, instanceId: string, text: string) =>
  submitAnswer({
    actor,
    instanceId,
    input: { clientSubmissionId: randomUUID(), answer: text, elapsedMs: 1000 },
  });

const SPEC = { kind: "derivative", f: "a*x^3 + b*x^2 + c*x", var: "x" };
// About 8 * 80 * 40 draws: two students share one with a chance of about 1 in 25 000.
const PARAMS = "a in {2..9}\nb in {-40..40} \\ {0}\nc in {1..40}\na != c";

const instanceOf = (id: string) =>
  getDb().problemInstance.findUniqueOrThrow({ where: { id }, select: { problem: true } });

/** The key of f with the drawn values put in, computed without parameters (the oracle). */
function keyFor(values: { a: number; b: number; c: number }): string {
  const r = authoredProblem({
    kind: "derivative",
    f: `${values.a}*x^3 + ${values.b}*x^2 + ${values.c}*x`,
    var: "x",
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.problem.answer as string;
}

describe("a typed problem with random parameters", () => {
  it("gives each student their own draw, the same on every opening, graded against their own key", async () => {
    const { teacher, ann, bob, set } = await world({ triesAllowed: 3 });
    await addAuthoredItem({ actor: teacher, setId: set.id, input: { ...SPEC, params: PARAMS } });
    const item = (
      await getDb().problemSetItem.findMany({ where: { setId: set.id }, orderBy: { position: "asc" } })
    )[2]!;
    const annSet = await openAll(ann, set.id);
    const bobSet = await openAll(bob, set.id);
    const annId = annSet.problems[3]!.instanceId;
    const bobId = bobSet.problems[3]!.instanceId;
    const annP = (await instanceOf(annId)).problem as unknown as Problem;
    const bobP = (await instanceOf(bobId)).problem as unknown as Problem;
    const annV = annP.given.parameters as { a: number; b: number; c: number };
    const bobV = bobP.given.parameters as { a: number; b: number; c: number };
    // Two students differ; each statement carries its own numbers; the set page typesets it.
    expect(annV).not.toEqual(bobV);
    expect(annP.statement).not.toBe(bobP.statement);
    expect(annSet.problems[3]!.latex).toBe(annP.latex);
    expect(annSet.problems.map((p) => p.label)).toEqual(["Problem 1", "Problem 2", "Problem 3", "Problem 4"]);
    // The same student gets the same numbers again: opening again, and drawing again from the seed.
    const again = await openAssignmentProblem({
      actor: ann,
      setId: set.id,
      input: { itemId: item.id, copy: 0 },
    });
    expect(again.instanceId).toBe(annId);
    expect(problemFor(set.id, ann.id, item, 0).problem).toEqual(annP);
    expect(problemFor(set.id, bob.id, item, 0).problem).toEqual(bobP);
    // Grading: bob's key is wrong for ann; her own key is right.
    expect(keyFor(annV)).not.toBe(keyFor(bobV));
    expect(await answer(ann, annId, keyFor(bobV))).toMatchObject({
      kind: "graded",
      feedback: { correct: false },
    });
    expect(await answer(ann, annId, keyFor(annV))).toMatchObject({
      kind: "graded",
      feedback: { correct: true },
    });
    expect(await answer(bob, bobId, keyFor(bobV))).toMatchObject({
      kind: "graded",
      feedback: { correct: true },
    });
    // The teacher's drill-down shows that student's numbers.
    const seen = await getStudentInstanceForTeacher({ actor: teacher, instanceId: annId });
    expect(seen.parameters).toBe(`a = ${annV.a}, b = ${annV.b}, c = ${annV.c}`);
    expect(seen.view.statement).toBe(annP.statement);
  });

  it("checks five draws with their keys before adding; the preview draws anew with new numbers", async () => {
    const { teacher, set } = await world();
    const checked = checkAuthored({ actor: teacher, input: { ...SPEC, params: PARAMS } });
    expect(checked.draws).toHaveLength(5);
    expect(new Set(checked.draws.map((d) => d.latex)).size).toBe(5);
    for (const d of checked.draws) expect(d.values).toMatch(/^a = \d, b = -?\d+, c = \d+$/);
    await addAuthoredItem({ actor: teacher, setId: set.id, input: { ...SPEC, params: PARAMS } });
    const one = (await previewSet({ actor: teacher, setId: set.id, seed: 1 })).at(-1)!;
    const two = (await previewSet({ actor: teacher, setId: set.id, seed: 2 })).at(-1)!;
    expect(one.values).not.toBe("");
    expect(one.latex).not.toBe(two.latex);
  });

  it("refuses at authoring, with the reason, what cannot be drawn, read or keyed; nothing is stored", async () => {
    const { teacher, set } = await world();
    const before = await getDb().problemSetItem.count({ where: { setId: set.id } });
    const refused = async (input: Record<string, unknown>, message: RegExp) => {
      const e = await expectAppError(
        addAuthoredItem({ actor: teacher, setId: set.id, input }),
        "INVALID_INPUT",
      );
      expect(e.message).toMatch(message);
    };
    await refused({ ...SPEC, params: "a in {2..9}\nx in {1..3}" }, /^'x' is a variable of the problem/);
    await refused(
      { ...SPEC, params: "a in {1..3}\nb in {1}\nc in {1}\na > 3" },
      /^No choice of the parameters satisfies/,
    );
    await refused({ ...SPEC, params: "a in {1..100000}" }, /has 100000 values; at most 1000/);
    await refused({ ...SPEC, params: "a in {9..2}" }, /is empty: write the smaller number first/);
    await refused({ ...SPEC, params: "b in {0} \\ {0}" }, /The set of b is empty/);
    await refused(
      { kind: "derivative", f: "sqrt(a - x^2)", var: "x", params: "a in {-3..3}" },
      /^With a = -3: Answers to this problem could never be checked/,
    );
    await refused({ ...SPEC, params: "a in {1..3}\u0000" }, /parameters contains a control character/);
    await refused({ ...SPEC, params: "a in {1}\n".repeat(80) }, /too long \(600 characters at most\)/);
    await refused({ kind: "derivative", f: "x", var: "th" }, /optionally followed by digits/);
    expect(await getDb().problemSetItem.count({ where: { setId: set.id } })).toBe(before);
    await addAuthoredItem({ actor: teacher, setId: set.id, input: { ...SPEC, params: PARAMS } });
    expect(await getDb().problemSetItem.count({ where: { setId: set.id } })).toBe(before + 1);
    // A Greek letter's name is a variable: d/dθ of a sin(θ)².
    await addAuthoredItem({
      actor: teacher,
      setId: set.id,
      input: { kind: "derivative", f: "a*sin(theta)^2", var: "theta", params: "a in {2..9}" },
    });
    expect(await getDb().problemSetItem.count({ where: { setId: set.id } })).toBe(before + 2);
  });

  it("is checked for the set's own teacher only", async () => {
    const { otherTeacher, ann, set } = await world();
    await expectAppError(
      addAuthoredItem({ actor: otherTeacher, setId: set.id, input: { ...SPEC, params: PARAMS } }),
      "NOT_FOUND",
    );
    await expectAppError(
      () => checkAuthored({ actor: ann, input: { ...SPEC, params: PARAMS } }),
      "FORBIDDEN",
    );
  });
});
