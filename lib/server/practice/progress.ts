// What the practice pages show besides a single problem: which skills the learner has practised, and
// the summary of a session. Scoped to the acting user like every data function.
import "server-only";
import { z } from "zod";
import { getSkill } from "@/lib/problems";
import { getDb } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import type { ActingUser } from "@/lib/server/users/user.types";
import { MAX_SESSION } from "@/lib/practice/session";

export interface PractisedSkill {
  skillId: string;
  reps: number;
  lastRating: string | null;
}

/** The skills the learner has a card for (at least one finished problem). */
export async function listPractisedSkills(options: { actor: ActingUser }): Promise<PractisedSkill[]> {
  return getDb().skillCard.findMany({
    where: { userId: options.actor.id },
    select: { skillId: true, reps: true, lastRating: true },
  });
}

export interface SessionItem {
  id: string;
  skillId: string;
  skillTitle: string;
  finished: boolean;
  outcome: "right" | "wrong" | "revealed" | null;
  tries: number;
  hintUsed: boolean;
}

export interface SessionSummary {
  skill: string;
  items: SessionItem[];
  right: number;
}

const summaryInput = z.object({
  first: z.uuid({ error: "No such session." }),
  of: z.number().int().min(1).max(MAX_SESSION),
  skill: z.string().regex(/^[a-z0-9-]{1,80}$/, "No such session."),
});

/**
 * A session's problems: the learner's practice instances from its first one on (of its skill, or of
 * any skill for mixed practice), at most `of` of them, in the order they were issued.
 */
export async function getSessionSummary(options: {
  actor: ActingUser;
  input: unknown;
}): Promise<SessionSummary> {
  const r = summaryInput.safeParse(options.input);
  if (!r.success) throw new AppError("NOT_FOUND", "No such session.");
  const { first, of, skill } = r.data;
  const db = getDb();
  const start = await db.problemInstance.findFirst({
    where: { id: first, userId: options.actor.id },
    select: { issuedAt: true, skillId: true },
  });
  if (!start || (skill !== "mixed" && start.skillId !== skill))
    throw new AppError("NOT_FOUND", "No such session.");
  const rows = await db.problemInstance.findMany({
    where: {
      userId: options.actor.id,
      source: "practice",
      issuedAt: { gte: start.issuedAt },
      ...(skill === "mixed" ? {} : { skillId: skill }),
    },
    orderBy: [{ issuedAt: "asc" }, { id: "asc" }],
    take: of,
    select: { id: true, skillId: true, finishedAt: true, outcome: true, triesUsed: true, hintUsedAt: true },
  });
  const items = rows.map((x) => ({
    id: x.id,
    skillId: x.skillId,
    skillTitle: getSkill(x.skillId)?.title ?? x.skillId,
    finished: x.finishedAt !== null,
    outcome: x.outcome,
    tries: x.triesUsed,
    hintUsed: x.hintUsedAt !== null,
  }));
  return { skill, items, right: items.filter((i) => i.outcome === "right").length };
}
