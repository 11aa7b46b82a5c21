// Grades the teacher controls, against a real PostgreSQL: keys that could never be checked refused at
// authoring; items excused (for everyone or one student), given full credit, worth chosen points,
// removed while unanswered; problems added after the due date; verdicts on any problem; late penalties;
// hints, "Show me the answer" and solutions after the due date; extensions; predicted recall.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db/client";
import type { ActingUser } from "@/lib/server/users/user.types";
import {
  addAuthoredItem,
  addCatalogueItem,
  removeExtension,
  setExtension,
  updateSet,
} from "@/lib/server/assignments/sets";
import { excuseItem, removeItem, setFullCredit, setItemPoints } from "@/lib/server/assignments/items";
import { openAssignment } from "@/lib/server/assignments/student";
import { getGradebook, gradebookCsv, overrideVerdict } from "@/lib/server/assignments/gradebook";
import { getInstance, revealAnswer, submitAnswer, takeHint } from "@/lib/server/practice/practice";
import { expectAppError } from "./helpers";
import { SETTINGS, openAll, world } from "./teaching-world";

const answer = (actor: ActingUser, instanceId: string, text: string) =>
  submitAnswer({
    actor,
    instanceId,
    input: { clientSubmissionId: randomUUID(), answer: text, elapsedMs: 1000 },
  });

const rowOf = async (teacher: ActingUser, setId: string, userId: string) =>
  (await getGradebook({ actor: teacher, setId })).rows.find((r) => r.userId === userId)!;

const itemsOf = (setId: string) =>
  getDb().problemSetItem.findMany({ where: { setId }, orderBy: { position: "asc" } });

const HOUR = 3_600_000;

describe("authoring", () => {
  it("a typed problem whose key could never be checked is refused with the reason; a checkable one is added", async () => {
    const { teacher, set } = await world();
    const before = (await itemsOf(set.id)).length;
    for (const f of ["1/0", "sqrt(-1 - x^2)"]) {
      const e = await expectAppError(
        addAuthoredItem({ actor: teacher, setId: set.id, input: { kind: "derivative", f, var: "x" } }),
        "INVALID_INPUT",
      );
      expect(e.message).toMatch(/could never be checked/);
    }
    expect(await itemsOf(set.id)).toHaveLength(before);
    await addAuthoredItem({
      actor: teacher,
      setId: set.id,
      input: { kind: "derivative", f: "sqrt(x)", var: "x" },
    });
    expect(await itemsOf(set.id)).toHaveLength(before + 1);
  });
});

