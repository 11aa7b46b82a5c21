// The environment has one reader: the production flag read before start-up and the database's
// settings read by the database client agree with the validated environment (getEnv).
import { describe, expect, it } from "vitest";
import { databaseEnv, getEnv, productionMode } from "@/lib/server/env";

const base = { DATABASE_URL: "postgresql://localhost/x", AUTH_SECRET: "x".repeat(40) };

describe("one reading of the production flag", () => {
  it.each(["1", "true", "0", "false", "", undefined])("GD_PRODUCTION=%j", (value) => {
    const source = { ...base, GD_PRODUCTION: value };
    expect(productionMode(source)).toBe(getEnv(source).GD_PRODUCTION);
  });

  it.each(["yes", "on", "TRUE"])(
    "GD_PRODUCTION=%j is refused at start-up and counts as production before it",
    (value) => {
      const source = { ...base, GD_PRODUCTION: value };
      expect(() => getEnv(source)).toThrow(/GD_PRODUCTION/);
      expect(productionMode(source)).toBe(true);
    },
  );
});

describe("the database's settings come through the validated environment", () => {
  it("agree with getEnv, defaults included", () => {
    for (const extra of [{}, { GD_DB_POOL_MAX: "3" }]) {
      const source = { ...base, ...extra };
      const env = getEnv(source);
      expect(databaseEnv(source)).toEqual({
        DATABASE_URL: env.DATABASE_URL,
        GD_DB_POOL_MAX: env.GD_DB_POOL_MAX,
      });
    }
  });

  it.each([
    [{ DATABASE_URL: "mysql://localhost/x" }, /DATABASE_URL must be a postgresql:\/\/ URL/],
    [{ DATABASE_URL: undefined }, /DATABASE_URL is missing/],
    [{ GD_DB_POOL_MAX: "0" }, /GD_DB_POOL_MAX/],
    [{ GD_DB_POOL_MAX: "lots" }, /GD_DB_POOL_MAX/],
  ])("refuses %j with the message getEnv gives", (extra, message) => {
    const source = { ...base, ...extra };
    expect(() => databaseEnv(source)).toThrow(message);
    expect(() => getEnv(source)).toThrow(message);
  });
});
