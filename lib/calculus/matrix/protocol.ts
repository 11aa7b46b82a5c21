// The command-line tool's matrix operations (`mparse`, `mequiv`, `mderiv`), validated with zod.
// Composed with the scalar operations by the tool (bin/calc.ts); other programs rely on these shapes.
import { z } from "zod";
import type { CoreError } from "../errors";
import { type Grade, grade } from "./grade";
import { bindKeySizes, derivativeKey, expressionKey } from "./key";
import { toLatex, toText } from "./print";
import { readMatrix } from "./read";
import { type Decls, declare, formatShape } from "./shape";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Response = { [key: string]: Json };

const text = z.string().max(10_000);
const declsSchema = z.record(
  z.string().max(16),
  z.union([
    z.string().max(40),
    z.object({ shape: z.string().max(40), props: z.array(z.string().max(20)).max(4).optional() }),
  ]),
);

const schemas = {
  mparse: z.object({ op: z.literal("mparse"), input: text, decls: declsSchema }),
  mequiv: z.object({ op: z.literal("mequiv"), decls: declsSchema, expected: text, answer: text }),
  mderiv: z.object({
    op: z.literal("mderiv"),
    decls: declsSchema,
    f: text,
    wrt: z.string().max(16),
    asks: z.enum(["derivative", "gradient"]),
    answer: text,
  }),
};

function errorResponse(error: CoreError, label?: string): Response {
  const e: { [key: string]: Json } = {
    code: error.code,
    message: label ? `${label}: ${error.message}` : error.message,
  };
  if (error.at !== undefined) e.at = error.at;
  return { ok: false, error: e };
}

function gradeResponse(g: Grade, withCorrect: boolean): Response {
  if (!g.ok) return errorResponse(g.error);
  const out: Response = { ok: true, equivalent: g.equivalent };
  if (withCorrect) out.correct = g.equivalent;
  if (g.diagnosis) out.diagnosis = { code: g.diagnosis.code, message: g.diagnosis.message };
  if (g.counterexample) out.counterexample = g.counterexample;
  return out;
}

function describeZodError(err: z.ZodError): string {
  const issue = err.issues[0];
  if (!issue) return "The request is not valid.";
  const where = issue.path.length ? `'${issue.path.join(".")}'` : "the request";
  return `Bad ${where}: ${issue.message}`;
}

type Op = keyof typeof schemas;
const isOp = (op: string): op is Op => Object.hasOwn(schemas, op);

/** Handle a matrix request; null for an op this module does not know. Never throws. */
export function matrixOps(request: { op: string } & Record<string, unknown>): Response | null {
  if (!isOp(request.op)) return null;
  const parsed = schemas[request.op].safeParse(request);
  if (!parsed.success) return errorResponse({ code: "BAD_REQUEST", message: describeZodError(parsed.error) });
  const declared = declare(parsed.data.decls);
  if (!declared.ok) return errorResponse(declared.error);
  try {
    return run(parsed.data, declared.decls);
  } catch (err) {
    if (err instanceof RangeError) {
      return errorResponse({ code: "RESULT_TOO_LARGE", message: "This expression is too large to handle." });
    }
    return errorResponse({ code: "BAD_REQUEST", message: "Internal error while handling this request." });
  }
}

type Request = { [K in Op]: z.infer<(typeof schemas)[K]> }[Op];

function run(req: Request, decls: Decls): Response {
  switch (req.op) {
    case "mparse": {
      const r = readMatrix(req.input, decls);
      if (!r.ok) return errorResponse(r.error);
      return {
        ok: true,
        shape: formatShape(r.shape),
        normalized: toText(r.expr),
        latex: toLatex(r.expr, decls),
      };
    }
    case "mequiv": {
      const key = readMatrix(req.expected, decls);
      if (!key.ok) return errorResponse(key.error, "expected");
      const answer = readMatrix(req.answer, decls);
      if (!answer.ok) return errorResponse(answer.error);
      const sized = bindKeySizes(decls, key.typed, answer.typed);
      if (!sized) {
        return errorResponse({
          code: "UNKNOWN_SIZE",
          message: "expected: the size of I or 𝟏 cannot be told here: write I_n or 1_n.",
        });
      }
      return gradeResponse(grade(decls, expressionKey(sized), answer.typed), false);
    }
    case "mderiv": {
      const f = readMatrix(req.f, decls);
      if (!f.ok) return errorResponse(f.error, "f");
      const key = derivativeKey(decls, f.typed, req.wrt, req.asks);
      if (!key.ok) return errorResponse(key.error);
      const answer = readMatrix(req.answer, decls);
      if (!answer.ok) return errorResponse(answer.error);
      return gradeResponse(grade(decls, key.key, answer.typed), true);
    }
  }
}
