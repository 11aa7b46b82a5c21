// The teacher's dashboard across their current classes: students' open reports of a grading problem
// (oldest first, each with the set and the problem to open), and published sets due in the next
// week or overdue by less than a day, with how many current students have not finished them.
import "server-only";
import { now as clockNow } from "@/lib/server/clock";
import { getDb } from "@/lib/server/db/client";
import type { ActingUser } from "@/lib/server/users/user.types";
import { assertTeacher } from "@/lib/server/classes/access";
import { identityOf, identitySelect } from "@/lib/server/classes/identity";
import type { StudentIdentity } from "@/lib/server/classes/classes.types";
import { hasFinished } from "@/lib/teaching/score";
import { itemLabel } from "./sets";

const DAY = 86_400_000;
export const DUE_AHEAD_DAYS = 7;

export interface DashboardReport {
  id: string;
  instanceId: string;
  setId: string;
  setTitle: string;
  className: string;
  problem: string;
  comment: string;
  createdAt: string;
  student: StudentIdentity | null;
}

export interface DueSoonSet {
  id: string;
  title: string;
  className: string;
  dueAt: string;
  /** Current students who have not finished every problem of it. */
  unfinished: number;
  students: number;
}

export async function getTeacherDashboard(options: {
  actor: ActingUser;
}): Promise<{ reports: DashboardReport[]; reportsTotal: number; dueSoon: DueSoonSet[] }> {
  const { actor } = options;
  assertTeacher(actor);
  const at = await clockNow();
  const inScope = { class: { teacherId: actor.id, archivedAt: null }, archivedAt: null };
  const reportWhere = {
    status: "open" as const,
    instance: { assignmentItem: { set: inScope } },
  };
  const [reports, reportsTotal, sets] = await Promise.all([
    getDb().gradingReport.findMany({
      where: reportWhere,
      orderBy: { createdAt: "asc" },
      take: 20,
      select: {
        id: true,
        comment: true,
        createdAt: true,
        instanceId: true,
        userId: true,
        instance: {
          select: {
            assignmentItem: {
              select: {
                skillId: true,
                authored: true,
                set: { select: { id: true, title: true, classId: true, class: { select: { name: true } } } },
              },
            },
          },
        },
      },
    }),
    getDb().gradingReport.count({ where: reportWhere }),
    getDb().problemSet.findMany({
      where: {
        ...inScope,
        publishedAt: { not: null },
        dueAt: { gt: new Date(at.getTime() - DAY), lte: new Date(at.getTime() + DUE_AHEAD_DAYS * DAY) },
      },
      orderBy: { dueAt: "asc" },
      select: {
        id: true,
        title: true,
        dueAt: true,
        classId: true,
        class: { select: { name: true } },
        items: { select: { id: true, count: true, excused: true, fullCredit: true } },
      },
    }),
  ]);
  // Who the reporters are in their class (email, student number), one query.
  const enrollments = await getDb().enrollment.findMany({
    where: {
      OR: reports.map((r) => ({ userId: r.userId, classId: r.instance.assignmentItem!.set.classId })),
    },
    select: { ...identitySelect, classId: true },
  });
  const who = new Map(enrollments.map((e) => [`${e.classId}:${e.userId}`, identityOf(e)]));
  const dueSoon = await withUnfinished(sets);
  return {
    reportsTotal,
    dueSoon,
    reports: reports.map((r) => {
      const item = r.instance.assignmentItem!;
      return {
        id: r.id,
        instanceId: r.instanceId,
        setId: item.set.id,
        setTitle: item.set.title,
        className: item.set.class.name,
        problem: itemLabel(item),
        comment: r.comment,
        createdAt: r.createdAt.toISOString(),
        student: who.get(`${item.set.classId}:${r.userId}`) ?? null,
      };
    }),
  };
}

/**
 * Each set with its number of current students and of those who have not finished it (`hasFinished`,
 * lib/teaching/score.ts), in three queries whatever the number of sets.
 */
async function withUnfinished(
  sets: {
    id: string;
    title: string;
    dueAt: Date | null;
    classId: string;
    class: { name: string };
    items: { id: string; count: number; excused: boolean; fullCredit: boolean }[];
  }[],
): Promise<DueSoonSet[]> {
  if (sets.length === 0) return [];
  const itemIds = sets.flatMap((s) => s.items.map((i) => i.id));
  const classIds = [...new Set(sets.map((s) => s.classId))];
  const [current, done, excusals] = await Promise.all([
    getDb().enrollment.findMany({
      where: { classId: { in: classIds }, removedAt: null },
      select: { classId: true, userId: true },
    }),
    getDb().problemInstance.groupBy({
      by: ["userId", "assignmentItemId"],
      where: {
        assignmentItemId: { in: itemIds },
        OR: [{ finishedAt: { not: null } }, { overrideCorrect: { not: null } }],
      },
      _count: { _all: true },
    }),
    getDb().itemExcusal.findMany({
      where: { itemId: { in: itemIds } },
      select: { userId: true, itemId: true },
    }),
  ]);
  const doneOf = new Map(done.map((r) => [`${r.userId}:${r.assignmentItemId}`, r._count._all]));
  const excused = new Set(excusals.map((x) => `${x.userId}:${x.itemId}`));
  return sets.map((s) => {
    const students = current.filter((e) => e.classId === s.classId).map((e) => e.userId);
    const finished = students.filter((u) =>
      hasFinished(
        s.items,
        (itemId) => doneOf.get(`${u}:${itemId}`) ?? 0,
        (itemId) => excused.has(`${u}:${itemId}`),
      ),
    ).length;
    return {
      id: s.id,
      title: s.title,
      className: s.class.name,
      dueAt: s.dueAt!.toISOString(),
      students: students.length,
      unfinished: students.length - finished,
    };
  });
}
