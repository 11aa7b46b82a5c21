// Teachers against a real PostgreSQL: classes, problem sets, assignments and the gradebook. Each
// data function and route is tried as the rightful user and as everyone who must be refused (signed
// out, another learner, another teacher, a removed student): refused with 401/403/404, nothing
// leaked, nothing changed.
// Over 500 lines: one feature's access rules (classes, sets, assignments, gradebook) tried from every
// side with one session mock and the routes loaded once; each describe block stands alone.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Problem } from "@/lib/problems";
import { getDb } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import type { ActingUser } from "@/lib/server/users/user.types";
import {
  createClass,
  getClassForTeacher,
  issueStudentResetLink,
  joinClass,
  listMyClasses,
  removeStudent,
  rotateJoinCode,
} from "@/lib/server/classes/classes";
import {
  addAuthoredItem,
  addCatalogueItem,
  createSet,
  publishSet,
  setExtension,
  updateSet,
} from "@/lib/server/assignments/sets";
import { listMyAssignments, openAssignment, openAssignmentProblem } from "@/lib/server/assignments/student";
import {
  attemptsCsv,
  getGradebook,
  getStudentInstanceForTeacher,
  gradebookCsv,
  overrideVerdict,
} from "@/lib/server/assignments/gradebook";
import {
  getInstance,
  reportGrading,
  revealAnswer,
  submitAnswer,
  takeHint,
} from "@/lib/server/practice/practice";
import { describeResetToken } from "@/lib/server/password-reset/reset-token";
import { hashPassword } from "@/lib/server/auth/password";
import { DELETED_STUDENT, deleteOwnAccount } from "@/lib/server/users/update-user";
import { appPost, expectAppError } from "./helpers";
import { SETTINGS, openAll, user, world } from "./teaching-world";

const session = vi.hoisted(() => ({ user: null as ActingUser | null }));
vi.mock("@/lib/server/session", () => ({ getCurrentUser: () => Promise.resolve(session.user) }));

const joinRoute = await import("@/app/api/classes/join/route");
const assignmentsRoute = await import("@/app/api/assignments/route");
const assignmentRoute = await import("@/app/api/assignments/[setId]/route");
const openRoute = await import("@/app/api/assignments/[setId]/problems/route");
const gradebookRoute = await import("@/app/api/teacher/sets/[id]/gradebook/route");
const csvRoute = await import("@/app/api/teacher/sets/[id]/gradebook.csv/route");
const attemptsRoute = await import("@/app/api/teacher/sets/[id]/attempts.csv/route");
const teacherInstanceRoute = await import("@/app/api/teacher/instances/[id]/route");
const overrideRoute = await import("@/app/api/teacher/instances/[id]/override/route");

const problemOf = async (instanceId: string) =>
  (await getDb().problemInstance.findUniqueOrThrow({ where: { id: instanceId } }))
    .problem as unknown as Problem;

const snapshot = async (setId: string) => ({
  set: await getDb().problemSet.findUniqueOrThrow({ where: { id: setId }, include: { items: true } }),
  instances: await getDb().problemInstance.findMany({
    where: { assignmentItem: { setId } },
    orderBy: { id: "asc" },
  }),
});

beforeEach(() => {
  session.user = null;
});