describe("how items count", () => {
  it("points, excused for one student or everyone, and full credit change the scores at once; outsiders change nothing", async () => {
    const { teacher, otherTeacher, ann, bob, outsider, set } = await world();
    const [power, typed] = await itemsOf(set.id);
    const mine = await openAll(ann, set.id);
    await answer(ann, mine.problems[2]!.instanceId, "3x^2 + 2");
    await setItemPoints({ actor: teacher, setId: set.id, itemId: typed!.id, input: { points: 3 } });
    expect(await rowOf(teacher, set.id, ann.id)).toMatchObject({ score: 3, total: 5 });

    // Refused, with nothing changed.
    await expectAppError(
      excuseItem({ actor: ann, setId: set.id, itemId: power!.id, input: { excused: true } }),
      "FORBIDDEN",
    );
    await expectAppError(
      excuseItem({ actor: otherTeacher, setId: set.id, itemId: power!.id, input: { excused: true } }),
      "NOT_FOUND",
    );
    await expectAppError(
      excuseItem({
        actor: teacher,
        setId: set.id,
        itemId: power!.id,
        input: { excused: true, userId: outsider.id },
      }),
      "NOT_FOUND",
    );
    await expectAppError(
      excuseItem({ actor: teacher, setId: set.id, itemId: randomUUID(), input: { excused: true } }),
      "NOT_FOUND",
    );
    await expectAppError(
      setItemPoints({ actor: teacher, setId: set.id, itemId: typed!.id, input: { points: 101 } }),
      "INVALID_INPUT",
    );
    await expectAppError(
      setFullCredit({ actor: otherTeacher, setId: set.id, itemId: power!.id, input: { fullCredit: true } }),
      "NOT_FOUND",
    );
    expect(await rowOf(teacher, set.id, ann.id)).toMatchObject({ score: 3, total: 5 });
    expect(await getDb().itemExcusal.count({ where: { itemId: power!.id } })).toBe(0);

    // Excused for Ann alone: it leaves her total only.
    await excuseItem({
      actor: teacher,
      setId: set.id,
      itemId: power!.id,
      input: { excused: true, userId: ann.id },
    });
    expect(await rowOf(teacher, set.id, ann.id)).toMatchObject({ score: 3, total: 3 });
    expect(await rowOf(teacher, set.id, bob.id)).toMatchObject({ score: 0, total: 5 });
    expect((await openAssignment({ actor: ann, setId: set.id })).problems.map((p) => p.excused)).toEqual([
      true,
      true,
      false,
    ]);
    // Excused for everyone, then counted again.
    await excuseItem({ actor: teacher, setId: set.id, itemId: typed!.id, input: { excused: true } });
    expect(await rowOf(teacher, set.id, ann.id)).toMatchObject({ score: 0, total: 0 });
    expect(await rowOf(teacher, set.id, bob.id)).toMatchObject({ score: 0, total: 2 });
    await excuseItem({ actor: teacher, setId: set.id, itemId: typed!.id, input: { excused: false } });
    // Full credit: right for everyone, opened or not.
    await setFullCredit({ actor: teacher, setId: set.id, itemId: power!.id, input: { fullCredit: true } });
    expect(await rowOf(teacher, set.id, bob.id)).toMatchObject({ score: 2, total: 5 });
    const csv = (await gradebookCsv({ actor: teacher, setId: set.id })).body;
    expect(csv).toContain(`"${ann.email}","","${ann.displayName}","enrolled","3","3","3","","`);
    expect(csv).toMatch(new RegExp(`"${bob.email}".*"full credit","","","full credit"`));
    expect(csv).toMatch(new RegExp(`"${ann.email}".*"excused","0","","excused","0","","right","1","0\\.0"`));
  });

  it("an item nobody answered can be removed (problems merely opened go with it); an answered one stays", async () => {
    const { teacher, ann, bob, set } = await world();
    const [power, typed] = await itemsOf(set.id);
    const a = await openAll(ann, set.id);
    await openAll(bob, set.id);
    await answer(ann, a.problems[2]!.instanceId, "3x^2 + 2");
    const refused = await expectAppError(
      removeItem({ actor: teacher, setId: set.id, itemId: typed!.id }),
      "INVALID_INPUT",
    );
    expect(refused.message).toMatch(/Excuse it instead/);
    expect(await getDb().problemInstance.count({ where: { assignmentItemId: typed!.id } })).toBe(2);
    await expectAppError(removeItem({ actor: ann, setId: set.id, itemId: power!.id }), "FORBIDDEN");

    await removeItem({ actor: teacher, setId: set.id, itemId: power!.id });
    expect((await itemsOf(set.id)).map((i) => i.id)).toEqual([typed!.id]);
    expect(await getDb().problemInstance.count({ where: { userId: { in: [ann.id, bob.id] } } })).toBe(2);
    expect(await rowOf(teacher, set.id, ann.id)).toMatchObject({ score: 1, total: 1 });
  });
});

describe("a problem added after the due date", () => {
  it("needs the teacher's choice: excused for those who finished, or its own due date", async () => {
    const { teacher, ann, bob, set } = await world();
    const a = await openAll(ann, set.id);
    for (const p of a.problems) await answer(ann, p.instanceId, "3x^2 + 2");
    await updateSet({
      actor: teacher,
      setId: set.id,
      input: { ...SETTINGS, latePolicy: "refuse", dueAt: new Date(Date.now() - HOUR).toISOString() },
    });
    const item = { kind: "derivative", f: "x^2", var: "x" };
    const asked = await expectAppError(
      addAuthoredItem({ actor: teacher, setId: set.id, input: item }),
      "INVALID_INPUT",
    );
    expect(asked.message).toMatch(/past its due date/);
    await expectAppError(
      addAuthoredItem({
        actor: teacher,
        setId: set.id,
        input: {
          ...item,
          afterDue: { choice: "new_due", dueAt: new Date(Date.now() - 60_000).toISOString() },
        },
      }),
      "INVALID_INPUT",
    );
    expect(await itemsOf(set.id)).toHaveLength(2);

    // Excused for Ann, who had finished; Bob had not.
    const first = await addAuthoredItem({
      actor: teacher,
      setId: set.id,
      input: { ...item, afterDue: { choice: "excuse_finished" } },
    });
    expect(
      (await getDb().itemExcusal.findMany({ where: { itemId: first.id } })).map((x) => x.userId),
    ).toEqual([ann.id]);
    expect(await rowOf(teacher, set.id, ann.id)).toMatchObject({ total: 3 });
    expect(await rowOf(teacher, set.id, bob.id)).toMatchObject({ total: 4 });

    // Its own due date: open for answers although the set is closed.
    const second = await addCatalogueItem({
      actor: teacher,
      setId: set.id,
      input: {
        skillId: "derivative-power-rule",
        count: 1,
        afterDue: { choice: "new_due", dueAt: new Date(Date.now() + 24 * HOUR).toISOString() },
      },
    });
    const listed = await openAssignment({ actor: bob, setId: set.id });
    expect(listed.problems.map((p) => p.closed)).toEqual([true, true, true, true, false]);
    const b = await openAll(bob, set.id).catch((e: unknown) => e);
    expect(b).toBeInstanceOf(Error);
    const [, , , , last] = listed.problems;
    expect(last!.itemId).toBe(second.id);
  });
});

