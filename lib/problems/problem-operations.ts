// The problem operations of `calc batch` (skills, generate, grade), composed with the core's own
// operations through the ExtraOps hook. Other programs rely on these shapes: change them only by adding.
import { z } from "zod";
import type { ExtraOps, Json, Response } from "../calculus/tool-protocol";
import { SKILLS, generate } from "./catalogue";
import { grade } from "./grade";
import type { Problem } from "./types";

const seedSchema = z.number().int().min(0).max(0xffffffff);
const skillSchema = z.string().min(1).max(100);
const answerSchema = z.union([
  z.string().max(10_000),
  z.array(z.string().max(10_000)).min(1).max(16),
  // A grid: rows of cells (concrete vectors and matrices).
  z
    .array(z.array(z.string().max(10_000)).min(1).max(16))
    .min(1)
    .max(16),
]);

const generateSchema = z.object({
  op: z.literal("generate"),
  skill: skillSchema,
  seed: seedSchema,
  version: z.number().int().min(1).optional(),
});
const gradeSchema = z.object({
  op: z.literal("grade"),
  skill: skillSchema,
  seed: seedSchema,
  version: z.number().int().min(1).optional(),
  answer: answerSchema,
});

function error(code: string, message: string, at?: number): Response {
  const e: { [k: string]: Json } = { code, message };
  if (at !== undefined) e.at = at;
  return { ok: false, error: e };
}

function badRequest(err: z.ZodError): Response {
  const issue = err.issues[0];
  const where = issue && issue.path.length ? `'${issue.path.join(".")}'` : "the request";
  return error("BAD_REQUEST", `Bad ${where}: ${issue?.message ?? "invalid"}`);
}

/** The problem as the command-line tool shows it. */
export function problemJson(p: Problem): Response {
  return {
    skill: p.skill,
    seed: p.seed,
    version: p.version,
    kind: p.kind,
    statement: p.statement,
    latex: p.latex,
    given: JSON.parse(JSON.stringify(p.given)) as Json,
    answer: JSON.parse(JSON.stringify(p.answer)) as Json,
  };
}

function generated(
  skill: string,
  seed: number,
  version?: number,
): { ok: true; problem: Problem } | { ok: false; response: Response } {
  const g = generate(skill, seed, version);
  if (g.ok) return g;
  return { ok: false, response: error(g.error.code, g.error.message) };
}

/** `skills`, `generate` and `grade` for `calc batch`; null for any other op. Never throws. */
export const problemOps: ExtraOps = (request) => {
  switch (request.op) {
    case "skills":
      return {
        ok: true,
        skills: SKILLS.map((s) => ({
          id: s.id,
          title: s.title,
          kind: s.kind,
          prerequisites: [...s.prerequisites],
        })),
      };
    case "generate": {
      const r = generateSchema.safeParse(request);
      if (!r.success) return badRequest(r.error);
      const g = generated(r.data.skill, r.data.seed, r.data.version);
      if (!g.ok) return g.response;
      return { ok: true, problem: problemJson(g.problem) };
    }
    case "grade": {
      const r = gradeSchema.safeParse(request);
      if (!r.success) return badRequest(r.error);
      const g = generated(r.data.skill, r.data.seed, r.data.version);
      if (!g.ok) return g.response;
      const v = grade(g.problem, r.data.answer);
      if (v.status === "cannot_check") return error("CANNOT_CHECK", v.message);
      if (v.status === "invalid")
        return error(v.error?.code ?? "BAD_REQUEST", v.error?.message ?? v.message, v.error?.at);
      const out: Response = { ok: true, correct: v.correct, message: v.message };
      if (v.diagnosis) out.diagnosis = v.diagnosis.code;
      return out;
    }
    default:
      return null;
  }
};
