// Reusing and tidying, against a real PostgreSQL: a set copied (same class, next term's) with its
// items, points, penalty and switches and no student data; items reordered or resized only while
// unanswered; unpublishing only while nobody opened; archive (closed, hidden, restorable) and delete
// (only when nobody answered) of sets and classes; each refusal next to its positive control, and
// other teachers' and forged ids.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db/client";
import type { ActingUser } from "@/lib/server/users/user.types";
import {
  createClass,
  getClassForTeacher,
  joinClass,
  listMyClasses,
  listTeacherClasses,
} from "@/lib/server/classes/classes";
import { ANSWERED_CLASS, archiveClass, deleteClass, renameClass } from "@/lib/server/classes/lifecycle";
import { excuseItem } from "@/lib/server/assignments/items";
import {
  ANSWERED_SET,
  EDIT_REFUSED,
  REORDER_REFUSED,
  ALREADY_DRAFT,
  UNPUBLISH_REFUSED,
  archiveSet,
  copySet,
  deleteSet,
  moveItem,
  setItemCount,
  unpublishSet,
} from "@/lib/server/assignments/reuse";
import { createSet, publishSet, updateSet } from "@/lib/server/assignments/sets";
import { listMyAssignments, openAssignment, openAssignmentProblem } from "@/lib/server/assignments/student";
import { getInstance, submitAnswer } from "@/lib/server/practice/practice";
import { takeHint } from "@/lib/server/practice/take-hint";
import { closedMessage } from "@/lib/teaching/closed";
import { expectAppError } from "./helpers";
import { SETTINGS, openAll, world } from "./teaching-world";

const answer = (actor: ActingUser, instanceId: string, text: string) =>
  submitAnswer({
    actor,
    instanceId,
    input: { clientSubmissionId: randomUUID(), answer: text, elapsedMs: 1000 },
  });

const itemsOf = (setId: string) =>
  getDb().problemSetItem.findMany({ where: { setId }, orderBy: { position: "asc" } });

const HOUR = 3_600_000;

