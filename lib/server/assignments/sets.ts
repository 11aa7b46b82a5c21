// Problem sets for the teacher: settings, items (catalogue skills or typed problems keyed by the
// core), publishing, extensions, a draft preview. Scoped to sets of the actor's own classes.
import "server-only";
import { type Prisma } from "@/lib/generated/prisma/client";
import { type Problem, generate, getSkill } from "@/lib/problems";
import { keyLatexOf } from "@/lib/problems/authored";
import { type Solution, solution } from "@/lib/problems/solution";
import {
  type AuthoredItem,
  DRAW_SEEDS,
  authoredTemplate,
  drawAuthored,
  parametersOf,
} from "@/lib/problems/authored-template";
import { valuesText } from "@/lib/problems/parameters";
import { readableText } from "@/lib/problems/readable";
import { now as clockNow } from "@/lib/server/clock";
import { getDb } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import type { ActingUser } from "@/lib/server/users/user.types";
import { assertTeacher, idOr404, ownClass, ownSet, parseOrThrow } from "@/lib/server/classes/access";
import { identityOf, identityOrder, identitySelect } from "@/lib/server/classes/identity";
import { ANSWERED, createItem, planNewItem } from "./items";
import { recomputeLateness } from "./lateness";
import {
  authoredItemInput,
  catalogueItemInput,
  extensionInput,
  itemPointsInput,
  setSettingsInput,
} from "./sets.types";

const DEFAULT_SETTINGS = {
  title: "",
  instructions: "",
  opensAt: null,
  dueAt: null,
  triesAllowed: 2,
  showSolution: true,
  latePolicy: "accept_flagged" as const,
  latePenaltyPct: null,
  hintsAllowed: true,
  revealAllowed: true,
  solutionsAfterDue: false,
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
    latePenaltyPct: s.latePenaltyPct,
    hintsAllowed: s.hintsAllowed,
    revealAllowed: s.revealAllowed,
    solutionsAfterDue: s.solutionsAfterDue,
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
  await getDb().$transaction(async (tx) => {
    await tx.problemSet.update({ where: { id: set.id }, data: settingsData(s) });
    // Problems already opened follow the set: whether solutions show, and the tries allowed (a
    // student who has used them all keeps one last try rather than being finished by the change).
    await tx.$executeRaw`
      UPDATE "ProblemInstance" p
      SET "showSolution" = ${s.showSolution},
          "maxTries" = CASE WHEN p."finishedAt" IS NULL THEN GREATEST(${s.triesAllowed}::int, p."triesUsed" + 1)
                            ELSE p."maxTries" END
      FROM "ProblemSetItem" i
      WHERE i."id" = p."assignmentItemId" AND i."setId" = ${set.id}::uuid`;
    if ((set.dueAt?.getTime() ?? null) !== (s.dueAt ? new Date(s.dueAt).getTime() : null))
      await recomputeLateness(tx, set.id);
  });
}

const afterDueOf = (input: unknown): unknown =>
  input && typeof input === "object" ? (input as { afterDue?: unknown }).afterDue : undefined;

export async function addCatalogueItem(options: {
  actor: ActingUser;
  setId: unknown;
  input: unknown;
}): Promise<{ id: string }> {
  const set = await ownSet(options.actor, options.setId);
  const { skillId, count, points } = parseOrThrow(catalogueItemInput, options.input);
  const plan = await planNewItem(set, afterDueOf(options.input));
  return createItem(set, { skillId, count, points }, plan);
}

export interface DrawView {
  /** "a = 3, b = -2"; empty without parameters. */
  values: string;
  statement: string;
  latex: string;
  keyLatex: string;
}

const drawView = (problem: Problem): DrawView => ({
  values: valuesText(parametersOf(problem)),
  statement: problem.statement,
  latex: problem.latex,
  keyLatex: keyLatexOf(problem),
});

/**
 * A typed problem with its key, for the teacher to confirm, and with random parameters several draws
 * with their keys; refused with the core's reason.
 */
export function checkAuthored(options: { actor: ActingUser; input: unknown }): {
  item: AuthoredItem;
  keyLatex: string;
  draws: DrawView[];
} {
  assertTeacher(options.actor);
  const { params, ...spec } = parseOrThrow(authoredItemInput, options.input);
  const r = authoredTemplate(spec, params);
  if (!r.ok) throw new AppError("INVALID_INPUT", r.error.message);
  return {
    item: r.item,
    keyLatex: keyLatexOf(r.item),
    draws: r.item.template ? r.draws.map((d) => drawView(d.problem)) : [],
  };
}

export async function addAuthoredItem(options: {
  actor: ActingUser;
  setId: unknown;
  input: unknown;
}): Promise<{ id: string }> {
  const set = await ownSet(options.actor, options.setId);
  const { item } = checkAuthored(options);
  const { points } = parseOrThrow(itemPointsInput, options.input);
  const plan = await planNewItem(set, afterDueOf(options.input));
  return createItem(set, { authored: item as unknown as Prisma.InputJsonValue, count: 1, points }, plan);
}

export async function publishSet(options: { actor: ActingUser; setId: unknown }): Promise<void> {
  const set = await ownSet(options.actor, options.setId);
  const items = await getDb().problemSetItem.count({ where: { setId: set.id } });
  if (items === 0) throw new AppError("INVALID_INPUT", "Add at least one problem before publishing.");
  if (set.publishedAt) return;
  await getDb().problemSet.update({ where: { id: set.id }, data: { publishedAt: await clockNow() } });
}

