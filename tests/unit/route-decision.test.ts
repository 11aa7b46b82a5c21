// Which requests the proxy lets through, sends to sign-in, or answers with the 403 page.
import { describe, expect, it } from "vitest";
import { routeDecision } from "@/lib/server/auth/config";

describe("routeDecision", () => {
  it.each([
    ["/", null, "allow"],
    ["/signin", null, "allow"],
    ["/dashboard", null, "signin"],
    ["/account/settings", null, "signin"],
    ["/dashboards-are-public", null, "allow"],
    ["/dashboard", { role: "learner" }, "allow"],
    ["/teacher", { role: "learner" }, "forbidden"],
    ["/teacher/classes", { role: "teacher" }, "allow"],
    ["/teacher", { role: "admin" }, "allow"],
  ] as const)("%s as %o -> %s", (path, user, expected) => {
    expect(routeDecision(path, user)).toBe(expected);
  });
});
