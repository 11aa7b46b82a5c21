// Classes: created by a teacher with a join code, joined by learners with the code or the link,
// rosters, removal (the student's results stay, marked removed), code rotation, and one-time
// password reset links for current students. Each function takes the acting user and scopes to it.
import "server-only";
import { randomInt } from "node:crypto";
import { isUniqueViolation } from "@/lib/server/db/unique-violation";
import { now as clockNow } from "@/lib/server/clock";
import { getDb } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { issueResetToken } from "@/lib/server/password-reset/reset-token";
import type { ActingUser } from "@/lib/server/users/user.types";
import { makeJoinCode, normaliseJoinCode } from "@/lib/teaching/join-code";
import {
  assertTeacher,
  idOr404,
  lockTakingStudents,
  ownClass,
  parseOrThrow,
  takesNewStudents,
} from "./access";
import { studentLine } from "@/lib/teaching/student";
import { identityOf, identityOrder, identitySelect } from "./identity";
import { type TeacherClassView, createClassInput, joinInput } from "./classes.types";

/** Runs `write` with fresh codes until one is unique (25^8 codes: a clash is rare, never fatal). */
async function withFreshCode<T>(write: (code: string) => Promise<T>): Promise<T> {
  for (let i = 0; i < 5; i++) {
    try {
      return await write(makeJoinCode((n) => randomInt(n)));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new AppError("INVALID_INPUT", "Could not make a unique join code; try again.");
}

export async function createClass(options: {
  actor: ActingUser;
  input: unknown;
}): Promise<{ id: string; joinCode: string }> {
  const { actor } = options;
  assertTeacher(actor);
  const { name } = parseOrThrow(createClassInput, options.input);
  return withFreshCode((joinCode) =>
    getDb().class.create({
      data: { teacherId: actor.id, name, joinCode },
      select: { id: true, joinCode: true },
    }),
  );
}

/** The actor's classes: current ones, or with `archived` the archived ones. */
export async function listTeacherClasses(options: { actor: ActingUser; archived?: boolean }) {
  assertTeacher(options.actor);
  const rows = await getDb().class.findMany({
    where: { teacherId: options.actor.id, archivedAt: options.archived ? { not: null } : null },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      name: true,
      joinCode: true,
      archivedAt: true,
      _count: {
        select: { enrollments: { where: { removedAt: null } }, sets: { where: { archivedAt: null } } },
      },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    joinCode: r.joinCode,
    archived: r.archivedAt !== null,
    students: r._count.enrollments,
    sets: r._count.sets,
  }));
}

export async function getClassForTeacher(options: {
  actor: ActingUser;
  classId: unknown;
}): Promise<TeacherClassView> {
  const c = await ownClass(options.actor, options.classId);
  const [enrollments, sets] = await Promise.all([
    getDb().enrollment.findMany({
      where: { classId: c.id },
      select: { ...identitySelect, joinedAt: true, removedAt: true },
      orderBy: [{ removedAt: { sort: "asc", nulls: "first" } }, ...identityOrder],
    }),
    getDb().problemSet.findMany({
      where: { classId: c.id },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        title: true,
        publishedAt: true,
        dueAt: true,
        archivedAt: true,
        _count: { select: { items: true } },
      },
    }),
  ]);
  return {
    id: c.id,
    name: c.name,
    joinCode: c.joinCode,
    archived: c.archivedAt !== null,
    roster: enrollments.map((e) => ({
      ...identityOf(e),
      joinedAt: e.joinedAt.toISOString(),
      removed: e.removedAt !== null,
    })),
    sets: sets.map((s) => ({
      id: s.id,
      title: s.title,
      published: s.publishedAt !== null,
      archived: s.archivedAt !== null,
      dueAt: s.dueAt?.toISOString() ?? null,
      items: s._count.items,
    })),
  };
}

/** A new join code; the old one stops working at once. */
export async function rotateJoinCode(options: {
  actor: ActingUser;
  classId: unknown;
}): Promise<{ joinCode: string }> {
  const c = await ownClass(options.actor, options.classId);
  return withFreshCode((joinCode) =>
    getDb().class.update({ where: { id: c.id }, data: { joinCode }, select: { joinCode: true } }),
  );
}

