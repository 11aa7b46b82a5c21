// After sign-in the app only ever returns to a path on its own site.
import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/safe-redirect";

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
