// Problem sets for the student: the list (due soon, overdue, done) and one set with the student's own
// problem instances, created on the first visit from seeds derived from (set, student, item, copy).
import "server-only";
import { type Prisma } from "@/lib/generated/prisma/client";
import { type Problem, generate } from "@/lib/problems";
import { scheduleSkillFor } from "@/lib/problems/authored";
import { now as clockNow } from "@/lib/server/clock";
import { getDb } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import type { ActingUser } from "@/lib/server/users/user.types";
import { assignmentSeed } from "@/lib/teaching/seed";
import { studentSet } from "@/lib/server/classes/access";
import { effectiveDue } from "./gate";
import { itemLabel } from "./sets";

export type AssignmentStatus = "due_soon" | "overdue" | "done" | "open";

export interface AssignmentSummary {
  id: string;
  title: string;
  className: string;
  dueAt: string | null;
  status: AssignmentStatus;
  finished: number;
  total: number;
}

/** The student's problem for one (item, copy): the teacher's typed problem, or a generated one from the stable seed. */
export function problemFor(
  setId: string,
  userId: string,
  item: { id: string; skillId: string | null; authored: unknown },
  copy: number,
): { skillId: string; seed: number; problem: Problem } {
  if (item.authored) {
    // The instance counts for the schedule of the catalogue skill with the same method.
    const problem = item.authored as Problem;
    return { skillId: scheduleSkillFor(problem), seed: 0, problem };
  }
  for (let attempt = 0; attempt < 20; attempt++) {
    const seed = assignmentSeed(setId, userId, item.id, copy, attempt);
    const g = generate(item.skillId!, seed);
    if (g.ok) return { skillId: item.skillId!, seed, problem: g.problem };
  }
  throw new AppError("INVALID_INPUT", "This skill could not make a problem; tell your teacher.");
}

const SOON_MS = 3 * 86_400_000;

export async function listMyAssignments(options: { actor: ActingUser }): Promise<AssignmentSummary[]> {
  const { actor } = options;
  const at = await clockNow();
  const sets = await getDb().problemSet.findMany({
    where: {
      publishedAt: { not: null },
      OR: [{ opensAt: null }, { opensAt: { lte: at } }],
      class: { enrollments: { some: { userId: actor.id, removedAt: null } } },
    },
    select: {
      id: true,
      title: true,
      dueAt: true,
      class: { select: { name: true } },
      extensions: { where: { userId: actor.id }, select: { dueAt: true } },
      items: {
        select: { count: true, instances: { where: { userId: actor.id }, select: { finishedAt: true } } },
      },
    },
  });
  const out = sets.map((s) => {
    const total = s.items.reduce((n, i) => n + i.count, 0);
    const finished = s.items.reduce((n, i) => n + i.instances.filter((x) => x.finishedAt).length, 0);
    const due = effectiveDue(s, s.extensions[0]);
    const status: AssignmentStatus =
      total > 0 && finished >= total
        ? "done"
        : due && due < at
          ? "overdue"
          : due && due.getTime() - at.getTime() < SOON_MS
            ? "due_soon"
            : "open";
    return {
      id: s.id,
      title: s.title,
      className: s.class.name,
      dueAt: due?.toISOString() ?? null,
      status,
      finished,
      total,
    };
  });
  return out.sort((a, b) => (a.dueAt ?? "9999").localeCompare(b.dueAt ?? "9999"));
}

export interface AssignmentProblem {
  instanceId: string;
  label: string;
  copy: number;
  finished: boolean;
  outcome: "right" | "wrong" | "revealed" | null;
  triesUsed: number;
  maxTries: number;
  late: boolean;
  override: { accepted: boolean; note: string } | null;
}

/** One set for the student, creating their instances on the first visit (concurrent visits create one each). */
export async function openAssignment(options: { actor: ActingUser; setId: unknown }) {
  const { actor } = options;
  const set = await studentSet(actor, options.setId);
  const at = await clockNow();
  if (set.opensAt && set.opensAt > at) throw new AppError("NOT_FOUND", "No such problem set.");
  const wanted: Prisma.ProblemInstanceCreateManyInput[] = [];
  const existing = await getDb().problemInstance.findMany({
    where: { userId: actor.id, assignmentItemId: { in: set.items.map((i) => i.id) } },
    select: { assignmentItemId: true, copy: true },
  });
  const have = new Set(existing.map((e) => `${e.assignmentItemId}:${e.copy}`));
  for (const item of set.items) {
    for (let copy = 0; copy < item.count; copy++) {
      if (have.has(`${item.id}:${copy}`)) continue;
      const { skillId, seed, problem } = problemFor(set.id, actor.id, item, copy);
      wanted.push({
        userId: actor.id,
        skillId,
        seed,
        version: problem.version,
        problem: problem as unknown as Prisma.InputJsonValue,
        source: "assignment",
        assignmentItemId: item.id,
        copy,
        maxTries: set.triesAllowed,
        showSolution: set.showSolution,
        issuedAt: at,
      });
    }
  }
  if (wanted.length > 0) await getDb().problemInstance.createMany({ data: wanted, skipDuplicates: true });
  const instances = await getDb().problemInstance.findMany({
    where: { userId: actor.id, assignmentItemId: { in: set.items.map((i) => i.id) } },
    select: {
      id: true,
      assignmentItemId: true,
      copy: true,
      finishedAt: true,
      outcome: true,
      triesUsed: true,
      maxTries: true,
      late: true,
      overrideCorrect: true,
      overrideNote: true,
    },
  });
  const byKey = new Map(instances.map((i) => [`${i.assignmentItemId}:${i.copy}`, i]));
  const problems: AssignmentProblem[] = [];
  for (const item of set.items) {
    for (let copy = 0; copy < item.count; copy++) {
      const i = byKey.get(`${item.id}:${copy}`);
      if (!i) continue;
      problems.push({
        instanceId: i.id,
        label: item.count > 1 ? `${itemLabel(item)} (${copy + 1} of ${item.count})` : itemLabel(item),
        copy,
        finished: i.finishedAt !== null,
        outcome: i.outcome,
        triesUsed: i.triesUsed,
        maxTries: i.maxTries,
        late: i.late,
        override:
          i.overrideCorrect === null ? null : { accepted: i.overrideCorrect, note: i.overrideNote ?? "" },
      });
    }
  }
  const due = effectiveDue(set, set.extensions[0]);
  return {
    id: set.id,
    title: set.title,
    instructions: set.instructions,
    className: set.class.name,
    dueAt: due?.toISOString() ?? null,
    latePolicy: set.latePolicy,
    closed: due !== null && due < at && set.latePolicy === "refuse",
    problems,
  };
}