describe("copying a set", () => {
  it("to next term's class: items, points, penalty and switches, as a draft without dates or student data", async () => {
    const { teacher, ann, set } = await world({ dueAt: new Date(Date.now() + HOUR).toISOString() });
    await updateSet({
      actor: teacher,
      setId: set.id,
      input: {
        ...SETTINGS,
        title: "Week 1",
        instructions: "Show your work.",
        dueAt: new Date(Date.now() + HOUR).toISOString(),
        triesAllowed: 3,
        showSolution: false,
        latePolicy: "refuse",
        latePenaltyPct: 20,
        hintsAllowed: false,
        revealAllowed: false,
        solutionsAfterDue: true,
      },
    });
    const items = await itemsOf(set.id);
    await getDb().problemSetItem.update({ where: { id: items[1]!.id }, data: { points: 5 } });
    await excuseItem({
      actor: teacher,
      setId: set.id,
      itemId: items[0]!.id,
      input: { userId: ann.id, excused: true },
    });
    const opened = await openAll(ann, set.id);
    await answer(ann, opened.problems[2]!.instanceId, "3x^2 + 2");

    const nextTerm = await createClass({ actor: teacher, input: { name: "Calculus A, spring" } });
    const { id } = await copySet({ actor: teacher, setId: set.id, input: { classId: nextTerm.id } });
    const copy = await getDb().problemSet.findUniqueOrThrow({ where: { id } });
    expect(copy).toMatchObject({
      classId: nextTerm.id,
      title: "Week 1",
      instructions: "Show your work.",
      triesAllowed: 3,
      showSolution: false,
      latePolicy: "refuse",
      latePenaltyPct: 20,
      hintsAllowed: false,
      revealAllowed: false,
      solutionsAfterDue: true,
      publishedAt: null,
      dueAt: null,
      opensAt: null,
    });
    const copied = await itemsOf(id);
    expect(copied.map((i) => [i.position, i.skillId, i.count, i.points])).toEqual([
      [0, "derivative-power-rule", 2, 1],
      [1, null, 1, 5],
    ]);
    expect(copied[1]!.authored).toEqual(items[1]!.authored);
    expect(
      await getDb().problemInstance.count({ where: { assignmentItemId: { in: copied.map((i) => i.id) } } }),
    ).toBe(0);
    expect(await getDb().itemExcusal.count({ where: { itemId: { in: copied.map((i) => i.id) } } })).toBe(0);
    // The original is untouched.
    expect(await itemsOf(set.id)).toHaveLength(2);
    expect(await getDb().itemExcusal.count({ where: { itemId: items[0]!.id } })).toBe(1);
  });

  it("a form submitted twice (a double click) makes one copy; a new submission makes another", async () => {
    const { teacher, cls, set } = await world();
    const copies = () => getDb().problemSet.count({ where: { classId: cls.id, id: { not: set.id } } });
    const requestId = randomUUID();
    const input = { classId: cls.id, requestId };
    const [a, b] = await Promise.all([
      copySet({ actor: teacher, setId: set.id, input }),
      copySet({ actor: teacher, setId: set.id, input }),
    ]);
    expect(b.id).toBe(a.id);
    expect(await copySet({ actor: teacher, setId: set.id, input })).toEqual(a);
    expect(await copies()).toBe(1);
    expect(await itemsOf(a.id)).toHaveLength(2);
    const again = await copySet({
      actor: teacher,
      setId: set.id,
      input: { classId: cls.id, requestId: randomUUID() },
    });
    expect(again.id).not.toBe(a.id);
    expect(await copies()).toBe(2);
    // Another teacher's submission with the same id makes their own copy.
    const other = await world();
    const theirs = await copySet({
      actor: other.teacher,
      setId: other.set.id,
      input: { classId: other.cls.id, requestId },
    });
    expect(theirs.id).not.toBe(a.id);
    expect((await getDb().problemSet.findUniqueOrThrow({ where: { id: theirs.id } })).classId).toBe(
      other.cls.id,
    );
    await expectAppError(
      copySet({ actor: teacher, setId: set.id, input: { classId: cls.id, requestId: "not-a-uuid" } }),
      "INVALID_INPUT",
    );
  });

  it("in the same class it is titled as a copy; another teacher's class or set, a forged id and an archived class are refused", async () => {
    const { teacher, otherTeacher, cls, set } = await world();
    const same = await copySet({ actor: teacher, setId: set.id, input: { classId: cls.id } });
    expect((await getDb().problemSet.findUniqueOrThrow({ where: { id: same.id } })).title).toBe(
      "Week 1 (copy)",
    );
    const theirs = await createClass({ actor: otherTeacher, input: { name: "Theirs" } });
    await expectAppError(
      copySet({ actor: teacher, setId: set.id, input: { classId: theirs.id } }),
      "NOT_FOUND",
    );
    await expectAppError(
      copySet({ actor: otherTeacher, setId: set.id, input: { classId: theirs.id } }),
      "NOT_FOUND",
    );
    await expectAppError(
      copySet({ actor: teacher, setId: set.id, input: { classId: "1 OR 1=1" } }),
      "INVALID_INPUT",
    );
    await expectAppError(
      copySet({ actor: teacher, setId: set.id, input: { classId: randomUUID() } }),
      "NOT_FOUND",
    );
    const old = await createClass({ actor: teacher, input: { name: "Old" } });
    await archiveClass({ actor: teacher, classId: old.id, archived: true });
    await expectAppError(
      copySet({ actor: teacher, setId: set.id, input: { classId: old.id } }),
      "INVALID_INPUT",
    );
    expect(await getDb().problemSet.count({ where: { classId: { in: [theirs.id, old.id] } } })).toBe(0);
  });
});

