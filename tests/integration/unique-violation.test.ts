// A unique constraint refusing a second row is told by its code, whichever copy of Prisma's error
// classes made the error: the app's server loads the data functions twice in one process (Next.js's
// build and the bundle of the graded answer's route), and a replayed or concurrent write must be
// recognised as such by either (answered with the recorded result, not a 500).
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db/client";
import { isUniqueViolation } from "@/lib/server/db/unique-violation";
import { learner } from "./helpers";

describe("a unique violation", () => {
  it("is recognised from the database's own refusal, and from an error of another copy of the classes", async () => {
    const me = await learner("unique");
    const again = await getDb()
      .user.create({ data: { email: me.email, displayName: "twin", passwordHash: "x", role: "learner" } })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(isUniqueViolation(again)).toBe(true);

    class CopiedKnownRequestError extends Error {
      code = "P2002";
    }
    expect(isUniqueViolation(new CopiedKnownRequestError("Unique constraint failed"))).toBe(true);
  });

  it("is not any other error: another Prisma code, a driver error, a string, nothing", () => {
    expect(isUniqueViolation(Object.assign(new Error("not found"), { code: "P2025" }))).toBe(false);
    expect(isUniqueViolation(Object.assign(new Error("duplicate"), { code: "23505" }))).toBe(false);
    expect(isUniqueViolation("P2002")).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
    expect(isUniqueViolation(undefined)).toBe(false);
  });
});
