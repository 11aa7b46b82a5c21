// Shared by the integration tests: make a learner, read a problem's stored key, expect an AppError.
import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import type { Problem } from "@/lib/problems";
import { getDb } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import type { ActingUser } from "@/lib/server/users/user.types";

/** The origin the app accepts writes from in the tests (no GD_BASE_URL: localhost on PORT 3000). */
export const APP_ORIGIN = "http://localhost:3000";

/** A POST as the app's own pages send it: JSON, from the app's origin. `headers` override. */
export function appPost(body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`${APP_ORIGIN}/api/x`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: APP_ORIGIN, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** A fresh learner (no password: these tests call the data functions directly). */
export async function learner(label = "learner", data: Record<string, unknown> = {}): Promise<ActingUser> {
  const email = `${label}-${randomBytes(5).toString("hex")}@example.com`;
  return getDb().user.create({
    data: { email, displayName: label, passwordHash: "not-used", role: "learner", ...data },
    select: { id: true, email: true, displayName: true, role: true },
  });
}

/** The problem as issued, key included, read straight from the database. */
export async function keyOf(instanceId: string): Promise<Problem> {
  const row = await getDb().problemInstance.findUniqueOrThrow({ where: { id: instanceId } });
  return row.problem as unknown as Problem;
}

/** Awaits `work` (a promise, or a function that may throw) and expects an AppError with `code`. */
export async function expectAppError(
  work: Promise<unknown> | (() => unknown),
  code: string,
): Promise<AppError> {
  const error = await (typeof work === "function" ? Promise.resolve().then(work) : work).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}
