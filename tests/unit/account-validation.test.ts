// Input rules for accounts and the environment, as a user or an operator meets them.
import { describe, expect, it } from "vitest";
import { getEnv } from "@/lib/server/env";
import { signUpInput } from "@/lib/validation/account";

describe("sign-up input", () => {
  const valid = {
    displayName: " Ada ",
    email: " Ada@Example.COM ",
    password: "long enough password",
  };

  it("trims the name and lowercases the email", () => {
    expect(signUpInput.parse(valid)).toMatchObject({ displayName: "Ada", email: "ada@example.com" });
  });

  it("ignores a role sent with the form: sign-up makes learners only", () => {
    expect(signUpInput.parse({ ...valid, role: "teacher" })).not.toHaveProperty("role");
    expect(signUpInput.parse({ ...valid, role: "admin" })).not.toHaveProperty("role");
  });

  it.each([
    [{ password: "short" }, "password", "Use at least 10 characters."],
    [{ email: "not-an-email" }, "email", "Enter a valid email address."],
    [{ displayName: "   " }, "displayName", "Enter a display name."],
    [{ password: "ada@example.com" }, "password", "Your password cannot be your email address."],
  ])("refuses %o", (change, field, message) => {
    const result = signUpInput.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => i.path[0] === field);
    expect(issue).toBeDefined();
    if (message) expect(issue?.message).toBe(message);
  });
});

describe("environment", () => {
  const base = { DATABASE_URL: "postgresql://localhost/x", AUTH_SECRET: "x".repeat(40) };

  it("has defaults for the sign-in limits and turns demo mode off in production", () => {
    const env = getEnv({ ...base, GD_DEMO: "1", GD_PRODUCTION: "1" });
    expect(env.GD_DEMO).toBe(false);
    expect(env.GD_SIGNIN_MAX_PER_ACCOUNT).toBe(5);
    expect(getEnv({ ...base, GD_DEMO: "1" }).GD_DEMO).toBe(true);
  });

  it("names every missing or bad variable in one message", () => {
    expect(() => getEnv({ AUTH_SECRET: "short", GD_SIGNIN_WINDOW_SECONDS: "-5" })).toThrow(
      /DATABASE_URL[\s\S]*AUTH_SECRET: AUTH_SECRET must be at least 32 characters[\s\S]*GD_SIGNIN_WINDOW_SECONDS/,
    );
  });

  it("takes the base URL as an origin and refuses one with a path or another scheme", () => {
    expect(getEnv({ ...base, GD_BASE_URL: "https://drill.example.org/" }).GD_BASE_URL).toBe(
      "https://drill.example.org",
    );
    expect(() => getEnv({ ...base, GD_BASE_URL: "https://drill.example.org/app" })).toThrow(
      /GD_BASE_URL must be only scheme, host and port/,
    );
    expect(() => getEnv({ ...base, GD_BASE_URL: "javascript:alert(1)" })).toThrow(/GD_BASE_URL/);
  });

  it("reads TRUSTED_PROXIES as a list of IP addresses and refuses anything else", () => {
    expect(getEnv(base).TRUSTED_PROXIES).toEqual([]);
    expect(getEnv({ ...base, TRUSTED_PROXIES: " 10.0.0.2, ::1 " }).TRUSTED_PROXIES).toEqual([
      "10.0.0.2",
      "::1",
    ]);
    expect(() => getEnv({ ...base, TRUSTED_PROXIES: "10.0.0.2, proxy.local" })).toThrow(
      /TRUSTED_PROXIES must list IP addresses/,
    );
  });

  it("ends idle sessions after 7 days unless configured", () => {
    expect(getEnv(base).GD_SESSION_IDLE_SECONDS).toBe(7 * 24 * 3600);
    expect(getEnv({ ...base, GD_SESSION_IDLE_SECONDS: "3600" }).GD_SESSION_IDLE_SECONDS).toBe(3600);
  });
});