describe("the teacher's verdict and the late penalty", () => {
  it("a verdict on an unfinished problem counts, with a note the student sees", async () => {
    const { teacher, ann, set } = await world();
    const a = await openAll(ann, set.id);
    const id = a.problems[0]!.instanceId;
    await overrideVerdict({ actor: teacher, instanceId: id, input: { accept: true, note: "Done on paper" } });
    expect(await rowOf(teacher, set.id, ann.id)).toMatchObject({ score: 1 });
    expect((await openAll(ann, set.id)).problems[0]!.override).toEqual({
      accepted: true,
      note: "Done on paper",
    });
    await expectAppError(
      overrideVerdict({ actor: teacher, instanceId: id, input: { accept: true, note: "" } }),
      "INVALID_INPUT",
    );
  });

  it("a late right answer loses the set's penalty in the score after penalty; no penalty set, nothing lost", async () => {
    const { teacher, ann, bob, set } = await world();
    const past = new Date(Date.now() - HOUR).toISOString();
    await updateSet({
      actor: teacher,
      setId: set.id,
      input: { ...SETTINGS, dueAt: past, latePenaltyPct: 50 },
    });
    const [, typed] = await itemsOf(set.id);
    await setItemPoints({ actor: teacher, setId: set.id, itemId: typed!.id, input: { points: 3 } });
    for (const who of [ann, bob]) {
      const mine = await openAll(who, set.id);
      await answer(who, mine.problems[2]!.instanceId, "3x^2 + 2");
    }
    expect(await rowOf(teacher, set.id, ann.id)).toMatchObject({ score: 3, afterPenalty: 1.5, late: true });
    const csv = (await gradebookCsv({ actor: teacher, setId: set.id })).body;
    expect(csv).toContain(`"${ann.email}","","${ann.displayName}","enrolled","3","1.5","5","late"`);
    await expectAppError(
      updateSet({ actor: teacher, setId: set.id, input: { ...SETTINGS, latePenaltyPct: 101 } }),
      "INVALID_INPUT",
    );
    await updateSet({
      actor: teacher,
      setId: set.id,
      input: { ...SETTINGS, dueAt: past, latePenaltyPct: null },
    });
    expect(await rowOf(teacher, set.id, bob.id)).toMatchObject({ score: 3, afterPenalty: 3 });
  });
});

describe("late flags follow the due date that applies now", () => {
  it("an extension granted after a late answer clears its flag and penalty; removing it flags it again; others stay late", async () => {
    const { teacher, ann, bob, set } = await world();
    const past = new Date(Date.now() - HOUR).toISOString();
    await updateSet({
      actor: teacher,
      setId: set.id,
      input: { ...SETTINGS, dueAt: past, latePenaltyPct: 50 },
    });
    for (const who of [ann, bob]) {
      const mine = await openAll(who, set.id);
      await answer(who, mine.problems[2]!.instanceId, "3x^2 + 2");
    }
    expect(await rowOf(teacher, set.id, ann.id)).toMatchObject({ score: 1, afterPenalty: 0.5, late: true });

    const future = new Date(Date.now() + 24 * HOUR).toISOString();
    await setExtension({ actor: teacher, setId: set.id, input: { userId: ann.id, dueAt: future } });
    expect(await rowOf(teacher, set.id, ann.id)).toMatchObject({ score: 1, afterPenalty: 1, late: false });
    // The positive control: Bob has no extension and stays late.
    expect(await rowOf(teacher, set.id, bob.id)).toMatchObject({ afterPenalty: 0.5, late: true });

    await removeExtension({ actor: teacher, setId: set.id, userId: ann.id });
    expect(await rowOf(teacher, set.id, ann.id)).toMatchObject({ afterPenalty: 0.5, late: true });

    // Moving the set's due date past the answers clears everyone's flag; no due date at all, too.
    await updateSet({
      actor: teacher,
      setId: set.id,
      input: { ...SETTINGS, dueAt: future, latePenaltyPct: 50 },
    });
    expect(await rowOf(teacher, set.id, bob.id)).toMatchObject({ afterPenalty: 1, late: false });
    await updateSet({
      actor: teacher,
      setId: set.id,
      input: { ...SETTINGS, dueAt: past, latePenaltyPct: 50 },
    });
    expect(await rowOf(teacher, set.id, bob.id)).toMatchObject({ late: true });
    await updateSet({
      actor: teacher,
      setId: set.id,
      input: { ...SETTINGS, dueAt: null, latePenaltyPct: 50 },
    });
    expect(await rowOf(teacher, set.id, bob.id)).toMatchObject({ afterPenalty: 1, late: false });
  });
});

