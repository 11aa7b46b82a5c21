// Requests of classes (zod, validated in the data functions) and what they return.
import { z } from "zod";
import { typedText } from "@/lib/validation/text";

export const classIdSchema = z.uuid();
export const userIdSchema = z.uuid();
export const createClassInput = z.object({
  name: typedText("class name").trim().min(1, "Give the class a name.").max(80, "Use at most 80 characters."),
});
export const joinInput = z.object({ code: z.string().max(40, "That is not a join code.") });

/** A student number as registrars write them: letters, digits and . _ / - (empty clears it). */
export const studentNumber = z
  .string()
  .trim()
  .max(32, "A student number has at most 32 characters.")
  .regex(/^([A-Za-z0-9][A-Za-z0-9._/-]*)?$/, "A student number is letters and digits (and . _ / -).");
export const studentNumberInput = z.object({ userId: z.uuid(), studentNumber });
export const studentNumbersImport = z.object({
  text: z.string().max(100_000, "Import at most 100 000 characters at a time."),
});

/** Who a student is in a record: the email and the teacher's student number identify them; the name they chose is shown beside. */
export interface StudentIdentity {
  userId: string;
  email: string;
  studentNumber: string | null;
  displayName: string;
}

export interface RosterEntry extends StudentIdentity {
  joinedAt: string;
  removed: boolean;
}

export interface TeacherClassView {
  id: string;
  name: string;
  joinCode: string;
  archived: boolean;
  roster: RosterEntry[];
  sets: {
    id: string;
    title: string;
    published: boolean;
    archived: boolean;
    dueAt: string | null;
    items: number;
  }[];
}
