// The teacher's dashboard against a real PostgreSQL: open grading reports and sets due soon across the
// teacher's own current classes only (never another teacher's, an archived class's or a resolved report).
import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/server/db/client";
import { getTeacherDashboard } from "@/lib/server/assignments/dashboard";
import { overrideVerdict } from "@/lib/server/assignments/gradebook";
import { excuseItem, setFullCredit } from "@/lib/server/assignments/items";
import { addCatalogueItem, createSet, publishSet } from "@/lib/server/assignments/sets";
import { archiveClass } from "@/lib/server/classes/lifecycle";
import { archiveSet } from "@/lib/server/assignments/reuse";
import { reportGrading, submitAnswer } from "@/lib/server/practice/practice";
import { expectAppError } from "./helpers";
import { SETTINGS, openAll, world } from "./teaching-world";

const HOUR = 3_600_000;

describe("the teacher's dashboard", () => {
  it("lists open reports and sets due soon of the teacher's current classes only", async () => {
    const mine = await world({ dueAt: new Date(Date.now() + 2 * 24 * HOUR).toISOString() });
    const theirs = await world({ dueAt: new Date(Date.now() + 24 * HOUR).toISOString() });
    const later = await world({ dueAt: new Date(Date.now() + 30 * 24 * HOUR).toISOString() });
    const opened = await openAll(mine.ann, mine.set.id);
    const typed = opened.problems[2]!.instanceId;
    await submitAnswer({
      actor: mine.ann,
      instanceId: typed,
      input: { clientSubmissionId: randomUUID(), answer: "3x^2+2", elapsedMs: 1000 },
    });
    await reportGrading({ actor: mine.ann, instanceId: typed, input: { comment: "I think this is right" } });
    const theirsOpened = await openAll(theirs.ann, theirs.set.id);
    await reportGrading({
      actor: theirs.ann,
      instanceId: theirsOpened.problems[0]!.instanceId,
      input: { comment: "Not mine to see" },
    });
    // Bob finishes everything in my set: one of two students has not finished.
    const bobs = await openAll(mine.bob, mine.set.id);
    for (const p of bobs.problems)
      await getDb().problemInstance.update({
        where: { id: p.instanceId },
        data: { finishedAt: new Date(), outcome: "right", triesUsed: 1 },
      });

    const d = await getTeacherDashboard({ actor: mine.teacher });
    expect(d.reportsTotal).toBe(1);
    expect(d.reports).toMatchObject([
      { instanceId: typed, setId: mine.set.id, className: "Calculus A", comment: "I think this is right" },
    ]);
    expect(d.reports[0]!.student).toMatchObject({ userId: mine.ann.id, email: mine.ann.email });
    expect(d.dueSoon.map((s) => [s.id, s.students, s.unfinished])).toEqual([[mine.set.id, 2, 1]]);
    // Ann finished the typed problem; with the catalogue item excused for her alone, she has finished.
    const [power] = await getDb().problemSetItem.findMany({
      where: { setId: mine.set.id },
      orderBy: { position: "asc" },
    });
    await excuseItem({
      actor: mine.teacher,
      setId: mine.set.id,
      itemId: power!.id,
      input: { userId: mine.ann.id, excused: true },
    });
    expect((await getTeacherDashboard({ actor: mine.teacher })).dueSoon[0]!.unfinished).toBe(0);
    expect((await getTeacherDashboard({ actor: later.teacher })).dueSoon).toEqual([]);

    // Resolved reports and archived classes leave the dashboard.
    await overrideVerdict({
      actor: mine.teacher,
      instanceId: typed,
      input: { accept: true, note: "Right", reportId: d.reports[0]!.id },
    });
    expect((await getTeacherDashboard({ actor: mine.teacher })).reports).toEqual([]);
    // Their class, current: its report and its set due soon are on their dashboard...
    const current = await getTeacherDashboard({ actor: theirs.teacher });
    expect(current.reports.map((r) => r.setId)).toEqual([theirs.set.id]);
    expect(current.dueSoon.map((s) => s.id)).toEqual([theirs.set.id]);
    // ...and leave it with the archive of the set alone, come back with its restore...
    await archiveSet({ actor: theirs.teacher, setId: theirs.set.id, archived: true });
    const setArchived = await getTeacherDashboard({ actor: theirs.teacher });
    expect([setArchived.reports, setArchived.dueSoon]).toEqual([[], []]);
    await archiveSet({ actor: theirs.teacher, setId: theirs.set.id, archived: false });
    expect((await getTeacherDashboard({ actor: theirs.teacher })).dueSoon).toHaveLength(1);
    // ...and leave it again with the archive of the class.
    await archiveClass({ actor: theirs.teacher, classId: theirs.cls.id, archived: true });
    const archived = await getTeacherDashboard({ actor: theirs.teacher });
    expect([archived.reports, archived.dueSoon]).toEqual([[], []]);
    await expectAppError(getTeacherDashboard({ actor: mine.ann }), "FORBIDDEN");
  });

  it("counts a student for whom nothing of a set counts (all excused or given full credit) as finished", async () => {
    const w = await world({ dueAt: new Date(Date.now() + 24 * HOUR).toISOString() });
    const [power, typed] = await getDb().problemSetItem.findMany({
      where: { setId: w.set.id },
      orderBy: { position: "asc" },
    });
    const dueSoon = async () => (await getTeacherDashboard({ actor: w.teacher })).dueSoon;
    expect((await dueSoon()).map((s) => [s.students, s.unfinished])).toEqual([[2, 2]]);
    // Every item excused for Bob alone: Bob has nothing left, without opening anything.
    for (const item of [power!, typed!])
      await excuseItem({
        actor: w.teacher,
        setId: w.set.id,
        itemId: item.id,
        input: { userId: w.bob.id, excused: true },
      });
    expect((await dueSoon()).map((s) => [s.students, s.unfinished])).toEqual([[2, 1]]);
    // One item excused for everyone and the other given full credit: nobody has anything left.
    await excuseItem({ actor: w.teacher, setId: w.set.id, itemId: power!.id, input: { excused: true } });
    await setFullCredit({
      actor: w.teacher,
      setId: w.set.id,
      itemId: typed!.id,
      input: { fullCredit: true },
    });
    expect((await dueSoon()).map((s) => [s.students, s.unfinished])).toEqual([[2, 0]]);
  });

  it("reads sets due soon in a number of queries that does not grow with the sets", async () => {
    const w = await world({ dueAt: new Date(Date.now() + 24 * HOUR).toISOString() });
    const queries = async () => {
      const spy = vi.spyOn(pg.Client.prototype, "query");
      try {
        const d = await getTeacherDashboard({ actor: w.teacher });
        return { sets: d.dueSoon.length, queries: spy.mock.calls.length };
      } finally {
        spy.mockRestore();
      }
    };
    const one = await queries();
    expect(one.sets).toBe(1);
    for (let i = 0; i < 4; i++) {
      const more = await createSet({
        actor: w.teacher,
        classId: w.cls.id,
        input: {
          ...SETTINGS,
          title: `Week ${i + 2}`,
          dueAt: new Date(Date.now() + (i + 2) * HOUR).toISOString(),
        },
      });
      await addCatalogueItem({
        actor: w.teacher,
        setId: more.id,
        input: { skillId: "derivative-power-rule", count: 1 },
      });
      await publishSet({ actor: w.teacher, setId: more.id });
    }
    const five = await queries();
    expect(five.sets).toBe(5);
    expect(five.queries).toBe(one.queries);
  });
});
