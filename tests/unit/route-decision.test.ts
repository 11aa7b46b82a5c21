// Which requests the proxy lets through and which it sends to sign-in.
import { describe, expect, it } from "vitest";
import { routeDecision } from "@/lib/server/auth/config";

describe("routeDecision", () => {
  it.each([
    ["/", null, "allow"],
    ["/signin", null, "allow"],
    ["/dashboard", null, "signin"],
    ["/account/settings", null, "signin"],
    ["/teacher", null, "signin"],
    ["/dashboards-are-public", null, "allow"],
    ["/dashboard", { role: "learner" }, "allow"],
    ["/teacher", { role: "learner" }, "allow"],
    ["/today", null, "signin"],
    ["/today/drill", null, "signin"],
    ["/progress", null, "signin"],
    ["/settings", null, "signin"],
    ["/today", { role: "learner" }, "allow"],
  ] as const)("%s as %o -> %s", (path, user, expected) => {
    expect(routeDecision(path, user)).toBe(expected);
  });
});