describe("removing an item while a student answers it", () => {
  it("never loses an acknowledged answer: either the item stays with the answer, or it goes and the answer was refused", async () => {
    for (let round = 0; round < 6; round++) {
      const { teacher, ann, set } = await world();
      const mine = await openAll(ann, set.id);
      const [item] = await itemsOf(set.id);
      const instanceId = mine.problems[0]!.instanceId;
      const [removed, answered] = await Promise.allSettled([
        removeItem({ actor: teacher, setId: set.id, itemId: item!.id }),
        answer(ann, instanceId, "7"),
      ]);
      const kept = await getDb().problemSetItem.count({ where: { id: item!.id } });
      const stored = await getDb().submission.count({ where: { instanceId } });
      if (answered.status === "fulfilled") {
        // Acknowledged: the answer is stored and the item stayed (its removal was refused).
        expect(stored).toBe(1);
        expect(kept).toBe(1);
        expect(removed.status).toBe("rejected");
      } else {
        expect(removed.status).toBe("fulfilled");
        expect(kept).toBe(0);
        expect(stored).toBe(0);
      }
    }
  });
});

describe("changing a set's settings after students opened it", () => {
  it("opened problems follow the tries allowed and whether solutions show; finished ones keep their tries", async () => {
    const { teacher, ann, set } = await world({ triesAllowed: 1 });
    const mine = await openAll(ann, set.id);
    const [first, second, typed] = mine.problems.map((p) => p.instanceId);
    await answer(ann, typed!, "3x^2 + 2");
    await updateSet({ actor: teacher, setId: set.id, input: { ...SETTINGS, triesAllowed: 3 } });
    // A wrong answer no longer ends the problem: 3 tries now.
    const wrong = await answer(ann, first!, "7");
    expect(wrong).toMatchObject({ kind: "graded", instance: { maxTries: 3, finished: false } });
    expect((await getInstance({ actor: ann, instanceId: first! })).maxTries).toBe(3);
    expect((await getInstance({ actor: ann, instanceId: typed! })).maxTries).toBe(1);

    // Lowered below what Ann used: she keeps one last try on the problem she started.
    await updateSet({ actor: teacher, setId: set.id, input: { ...SETTINGS, triesAllowed: 1 } });
    expect((await getInstance({ actor: ann, instanceId: first! })).maxTries).toBe(2);
    expect((await getInstance({ actor: ann, instanceId: second! })).maxTries).toBe(1);

    // Solutions hidden after she finished: the finished problem no longer shows its key.
    expect((await getInstance({ actor: ann, instanceId: typed! })).key).toBeTruthy();
    await updateSet({ actor: teacher, setId: set.id, input: { ...SETTINGS, showSolution: false } });
    expect((await getInstance({ actor: ann, instanceId: typed! })).key).toBeFalsy();
    await updateSet({ actor: teacher, setId: set.id, input: { ...SETTINGS, showSolution: true } });
    expect((await getInstance({ actor: ann, instanceId: typed! })).key).toBeTruthy();
  });
});

