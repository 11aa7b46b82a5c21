// After sign-in the app only ever returns to a path on its own site.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { safeNext } from "@/lib/practice/session";
import { safeReturnPath, sitePath } from "@/lib/safe-redirect";

describe("safeReturnPath", () => {
  it.each([
    ["/account", "/account"],
    ["/teacher?tab=classes", "/teacher?tab=classes"],
    ["http://localhost:3000/account", "/account"],
    ["https://evil.example/steal", "/steal"],
    ["//evil.example/path", "/path"],
    ["/signin?callbackUrl=/account", "/dashboard"],
    ["/api/auth/signout", "/dashboard"],
    ["", "/dashboard"],
    [undefined, "/dashboard"],
    [42, "/dashboard"],
  ])("%s -> %s", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });
});

describe("one rule for redirect targets", () => {
  const hostile = [
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "/a b",
    "/\tx",
    "http://x//evil.example",
    "/./\\evil.example",
    `/${"a".repeat(600)}`,
  ];

  it.each(hostile)("after sign-in, %j never leads to a place the session's `next` refuses", (v) => {
    const path = safeReturnPath(v);
    expect(path === "/dashboard" || sitePath(path) === path).toBe(true);
    expect(safeNext(v)).toBe(sitePath(v));
  });

  it("any text: what sign-in returns to is a site path, and agrees with `next` where both accept", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.webPath()), (v) => {
        const path = safeReturnPath(v);
        expect(sitePath(path)).toBe(path);
        const strict = sitePath(v);
        if (strict !== undefined && !strict.startsWith("/signin") && !strict.startsWith("/api/"))
          expect(path).toBe(strict);
      }),
    );
  });
});
