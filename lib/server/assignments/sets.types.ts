// Requests of problem sets (zod) and the views that go out.
import { z } from "zod";
import { typedText } from "@/lib/validation/text";
import { SKILLS } from "@/lib/problems";
import { VARIABLE_NAME } from "@/lib/problems/authored";
import { MAX_PARAMETER_TEXT } from "@/lib/problems/parameters";

const when = z.iso.datetime({ offset: true, error: "Give a valid date and time." }).nullable();

export const setSettingsInput = z
  .object({
    title: typedText("title").trim().min(1, "Give the set a title.").max(120, "Use at most 120 characters."),
    instructions: typedText("instructions").trim().max(2000, "Use at most 2000 characters.").default(""),
    opensAt: when.default(null),
    dueAt: when.default(null),
    triesAllowed: z.number().int().min(1, "Allow at least one try.").max(10, "Allow at most 10 tries."),
    showSolution: z.boolean(),
    latePolicy: z.enum(["accept_flagged", "refuse"]),
    latePenaltyPct: z
      .number()
      .int("A late penalty is a whole percentage.")
      .min(0, "A late penalty is between 0 and 100 %.")
      .max(100, "A late penalty is between 0 and 100 %.")
      .nullable()
      .default(null),
    hintsAllowed: z.boolean().default(true),
    revealAllowed: z.boolean().default(true),
    solutionsAfterDue: z.boolean().default(false),
  })
  .refine((s) => !s.opensAt || !s.dueAt || new Date(s.opensAt) < new Date(s.dueAt), {
    message: "The due date must be after the opening date.",
  });
export type SetSettings = z.infer<typeof setSettingsInput>;

const skillIds = SKILLS.map((s) => s.id) as [string, ...string[]];
const points = z
  .number()
  .int("Points are a whole number.")
  .min(0, "Points are between 0 and 100.")
  .max(100, "Points are between 0 and 100.");
export const itemPointsInput = z.object({ points: points.default(1) });
export const catalogueItemInput = z.object({
  skillId: z.enum(skillIds, { error: "Choose a skill from the catalogue." }),
  count: z.number().int().min(1, "At least one problem.").max(10, "At most 10 problems per item."),
  points: points.default(1),
});

const varName = z
  .string()
  .trim()
  .max(
    20,
    "A variable is one lowercase letter other than e or a Greek letter's name, optionally followed by digits (x, w1, theta).",
  )
  .regex(
    VARIABLE_NAME,
    "A variable is one lowercase letter other than e or a Greek letter's name, optionally followed by digits (x, t, w1, theta).",
  );
const f = z.string().max(300, "The function is too long (300 characters at most).");
/** Random parameters and conditions (lib/problems/parameters.ts), read by the core. */
const params = typedText("parameters")
  .max(MAX_PARAMETER_TEXT, `The parameters are too long (${MAX_PARAMETER_TEXT} characters at most).`)
  .default("");
const point = z.string().trim().min(1, "Give the point, e.g. 1 or 1, 2.").max(60);
export const authoredItemInput = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("hessian"),
    f,
    vars: z.array(varName).min(2, "A Hessian needs two or three variables.").max(3),
    params,
  }),
  z.object({
    kind: z.literal("taylor2"),
    f,
    vars: z.array(varName).min(1).max(2, "A Taylor approximation here has one or two variables."),
    at: z.string().trim().min(1, "Give the point, e.g. 0, 0.").max(40),
    params,
  }),
  z.object({
    kind: z.literal("matrix"),
    symbols: z.string().trim().min(1, "Declare the symbols, e.g. W: m x n, x: n, y: m.").max(200),
    f,
    wrt: z
      .string()
      .trim()
      .regex(/^[A-Za-z][A-Za-z0-9_]{0,15}$/, "Name the symbol to differentiate by, as declared."),
    asks: z.enum(["derivative", "gradient"], { error: "Choose the derivative or the gradient." }),
    key: z.string().max(300, "The key is too long (300 characters at most).").optional(),
    params,
  }),
  z.object({ kind: z.literal("derivative"), f, var: varName, params }),
  z.object({ kind: z.literal("derivative_at"), f, var: varName, at: point, params }),
  z.object({ kind: z.literal("partial"), f, vars: z.array(varName).min(1).max(3), wrt: varName, params }),
  z.object({
    kind: z.literal("gradient"),
    f,
    vars: z.array(varName).min(2, "A gradient needs at least two variables.").max(3),
    params,
  }),
  z.object({
    kind: z.literal("gradient_at"),
    f,
    vars: z.array(varName).min(2, "A gradient needs at least two variables.").max(3),
    at: point,
    params,
  }),
  z.object({
    kind: z.literal("limit"),
    f,
    var: varName,
    to: z.string().trim().min(1, "Give the point a.").max(40),
    side: z.enum(["both", "left", "right"]),
    params,
  }),
]);

/** What happens to an item added after the set's due date: excused for those who finished, or its own due date. */
export const afterDueInput = z
  .discriminatedUnion("choice", [
    z.object({ choice: z.literal("excuse_finished") }),
    z.object({
      choice: z.literal("new_due"),
      dueAt: z.iso.datetime({ offset: true, error: "Give a valid due date for the new problem." }),
    }),
  ])
  .optional();

export const excuseInput = z.object({
  /** One student; absent: everyone. */
  userId: z.uuid().optional(),
  excused: z.boolean(),
});
export const fullCreditInput = z.object({ fullCredit: z.boolean() });
export const pointsInput = z.object({ points });

export const extensionInput = z.object({
  userId: z.uuid(),
  dueAt: z.iso.datetime({ offset: true, error: "Give a valid date and time." }),
});

export const overrideInput = z.object({
  accept: z.boolean(),
  note: typedText("note")
    .trim()
    .min(1, "Write a short note for the student.")
    .max(500, "Use at most 500 characters."),
  reportId: z.uuid().optional(),
});
