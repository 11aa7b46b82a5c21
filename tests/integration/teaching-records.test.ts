// Records a registrar can trust: every record names a student by email (and the teacher's student
// number), with the chosen display name beside it; problems exist from the moment a student opens
// them, so "not started" and the time taken mean what they say.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/server/db/client";
import type { ActingUser } from "@/lib/server/users/user.types";
import { getClassForTeacher } from "@/lib/server/classes/classes";
import { importStudentNumbers, setStudentNumber } from "@/lib/server/classes/student-numbers";
import { getSetForTeacher } from "@/lib/server/assignments/sets";
import { openAssignment, openAssignmentProblem } from "@/lib/server/assignments/student";
import {
  attemptsCsv,
  getGradebook,
  getStudentInstanceForTeacher,
  gradebookCsv,
} from "@/lib/server/assignments/gradebook";
import { getClassGradebook } from "@/lib/server/assignments/class-gradebook";
import { submitAnswer } from "@/lib/server/practice/practice";
import { expectAppError } from "./helpers";
import { openAll, world } from "./teaching-world";

const session = vi.hoisted(() => ({ user: null as ActingUser | null }));
vi.mock("@/lib/server/session", () => ({ getCurrentUser: () => Promise.resolve(session.user) }));

beforeEach(() => {
  session.user = null;
});

const numbersOf = async (classId: string) =>
  Object.fromEntries(
    (
      await getDb().enrollment.findMany({ where: { classId }, select: { userId: true, studentNumber: true } })
    ).map((e) => [e.userId, e.studentNumber]),
  );

describe("who a student is", () => {
  it("two students with the same name are told apart by email and student number in every record", async () => {
    const { teacher, ann, bob, cls, set } = await world();
    // Bob renames himself to Ann's name.
    await getDb().user.update({ where: { id: bob.id }, data: { displayName: ann.displayName } });
    await setStudentNumber({
      actor: teacher,
      classId: cls.id,
      input: { userId: ann.id, studentNumber: "s1001" },
    });
    await importStudentNumbers({
      actor: teacher,
      classId: cls.id,
      input: { text: `Email;Number\r\n"${bob.email.toUpperCase()}";s1002\r\n` },
    });
    const mine = await openAll(bob, set.id);
    await submitAnswer({
      actor: bob,
      instanceId: mine.problems[2]!.instanceId,
      input: { clientSubmissionId: randomUUID(), answer: "3x^2 + 2", elapsedMs: 1000 },
    });

    const roster = (await getClassForTeacher({ actor: teacher, classId: cls.id })).roster;
    expect(roster.map((r) => [r.displayName, r.email, r.studentNumber])).toEqual(
      [
        [ann.displayName, ann.email, "s1001"],
        [ann.displayName, bob.email, "s1002"],
      ].sort((a, b) => a[1]!.localeCompare(b[1]!)),
    );
    const book = await getGradebook({ actor: teacher, setId: set.id });
    expect(new Set(book.rows.map((r) => r.email))).toEqual(new Set([ann.email, bob.email]));
    expect(book.rows.find((r) => r.userId === bob.id)?.studentNumber).toBe("s1002");
    const drill = await getStudentInstanceForTeacher({
      actor: teacher,
      instanceId: mine.problems[2]!.instanceId,
    });
    expect(drill.student).toEqual({
      userId: bob.id,
      email: bob.email,
      studentNumber: "s1002",
      displayName: ann.displayName,
    });
    const setView = await getSetForTeacher({ actor: teacher, setId: set.id });
    expect(setView.roster.map((r) => r.email).sort()).toEqual([ann.email, bob.email].sort());

    const csv = (await gradebookCsv({ actor: teacher, setId: set.id })).body;
    expect(csv).toContain(`"${ann.email}","s1001","${ann.displayName}","enrolled","0"`);
    expect(csv).toContain(`"${bob.email}","s1002","${ann.displayName}","enrolled","1"`);
    const attempts = (await attemptsCsv({ actor: teacher, setId: set.id })).body;
    expect(attempts).toContain(`"${bob.email}","s1002","${ann.displayName}"`);
  });

  it("student numbers: only the class's teacher sets them; bad numbers, clashes and unknown emails change nothing", async () => {
    const { teacher, otherTeacher, ann, bob, outsider, cls } = await world();
    await setStudentNumber({
      actor: teacher,
      classId: cls.id,
      input: { userId: ann.id, studentNumber: "A-1" },
    });
    const before = await numbersOf(cls.id);
    expect(before[ann.id]).toBe("A-1");

    await expectAppError(
      setStudentNumber({ actor: ann, classId: cls.id, input: { userId: ann.id, studentNumber: "x" } }),
      "FORBIDDEN",
    );
    await expectAppError(
      setStudentNumber({
        actor: otherTeacher,
        classId: cls.id,
        input: { userId: ann.id, studentNumber: "x" },
      }),
      "NOT_FOUND",
    );
    await expectAppError(
      setStudentNumber({
        actor: teacher,
        classId: cls.id,
        input: { userId: outsider.id, studentNumber: "x" },
      }),
      "NOT_FOUND",
    );
    await expectAppError(
      setStudentNumber({
        actor: teacher,
        classId: cls.id,
        input: { userId: "not-an-id", studentNumber: "x" },
      }),
      "NOT_FOUND",
    );
    const formula = await expectAppError(
      setStudentNumber({ actor: teacher, classId: cls.id, input: { userId: bob.id, studentNumber: "=1+1" } }),
      "INVALID_INPUT",
    );
    expect(formula.message).toMatch(/letters and digits/);
    const clash = await expectAppError(
      setStudentNumber({ actor: teacher, classId: cls.id, input: { userId: bob.id, studentNumber: "A-1" } }),
      "INVALID_INPUT",
    );
    expect(clash.message).toMatch(/already has this number/);
    const unknown = await expectAppError(
      importStudentNumbers({
        actor: teacher,
        classId: cls.id,
        input: { text: `${bob.email}, B-2\n${outsider.email}, C-3\nnot a line` },
      }),
      "INVALID_INPUT",
    );
    expect(unknown.message).toContain(`${outsider.email} is not a student of this class.`);
    expect(unknown.message).toContain("Line 3");
    await expectAppError(
      importStudentNumbers({ actor: otherTeacher, classId: cls.id, input: { text: `${bob.email}, B-2` } }),
      "NOT_FOUND",
    );
    expect(await numbersOf(cls.id)).toEqual(before);

    // Numbers may move between students in one import; "" clears one.
    const moved = await importStudentNumbers({
      actor: teacher,
      classId: cls.id,
      input: { text: `${ann.email}\tB-2\n${bob.email}\tA-1\n` },
    });
    expect(moved.updated).toBe(2);
    expect(await numbersOf(cls.id)).toEqual({ [ann.id]: "B-2", [bob.id]: "A-1" });
    await setStudentNumber({ actor: teacher, classId: cls.id, input: { userId: ann.id, studentNumber: "" } });
    expect((await numbersOf(cls.id))[ann.id]).toBeNull();
  });
});

