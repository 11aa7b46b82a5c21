// Problem sets for the student: the list (due soon, overdue, done) and one set with the student's own
// problem instances, each created when the student first opens it, from seeds derived from (set,
// student, item, copy).
import "server-only";
import { z } from "zod";
import { type Prisma } from "@/lib/generated/prisma/client";
import { type Problem, generate } from "@/lib/problems";
import { scheduleSkillFor } from "@/lib/problems/authored";
import { type AuthoredItem, DRAW_SEEDS, drawAuthored } from "@/lib/problems/authored-template";
import { now as clockNow } from "@/lib/server/clock";
import { getDb } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import type { ActingUser } from "@/lib/server/users/user.types";
import { assignmentSeed } from "@/lib/teaching/seed";
import { closedMessage, closedReason } from "@/lib/teaching/closed";
import { parseOrThrow, studentSet } from "@/lib/server/classes/access";
import { effectiveDue } from "./gate";

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
    const authored = item.authored as AuthoredItem;
    if (!authored.template) {
      const { template: _none, ...problem } = authored;
      return { skillId: scheduleSkillFor(problem), seed: 0, problem };
    }
    // Random parameters: the student's own draw, the same on every visit (a seed whose draw cannot be
    // keyed moves to the next attempt, as for a generated problem).
    for (let attempt = 0; attempt < DRAW_SEEDS; attempt++) {
      const seed = assignmentSeed(setId, userId, item.id, copy, attempt);
      const problem = drawAuthored(authored.template, seed);
      if (problem) return { skillId: scheduleSkillFor(problem), seed, problem };
    }
    throw new AppError("INVALID_INPUT", "This problem could not be drawn; tell your teacher.");
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
      archivedAt: null,
      OR: [{ opensAt: null }, { opensAt: { lte: at } }],
      class: { archivedAt: null, enrollments: { some: { userId: actor.id, removedAt: null } } },
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
  itemId: string;
  /** Null until the student first opens the problem (its time counts from then). */
  instanceId: string | null;
  /** "Problem 3": never the skill's title, which could name the method. */
  label: string;
  /** The student's own problem typeset, once opened (null before). */
  latex: string | null;
  copy: number;
  finished: boolean;
  outcome: "right" | "wrong" | "revealed" | null;
  triesUsed: number;
  maxTries: number;
  late: boolean;
  /** Past its due date (the item's own and the student's extension count) under a refuse policy. */
  closed: boolean;
  /** Left out of this student's total by the teacher. */
  excused: boolean;
  override: { accepted: boolean; note: string } | null;
}

/** One set for the student, with each problem they have opened; nothing is created by looking. */
export async function openAssignment(options: { actor: ActingUser; setId: unknown }) {
  const { actor } = options;
  const set = await studentSet(actor, options.setId);
  const at = await clockNow();
  if (set.opensAt && set.opensAt > at) throw new AppError("NOT_FOUND", "No such problem set.");
  const instances = await getDb().problemInstance.findMany({
    where: { userId: actor.id, assignmentItemId: { in: set.items.map((i) => i.id) } },
    select: {
      id: true,
      assignmentItemId: true,
      copy: true,
      finishedAt: true,
      outcome: true,
      problem: true,
      triesUsed: true,
      maxTries: true,
      late: true,
      overrideCorrect: true,
      overrideNote: true,
    },
  });
  const byKey = new Map(instances.map((i) => [`${i.assignmentItemId}:${i.copy}`, i]));
  const excusedFor = new Set(
    (
      await getDb().itemExcusal.findMany({
        where: { userId: actor.id, itemId: { in: set.items.map((i) => i.id) } },
        select: { itemId: true },
      })
    ).map((x) => x.itemId),
  );
  const problems: AssignmentProblem[] = [];
  for (const item of set.items) {
    const itemDue = effectiveDue(set, set.extensions[0], item);
    for (let copy = 0; copy < item.count; copy++) {
      const i = byKey.get(`${item.id}:${copy}`);
      problems.push({
        itemId: item.id,
        instanceId: i?.id ?? null,
        label: `Problem ${problems.length + 1}`,
        latex: i ? (i.problem as unknown as Problem).latex : null,
        copy,
        finished: !!i?.finishedAt,
        outcome: i?.outcome ?? null,
        triesUsed: i?.triesUsed ?? 0,
        maxTries: i?.maxTries ?? set.triesAllowed,
        late: i?.late ?? false,
        closed: closedReason(set, itemDue, at) !== null,
        excused: item.excused || excusedFor.has(item.id),
        override:
          !i || i.overrideCorrect === null
            ? null
            : { accepted: i.overrideCorrect, note: i.overrideNote ?? "" },
      });
    }
  }
  const due = effectiveDue(set, set.extensions[0]);
  const closedBy = closedReason(set, due, at);
  return {
    id: set.id,
    title: set.title,
    instructions: set.instructions,
    className: set.class.name,
    dueAt: due?.toISOString() ?? null,
    latePolicy: set.latePolicy,
    closed: closedBy !== null,
    /** Why the set takes no more answers (archived, or closed at its due date), for the page to say first. */
    closedReason: closedBy,
    problems,
  };
}

const openProblemInput = z.object({
  itemId: z.uuid({ error: "No such problem in this set." }),
  copy: z.number().int().min(0, "No such problem in this set.").max(9, "No such problem in this set."),
});

/**
 * Opens one problem of a set for the student: its instance is created now (once, even from two tabs at
 * the same moment), so the time it took counts from this first opening.
 */
export async function openAssignmentProblem(options: {
  actor: ActingUser;
  setId: unknown;
  input: unknown;
}): Promise<{ instanceId: string }> {
  const { actor } = options;
  const set = await studentSet(actor, options.setId);
  const at = await clockNow();
  if (set.opensAt && set.opensAt > at) throw new AppError("NOT_FOUND", "No such problem set.");
  const { itemId, copy } = parseOrThrow(openProblemInput, options.input);
  const item = set.items.find((i) => i.id === itemId);
  if (!item || copy >= item.count) throw new AppError("NOT_FOUND", "No such problem in this set.");
  const where = { assignmentItemId_userId_copy: { assignmentItemId: item.id, userId: actor.id, copy } };
  const existing = await getDb().problemInstance.findUnique({ where, select: { id: true } });
  if (existing) return { instanceId: existing.id };
  const closed = closedReason(set, effectiveDue(set, set.extensions[0], item), at);
  if (closed) throw new AppError("FORBIDDEN", closedMessage(closed, "UTC"));
  const { skillId, seed, problem } = problemFor(set.id, actor.id, item, copy);
  await getDb().$transaction(async (tx) => {
    // The set must still be published when the problem is made: a teacher's unpublishing holds the
    // set's row (lib/server/assignments/reuse.ts), so this waits for it and then sees the draft, or the
    // unpublishing waits for this and then sees an opened problem.
    const published = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "ProblemSet" WHERE "id" = ${set.id}::uuid AND "publishedAt" IS NOT NULL FOR SHARE`;
    if (published.length === 0) throw new AppError("NOT_FOUND", "No such problem set.");
    await tx.problemInstance.createMany({
      data: [
        {
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
        },
      ],
      skipDuplicates: true,
    });
  });
  const row = await getDb().problemInstance.findUniqueOrThrow({ where, select: { id: true } });
  return { instanceId: row.id };
}
