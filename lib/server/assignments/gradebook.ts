// The teacher's gradebook of one set: students x problems (score, tries, time), per-item class
// accuracy, the commonest diagnosed mistakes, predicted retention per skill, grading reports with
// overrides, a student's instance with its key, and CSV exports. Scoped to the actor's own sets.
import "server-only";
import { getSkill } from "@/lib/problems";
import { fromRow, retrievabilityNow } from "@/lib/srs";
import { now as clockNow } from "@/lib/server/clock";
import { getDb } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import type { InstanceView } from "@/lib/server/practice/practice.types";
import { toView } from "@/lib/server/practice/view";
import type { Problem } from "@/lib/problems";
import { parametersOf } from "@/lib/problems/authored-template";
import { valuesText } from "@/lib/problems/parameters";
import type { ActingUser } from "@/lib/server/users/user.types";
import { toCsv } from "@/lib/teaching/csv";
import { resultWord } from "@/lib/teaching/gradebook-view";
import { type ScoredCell, isRight, scoreOf } from "@/lib/teaching/score";
import { assertTeacher, idOr404, ownSet, parseOrThrow } from "@/lib/server/classes/access";
import type { StudentIdentity } from "@/lib/server/classes/classes.types";
import { identityOf, identityOrder, identitySelect } from "@/lib/server/classes/identity";
import { itemLabel } from "./sets";
import { overrideInput } from "./sets.types";

export interface GradeCell {
  instanceId: string;
  finished: boolean;
  /** The verdict after any override. */
  correct: boolean;
  outcome: "right" | "wrong" | "revealed" | null;
  overridden: boolean;
  overrideCorrect: boolean | null;
  tries: number;
  durationMs: number | null;
  late: boolean;
}

export interface GradebookColumn {
  key: string;
  itemId: string;
  copy: number;
  label: string;
  skillId: string;
  points: number;
  excused: boolean;
  fullCredit: boolean;
  accuracy: number | null;
  mistakes: { code: string; count: number }[];
}

export interface GradebookRow extends StudentIdentity {
  removed: boolean;
  cells: Record<string, GradeCell | undefined>;
  /** Column keys excused for this student alone. */
  excused: string[];
  score: number;
  afterPenalty: number;
  total: number;
  late: boolean;
  timeMs: number;
}

const scoredCell = (i: {
  finishedAt: Date | null;
  outcome: string | null;
  overrideCorrect: boolean | null;
  late: boolean;
}): ScoredCell => ({
  finished: i.finishedAt !== null,
  outcome: i.outcome,
  overrideCorrect: i.overrideCorrect,
  late: i.late,
});

