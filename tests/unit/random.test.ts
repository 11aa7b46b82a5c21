// The one seeded generator (lib/calculus/random.ts): FNV-1a as published, and every place that
// hashes with it agrees (no copy of the constants elsewhere to drift).
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { FNV_OFFSET, fnv1a, fnvStep, mulberry32 } from "@/lib/calculus/random";

describe("FNV-1a and mulberry32", () => {
  it("gives the published FNV-1a test vectors", () => {
    expect(fnv1a("")).toBe(0x811c9dc5);
    expect(fnv1a("a")).toBe(0xe40c292c);
    expect(fnv1a("foobar")).toBe(0xbf9cf968);
  });

  it("one step of a string is one fnvStep", () => {
    expect(fnv1a("a")).toBe(fnvStep(FNV_OFFSET, "a".charCodeAt(0)) >>> 0);
  });

  it("draws the same numbers for the same seed", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it("no other source file writes FNV's constants", () => {
    const files = execFileSync("git", ["ls-files", "*.ts", "*.tsx", "*.mjs"], { encoding: "utf8" })
      .split("\n")
      .filter((f) => f && f !== "lib/calculus/random.ts" && f !== "tests/unit/random.test.ts");
    const copies = files.filter((f) => /16777619|2166136261|0x811c9dc5/i.test(readFileSync(f, "utf8")));
    expect(copies).toEqual([]);
  });
});