describe("problems exist from their first opening", () => {
  it("looking at a set creates nothing; the gradebook says not started until a problem is opened, and its time counts from then", async () => {
    const { teacher, ann, outsider, set } = await world();
    const listed = await openAssignment({ actor: ann, setId: set.id });
    expect(listed.problems.map((p) => [p.instanceId, p.finished])).toEqual([
      [null, false],
      [null, false],
      [null, false],
    ]);
    expect(await getDb().problemInstance.count({ where: { userId: ann.id } })).toBe(0);
    let book = await getGradebook({ actor: teacher, setId: set.id });
    expect(Object.values(book.rows.find((r) => r.userId === ann.id)!.cells)).toEqual([]);

    await new Promise((r) => setTimeout(r, 50));
    const openedAt = Date.now();
    const typed = { itemId: listed.problems[2]!.itemId, copy: 0 };
    const { instanceId } = await openAssignmentProblem({ actor: ann, setId: set.id, input: typed });
    const row = await getDb().problemInstance.findUniqueOrThrow({ where: { id: instanceId } });
    expect(row.issuedAt.getTime()).toBeGreaterThanOrEqual(openedAt);
    expect(await getDb().problemInstance.count({ where: { userId: ann.id } })).toBe(1);
    // Opening again is the same problem.
    expect(await openAssignmentProblem({ actor: ann, setId: set.id, input: typed })).toEqual({ instanceId });
    book = await getGradebook({ actor: teacher, setId: set.id });
    const cells = Object.values(book.rows.find((r) => r.userId === ann.id)!.cells);
    expect(cells.map((c) => [c?.instanceId, c?.finished, c?.tries])).toEqual([[instanceId, false, 0]]);

    // Refused: a forged item, a copy the item does not have, someone outside the class.
    await expectAppError(
      openAssignmentProblem({ actor: ann, setId: set.id, input: { itemId: randomUUID(), copy: 0 } }),
      "NOT_FOUND",
    );
    await expectAppError(
      openAssignmentProblem({ actor: ann, setId: set.id, input: { ...typed, copy: 1 } }),
      "NOT_FOUND",
    );
    await expectAppError(
      openAssignmentProblem({ actor: ann, setId: set.id, input: { itemId: "x", copy: "0" } }),
      "INVALID_INPUT",
    );
    await expectAppError(
      openAssignmentProblem({ actor: outsider, setId: set.id, input: typed }),
      "NOT_FOUND",
    );
    expect(await getDb().problemInstance.count({ where: { assignmentItem: { setId: set.id } } })).toBe(1);
  });
});

describe("the class gradebook", () => {
  it("shows each student across the published sets, and who has not started which set; only to the class's teacher", async () => {
    const { teacher, otherTeacher, ann, bob, set, cls } = await world();
    const mine = await openAll(ann, set.id);
    await submitAnswer({
      actor: ann,
      instanceId: mine.problems[2]!.instanceId,
      input: { clientSubmissionId: randomUUID(), answer: "3x^2 + 2", elapsedMs: 1000 },
    });
    const g = await getClassGradebook({ actor: teacher, classId: cls.id });
    expect(g.sets.map((s) => [s.title, s.notStarted.map((r) => r.email)])).toEqual([["Week 1", [bob.email]]]);
    expect(g.rows.find((r) => r.userId === ann.id)!.sets[set.id]).toEqual({
      score: 1,
      afterPenalty: 1,
      total: 3,
      started: true,
    });
    expect(g.rows.find((r) => r.userId === bob.id)!.sets[set.id]!.started).toBe(false);
    await expectAppError(getClassGradebook({ actor: otherTeacher, classId: cls.id }), "NOT_FOUND");
    await expectAppError(getClassGradebook({ actor: ann, classId: cls.id }), "FORBIDDEN");
  });
});
