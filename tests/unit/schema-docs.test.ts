// The doc comments of prisma/schema.prisma stand above the model they describe (they reach the
// generated client's types and the DMMF): a comment that slid onto the next model misdescribes both.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/** Each model's (and enum's) `///` block, read from the lines right above its declaration. */
function docs(): Map<string, string> {
  const lines = readFileSync("prisma/schema.prisma", "utf8").split("\n");
  const out = new Map<string, string>();
  lines.forEach((line, i) => {
    const m = /^(?:model|enum) (\w+) \{/.exec(line);
    if (!m) return;
    const block: string[] = [];
    for (let j = i - 1; j >= 0 && lines[j]!.startsWith("///"); j--) block.unshift(lines[j]!.slice(3).trim());
    out.set(m[1]!, block.join(" "));
  });
  return out;
}

describe("the schema's doc comments", () => {
  it("describe the model they stand above", () => {
    const d = docs();
    expect(d.get("Enrollment")).toMatch(/^A learner in a class\./);
    expect(d.get("Invitation")).toMatch(/^A teacher's invitation of an email/);
    expect(d.get("Invitation")).not.toContain("A learner in a class");
    expect(d.get("GradingReport")).toMatch(/^A learner's report that a verdict is wrong/);
    expect(d.get("Drill")).toMatch(/^A learner's drill of one local day/);
    expect(d.get("Drill")).not.toContain("report");
  });

  it("each block describes one model: no block holds two descriptions that start 'A …'", () => {
    for (const [name, doc] of docs()) {
      const starts = doc.match(/(?:^|\. )An? [a-z]/g) ?? [];
      expect(starts.length, `${name}: ${doc}`).toBeLessThanOrEqual(1);
    }
  });
});
