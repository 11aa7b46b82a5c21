// Shared by the integration tests: make a learner, read a problem's stored key, answer it, expect an
// AppError, run on the test clock, give a learner a started card.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import type { Problem } from "@/lib/problems";
import { getDb } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { setClockOffset } from "@/lib/server/clock";
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

/** Answers a problem once: its key (right), or a number that is never a key (wrong). */
export async function answerOnce(actor: ActingUser, instanceId: string, right: boolean) {
  // Imported here: most files that use these helpers never answer a problem.
  const { submitAnswer } = await import("@/lib/server/practice/practice");
  return submitAnswer({
    actor,
    instanceId,
    input: {
      clientSubmissionId: randomUUID(),
      answer: right ? (await keyOf(instanceId)).answer : "12345",
      elapsedMs: 7000,
    },
  });
}

/**
 * Runs the file's tests on the test clock (GD_TEST_CLOCK), set back to the real time after each test;
 * returns the function that sets it to a moment.
 */
export function useTestClock(): (at: number) => Promise<void> {
  beforeAll(() => {
    process.env.GD_TEST_CLOCK = "1";
  });
  afterEach(async () => {
    await setClockOffset(0);
  });
  afterAll(() => {
    delete process.env.GD_TEST_CLOCK;
  });
  return (at: number) => setClockOffset(at - Date.now());
}

/** A skill card as a learner's first review leaves it (Learning, rated Good at `at`, due a minute on). */
export function startedCard(userId: string, skillId: string, at: number) {
  return {
    userId,
    skillId,
    due: new Date(at + 60_000),
    stability: 0.5,
    difficulty: 6,
    elapsedDays: 0,
    scheduledDays: 0,
    learningSteps: 1,
    reps: 1,
    lapses: 0,
    state: "Learning" as const,
    lastReview: new Date(at - 60_000),
    lastRating: "Good" as const,
  };
}