describe("editing items", () => {
  it("reorders while nobody has answered (opened is fine); refused with the reason after an answer", async () => {
    const { teacher, ann, set } = await world();
    const [a, b] = await itemsOf(set.id);
    const opened = await openAll(ann, set.id);
    await moveItem({ actor: teacher, setId: set.id, itemId: b!.id, input: { direction: "up" } });
    expect((await itemsOf(set.id)).map((i) => i.id)).toEqual([b!.id, a!.id]);
    // The student's problems follow their items (seeds depend on the item, not its place).
    expect((await openAssignment({ actor: ann, setId: set.id })).problems[0]!.itemId).toBe(b!.id);
    await expectAppError(
      moveItem({ actor: teacher, setId: set.id, itemId: b!.id, input: { direction: "up" } }),
      "INVALID_INPUT",
    );
    await expectAppError(
      moveItem({ actor: teacher, setId: set.id, itemId: b!.id, input: { direction: "sideways" } }),
      "INVALID_INPUT",
    );
    await answer(ann, opened.problems[2]!.instanceId, "3x^2 + 2");
    const refused = await expectAppError(
      moveItem({ actor: teacher, setId: set.id, itemId: a!.id, input: { direction: "up" } }),
      "INVALID_INPUT",
    );
    expect(refused.message).toBe(REORDER_REFUSED);
    expect((await itemsOf(set.id)).map((i) => i.id)).toEqual([b!.id, a!.id]);
  });

  it("changes a catalogue item's count while unanswered; refused once answered; another teacher gets 404", async () => {
    const { teacher, otherTeacher, ann, set } = await world();
    const [power] = await itemsOf(set.id);
    await openAll(ann, set.id);
    await setItemCount({ actor: teacher, setId: set.id, itemId: power!.id, input: { count: 1 } });
    expect((await openAssignment({ actor: ann, setId: set.id })).problems).toHaveLength(2);
    await expectAppError(
      setItemCount({ actor: otherTeacher, setId: set.id, itemId: power!.id, input: { count: 3 } }),
      "NOT_FOUND",
    );
    await expectAppError(
      setItemCount({ actor: teacher, setId: set.id, itemId: power!.id, input: { count: 11 } }),
      "INVALID_INPUT",
    );
    const first = (await openAssignment({ actor: ann, setId: set.id })).problems[0]!.instanceId!;
    await answer(ann, first, "0");
    const refused = await expectAppError(
      setItemCount({ actor: teacher, setId: set.id, itemId: power!.id, input: { count: 3 } }),
      "INVALID_INPUT",
    );
    expect(refused.message).toBe(EDIT_REFUSED);
    expect((await itemsOf(set.id))[0]!.count).toBe(1);
  });
});

describe("unpublishing", () => {
  it("back to a draft while nobody opened a problem; refused once a student opened one", async () => {
    const { teacher, ann, set } = await world();
    await unpublishSet({ actor: teacher, setId: set.id });
    await expectAppError(openAssignment({ actor: ann, setId: set.id }), "NOT_FOUND");
    expect(await listMyAssignments({ actor: ann })).toEqual([]);
    await publishSet({ actor: teacher, setId: set.id });
    const listed = await openAssignment({ actor: ann, setId: set.id });
    await openAssignmentProblem({
      actor: ann,
      setId: set.id,
      input: { itemId: listed.problems[0]!.itemId, copy: 0 },
    });
    const refused = await expectAppError(unpublishSet({ actor: teacher, setId: set.id }), "INVALID_INPUT");
    expect(refused.message).toBe(UNPUBLISH_REFUSED);
    expect(
      (await getDb().problemSet.findUniqueOrThrow({ where: { id: set.id } })).publishedAt,
    ).not.toBeNull();
  });
});

describe("unpublishing while a student opens a problem", () => {
  it("the opening waits for the unpublishing and is then refused: no problem of a draft exists", async () => {
    const { teacher, ann, set } = await world();
    const listed = await openAssignment({ actor: ann, setId: set.id });
    // The teacher's unpublishing holds the set's row, its change not yet committed.
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query(`SELECT "id" FROM "ProblemSet" WHERE "id" = $1 FOR UPDATE`, [set.id]);
      await other.query(`UPDATE "ProblemSet" SET "publishedAt" = NULL WHERE "id" = $1`, [set.id]);
      const opening = openAssignmentProblem({
        actor: ann,
        setId: set.id,
        input: { itemId: listed.problems[0]!.itemId, copy: 0 },
      }).then(
        () => null,
        (error: unknown) => error,
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      await other.query("COMMIT");
      const refused = await opening;
      expect(refused).toMatchObject({ code: "NOT_FOUND" });
    } finally {
      await other.end();
    }
    const opened = await getDb().problemInstance.count({ where: { assignmentItem: { setId: set.id } } });
    expect(opened).toBe(0);
    // Positive control: published again, the same opening goes through.
    await publishSet({ actor: teacher, setId: set.id });
    await openAssignmentProblem({
      actor: ann,
      setId: set.id,
      input: { itemId: listed.problems[0]!.itemId, copy: 0 },
    });
    expect(await getDb().problemInstance.count({ where: { assignmentItem: { setId: set.id } } })).toBe(1);
  });
});

