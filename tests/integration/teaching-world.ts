// Shared by the teaching tests: users, a class with a published set, and opening every problem of a
// set as a student's "Start" buttons do.
import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/server/db/client";
import type { ActingUser } from "@/lib/server/users/user.types";
import { createClass, joinClass } from "@/lib/server/classes/classes";
import { addAuthoredItem, addCatalogueItem, createSet, publishSet } from "@/lib/server/assignments/sets";
import { openAssignment, openAssignmentProblem } from "@/lib/server/assignments/student";

export async function user(role: "learner" | "teacher", label: string = role): Promise<ActingUser> {
  const email = `${label}-${randomBytes(5).toString("hex")}@example.com`;
  return getDb().user.create({
    data: { email, displayName: `${label} ${email.slice(-16, -12)}`, passwordHash: "not-used", role },
    select: { id: true, email: true, displayName: true, role: true },
  });
}

export const SETTINGS: {
  title: string;
  instructions: string;
  opensAt: string | null;
  dueAt: string | null;
  triesAllowed: number;
  showSolution: boolean;
  latePolicy: string;
} = {
  title: "Week 1",
  instructions: "",
  opensAt: null,
  dueAt: null,
  triesAllowed: 1,
  showSolution: true,
  latePolicy: "accept_flagged",
};

/** A teacher with a class of two learners, a published set (2 power-rule problems + a typed derivative), and outsiders. */
export async function world(settings: Partial<typeof SETTINGS> = {}) {
  const teacher = await user("teacher");
  const otherTeacher = await user("teacher", "other-teacher");
  const ann = await user("learner", "ann");
  const bob = await user("learner", "bob");
  const outsider = await user("learner", "outsider");
  const cls = await createClass({ actor: teacher, input: { name: "Calculus A" } });
  await joinClass({ actor: ann, input: { code: cls.joinCode } });
  await joinClass({ actor: bob, input: { code: cls.joinCode.toLowerCase().replace(/(.{4})/, "$1-") } });
  const set = await createSet({ actor: teacher, classId: cls.id, input: { ...SETTINGS, ...settings } });
  await addCatalogueItem({
    actor: teacher,
    setId: set.id,
    input: { skillId: "derivative-power-rule", count: 2 },
  });
  await addAuthoredItem({
    actor: teacher,
    setId: set.id,
    input: { kind: "derivative", f: "x^3 + 2x", var: "x" },
  });
  await publishSet({ actor: teacher, setId: set.id });
  return { teacher, otherTeacher, ann, bob, outsider, cls, set };
}

/** Opens every problem of the set for the student (as pressing each "Start" does) and lists them. */
export async function openAll(actor: ActingUser, setId: string) {
  const listed = await openAssignment({ actor, setId });
  for (const p of listed.problems)
    if (!p.instanceId)
      await openAssignmentProblem({ actor, setId, input: { itemId: p.itemId, copy: p.copy } });
  const opened = await openAssignment({ actor, setId });
  return { ...opened, problems: opened.problems.map((p) => ({ ...p, instanceId: p.instanceId! })) };
}
