// Student numbers: set by the teacher one at a time, or imported as lines of "email, number" (as a
// registrar's list pasted from a spreadsheet). An import changes all of its lines or none.
import "server-only";
import { isUniqueViolation } from "@/lib/server/db/unique-violation";
import { getDb } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import type { ActingUser } from "@/lib/server/users/user.types";
import { idOr404, ownClass, parseOrThrow } from "./access";
import { studentNumber, studentNumberInput, studentNumbersImport } from "./classes.types";

const TAKEN = "Another student of this class already has this number.";

/** Sets (or, with "", clears) the student number of a current or removed student of the actor's class. */
export async function setStudentNumber(options: {
  actor: ActingUser;
  classId: unknown;
  input: unknown;
}): Promise<void> {
  const c = await ownClass(options.actor, options.classId);
  const raw = (options.input ?? {}) as { userId?: unknown };
  idOr404(raw.userId, "No such student in this class.");
  const { userId, studentNumber: number } = parseOrThrow(studentNumberInput, options.input);
  try {
    const r = await getDb().enrollment.updateMany({
      where: { classId: c.id, userId },
      data: { studentNumber: number === "" ? null : number },
    });
    if (r.count === 0) throw new AppError("NOT_FOUND", "No such student in this class.");
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("INVALID_INPUT", TAKEN);
    throw error;
  }
}

/** Parses "email, number" lines (comma, semicolon, tab or spaces); a first line without "@" is a header. */
export function parseNumberLines(text: string): {
  pairs: { email: string; number: string }[];
  errors: string[];
} {
  const pairs: { email: string; number: string }[] = [];
  const errors: string[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === "") return;
    if (index === 0 && !trimmed.includes("@")) return;
    const fields = trimmed
      .split(/[,;\t]|\s+/)
      .map((f) => f.trim().replace(/^"(.*)"$/, "$1"))
      .filter(Boolean);
    const [email, number, ...rest] = fields;
    const n = studentNumber.safeParse(number ?? "");
    if (!email?.includes("@") || !number || rest.length > 0)
      errors.push(`Line ${index + 1}: write an email and a number.`);
    else if (!n.success) errors.push(`Line ${index + 1}: ${n.error.issues[0]?.message ?? "bad number"}`);
    else pairs.push({ email: email.toLowerCase(), number: n.data });
  });
  return { pairs, errors };
}

/** Imports student numbers for students of the class; any unknown email or clash refuses the whole import. */
export async function importStudentNumbers(options: {
  actor: ActingUser;
  classId: unknown;
  input: unknown;
}): Promise<{ updated: number }> {
  const c = await ownClass(options.actor, options.classId);
  const { text } = parseOrThrow(studentNumbersImport, options.input);
  const { pairs, errors } = parseNumberLines(text);
  if (pairs.length === 0 && errors.length === 0)
    throw new AppError("INVALID_INPUT", "Paste one line per student: email, number.");
  const enrolled = await getDb().enrollment.findMany({
    where: { classId: c.id, user: { email: { in: pairs.map((p) => p.email) } } },
    select: { userId: true, user: { select: { email: true } } },
  });
  const idOf = new Map(enrolled.map((e) => [e.user.email, e.userId]));
  const seenEmail = new Set<string>();
  const seenNumber = new Set<string>();
  for (const p of pairs) {
    if (!idOf.has(p.email)) errors.push(`${p.email} is not a student of this class.`);
    if (seenEmail.has(p.email)) errors.push(`${p.email} appears twice.`);
    if (seenNumber.has(p.number)) errors.push(`The number ${p.number} appears twice.`);
    seenEmail.add(p.email);
    seenNumber.add(p.number);
  }
  if (errors.length > 0)
    throw new AppError(
      "INVALID_INPUT",
      `Nothing was imported. ${errors.slice(0, 5).join(" ")}${errors.length > 5 ? ` (and ${errors.length - 5} more)` : ""}`,
    );
  const ids = pairs.map((p) => idOf.get(p.email)!);
  try {
    await getDb().$transaction(async (tx) => {
      // Cleared first, so that numbers may move between the imported students.
      await tx.enrollment.updateMany({
        where: { classId: c.id, userId: { in: ids } },
        data: { studentNumber: null },
      });
      for (const p of pairs)
        await tx.enrollment.update({
          where: { classId_userId: { classId: c.id, userId: idOf.get(p.email)! } },
          data: { studentNumber: p.number },
        });
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("INVALID_INPUT", `Nothing was imported. ${TAKEN} (a student not in the list)`);
    throw error;
  }
  return { updated: pairs.length };
}