describe("classes", () => {
  it("a teacher creates a class with an unambiguous code; learners join with the code in any spelling", async () => {
    const { teacher, ann, bob, cls } = await world();
    expect(cls.joinCode).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{8}$/);
    const view = await getClassForTeacher({ actor: teacher, classId: cls.id });
    expect(view.roster.map((r) => r.displayName).sort()).toEqual([ann.displayName, bob.displayName].sort());
    expect(await listMyClasses({ actor: ann })).toEqual([
      { id: cls.id, name: "Calculus A", teacher: teacher.displayName },
    ]);
    await expectAppError(joinClass({ actor: ann, input: { code: "AAAA-AAAA" } }), "NOT_FOUND");
    await expectAppError(joinClass({ actor: ann, input: { code: "x".repeat(100) } }), "INVALID_INPUT");
  });

  it("a learner can be in several classes", async () => {
    const { ann } = await world();
    const t2 = await user("teacher");
    const c2 = await createClass({ actor: t2, input: { name: "Calculus B" } });
    await joinClass({ actor: ann, input: { code: c2.joinCode } });
    expect((await listMyClasses({ actor: ann })).map((c) => c.name).sort()).toEqual([
      "Calculus A",
      "Calculus B",
    ]);
  });

  it("only the class's teacher sees the roster, rotates the code or removes students", async () => {
    const { teacher, otherTeacher, ann, cls } = await world();
    await expectAppError(getClassForTeacher({ actor: otherTeacher, classId: cls.id }), "NOT_FOUND");
    await expectAppError(getClassForTeacher({ actor: ann, classId: cls.id }), "FORBIDDEN");
    await expectAppError(getClassForTeacher({ actor: teacher, classId: "not-a-uuid" }), "NOT_FOUND");
    await expectAppError(createClass({ actor: ann, input: { name: "Mine" } }), "FORBIDDEN");
    await expectAppError(rotateJoinCode({ actor: otherTeacher, classId: cls.id }), "NOT_FOUND");
    await expectAppError(
      removeStudent({ actor: otherTeacher, classId: cls.id, userId: ann.id }),
      "NOT_FOUND",
    );
    await expectAppError(removeStudent({ actor: ann, classId: cls.id, userId: ann.id }), "FORBIDDEN");
    const row = await getDb().class.findUniqueOrThrow({ where: { id: cls.id } });
    expect(row.joinCode).toBe(cls.joinCode);
    expect(await getDb().enrollment.count({ where: { classId: cls.id, removedAt: null } })).toBe(2);

    const { joinCode } = await rotateJoinCode({ actor: teacher, classId: cls.id });
    expect(joinCode).not.toBe(cls.joinCode);
    const newcomer = await user("learner");
    await expectAppError(joinClass({ actor: newcomer, input: { code: cls.joinCode } }), "NOT_FOUND");
    await joinClass({ actor: newcomer, input: { code: joinCode } });
  });

  it("a removed student loses the class and its sets; their results stay, marked removed", async () => {
    const { teacher, ann, cls, set } = await world();
    const mine = await openAll(ann, set.id);
    const first = mine.problems[0]!;
    await submitAnswer({
      actor: ann,
      instanceId: first.instanceId,
      input: { clientSubmissionId: randomUUID(), answer: "12345", elapsedMs: 1000 },
    });
    await removeStudent({ actor: teacher, classId: cls.id, userId: ann.id });
    await expectAppError(removeStudent({ actor: teacher, classId: cls.id, userId: ann.id }), "NOT_FOUND");

    expect(await listMyClasses({ actor: ann })).toEqual([]);
    expect(await listMyAssignments({ actor: ann })).toEqual([]);
    await expectAppError(openAssignment({ actor: ann, setId: set.id }), "NOT_FOUND");
    const second = mine.problems[1]!;
    const before = await getDb().submission.count({ where: { userId: ann.id } });
    await expectAppError(
      submitAnswer({
        actor: ann,
        instanceId: second.instanceId,
        input: { clientSubmissionId: randomUUID(), answer: "1", elapsedMs: 10 },
      }),
      "FORBIDDEN",
    );
    expect(await getDb().submission.count({ where: { userId: ann.id } })).toBe(before);

    const book = await getGradebook({ actor: teacher, setId: set.id });
    const row = book.rows.find((r) => r.userId === ann.id)!;
    expect(row.removed).toBe(true);
    expect(row.cells[`${book.columns[0]!.key}`]?.finished).toBe(true);
    // A reset link only for current students.
    await expectAppError(
      issueStudentResetLink({ actor: teacher, classId: cls.id, userId: ann.id }),
      "NOT_FOUND",
    );
  });

  it("a removed student cannot write on an old assignment problem (hint, report, reveal); a current one can", async () => {
    const { teacher, ann, bob, cls, set } = await world();
    const annProblems = await openAll(ann, set.id);
    const bobProblems = await openAll(bob, set.id);
    await removeStudent({ actor: teacher, classId: cls.id, userId: ann.id });
    const id = annProblems.problems[0]!.instanceId;
    await expectAppError(takeHint({ actor: ann, instanceId: id, input: { step: 1 } }), "FORBIDDEN");
    await expectAppError(
      reportGrading({ actor: ann, instanceId: id, input: { comment: "the grading is wrong" } }),
      "FORBIDDEN",
    );
    await expectAppError(
      revealAnswer({ actor: ann, instanceId: id, input: { clientSubmissionId: randomUUID() } }),
      "FORBIDDEN",
    );
    const row = await getDb().problemInstance.findUniqueOrThrow({ where: { id } });
    expect(row.hintUsedAt).toBeNull();
    expect(row.finishedAt).toBeNull();
    expect(await getDb().gradingReport.count({ where: { instanceId: id } })).toBe(0);
    // Bob, still in the class, takes the hint and files a report.
    const bobs = bobProblems.problems[0]!.instanceId;
    await takeHint({ actor: bob, instanceId: bobs, input: { step: 1 } });
    await reportGrading({ actor: bob, instanceId: bobs, input: { comment: "the grading is wrong" } });
    expect(
      (await getDb().problemInstance.findUniqueOrThrow({ where: { id: bobs } })).hintUsedAt,
    ).not.toBeNull();
    expect(await getDb().gradingReport.count({ where: { instanceId: bobs } })).toBe(1);
  });

  it("a student who deletes their account stays in the gradebook as a deleted student, without personal data", async () => {
    const { teacher, ann, set } = await world();
    const mine = await openAll(ann, set.id);
    await submitAnswer({
      actor: ann,
      instanceId: mine.problems[0]!.instanceId,
      input: { clientSubmissionId: randomUUID(), answer: "12345", elapsedMs: 1000 },
    });
    await getDb().user.update({
      where: { id: ann.id },
      data: { passwordHash: await hashPassword("ann's long password") },
    });
    await expectAppError(
      deleteOwnAccount({ actor: ann, input: { password: "not it at all" } }),
      "WRONG_PASSWORD",
    );
    await deleteOwnAccount({ actor: ann, input: { password: "ann's long password" } });
    const book = await getGradebook({ actor: teacher, setId: set.id });
    const row = book.rows.find((r) => r.userId === ann.id)!;
    expect(row.displayName).toBe(DELETED_STUDENT);
    expect(row.removed).toBe(true);
    expect(row.cells[`${book.columns[0]!.key}`]?.tries).toBe(1);
    expect(JSON.stringify(book)).not.toContain(ann.displayName);
    const gone = await getDb().user.findUniqueOrThrow({ where: { id: ann.id } });
    expect(gone.email).not.toBe(ann.email);
    expect(await getDb().user.count({ where: { email: ann.email } })).toBe(0);
  });

  it("a teacher issues a one-time reset link only for a current student of their class", async () => {
    const { teacher, otherTeacher, ann, outsider, cls } = await world();
    await expectAppError(
      issueStudentResetLink({ actor: otherTeacher, classId: cls.id, userId: ann.id }),
      "NOT_FOUND",
    );
    await expectAppError(issueStudentResetLink({ actor: ann, classId: cls.id, userId: ann.id }), "FORBIDDEN");
    await expectAppError(
      issueStudentResetLink({ actor: teacher, classId: cls.id, userId: outsider.id }),
      "NOT_FOUND",
    );
    await expectAppError(
      issueStudentResetLink({ actor: teacher, classId: cls.id, userId: teacher.id }),
      "NOT_FOUND",
    );
    expect(
      await getDb().passwordResetToken.count({
        where: { userId: { in: [ann.id, outsider.id, teacher.id] } },
      }),
    ).toBe(0);
    const { token } = await issueStudentResetLink({ actor: teacher, classId: cls.id, userId: ann.id });
    expect(await describeResetToken(token)).toEqual({ displayName: ann.displayName });
    const row = await getDb().passwordResetToken.findFirstOrThrow({ where: { userId: ann.id } });
    expect(row.issuedById).toBe(teacher.id);
  });
});

