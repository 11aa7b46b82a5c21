// The class gradebook: every student (current and removed) across every published set of the class,
// with the score after the late penalty over the points that count, and who has not started which set.
// Scores follow the same rule as each set's gradebook (lib/teaching/score.ts).
import "server-only";
import { getDb } from "@/lib/server/db/client";
import { ownClass } from "@/lib/server/classes/access";
import type { StudentIdentity } from "@/lib/server/classes/classes.types";
import { identityOf, identityOrder, identitySelect } from "@/lib/server/classes/identity";
import type { ActingUser } from "@/lib/server/users/user.types";
import { type ScoredCell, type ScoredColumn, scoreOf } from "@/lib/teaching/score";

export interface ClassGradebookRow extends StudentIdentity {
  removed: boolean;
  sets: Record<string, { score: number; afterPenalty: number; total: number; started: boolean }>;
}

export async function getClassGradebook(options: { actor: ActingUser; classId: unknown }) {
  const c = await ownClass(options.actor, options.classId);
  const [sets, enrollments] = await Promise.all([
    getDb().problemSet.findMany({
      where: { classId: c.id, publishedAt: { not: null } },
      orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
      select: {
        id: true,
        title: true,
        dueAt: true,
        latePenaltyPct: true,
        items: {
          orderBy: { position: "asc" },
          select: {
            id: true,
            count: true,
            points: true,
            excused: true,
            fullCredit: true,
            excusals: { select: { userId: true } },
          },
        },
      },
    }),
    getDb().enrollment.findMany({
      where: { classId: c.id },
      select: { ...identitySelect, removedAt: true },
      orderBy: identityOrder,
    }),
  ]);
  const instances = await getDb().problemInstance.findMany({
    where: { assignmentItemId: { in: sets.flatMap((s) => s.items.map((i) => i.id)) } },
    select: {
      userId: true,
      assignmentItemId: true,
      copy: true,
      finishedAt: true,
      outcome: true,
      overrideCorrect: true,
      late: true,
    },
  });
  const cellsOf = new Map<string, Record<string, ScoredCell>>();
  for (const i of instances) {
    const mine = cellsOf.get(i.userId) ?? {};
    mine[`${i.assignmentItemId}:${i.copy}`] = {
      finished: i.finishedAt !== null,
      outcome: i.outcome,
      overrideCorrect: i.overrideCorrect,
      late: i.late,
    };
    cellsOf.set(i.userId, mine);
  }
  const columnsOf = new Map(
    sets.map((s) => [
      s.id,
      s.items.flatMap((item) =>
        Array.from({ length: item.count }, (_, copy): ScoredColumn => ({
          key: `${item.id}:${copy}`,
          points: item.points,
          excused: item.excused,
          fullCredit: item.fullCredit,
        })),
      ),
    ]),
  );
  const rows: ClassGradebookRow[] = enrollments.map((e) => {
    const cells = cellsOf.get(e.userId) ?? {};
    const out: ClassGradebookRow["sets"] = {};
    for (const s of sets) {
      const columns = columnsOf.get(s.id)!;
      const excused = new Set(
        s.items
          .filter((i) => i.excusals.some((x) => x.userId === e.userId))
          .flatMap((i) => Array.from({ length: i.count }, (_, copy) => `${i.id}:${copy}`)),
      );
      const { score, afterPenalty, total } = scoreOf(columns, cells, excused, s.latePenaltyPct);
      out[s.id] = {
        score,
        afterPenalty,
        total,
        started: columns.some((col) => cells[col.key] !== undefined),
      };
    }
    return { ...identityOf(e), removed: e.removedAt !== null, sets: out };
  });
  return {
    class: { id: c.id, name: c.name },
    sets: sets.map((s) => ({
      id: s.id,
      title: s.title,
      dueAt: s.dueAt?.toISOString() ?? null,
      notStarted: rows.filter((r) => !r.removed && !r.sets[s.id]!.started),
    })),
    rows,
  };
}