/** A later due date (in the future, after the set's) for one current student of the set's class. */
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
  const due = new Date(dueAt);
  if (due <= (await clockNow())) throw new AppError("INVALID_INPUT", "An extension must end in the future.");
  if (set.dueAt && due <= set.dueAt)
    throw new AppError("INVALID_INPUT", "An extension must end after the set's due date.");
  await getDb().$transaction(async (tx) => {
    await tx.extension.upsert({
      where: { setId_userId: { setId: set.id, userId } },
      create: { setId: set.id, userId, dueAt: new Date(dueAt) },
      update: { dueAt: new Date(dueAt) },
    });
    await recomputeLateness(tx, set.id, userId);
  });
}

/** Removes a student's extension: the set's due date applies to them again. */
export async function removeExtension(options: {
  actor: ActingUser;
  setId: unknown;
  userId: unknown;
}): Promise<void> {
  const set = await ownSet(options.actor, options.setId);
  const userId = idOr404(options.userId, "No such extension.");
  await getDb().$transaction(async (tx) => {
    const r = await tx.extension.deleteMany({ where: { setId: set.id, userId } });
    if (r.count === 0) throw new AppError("NOT_FOUND", "No such extension.");
    await recomputeLateness(tx, set.id, userId);
  });
}

export interface ItemView {
  id: string;
  position: number;
  label: string;
  /** The typed problem's statement typeset (one draw, when it has parameters); null for a skill. */
  latex: string | null;
  count: number;
  skillId: string | null;
  authored: AuthoredItem | null;
  started: boolean;
  /** Someone has answered one of its problems: it can no longer be removed (only excused). */
  answered: boolean;
  points: number;
  excused: boolean;
  fullCredit: boolean;
  dueAt: Date | null;
}

/**
 * An item's name for its teacher (the gradebook, the CSV): the skill's title, or a typed problem's
 * statement in words (the pages typeset `latex` beside it).
 */
export function itemLabel(item: { skillId: string | null; authored: unknown }): string {
  if (item.skillId) return getSkill(item.skillId)?.title ?? item.skillId;
  const p = item.authored as AuthoredItem | null;
  if (!p) return "Problem";
  const statement = readableText(p.statement.replace(/ \(Type DNE.*$/, ""));
  return p.template
    ? `${statement} (random parameters: ${p.template.parameters.replace(/\s*\n\s*/g, "; ")})`
    : statement;
}

export async function getSetForTeacher(options: { actor: ActingUser; setId: unknown }) {
  const set = await ownSet(options.actor, options.setId);
  const [items, roster, extensions] = await Promise.all([
    getDb().problemSetItem.findMany({
      where: { setId: set.id },
      orderBy: { position: "asc" },
      include: {
        _count: { select: { instances: true } },
        instances: { where: ANSWERED, select: { id: true }, take: 1 },
      },
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
    latex: (i.authored as Problem | null)?.latex ?? null,
    count: i.count,
    skillId: i.skillId,
    authored: (i.authored as AuthoredItem | null) ?? null,
    started: i._count.instances > 0,
    answered: i.instances.length > 0,
    points: i.points,
    excused: i.excused,
    fullCredit: i.fullCredit,
    dueAt: i.dueAt,
  }));
  const at = await clockNow();
  return {
    pastDue: set.publishedAt !== null && set.dueAt !== null && set.dueAt <= at,
    set,
    items: itemViews,
    roster: roster.map(identityOf),
    extensions,
  };
}

/** The draft as a student would see it, with numbers from `seed` ("new numbers" changes it). Nothing is stored. */
export async function previewSet(options: { actor: ActingUser; setId: unknown; seed: number }) {
  const { items } = await getSetForTeacher(options);
  return previewItems(items, options.seed);
}

/** The print page's data: the set as its page reads it, and its problems from `seed`, read once. */
export async function getSetForPrint(options: { actor: ActingUser; setId: unknown; seed: number }) {
  const data = await getSetForTeacher(options);
  return { ...data, problems: previewItems(data.items, options.seed) };
}

/** The problems of the items with numbers from `seed` (pure: generated, nothing read or stored). */
function previewItems(items: ItemView[], seed: number) {
  const out: ({ itemId: string; label: string; copy: number; solution: Solution } & DrawView)[] = [];
  for (const item of items) {
    for (let copy = 0; copy < item.count; copy++) {
      let p: Problem | null = item.authored;
      if (item.authored?.template) {
        // A different draw for each preview seed, as each student gets their own.
        p = null;
        for (let attempt = 0; attempt < DRAW_SEEDS && !p; attempt++)
          p = drawAuthored(item.authored.template, Math.abs(seed) * 7919 + item.position * 101 + attempt);
      }
      if (!p && item.skillId) {
        const g = generate(item.skillId, (Math.abs(seed) * 7919 + item.position * 101 + copy) % 2147483647);
        p = g.ok ? g.problem : null;
      }
      if (p)
        out.push({
          itemId: item.id,
          label: item.label,
          copy,
          ...drawView(p),
          solution: solution(p),
        });
    }
  }
  return out;
}
