// Requests of classes (zod, validated in the data functions) and what they return.
import { z } from "zod";
import { typedText } from "@/lib/validation/text";

export const classIdSchema = z.uuid();
export const userIdSchema = z.uuid();
export const createClassInput = z.object({
  name: typedText("class name").trim().min(1, "Give the class a name.").max(80, "Use at most 80 characters."),
});
export const joinInput = z.object({ code: z.string().max(40, "That is not a join code.") });

export interface RosterEntry {
  userId: string;
  displayName: string;
  joinedAt: string;
  removed: boolean;
}

export interface TeacherClassView {
  id: string;
  name: string;
  joinCode: string;
  roster: RosterEntry[];
  sets: { id: string; title: string; published: boolean; dueAt: string | null; items: number }[];
}