describe("unpublishing a draft", () => {
  it("says the set is already a draft and changes nothing", async () => {
    const { teacher, cls } = await world();
    const draft = await createSet({
      actor: teacher,
      classId: cls.id,
      input: { ...SETTINGS, title: "Draft" },
    });
    const before = await getDb().problemSet.findUniqueOrThrow({ where: { id: draft.id } });
    const refused = await expectAppError(unpublishSet({ actor: teacher, setId: draft.id }), "INVALID_INPUT");
    expect(refused.message).toBe(ALREADY_DRAFT);
    expect(await getDb().problemSet.findUniqueOrThrow({ where: { id: draft.id } })).toEqual(before);
  });
});

describe("archiving and deleting", () => {
  it("an archived set is hidden from the student's list, says why and takes no answers; restored, it is back", async () => {
    const { teacher, otherTeacher, ann, set } = await world();
    const opened = await openAll(ann, set.id);
    await expectAppError(archiveSet({ actor: otherTeacher, setId: set.id, archived: true }), "NOT_FOUND");
    await archiveSet({ actor: teacher, setId: set.id, archived: true });
    expect(await listMyAssignments({ actor: ann })).toEqual([]);
    const page = await openAssignment({ actor: ann, setId: set.id });
    expect(page.closedReason).toEqual({ kind: "archived" });
    expect(page.problems.every((p) => p.closed)).toBe(true);
    expect((await getInstance({ actor: ann, instanceId: opened.problems[2]!.instanceId })).closed).toEqual({
      kind: "archived",
    });
    await expectAppError(answer(ann, opened.problems[2]!.instanceId, "3x^2 + 2"), "FORBIDDEN");
    await archiveSet({ actor: teacher, setId: set.id, archived: false });
    expect((await listMyAssignments({ actor: ann })).map((a) => a.id)).toEqual([set.id]);
    expect(await answer(ann, opened.problems[2]!.instanceId, "3x^2 + 2")).toMatchObject({
      feedback: { correct: true },
    });
  });

  it("a set past its due date refusing late answers says when it closed, before any try", async () => {
    const due = new Date(Date.now() - HOUR);
    const { ann, set } = await world({ dueAt: new Date(Date.now() + HOUR).toISOString() });
    const opened = await openAll(ann, set.id);
    await getDb().problemSet.update({ where: { id: set.id }, data: { dueAt: due, latePolicy: "refuse" } });
    expect((await openAssignment({ actor: ann, setId: set.id })).closedReason).toEqual({
      kind: "due",
      at: due,
    });
    const view = await getInstance({ actor: ann, instanceId: opened.problems[0]!.instanceId });
    expect(view.closed).toEqual({ kind: "due", at: due.toISOString() });
    // Accepting late answers: open, nothing to say.
    await getDb().problemSet.update({ where: { id: set.id }, data: { latePolicy: "accept_flagged" } });
    expect(
      (await getInstance({ actor: ann, instanceId: opened.problems[0]!.instanceId })).closed,
    ).toBeUndefined();
  });

  it("a closed set gives one reason everywhere: the set page, each problem, a try, a hint and a new start", async () => {
    const due = new Date(Date.now() - HOUR);
    const { ann, set } = await world({ dueAt: new Date(Date.now() + HOUR).toISOString() });
    const listed = await openAssignment({ actor: ann, setId: set.id });
    const [first, second] = listed.problems;
    const { instanceId } = await openAssignmentProblem({
      actor: ann,
      setId: set.id,
      input: { itemId: first!.itemId, copy: first!.copy },
    });
    await getDb().problemSet.update({ where: { id: set.id }, data: { dueAt: due, latePolicy: "refuse" } });
    const sentence = closedMessage({ kind: "due", at: due }, "UTC");
    const page = await openAssignment({ actor: ann, setId: set.id });
    expect(page.closedReason).toEqual({ kind: "due", at: due });
    expect(page.problems.every((p) => p.closed)).toBe(true);
    expect((await expectAppError(answer(ann, instanceId, "0"), "FORBIDDEN")).message).toBe(sentence);
    expect(
      (await expectAppError(takeHint({ actor: ann, instanceId, input: { step: 1 } }), "FORBIDDEN")).message,
    ).toBe(sentence);
    const start = openAssignmentProblem({
      actor: ann,
      setId: set.id,
      input: { itemId: second!.itemId, copy: second!.copy },
    });
    expect((await expectAppError(start, "FORBIDDEN")).message).toBe(sentence);
    // Archived: the archive's sentence, everywhere, whatever the dates.
    await getDb().problemSet.update({ where: { id: set.id }, data: { archivedAt: new Date() } });
    const archived = closedMessage({ kind: "archived" }, "UTC");
    expect((await openAssignment({ actor: ann, setId: set.id })).closedReason).toEqual({ kind: "archived" });
    expect((await expectAppError(answer(ann, instanceId, "0"), "FORBIDDEN")).message).toBe(archived);
  });

  it("a set is deleted while nobody answered (opened problems go with it); otherwise refused, offering archive", async () => {
    const { teacher, otherTeacher, ann, set, cls } = await world();
    const opened = await openAll(ann, set.id);
    await answer(ann, opened.problems[0]!.instanceId, "0");
    const refused = await expectAppError(deleteSet({ actor: teacher, setId: set.id }), "INVALID_INPUT");
    expect(refused.message).toBe(ANSWERED_SET);
    expect(await getDb().problemSet.count({ where: { id: set.id } })).toBe(1);

    const fresh = await copySet({ actor: teacher, setId: set.id, input: { classId: cls.id } });
    await publishSet({ actor: teacher, setId: fresh.id });
    const freshOpened = await openAll(ann, fresh.id);
    await expectAppError(deleteSet({ actor: otherTeacher, setId: fresh.id }), "NOT_FOUND");
    await expectAppError(deleteSet({ actor: ann, setId: fresh.id }), "FORBIDDEN");
    await deleteSet({ actor: teacher, setId: fresh.id });
    expect(await getDb().problemSet.count({ where: { id: fresh.id } })).toBe(0);
    expect(
      await getDb().problemInstance.count({
        where: { id: { in: freshOpened.problems.map((p) => p.instanceId) } },
      }),
    ).toBe(0);
  });

  it("a class: renamed, archived (hidden from the default list and the students' lists, no joining), restored; deleted only when nobody answered", async () => {
    const { teacher, otherTeacher, ann, outsider, cls, set } = await world();
    await renameClass({ actor: teacher, classId: cls.id, input: { name: "Calculus A, autumn" } });
    await expectAppError(
      renameClass({ actor: teacher, classId: cls.id, input: { name: "" } }),
      "INVALID_INPUT",
    );
    await expectAppError(
      renameClass({ actor: otherTeacher, classId: cls.id, input: { name: "Mine" } }),
      "NOT_FOUND",
    );
    expect((await getClassForTeacher({ actor: teacher, classId: cls.id })).name).toBe("Calculus A, autumn");

    await archiveClass({ actor: teacher, classId: cls.id, archived: true });
    expect((await listTeacherClasses({ actor: teacher })).map((c) => c.id)).toEqual([]);
    expect((await listTeacherClasses({ actor: teacher, archived: true })).map((c) => c.id)).toEqual([cls.id]);
    expect(await listMyClasses({ actor: ann })).toEqual([]);
    expect(await listMyAssignments({ actor: ann })).toEqual([]);
    expect((await openAssignment({ actor: ann, setId: set.id })).closedReason).toEqual({ kind: "archived" });
    await expectAppError(joinClass({ actor: outsider, input: { code: cls.joinCode } }), "INVALID_INPUT");
    await archiveClass({ actor: teacher, classId: cls.id, archived: false });
    expect((await listMyClasses({ actor: ann })).map((c) => c.id)).toEqual([cls.id]);

    const opened = await openAll(ann, set.id);
    await answer(ann, opened.problems[0]!.instanceId, "0");
    const refused = await expectAppError(deleteClass({ actor: teacher, classId: cls.id }), "INVALID_INPUT");
    expect(refused.message).toBe(ANSWERED_CLASS);
    await expectAppError(deleteClass({ actor: otherTeacher, classId: cls.id }), "NOT_FOUND");
    expect(await getDb().class.count({ where: { id: cls.id } })).toBe(1);

    const empty = await createClass({ actor: teacher, input: { name: "Spare" } });
    await joinClass({ actor: outsider, input: { code: empty.joinCode } });
    await deleteClass({ actor: teacher, classId: empty.id });
    expect(await getDb().class.count({ where: { id: empty.id } })).toBe(0);
    expect(await listMyClasses({ actor: outsider })).toEqual([]);
  });
});
