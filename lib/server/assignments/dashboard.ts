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
        items: { where: { excused: false, fullCredit: false }, select: { id: true, count: true } },
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
  const dueSoon: DueSoonSet[] = [];
  for (const s of sets) {
    const current = await getDb().enrollment.findMany({
      where: { classId: s.classId, removedAt: null },
      select: { userId: true },
    });
    const students = current.length;
    const finished = await finishedCount(
      current.map((e) => e.userId),
      s.items,
    );
    dueSoon.push({
      id: s.id,
      title: s.title,
      className: s.class.name,
      dueAt: s.dueAt!.toISOString(),
      students,
      unfinished: Math.max(0, students - finished),
    });
  }
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

/** Current students of the class who finished (or got a verdict on) every problem that counts for
 * them (an item excused for one student does not count for that student). */
async function finishedCount(userIds: string[], items: { id: string; count: number }[]): Promise<number> {
  if (items.length === 0 || userIds.length === 0) return 0;
  const countOf = new Map(items.map((i) => [i.id, i.count]));
  const needed = items.reduce((n, i) => n + i.count, 0);
  const [done, excusals] = await Promise.all([
    getDb().problemInstance.groupBy({
      by: ["userId", "assignmentItemId"],
      where: {
        assignmentItemId: { in: items.map((i) => i.id) },
        OR: [{ finishedAt: { not: null } }, { overrideCorrect: { not: null } }],
        userId: { in: userIds },
      },
      _count: { _all: true },
    }),
    getDb().itemExcusal.findMany({
      where: { itemId: { in: items.map((i) => i.id) }, userId: { in: userIds } },
      select: { userId: true, itemId: true },
    }),
  ]);
  const excused = new Set(excusals.map((x) => `${x.userId}:${x.itemId}`));
  const doneBy = new Map<string, number>();
  for (const r of done) {
    if (excused.has(`${r.userId}:${r.assignmentItemId}`)) continue;
    doneBy.set(r.userId, (doneBy.get(r.userId) ?? 0) + r._count._all);
  }
  const neededBy = (userId: string) =>
    needed -
    [...countOf].reduce((n, [itemId, count]) => n + (excused.has(`${userId}:${itemId}`) ? count : 0), 0);
  const users = new Set([...done.map((r) => r.userId), ...excusals.map((x) => x.userId)]);
  return [...users].filter((u) => (doneBy.get(u) ?? 0) >= neededBy(u)).length;
}
