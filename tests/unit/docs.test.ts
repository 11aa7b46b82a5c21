// The project explains itself: its docs list every skill and every named mistake, and no file points
// to a document outside the repository or to a folder of one machine.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MISTAKES } from "@/lib/calculus/mistakes";
import { SKILLS } from "@/lib/problems/catalogue";

const ROOT = path.resolve(import.meta.dirname, "../..");
const read = (p: string): string => readFileSync(path.join(ROOT, p), "utf8");

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(ROOT, dir))) {
    const rel = path.join(dir, name);
    if (name === "node_modules" || name === "generated" || name.startsWith(".")) continue;
    if (statSync(path.join(ROOT, rel)).isDirectory()) out.push(...files(rel));
    else if (/\.(ts|tsx|md|mjs|js|css)$/.test(name)) out.push(rel);
  }
  return out;
}

describe("the project's docs", () => {
  it("list every skill of the catalogue in docs/curriculum.md", () => {
    const doc = read("docs/curriculum.md");
    for (const s of SKILLS) expect(doc, s.id).toContain(`\`${s.id}\``);
  });

  it("name every mistake code of the catalogue in docs/grading.md", () => {
    const doc = read("docs/grading.md");
    for (const code of Object.keys(MISTAKES)) expect(doc, code).toContain(`\`${code}\``);
  });

  it("refer to no document outside the repository and no folder of a machine", () => {
    // Built from parts so that this file does not match itself.
    const outside = new RegExp(["\\.\\./" + "shared", "/" + "work/", "/" + "root/", "/" + "home/"].join("|"));
    const all = ["app", "bin", "components", "docs", "lib", "prisma", "scripts", "tests", "types"]
      .flatMap(files)
      .concat(["README.md"]);
    expect(all.length).toBeGreaterThan(100);
    const offending = all.filter((f) => outside.test(read(f)));
    expect(offending).toEqual([]);
  });

  it("name the machine of every benchmark section alike: processor, cores and memory", () => {
    const doc = read("docs/benchmarks.md");
    const machines = doc.split("\n\n").filter((p) => p.startsWith("Machine:"));
    const sections = doc.split("\n").filter((l) => l.startsWith("## "));
    expect(machines.length).toBeGreaterThanOrEqual(sections.length);
    for (const m of machines) {
      expect(m, m).toMatch(/AMD EPYC|Intel Xeon/);
      expect(m, m).toContain("2 cores");
      expect(m, m).toContain("24 GiB");
    }
  });

  it("scale out from the latest bench:http figures of docs/benchmarks.md", () => {
    const latest = read("docs/benchmarks.md")
      .split("## The graded answer answered before Next.js")[1]!
      .split("\n## ")[0]!;
    const scaling = read("docs/scaling.md").split("## What one request costs")[1]!;
    const rows = scaling.split("\n").filter((l) => /^\| [12] /.test(l));
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      const numbers =
        row
          .split("|")
          .slice(2, 6)
          .join(" ")
          .match(/\d+(\.\d+)?/g) ?? [];
      expect(numbers.length, row).toBeGreaterThanOrEqual(4);
      for (const n of numbers) expect(latest, `${n} of scaling.md's row ${row}`).toContain(n);
    }
  });

  it("number the decision records uniquely", () => {
    const numbers = readdirSync(path.join(ROOT, "docs/decisions")).map((f) => f.slice(0, 4));
    expect(new Set(numbers).size).toBe(numbers.length);
  });
});