export async function getGradebook(options: { actor: ActingUser; setId: unknown }) {
  const set = await ownSet(options.actor, options.setId);
  const at = await clockNow();
  const [items, enrollments] = await Promise.all([
    getDb().problemSetItem.findMany({
      where: { setId: set.id },
      orderBy: { position: "asc" },
      include: { excusals: { select: { userId: true } } },
    }),
    getDb().enrollment.findMany({
      where: { classId: set.classId },
      select: { ...identitySelect, removedAt: true },
      orderBy: identityOrder,
    }),
  ]);
  const userIds = enrollments.map((e) => e.userId);
  const instances = await getDb().problemInstance.findMany({
    where: { assignmentItemId: { in: items.map((i) => i.id) }, userId: { in: userIds } },
    select: {
      id: true,
      userId: true,
      assignmentItemId: true,
      copy: true,
      finishedAt: true,
      outcome: true,
      triesUsed: true,
      durationMs: true,
      late: true,
      overrideCorrect: true,
      submissions: { where: { correct: false, diagnosis: { not: null } }, select: { diagnosis: true } },
    },
  });
  const columns: GradebookColumn[] = [];
  for (const item of items) {
    for (let copy = 0; copy < item.count; copy++) {
      const mine = instances.filter((i) => i.assignmentItemId === item.id && i.copy === copy);
      const finished = mine.filter((i) => i.finishedAt || i.overrideCorrect !== null);
      const counts = new Map<string, number>();
      for (const i of mine)
        for (const s of i.submissions) counts.set(s.diagnosis!, (counts.get(s.diagnosis!) ?? 0) + 1);
      columns.push({
        key: `${item.id}:${copy}`,
        itemId: item.id,
        copy,
        label: item.count > 1 ? `${itemLabel(item)} #${copy + 1}` : itemLabel(item),
        skillId: item.skillId ?? "authored",
        points: item.points,
        excused: item.excused,
        fullCredit: item.fullCredit,
        accuracy: finished.length
          ? finished.filter((i) => isRight(scoredCell(i))).length / finished.length
          : null,
        mistakes: [...counts]
          .map(([code, count]) => ({ code, count }))
          .sort((a, b) => b.count - a.count)
          .slice(0, 3),
      });
    }
  }
  const byUser = new Map<string, typeof instances>();
  for (const i of instances) byUser.set(i.userId, [...(byUser.get(i.userId) ?? []), i]);
  const rows: GradebookRow[] = enrollments.map((e) => {
    const cells: Record<string, GradeCell | undefined> = {};
    let timeMs = 0;
    for (const i of byUser.get(e.userId) ?? []) {
      timeMs += i.durationMs ?? 0;
      cells[`${i.assignmentItemId}:${i.copy}`] = {
        instanceId: i.id,
        finished: i.finishedAt !== null,
        correct: isRight(scoredCell(i)),
        outcome: i.outcome,
        overridden: i.overrideCorrect !== null,
        overrideCorrect: i.overrideCorrect,
        tries: i.triesUsed,
        durationMs: i.durationMs,
        late: i.late,
      };
    }
    const excused = columns
      .filter((c) => items.find((i) => i.id === c.itemId)?.excusals.some((x) => x.userId === e.userId))
      .map((c) => c.key);
    return {
      ...identityOf(e),
      removed: e.removedAt !== null,
      cells,
      excused,
      ...scoreOf(columns, cells, new Set(excused), set.latePenaltyPct),
      timeMs,
    };
  });

  // Recall predicted at the set's due date (or in a week once it has passed), and the mean stability,
  // per catalogue skill of the set, over the current students' cards.
  const skills = [...new Set(items.map((i) => i.skillId).filter((s): s is string => s !== null))];
  const active = enrollments.filter((e) => !e.removedAt).map((e) => e.userId);
  const cards = await getDb().skillCard.findMany({
    where: { userId: { in: active }, skillId: { in: skills } },
  });
  const recallAt = set.dueAt && set.dueAt > at ? set.dueAt : new Date(at.getTime() + 7 * 86_400_000);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  const retention = skills.map((skillId) => {
    const mine = cards
      .filter((c) => c.skillId === skillId)
      .map((c) =>
        fromRow({ ...c, due: c.due.toISOString(), lastReview: c.lastReview?.toISOString() ?? null }),
      )
      .filter((c) => c.lastReview !== null);
    return {
      skillId,
      title: getSkill(skillId)?.title ?? skillId,
      students: mine.length,
      recall: mean(mine.map((c) => retrievabilityNow(c, recallAt))),
      stabilityDays: mean(mine.map((c) => c.stability)),
    };
  });

  const reports = await getDb().gradingReport.findMany({
    where: { instance: { assignmentItemId: { in: items.map((i) => i.id) } } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      comment: true,
      status: true,
      resolutionNote: true,
      createdAt: true,
      instanceId: true,
      userId: true,
      submission: { select: { answer: true } },
    },
  });
  return {
    set: { id: set.id, title: set.title, classId: set.classId, className: set.class.name },
    columns,
    rows,
    retention,
    recallAt: { date: recallAt.toISOString(), atDue: recallAt === set.dueAt },
    reports: reports.map((r) => ({
      id: r.id,
      instanceId: r.instanceId,
      student: rows.find((row) => row.userId === r.userId) ?? null,
      comment: r.comment,
      status: r.status,
      note: r.resolutionNote,
      answer: r.submission ? answerText(r.submission.answer) : null,
      label:
        columns.find((c) =>
          instances.find((i) => i.id === r.instanceId && c.key === `${i.assignmentItemId}:${i.copy}`),
        )?.label ?? "",
    })),
  };
}

