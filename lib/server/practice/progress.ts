// What the practice pages show besides a single problem: which skills the learner has practised, and
// the summary of a session. Scoped to the acting user like every data function.
import "server-only";
import { z } from "zod";
import { getSkill } from "@/lib/problems";
import { getDb } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import type { ActingUser } from "@/lib/server/users/user.types";
import { MAX_SESSION } from "@/lib/practice/session";
import { now as clockNow } from "@/lib/server/clock";
import { loadCards, loadSettings } from "@/lib/server/scheduling/learner-data";
import { dueStatus } from "@/lib/srs";

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
  /** The FSRS rating the finished problem gave its skill. */
  rating: "Again" | "Hard" | "Good" | "Easy" | null;
}

/** Where a skill of the session stands now, and how the session moved it. */
export interface SessionSkill {
  skillId: string;
  skillTitle: string;
  /** The card's state before the session's first review of it ("New" for a skill met here). */
  before: string;
  /** After its last review in the session. */
  after: string;
  /** Days until the next review as scheduled before and after (0 while in learning steps). */
  intervalBefore: number;
  intervalAfter: number;
  /** The next review now, worded by lib/srs dueStatus ("due in 10 min"). */
  next: string;
  recallPercent: number;
}

export interface SessionSummary {
  skill: string;
  items: SessionItem[];
  right: number;
  skills: SessionSkill[];
}

const cardState = (row: unknown): { state: string; scheduledDays: number } | null => {
  const r = row as { state?: unknown; scheduledDays?: unknown } | null;
  if (!r || typeof r.state !== "string") return null;
  return { state: r.state, scheduledDays: typeof r.scheduledDays === "number" ? r.scheduledDays : 0 };
};

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
    select: {
      id: true,
      skillId: true,
      finishedAt: true,
      outcome: true,
      triesUsed: true,
      hintUsedAt: true,
      review: { select: { rating: true, stateBefore: true, stateAfter: true } },
    },
  });
  const [at, settings, cards] = await Promise.all([
    clockNow(),
    loadSettings(options.actor.id),
    loadCards(options.actor.id),
  ]);
  const items = rows.map((x) => ({
    id: x.id,
    skillId: x.skillId,
    skillTitle: getSkill(x.skillId)?.title ?? x.skillId,
    finished: x.finishedAt !== null,
    outcome: x.outcome,
    tries: x.triesUsed,
    hintUsed: x.hintUsedAt !== null,
    rating: x.review?.rating ?? null,
  }));
  // Each skill of the session: from its first review's state before to its last review's state after.
  const skills: SessionSkill[] = [];
  for (const skillId of [...new Set(rows.filter((x) => x.review).map((x) => x.skillId))]) {
    const reviewed = rows.filter((x) => x.skillId === skillId && x.review);
    const before = cardState(reviewed[0]!.review!.stateBefore);
    const after = cardState(reviewed[reviewed.length - 1]!.review!.stateAfter);
    const status = dueStatus(
      cards.find((c) => c.skillId === skillId),
      at,
      settings.timezone,
    );
    skills.push({
      skillId,
      skillTitle: getSkill(skillId)?.title ?? skillId,
      before: before?.state ?? "New",
      after: after?.state ?? "New",
      intervalBefore: before?.scheduledDays ?? 0,
      intervalAfter: after?.scheduledDays ?? 0,
      next: status.label,
      recallPercent: status.recallPercent,
    });
  }
  return { skill, items, right: items.filter((i) => i.outcome === "right").length, skills };
}
