// Problem sets for the teacher: settings, items (catalogue skills or typed problems keyed by the
// core), publishing, extensions, a draft preview. Scoped to sets of the actor's own classes.
import "server-only";
import { type Prisma } from "@/lib/generated/prisma/client";
import { type Problem, generate, getSkill } from "@/lib/problems";
import { authoredProblem, keyLatexOf } from "@/lib/problems/authored";
import { now as clockNow } from "@/lib/server/clock";
import { getDb } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import type { ActingUser } from "@/lib/server/users/user.types";
import { assertTeacher, idOr404, ownClass, ownSet, parseOrThrow } from "@/lib/server/classes/access";
import { identityOf, identityOrder, identitySelect } from "@/lib/server/classes/identity";
import { authoredItemInput, catalogueItemInput, extensionInput, setSettingsInput } from "./sets.types";

const DEFAULT_SETTINGS = {
  title: "",
  instructions: "",
  opensAt: null,
  dueAt: null,
  triesAllowed: 2,
  showSolution: true,
  latePolicy: "accept_flagged" as const,
};

function settingsData(s: ReturnType<typeof setSettingsInput.parse>) {
  return {
    title: s.title,
    instructions: s.instructions,
    opensAt: s.opensAt ? new Date(s.opensAt) : null,
    dueAt: s.dueAt ? new Date(s.dueAt) : null,
    triesAllowed: s.triesAllowed,
    showSolution: s.showSolution,
    latePolicy: s.latePolicy,
  };
}

export async function createSet(options: {
  actor: ActingUser;
  classId: unknown;
  input: unknown;
}): Promise<{ id: string }> {
  const c = await ownClass(options.actor, options.classId);
  const s = parseOrThrow(setSettingsInput, { ...DEFAULT_SETTINGS, ...(options.input as object) });
  return getDb().problemSet.create({ data: { classId: c.id, ...settingsData(s) }, select: { id: true } });
}

/** Changes settings. Instances students already have keep their problems, tries and results. */
export async function updateSet(options: {
  actor: ActingUser;
  setId: unknown;
  input: unknown;
}): Promise<void> {
  const set = await ownSet(options.actor, options.setId);
  const s = parseOrThrow(setSettingsInput, options.input);
  await getDb().problemSet.update({ where: { id: set.id }, data: settingsData(s) });
}

async function nextPosition(setId: string): Promise<number> {
  const last = await getDb().problemSetItem.findFirst({
    where: { setId },
    orderBy: { position: "desc" },
    select: { position: true },
  });
  return (last?.position ?? -1) + 1;
}

export async function addCatalogueItem(options: {
  actor: ActingUser;
  setId: unknown;
  input: unknown;
}): Promise<{ id: string }> {
  const set = await ownSet(options.actor, options.setId);
  const { skillId, count } = parseOrThrow(catalogueItemInput, options.input);
  return getDb().problemSetItem.create({
    data: { setId: set.id, position: await nextPosition(set.id), skillId, count },
    select: { id: true },
  });
}

/** A typed problem with its key, for the teacher to confirm; refused with the core's reason. */
export function checkAuthored(options: { actor: ActingUser; input: unknown }): {
  problem: Problem;
  keyLatex: string;
} {
  assertTeacher(options.actor);
  const spec = parseOrThrow(authoredItemInput, options.input);
  const r = authoredProblem(spec);
  if (!r.ok) throw new AppError("INVALID_INPUT", r.error.message);
  return { problem: r.problem, keyLatex: keyLatexOf(r.problem) };
}

export async function addAuthoredItem(options: {
  actor: ActingUser;
  setId: unknown;
  input: unknown;
}): Promise<{ id: string }> {
  const set = await ownSet(options.actor, options.setId);
  const { problem } = checkAuthored(options);
  return getDb().problemSetItem.create({
    data: {
      setId: set.id,
      position: await nextPosition(set.id),
      authored: problem as unknown as Prisma.InputJsonValue,
      count: 1,
    },
    select: { id: true },
  });
}