/** An instance of one of the actor's students (current or removed) on one of the actor's sets, and its set. */
async function teacherInstance(actor: ActingUser, rawId: unknown) {
  assertTeacher(actor);
  const id = idOr404(rawId, "No such problem.");
  const row = await getDb().problemInstance.findFirst({
    where: { id, assignmentItem: { set: { class: { teacherId: actor.id } } } },
    include: {
      submissions: { orderBy: { tryNumber: "asc" } },
      assignmentItem: { select: { setId: true, set: { select: { classId: true } } } },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", "No such problem.");
  return row;
}

/** The student of an instance as the class records name them. */
async function studentOf(userId: string, classId: string): Promise<StudentIdentity> {
  const e = await getDb().enrollment.findUnique({
    where: { classId_userId: { classId, userId } },
    select: identitySelect,
  });
  if (!e) throw new AppError("NOT_FOUND", "No such problem.");
  return identityOf(e);
}

/** A student's instance as the teacher sees it: always with its key and worked solution. */
export async function getStudentInstanceForTeacher(options: {
  actor: ActingUser;
  instanceId: unknown;
}): Promise<{
  student: StudentIdentity;
  setId: string;
  itemId: string;
  excused: boolean;
  view: InstanceView;
  /** The student's draw of the problem's random parameters ("a = 3, b = -2"; empty without). */
  parameters: string;
}> {
  const row = await teacherInstance(options.actor, options.instanceId);
  const view = toView(
    { ...row, showSolution: true, finishedAt: row.finishedAt ?? new Date(0) },
    row.submissions,
  );
  view.finished = row.finishedAt !== null;
  const student = await studentOf(row.userId, row.assignmentItem!.set.classId);
  const itemId = row.assignmentItemId!;
  const excusal = await getDb().itemExcusal.findUnique({
    where: { itemId_userId: { itemId, userId: row.userId } },
  });
  return {
    student,
    setId: row.assignmentItem!.setId,
    itemId,
    excused: excusal !== null,
    view,
    parameters: valuesText(parametersOf(row.problem as unknown as Problem)),
  };
}

/**
 * The teacher's verdict on a student's problem, finished or not, with a note the student sees; resolves
 * the report it answers. The score follows.
 */
export async function overrideVerdict(options: {
  actor: ActingUser;
  instanceId: unknown;
  input: unknown;
}): Promise<void> {
  const { actor } = options;
  const row = await teacherInstance(actor, options.instanceId);
  const input = parseOrThrow(overrideInput, options.input);
  const at = await clockNow();
  await getDb().$transaction(async (tx) => {
    await tx.problemInstance.update({
      where: { id: row.id },
      data: {
        overrideCorrect: input.accept,
        overrideNote: input.note,
        overriddenById: actor.id,
        overriddenAt: at,
      },
    });
    if (input.reportId) {
      const r = await tx.gradingReport.updateMany({
        where: { id: input.reportId, instanceId: row.id },
        data: {
          status: input.accept ? "accepted" : "dismissed",
          resolvedById: actor.id,
          resolutionNote: input.note,
          resolvedAt: at,
        },
      });
      if (r.count === 0) throw new AppError("NOT_FOUND", "No such report on this problem.");
    }
  });
}

/** A stored answer (a string, or a list of strings for vectors) as one line. */
function answerText(answer: unknown): string {
  if (typeof answer === "string") return answer;
  if (Array.isArray(answer))
    return answer.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(", ");
  return JSON.stringify(answer);
}

function minutes(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? "" : (ms / 60000).toFixed(1);
}

/**
 * One row per student; columns: email, student number, name, status, score, score after the late
 * penalty, total, late, minutes, then per problem: result, tries, minutes.
 */
export async function gradebookCsv(options: {
  actor: ActingUser;
  setId: unknown;
}): Promise<{ filename: string; body: string }> {
  const g = await getGradebook(options);
  const header = [
    "email",
    "student number",
    "name",
    "status",
    "score",
    "score after penalty",
    "total",
    "late",
    "minutes",
  ];
  for (const c of g.columns) header.push(`${c.label} - result`, `${c.label} - tries`, `${c.label} - minutes`);
  const rows = g.rows.map((r) => {
    const out: (string | number)[] = [
      r.email,
      r.studentNumber ?? "",
      r.displayName,
      r.removed ? "removed" : "enrolled",
      r.score,
      r.afterPenalty,
      r.total,
      r.late ? "late" : "",
      minutes(r.timeMs),
    ];
    for (const c of g.columns) {
      const cell = r.cells[c.key];
      const word = resultWord(c, r.excused, cell);
      const verdict = word === "right" || word === "wrong" || word === "revealed";
      const result = `${word}${verdict && cell?.overridden ? " (override)" : ""}${verdict && cell?.late ? " (late)" : ""}`;
      out.push(result, cell ? cell.tries : "", minutes(cell?.durationMs));
    }
    return out;
  });
  return { filename: `gradebook-${slug(g.set.title)}.csv`, body: toCsv(header, rows) };
}

/** Every try of every student on the set, oldest first. */
export async function attemptsCsv(options: {
  actor: ActingUser;
  setId: unknown;
}): Promise<{ filename: string; body: string }> {
  const set = await ownSet(options.actor, options.setId);
  const items = await getDb().problemSetItem.findMany({
    where: { setId: set.id },
    orderBy: { position: "asc" },
  });
  const enrollments = await getDb().enrollment.findMany({
    where: { classId: set.classId },
    select: identitySelect,
  });
  const who = new Map(enrollments.map((e) => [e.userId, identityOf(e)]));
  const subs = await getDb().submission.findMany({
    where: {
      instance: {
        assignmentItemId: { in: items.map((i) => i.id) },
        user: { enrollments: { some: { classId: set.classId } } },
      },
    },
    orderBy: [{ createdAt: "asc" }, { tryNumber: "asc" }],
    select: {
      tryNumber: true,
      answer: true,
      status: true,
      correct: true,
      diagnosis: true,
      elapsedMs: true,
      createdAt: true,
      userId: true,
      instance: { select: { assignmentItemId: true, copy: true } },
    },
  });
  const labelOf = new Map(items.map((i) => [i.id, itemLabel(i)]));
  const header = [
    "email",
    "student number",
    "name",
    "problem",
    "copy",
    "try",
    "answer",
    "verdict",
    "diagnosis",
    "seconds",
    "submitted (UTC)",
  ];
  const rows = subs.map((s) => [
    who.get(s.userId)?.email ?? "",
    who.get(s.userId)?.studentNumber ?? "",
    who.get(s.userId)?.displayName ?? "",
    labelOf.get(s.instance.assignmentItemId ?? "") ?? "",
    (s.instance.copy ?? 0) + 1,
    s.tryNumber,
    answerText(s.answer),
    s.correct ? "right" : s.status,
    s.diagnosis ?? "",
    (s.elapsedMs / 1000).toFixed(1),
    s.createdAt.toISOString(),
  ]);
  return { filename: `attempts-${slug(set.title)}.csv`, body: toCsv(header, rows) };
}

function slug(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 40) || "set"
  );
}