describe("problem sets", () => {
  it("a typed problem the core cannot key is refused with a clear message, and nothing is stored", async () => {
    const { teacher, set } = await world();
    const before = await getDb().problemSetItem.count({ where: { setId: set.id } });
    const refused = async (input: unknown, pattern: RegExp) => {
      const e = await addAuthoredItem({ actor: teacher, setId: set.id, input }).then(
        () => null,
        (x: unknown) => x,
      );
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe("INVALID_INPUT");
      expect((e as AppError).message).toMatch(pattern);
    };
    // "sinx" reads as sin(x) (with a warning); the bracket left open cannot be read.
    await refused({ kind: "derivative", f: "sinx(", var: "x" }, /cannot be read.*after '\('/);
    await refused(
      { kind: "derivative", f: "floor(x)", var: "x" },
      /^floor is not a supported function \(supported: sin, cos, /,
    );
    await refused(
      {
        kind: "limit",
        f: "exp(exp(x - exp(-x))/(1 - 1/x)) - exp(exp(x))",
        var: "x",
        to: "inf",
        side: "both",
      },
      /cannot decide/,
    );
    await refused({ kind: "partial", f: "x y", vars: ["x", "y"], wrt: "z" }, /not one of the variables/);
    await refused({ kind: "gradient", f: "x", vars: ["x"] }, /at least two variables/);
    expect(await getDb().problemSetItem.count({ where: { setId: set.id } })).toBe(before);
  });

  it("only the set's teacher edits it; learners are refused outright", async () => {
    const { otherTeacher, ann, set } = await world();
    const before = await snapshot(set.id);
    await expectAppError(
      addCatalogueItem({ actor: otherTeacher, setId: set.id, input: { skillId: "tangent-line", count: 1 } }),
      "NOT_FOUND",
    );
    await expectAppError(
      addCatalogueItem({ actor: ann, setId: set.id, input: { skillId: "tangent-line", count: 1 } }),
      "FORBIDDEN",
    );
    await expectAppError(
      updateSet({ actor: otherTeacher, setId: set.id, input: { ...SETTINGS, title: "Hacked" } }),
      "NOT_FOUND",
    );
    await expectAppError(
      setExtension({
        actor: otherTeacher,
        setId: set.id,
        input: { userId: ann.id, dueAt: new Date().toISOString() },
      }),
      "NOT_FOUND",
    );
    expect(await snapshot(set.id)).toEqual(before);
  });

  it("a draft does not exist for students; editing a published set keeps students' problems, which follow the new tries", async () => {
    const { teacher, ann, cls, set } = await world();
    const draft = await createSet({
      actor: teacher,
      classId: cls.id,
      input: { ...SETTINGS, title: "Draft" },
    });
    await addCatalogueItem({ actor: teacher, setId: draft.id, input: { skillId: "tangent-line", count: 1 } });
    await expectAppError(openAssignment({ actor: ann, setId: draft.id }), "NOT_FOUND");
    expect((await listMyAssignments({ actor: ann })).map((a) => a.title)).toEqual(["Week 1"]);

    const first = await openAll(ann, set.id);
    await updateSet({
      actor: teacher,
      setId: set.id,
      input: { ...SETTINGS, title: "Week 1 (revised)", triesAllowed: 3 },
    });
    await addCatalogueItem({ actor: teacher, setId: set.id, input: { skillId: "tangent-line", count: 1 } });
    const again = await openAll(ann, set.id);
    expect(again.title).toBe("Week 1 (revised)");
    // The same problems (nothing reissued), with the tries the set allows now.
    expect(again.problems.slice(0, 3).map((p) => [p.instanceId, p.maxTries])).toEqual(
      first.problems.map((p) => [p.instanceId, 3]),
    );
    expect(again.problems).toHaveLength(4);
  });
});

describe("assignments", () => {
  it("seeds are stable across visits and distinct across students; concurrent first visits create one instance each", async () => {
    const { ann, bob, set } = await world();
    const listed = await openAssignment({ actor: ann, setId: set.id });
    const open = (p: (typeof listed.problems)[number]) =>
      openAssignmentProblem({ actor: ann, setId: set.id, input: { itemId: p.itemId, copy: p.copy } });
    const twice = await Promise.all(listed.problems.flatMap((p) => [open(p), open(p)]));
    for (let i = 0; i < twice.length; i += 2) expect(twice[i]).toEqual(twice[i + 1]);
    const a1 = await openAssignment({ actor: ann, setId: set.id });
    expect(a1.problems.map((p) => p.instanceId)).toEqual(
      twice.filter((_, i) => i % 2 === 0).map((x) => x.instanceId),
    );
    expect(await getDb().problemInstance.count({ where: { userId: ann.id } })).toBe(3);
    const again = await openAll(ann, set.id);
    expect(again.problems.map((p) => p.instanceId)).toEqual(a1.problems.map((p) => p.instanceId));

    const b = await openAll(bob, set.id);
    const annRows = await getDb().problemInstance.findMany({
      where: { userId: ann.id },
      orderBy: [{ assignmentItemId: "asc" }, { copy: "asc" }],
    });
    const bobRows = await getDb().problemInstance.findMany({
      where: { userId: bob.id },
      orderBy: [{ assignmentItemId: "asc" }, { copy: "asc" }],
    });
    const catalogue = (rows: typeof annRows) => rows.filter((r) => r.skillId === "derivative-power-rule");
    const isTyped = (r: (typeof annRows)[number]) => (r.problem as unknown as Problem).skill === "authored";
    expect(catalogue(annRows).map((r) => r.seed)).not.toEqual(catalogue(bobRows).map((r) => r.seed));
    expect(new Set(catalogue(annRows).map((r) => r.seed)).size).toBe(2);
    expect(b.problems).toHaveLength(3);
    // The typed problem is the same for everyone.
    const typed = (rows: typeof annRows) => rows.find(isTyped)!.problem;
    expect(typed(annRows)).toEqual(typed(bobRows));
  });

  it("a student sees no key before finishing, and never another student's problem", async () => {
    const { ann, bob, outsider, set } = await world();
    const mine = await openAll(ann, set.id);
    const p = await problemOf(mine.problems[2]!.instanceId);
    expect(JSON.stringify(mine)).not.toContain(String(p.answer));
    const view = await getInstance({ actor: ann, instanceId: mine.problems[2]!.instanceId });
    expect(view.key).toBeUndefined();
    await expectAppError(getInstance({ actor: bob, instanceId: mine.problems[2]!.instanceId }), "NOT_FOUND");
    await expectAppError(openAssignment({ actor: outsider, setId: set.id }), "NOT_FOUND");
    await expectAppError(
      submitAnswer({
        actor: bob,
        instanceId: mine.problems[2]!.instanceId,
        input: { clientSubmissionId: randomUUID(), answer: String(p.answer), elapsedMs: 5 },
      }),
      "NOT_FOUND",
    );
    expect(await getDb().submission.count({ where: { instanceId: mine.problems[2]!.instanceId } })).toBe(0);
  });

  it("results are graded as in practice and count as reviews for the student's schedule", async () => {
    const { ann, set } = await world();
    const mine = await openAll(ann, set.id);
    const typed = mine.problems[2]!;
    const r = await submitAnswer({
      actor: ann,
      instanceId: typed.instanceId,
      input: { clientSubmissionId: randomUUID(), answer: "3x^2 + 2", elapsedMs: 4000 },
    });
    expect(r.feedback.correct).toBe(true);
    expect(r.instance.key?.text).toBe("3*x^2 + 2");
    // The typed derivative is a review of the catalogue skill with the same method.
    const review = await getDb().review.findUniqueOrThrow({ where: { instanceId: typed.instanceId } });
    expect(review.skillId).toBe("derivative-combined-rules");
    expect(
      await getDb().skillCard.count({ where: { userId: ann.id, skillId: "derivative-combined-rules" } }),
    ).toBe(1);
    expect(await getDb().skillCard.count({ where: { userId: ann.id, skillId: "authored" } })).toBe(0);
    const again = await openAll(ann, set.id);
    expect(again.problems[2]).toMatchObject({ finished: true, outcome: "right" });
  });

  it("a set that hides solutions keeps the key and worked solution from the student after the last try", async () => {
    const { ann, set } = await world({ showSolution: false });
    const mine = await openAll(ann, set.id);
    const r = await submitAnswer({
      actor: ann,
      instanceId: mine.problems[2]!.instanceId,
      input: { clientSubmissionId: randomUUID(), answer: "1", elapsedMs: 10 },
    });
    expect(r.instance.finished).toBe(true);
    expect(r.instance.key).toBeUndefined();
    expect(r.instance.solution).toBeUndefined();
    expect(JSON.stringify(r)).not.toContain("3*x^2");
  });

  it("late answers: refused after the due date under 'refuse', unless the student has an extension; flagged under 'accept'", async () => {
    const past = new Date(Date.now() - 3600_000).toISOString();
    const { teacher, ann, bob, set } = await world();
    const opened = await openAll(bob, set.id);
    await updateSet({
      actor: teacher,
      setId: set.id,
      input: { ...SETTINGS, latePolicy: "refuse", dueAt: past },
    });
    // A closed set opens no new problem...
    const listed = await openAssignment({ actor: ann, setId: set.id });
    expect(listed.closed).toBe(true);
    const typed = { itemId: listed.problems[2]!.itemId, copy: 0 };
    await expectAppError(openAssignmentProblem({ actor: ann, setId: set.id, input: typed }), "FORBIDDEN");
    expect(await getDb().problemInstance.count({ where: { userId: ann.id } })).toBe(0);
    // ...and refuses tries on one opened before the due date.
    const id = opened.problems[2]!.instanceId;
    await expectAppError(
      submitAnswer({
        actor: bob,
        instanceId: id,
        input: { clientSubmissionId: randomUUID(), answer: "3x^2+2", elapsedMs: 10 },
      }),
      "FORBIDDEN",
    );
    expect(await getDb().submission.count({ where: { instanceId: id } })).toBe(0);
    await setExtension({
      actor: teacher,
      setId: set.id,
      input: { userId: bob.id, dueAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    const ok = await submitAnswer({
      actor: bob,
      instanceId: id,
      input: { clientSubmissionId: randomUUID(), answer: "3x^2+2", elapsedMs: 10 },
    });
    expect(ok.feedback.correct).toBe(true);

    await updateSet({
      actor: teacher,
      setId: set.id,
      input: { ...SETTINGS, dueAt: past, latePolicy: "accept_flagged" },
    });
    const a = await openAll(ann, set.id);
    const late = await submitAnswer({
      actor: ann,
      instanceId: a.problems[2]!.instanceId,
      input: { clientSubmissionId: randomUUID(), answer: "3x^2+2", elapsedMs: 10 },
    });
    expect(late.instance.late).toBe(true);
    expect(
      (await getDb().problemInstance.findUniqueOrThrow({ where: { id: a.problems[2]!.instanceId } })).late,
    ).toBe(true);
  });
});

describe("the gradebook", () => {
  async function worked() {
    const w = await world();
    const mine = await openAll(w.ann, w.set.id);
    const wrongId = mine.problems[0]!.instanceId;
    const wrong = await submitAnswer({
      actor: w.ann,
      instanceId: wrongId,
      input: { clientSubmissionId: randomUUID(), answer: "12345", elapsedMs: 3000 },
    });
    await submitAnswer({
      actor: w.ann,
      instanceId: mine.problems[2]!.instanceId,
      input: { clientSubmissionId: randomUUID(), answer: "3x^2 + 2", elapsedMs: 2000 },
    });
    const report = await reportGrading({
      actor: w.ann,
      instanceId: wrongId,
      input: { comment: "I think my answer is right", submissionId: wrong.feedback.submissionId },
    });
    return { ...w, wrongId, report };
  }

  it("shows each student's results, class accuracy and retention; an override with a note changes the score and the student sees it", async () => {
    const { teacher, ann, bob, set, wrongId, report } = await worked();
    const book = await getGradebook({ actor: teacher, setId: set.id });
    const annRow = book.rows.find((r) => r.userId === ann.id)!;
    expect(annRow).toMatchObject({ score: 1, total: 3, removed: false });
    expect(book.rows.find((r) => r.userId === bob.id)).toMatchObject({ score: 0 });
    expect(book.columns.map((c) => c.accuracy)).toEqual([0, null, 1]);
    expect(book.retention).toEqual([
      expect.objectContaining({ skillId: "derivative-power-rule", students: 1 }),
    ]);
    expect(book.reports).toEqual([
      expect.objectContaining({ id: report.id, status: "open", answer: "12345" }),
    ]);

    const teacherView = await getStudentInstanceForTeacher({ actor: teacher, instanceId: wrongId });
    expect(teacherView.view.key).toBeDefined();

    await overrideVerdict({
      actor: teacher,
      instanceId: wrongId,
      input: { accept: true, note: "Fine by me", reportId: report.id },
    });
    const after = await getGradebook({ actor: teacher, setId: set.id });
    expect(after.rows.find((r) => r.userId === ann.id)).toMatchObject({ score: 2 });
    expect(after.reports[0]).toMatchObject({ status: "accepted", note: "Fine by me" });
    const seen = await openAll(ann, set.id);
    expect(seen.problems[0]!.override).toEqual({ accepted: true, note: "Fine by me" });
    expect((await getInstance({ actor: ann, instanceId: wrongId })).override).toEqual({
      accepted: true,
      note: "Fine by me",
    });
  });

  it("is refused to everyone else, with nothing changed", async () => {
    const { otherTeacher, ann, bob, set, wrongId, report } = await worked();
    for (const actor of [otherTeacher, ann, bob]) {
      const code = actor.role === "teacher" ? "NOT_FOUND" : "FORBIDDEN";
      await expectAppError(getGradebook({ actor, setId: set.id }), code);
      await expectAppError(gradebookCsv({ actor, setId: set.id }), code);
      await expectAppError(getStudentInstanceForTeacher({ actor, instanceId: wrongId }), code);
      await expectAppError(
        overrideVerdict({
          actor,
          instanceId: wrongId,
          input: { accept: true, note: "mine now", reportId: report.id },
        }),
        code,
      );
    }
    const row = await getDb().problemInstance.findUniqueOrThrow({ where: { id: wrongId } });
    expect(row.overrideCorrect).toBeNull();
    expect((await getDb().gradingReport.findUniqueOrThrow({ where: { id: report.id } })).status).toBe("open");
  });

  it("exports CSV with a BOM, a header and one quoted row per student", async () => {
    const { teacher, ann, set } = await worked();
    const { body } = await gradebookCsv({ actor: teacher, setId: set.id });
    expect(
      body.startsWith(
        '\uFEFF"email","student number","name","status","score","score after penalty","total","late","minutes"',
      ),
    ).toBe(true);
    const lines = body.slice(1).trimEnd().split("\r\n");
    expect(lines).toHaveLength(3);
    const annLine = lines.find((l) => l.startsWith(`"${ann.email}"`))!;
    expect(annLine).toContain(`"${ann.email}","","${ann.displayName}","enrolled","1","1","3",""`);
  });
});

describe("the student's list", () => {
  it("groups sets as overdue, due soon, open and done, with each student's due date (extensions count)", async () => {
    const { teacher, ann, bob, cls, set } = await world({
      dueAt: new Date(Date.now() - 3600_000).toISOString(),
    });
    const soon = await createSet({
      actor: teacher,
      classId: cls.id,
      input: { ...SETTINGS, title: "Soon", dueAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    await addAuthoredItem({
      actor: teacher,
      setId: soon.id,
      input: { kind: "gradient", f: "x y", vars: ["x", "y"] },
    });
    await publishSet({ actor: teacher, setId: soon.id });
    const later = await createSet({
      actor: teacher,
      classId: cls.id,
      input: { ...SETTINGS, title: "Not yet open", opensAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    await addAuthoredItem({
      actor: teacher,
      setId: later.id,
      input: { kind: "gradient", f: "x y", vars: ["x", "y"] },
    });
    await publishSet({ actor: teacher, setId: later.id });
    await expectAppError(openAssignment({ actor: ann, setId: later.id }), "NOT_FOUND");

    const s = await openAll(ann, soon.id);
    await submitAnswer({
      actor: ann,
      instanceId: s.problems[0]!.instanceId,
      input: { clientSubmissionId: randomUUID(), answer: "(y, x)", elapsedMs: 10 },
    });
    const annList = await listMyAssignments({ actor: ann });
    expect(annList.map((a) => [a.title, a.status, a.finished, a.total])).toEqual([
      ["Week 1", "overdue", 0, 3],
      ["Soon", "done", 1, 1],
    ]);
    await setExtension({
      actor: teacher,
      setId: set.id,
      input: { userId: bob.id, dueAt: new Date(Date.now() + 3600_000).toISOString() },
    });
    const bobList = await listMyAssignments({ actor: bob });
    expect(bobList.map((a) => [a.title, a.status])).toEqual([
      ["Week 1", "due_soon"],
      ["Soon", "due_soon"],
    ]);
  });
});

describe("the attempts export", () => {
  it("has every try, with a student's formula-like answer neutralised", async () => {
    const { teacher, ann, set } = await world();
    const mine = await openAll(ann, set.id);
    await submitAnswer({
      actor: ann,
      instanceId: mine.problems[2]!.instanceId,
      input: { clientSubmissionId: randomUUID(), answer: "-3x^2 - 2", elapsedMs: 1500 },
    });
    const { body, filename } = await attemptsCsv({ actor: teacher, setId: set.id });
    expect(filename).toBe("attempts-week-1.csv");
    const lines = body.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      '"email","student number","name","problem","copy","try","answer","verdict","diagnosis","seconds","submitted (UTC)"',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"${ann.email}","","${ann.displayName}"`);
    expect(lines[1]).toContain(`"'-3x^2 - 2","wrong","sign_error","1.5"`);
  });
});

describe("routes", () => {
  const call = (
    handler: (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>,
    params: Record<string, string>,
    init?: RequestInit,
  ) => handler(new Request("http://localhost/x", init), { params: Promise.resolve(params) });

  it("signed out: 401 everywhere, nothing changed", async () => {
    const { set, cls, wrongId } = await (async () => {
      const w = await world();
      const mine = await openAll(w.ann, w.set.id);
      return { ...w, wrongId: mine.problems[0]!.instanceId };
    })();
    session.user = null;
    const before = await getDb().enrollment.count({ where: { classId: cls.id } });
    const responses = [
      await joinRoute.POST(appPost({ code: cls.joinCode })),
      await assignmentsRoute.GET(),
      await call(assignmentRoute.GET as never, { setId: set.id }),
      await openRoute.POST(appPost({ itemId: set.id, copy: 0 }), {
        params: Promise.resolve({ setId: set.id }),
      }),
      await call(gradebookRoute.GET as never, { id: set.id }),
      await call(csvRoute.GET as never, { id: set.id }),
      await call(attemptsRoute.GET as never, { id: set.id }),
      await call(teacherInstanceRoute.GET as never, { id: wrongId }),
      await overrideRoute.POST(appPost({ accept: true, note: "x" }), {
        params: Promise.resolve({ id: wrongId }),
      }),
    ];
    expect(responses.map((r) => r.status)).toEqual(Array(9).fill(401));
    expect(await getDb().enrollment.count({ where: { classId: cls.id } })).toBe(before);
  });

  it("the CSV route: 403 for a learner, 404 for another teacher, the file for the set's teacher", async () => {
    const { teacher, otherTeacher, ann, set } = await world();
    session.user = ann;
    expect((await call(csvRoute.GET as never, { id: set.id })).status).toBe(403);
    session.user = otherTeacher;
    const other = await call(csvRoute.GET as never, { id: set.id });
    expect(other.status).toBe(404);
    expect(await other.text()).not.toContain(ann.displayName);
    session.user = teacher;
    const ok = await call(csvRoute.GET as never, { id: set.id });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(ok.headers.get("content-disposition")).toMatch(/attachment; filename="gradebook-week-1\.csv"/);
    const bytes = new Uint8Array(await ok.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("joining by route: a bad code is 404, a malformed body 400, the right code joins", async () => {
    const { cls } = await world();
    const me = await user("learner");
    session.user = me;
    const post = (body: string) => joinRoute.POST(appPost(body));
    expect((await post("{not json")).status).toBe(400);
    expect((await post(JSON.stringify({ code: "QQQQ-QQQQ" }))).status).toBe(404);
    expect((await post(JSON.stringify({ code: cls.joinCode }))).status).toBe(200);
    expect(await getDb().enrollment.count({ where: { classId: cls.id, userId: me.id } })).toBe(1);
  });

  it("a student's assignment by route: the student gets it; another learner 404; the teacher sees the instance with its key", async () => {
    const { teacher, ann, outsider, set } = await world();
    session.user = outsider;
    expect((await call(assignmentRoute.GET as never, { setId: set.id })).status).toBe(404);
    session.user = ann;
    const res = await call(assignmentRoute.GET as never, { setId: set.id });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      problems: { instanceId: string | null; itemId: string; copy: number }[];
    };
    // Looking at the set creates nothing; starting a problem creates it.
    expect(body.problems.map((p) => p.instanceId)).toEqual([null, null, null]);
    const typed = { itemId: body.problems[2]!.itemId, copy: body.problems[2]!.copy };
    const start = () => openRoute.POST(appPost(typed), { params: Promise.resolve({ setId: set.id }) });
    session.user = outsider;
    expect((await start()).status).toBe(404);
    expect(await getDb().problemInstance.count({ where: { assignmentItemId: typed.itemId } })).toBe(0);
    session.user = ann;
    const opened = await start();
    expect(opened.status).toBe(200);
    const id = ((await opened.json()) as { instanceId: string }).instanceId;
    expect(await getDb().problemInstance.count({ where: { assignmentItemId: typed.itemId } })).toBe(1);
    expect((await call(teacherInstanceRoute.GET as never, { id })).status).toBe(403);
    session.user = teacher;
    const seen = (await (await call(teacherInstanceRoute.GET as never, { id })).json()) as {
      view: { key?: { text: string } };
    };
    expect(seen.view.key?.text).toBe("3*x^2 + 2");
  });
});