describe("what a set offers", () => {
  it("hints and 'Show me the answer' can be turned off (refused, and not offered); on again, they work", async () => {
    const { teacher, ann, set } = await world();
    await updateSet({
      actor: teacher,
      setId: set.id,
      input: { ...SETTINGS, hintsAllowed: false, revealAllowed: false, triesAllowed: 2 },
    });
    const opened = (await openAll(ann, set.id)).problems;
    const id = opened[0]!.instanceId;
    expect((await getInstance({ actor: ann, instanceId: id })).offers).toEqual({
      hint: false,
      reveal: false,
    });
    // A wrong try's answer keeps saying what the set offers (the page must not show the buttons again).
    const tried = await submitAnswer({
      actor: ann,
      instanceId: opened[1]!.instanceId,
      input: { clientSubmissionId: randomUUID(), answer: "0", elapsedMs: 1000 },
    });
    expect(tried.kind).toBe("graded");
    expect(tried.instance.finished).toBe(false);
    expect(tried.instance.offers).toEqual({ hint: false, reveal: false });
    await expectAppError(takeHint({ actor: ann, instanceId: id, input: { step: 1 } }), "FORBIDDEN");
    await expectAppError(
      revealAnswer({ actor: ann, instanceId: id, input: { clientSubmissionId: randomUUID() } }),
      "FORBIDDEN",
    );
    const row = await getDb().problemInstance.findUniqueOrThrow({ where: { id } });
    expect([row.hintUsedAt, row.finishedAt]).toEqual([null, null]);

    await updateSet({ actor: teacher, setId: set.id, input: { ...SETTINGS } });
    expect((await takeHint({ actor: ann, instanceId: id, input: { step: 1 } })).hints).toHaveLength(1);
    const shown = await revealAnswer({
      actor: ann,
      instanceId: id,
      input: { clientSubmissionId: randomUUID() },
    });
    expect(shown.finished).toBe(true);
  });

  it("solutions hidden until the due date are shown once it has passed", async () => {
    const { teacher, ann, set } = await world({
      showSolution: false,
      dueAt: new Date(Date.now() + HOUR).toISOString(),
    });
    await updateSet({
      actor: teacher,
      setId: set.id,
      input: {
        ...SETTINGS,
        showSolution: false,
        solutionsAfterDue: true,
        dueAt: new Date(Date.now() + HOUR).toISOString(),
      },
    });
    const id = (await openAll(ann, set.id)).problems[2]!.instanceId;
    await answer(ann, id, "12345");
    expect((await getInstance({ actor: ann, instanceId: id })).key).toBeUndefined();
    await updateSet({
      actor: teacher,
      setId: set.id,
      input: {
        ...SETTINGS,
        showSolution: false,
        solutionsAfterDue: true,
        dueAt: new Date(Date.now() - HOUR).toISOString(),
      },
    });
    expect((await getInstance({ actor: ann, instanceId: id })).key?.text).toBe("3*x^2 + 2");
  });
});

describe("extensions", () => {
  it("refused before the due date or in the past; removable", async () => {
    const due = new Date(Date.now() + 24 * HOUR);
    const { teacher, otherTeacher, ann, set } = await world({ dueAt: due.toISOString() });
    const extend = (at: number) =>
      setExtension({
        actor: teacher,
        setId: set.id,
        input: { userId: ann.id, dueAt: new Date(at).toISOString() },
      });
    expect((await expectAppError(extend(due.getTime() - HOUR), "INVALID_INPUT")).message).toMatch(
      /after the set's due date/,
    );
    expect((await expectAppError(extend(Date.now() - HOUR), "INVALID_INPUT")).message).toMatch(/future/);
    expect(await getDb().extension.count({ where: { setId: set.id } })).toBe(0);
    await extend(due.getTime() + 24 * HOUR);
    expect(await getDb().extension.count({ where: { setId: set.id } })).toBe(1);
    await expectAppError(
      removeExtension({ actor: otherTeacher, setId: set.id, userId: ann.id }),
      "NOT_FOUND",
    );
    await removeExtension({ actor: teacher, setId: set.id, userId: ann.id });
    expect(await getDb().extension.count({ where: { setId: set.id } })).toBe(0);
    await expectAppError(removeExtension({ actor: teacher, setId: set.id, userId: ann.id }), "NOT_FOUND");
  });
});

describe("predicted recall", () => {
  it("is predicted at the set's due date while it is ahead, else in a week, with stability", async () => {
    const due = new Date(Date.now() + 3 * 24 * HOUR);
    const { teacher, ann, set } = await world({ dueAt: due.toISOString() });
    const mine = await openAll(ann, set.id);
    await answer(ann, mine.problems[0]!.instanceId, "12345");
    const book = await getGradebook({ actor: teacher, setId: set.id });
    expect(book.recallAt).toEqual({ date: due.toISOString(), atDue: true });
    const [r] = book.retention;
    expect(r!.students).toBe(1);
    expect(r!.recall).toBeGreaterThan(0);
    expect(r!.recall).toBeLessThan(1);
    expect(r!.stabilityDays).toBeGreaterThan(0);
    await updateSet({ actor: teacher, setId: set.id, input: { ...SETTINGS } });
    const later = await getGradebook({ actor: teacher, setId: set.id });
    expect(later.recallAt.atDue).toBe(false);
    expect(new Date(later.recallAt.date).getTime()).toBeGreaterThan(Date.now() + 6.9 * 24 * HOUR);
  });
});
