// Reading input at the boundary of a data function: through a zod schema, or an AppError that the
// route frame turns into a clear refusal (INVALID_INPUT: 400; an id that is not one: 404, so that
// malformed ids and other people's ids look alike).
import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/server/errors";

/** The parsed input, or INVALID_INPUT with the schema's first message. */
export function parseOrThrow<T>(schema: z.ZodType<T>, raw: unknown, fallback = "Invalid input."): T {
  const r = schema.safeParse(raw);
  if (!r.success) throw new AppError("INVALID_INPUT", r.error.issues[0]?.message ?? fallback);
  return r.data;
}

/** The id, or NOT_FOUND with `message` when it is not an id at all. */
export function idOr404(raw: unknown, message: string, schema: z.ZodType<string> = z.uuid()): string {
  const r = schema.safeParse(raw);
  if (!r.success) throw new AppError("NOT_FOUND", message);
  return r.data;
}