/** Removes a student: they lose access to the class and its sets; their results stay, marked removed. */
export async function removeStudent(options: {
  actor: ActingUser;
  classId: unknown;
  userId: unknown;
}): Promise<void> {
  const c = await ownClass(options.actor, options.classId);
  const userId = idOr404(options.userId, "No such student in this class.");
  const at = await clockNow();
  const r = await getDb().enrollment.updateMany({
    where: { classId: c.id, userId, removedAt: null },
    data: { removedAt: at },
  });
  if (r.count === 0) throw new AppError("NOT_FOUND", "No such student in this class.");
}

/** Joins the class of a code. Joining again is harmless; a removed student who has the current code is back in. */
export async function joinClass(options: {
  actor: ActingUser;
  input: unknown;
}): Promise<{ classId: string; name: string }> {
  const { actor } = options;
  const { code: typed } = parseOrThrow(joinInput, options.input);
  const code = normaliseJoinCode(typed);
  const NOPE = "No class has this code. Check it with your teacher (codes can be changed).";
  if (!code) throw new AppError("NOT_FOUND", NOPE);
  const c = await getDb().class.findUnique({
    where: { joinCode: code },
    select: { id: true, name: true, teacherId: true, archivedAt: true },
  });
  if (!c) throw new AppError("NOT_FOUND", NOPE);
  const ARCHIVED = "This class is archived and takes no new students. Ask your teacher.";
  if (!takesNewStudents(c)) throw new AppError("INVALID_INPUT", ARCHIVED);
  if (c.teacherId === actor.id)
    throw new AppError("INVALID_INPUT", "You teach this class; students join it with this code.");
  await getDb().$transaction(async (tx) => {
    if (!(await lockTakingStudents(tx, [c.id])).has(c.id)) throw new AppError("INVALID_INPUT", ARCHIVED);
    await tx.enrollment.upsert({
      where: { classId_userId: { classId: c.id, userId: actor.id } },
      create: { classId: c.id, userId: actor.id },
      update: { removedAt: null },
    });
  });
  return { classId: c.id, name: c.name };
}

/** What a join code leads to, for the join page to name before "Join": the class, its teacher, and
 * whether the actor is already in it. Null for a code no class has (or an archived class). */
export async function describeJoinCode(options: { actor: ActingUser; code: unknown }) {
  const code = typeof options.code === "string" ? normaliseJoinCode(options.code) : null;
  if (!code) return null;
  const c = await getDb().class.findUnique({
    where: { joinCode: code },
    select: {
      id: true,
      name: true,
      archivedAt: true,
      teacherId: true,
      teacher: { select: { displayName: true } },
      enrollments: { where: { userId: options.actor.id, removedAt: null }, select: { userId: true } },
    },
  });
  if (!c || !takesNewStudents(c)) return null;
  return {
    name: c.name,
    teacher: c.teacher.displayName,
    member: c.enrollments.length > 0,
    teaches: c.teacherId === options.actor.id,
  };
}

/** The classes the actor belongs to now (as a student). */
export async function listMyClasses(options: { actor: ActingUser }) {
  const rows = await getDb().enrollment.findMany({
    where: { userId: options.actor.id, removedAt: null, class: { archivedAt: null } },
    select: { class: { select: { id: true, name: true, teacher: { select: { displayName: true } } } } },
    orderBy: { joinedAt: "asc" },
  });
  return rows.map((r) => ({ id: r.class.id, name: r.class.name, teacher: r.class.teacher.displayName }));
}

/** A one-time password reset link token for a current student of the actor's class who is a learner.
 * The token row is the log: who issued it, for whom, when; the learner sees it on their account page. */
export async function issueStudentResetLink(options: {
  actor: ActingUser;
  classId: unknown;
  userId: unknown;
}): Promise<{ token: string; displayName: string }> {
  const c = await ownClass(options.actor, options.classId);
  const userId = idOr404(options.userId, "No such student in this class.");
  const e = await getDb().enrollment.findFirst({
    where: { classId: c.id, userId, removedAt: null },
    select: { ...identitySelect, user: { select: { ...identitySelect.user.select, role: true } } },
  });
  if (!e) throw new AppError("NOT_FOUND", "No such student in this class.");
  // A teacher's or admin's account is never reset by another teacher: that would be a takeover.
  if (e.user.role !== "learner")
    throw new AppError(
      "FORBIDDEN",
      "Reset links are only for learner accounts. This member should ask the site's administrator.",
    );
  const token = await issueResetToken({ userId, issuedById: options.actor.id, now: await clockNow() });
  // Named with the email: two students may have chosen the same name.
  return { token, displayName: studentLine(identityOf(e)) };
}