/** Removes an item no student has started (their instances are never deleted). */
export async function removeItem(options: {
  actor: ActingUser;
  setId: unknown;
  itemId: unknown;
}): Promise<void> {
  const set = await ownSet(options.actor, options.setId);
  const itemId = idOr404(options.itemId, "No such item.");
  const item = await getDb().problemSetItem.findFirst({
    where: { id: itemId, setId: set.id },
    select: { id: true, _count: { select: { instances: true } } },
  });
  if (!item) throw new AppError("NOT_FOUND", "No such item.");
  if (item._count.instances > 0)
    throw new AppError(
      "INVALID_INPUT",
      "Students already have problems from this item; it stays so that their results stay.",
    );
  await getDb().problemSetItem.delete({ where: { id: item.id } });
}

export async function publishSet(options: { actor: ActingUser; setId: unknown }): Promise<void> {
  const set = await ownSet(options.actor, options.setId);
  const items = await getDb().problemSetItem.count({ where: { setId: set.id } });
  if (items === 0) throw new AppError("INVALID_INPUT", "Add at least one problem before publishing.");
  if (set.publishedAt) return;
  await getDb().problemSet.update({ where: { id: set.id }, data: { publishedAt: await clockNow() } });
}

/** A later due date for one current student of the set's class. */
export async function setExtension(options: {
  actor: ActingUser;
  setId: unknown;
  input: unknown;
}): Promise<void> {
  const set = await ownSet(options.actor, options.setId);
  const { userId, dueAt } = parseOrThrow(extensionInput, options.input);
  const enrolled = await getDb().enrollment.findFirst({
    where: { classId: set.classId, userId, removedAt: null },
  });
  if (!enrolled) throw new AppError("NOT_FOUND", "No such student in this class.");
  await getDb().extension.upsert({
    where: { setId_userId: { setId: set.id, userId } },
    create: { setId: set.id, userId, dueAt: new Date(dueAt) },
    update: { dueAt: new Date(dueAt) },
  });
}

export interface ItemView {
  id: string;
  position: number;
  label: string;
  count: number;
  skillId: string | null;
  authored: Problem | null;
  started: boolean;
}

export function itemLabel(item: { skillId: string | null; authored: unknown }): string {
  if (item.skillId) return getSkill(item.skillId)?.title ?? item.skillId;
  const p = item.authored as Problem | null;
  return p ? `Typed: ${p.statement.replace(/ \(Type DNE.*$/, "")}` : "Problem";
}

export async function getSetForTeacher(options: { actor: ActingUser; setId: unknown }) {
  const set = await ownSet(options.actor, options.setId);
  const [items, roster, extensions] = await Promise.all([
    getDb().problemSetItem.findMany({
      where: { setId: set.id },
      orderBy: { position: "asc" },
      include: { _count: { select: { instances: true } } },
    }),
    getDb().enrollment.findMany({
      where: { classId: set.classId, removedAt: null },
      select: identitySelect,
      orderBy: identityOrder,
    }),
    getDb().extension.findMany({ where: { setId: set.id }, select: { userId: true, dueAt: true } }),
  ]);
  const itemViews: ItemView[] = items.map((i) => ({
    id: i.id,
    position: i.position,
    label: itemLabel(i),
    count: i.count,
    skillId: i.skillId,
    authored: (i.authored as Problem | null) ?? null,
    started: i._count.instances > 0,
  }));
  return {
    set,
    items: itemViews,
    roster: roster.map(identityOf),
    extensions,
  };
}

/** The draft as a student would see it, with numbers from `seed` ("new numbers" changes it). Nothing is stored. */
export async function previewSet(options: { actor: ActingUser; setId: unknown; seed: number }) {
  const { items } = await getSetForTeacher(options);
  const out: {
    itemId: string;
    label: string;
    copy: number;
    statement: string;
    latex: string;
    keyLatex: string;
  }[] = [];
  for (const item of items) {
    for (let copy = 0; copy < item.count; copy++) {
      let p: Problem | null = item.authored;
      if (!p && item.skillId) {
        const g = generate(
          item.skillId,
          (Math.abs(options.seed) * 7919 + item.position * 101 + copy) % 2147483647,
        );
        p = g.ok ? g.problem : null;
      }
      if (p)
        out.push({
          itemId: item.id,
          label: item.label,
          copy,
          statement: p.statement,
          latex: p.latex,
          keyLatex: keyLatexOf(p),
        });
    }
  }
  return out;
}
