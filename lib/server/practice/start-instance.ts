// Issuing a fresh problem of a skill (or of mixed practice) to the learner.
import "server-only";
import { now as clockNow } from "@/lib/server/clock";
import { randomInt } from "node:crypto";
import { type Prisma } from "@/lib/generated/prisma/client";
import { SKILLS, generate, getSkill } from "@/lib/problems";
import { getDb } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { type InstanceView, startInputSchema } from "@/lib/server/practice/practice.types";
import { toView } from "@/lib/server/practice/view";
import { type ActingUser } from "@/lib/server/users/user.types";
import { instanceSelect } from "./own-instance";
import { parseOrThrow } from "@/lib/server/validation";

/** A skill for "mixed" practice: one of the learner's started skills, weakest-first by chance. */
async function pickMixedSkill(actor: ActingUser): Promise<string> {
  const cards = await getDb().skillCard.findMany({
    where: { userId: actor.id },
    select: { skillId: true },
    orderBy: { due: "asc" },
    take: 12,
  });
  const pool =
    cards.length > 0
      ? cards.map((c) => c.skillId)
      : SKILLS.filter((s) => s.prerequisites.length === 0).map((s) => s.id);
  return pool[randomInt(pool.length)]!;
}

/** Issues a fresh problem of a skill (or of mixed practice) to the learner. */
export async function startInstance(options: { actor: ActingUser; input: unknown }): Promise<InstanceView> {
  const { actor } = options;
  const { skillId: requested } = parseOrThrow(startInputSchema, options.input);
  const skillId = requested === "mixed" ? await pickMixedSkill(actor) : requested;
  const created = await getDb().problemInstance.create({
    data: newInstanceData(actor.id, skillId, await clockNow()),
    select: instanceSelect,
  });
  return toView(created, []);
}

/** The row of a fresh practice problem of a skill (a new random seed), for the learner `userId`. */
export function newInstanceData(
  userId: string,
  skillId: string,
  issuedAt: Date,
): Prisma.ProblemInstanceUncheckedCreateInput {
  const skill = getSkill(skillId);
  if (!skill) throw new AppError("NOT_FOUND", "No such skill.");
  const seed = randomInt(0, 2 ** 31 - 1);
  const g = generate(skill.id, seed);
  if (!g.ok) throw new AppError("INVALID_INPUT", `This skill could not make a problem: ${g.error.message}`);
  return {
    userId,
    skillId: skill.id,
    seed,
    version: g.problem.version,
    problem: g.problem as unknown as Prisma.InputJsonValue,
    issuedAt,
  };
}
