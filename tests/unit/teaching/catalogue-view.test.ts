// The teachers' catalogue: every skill once, grouped by topic, each with a sample problem, its answer
// and a worked solution; a search by words of the title, method or topic.
import { describe, expect, it } from "vitest";
import { SKILLS } from "@/lib/problems";
import { catalogueView } from "@/lib/teaching/catalogue-view";

describe("the catalogue for teachers", () => {
  it("lists every skill once under its topic, with a typeset sample, answer and solution", () => {
    const v = catalogueView("");
    const ids = v.topics.flatMap((t) => t.skills.map((s) => s.id));
    expect(ids.sort()).toEqual(SKILLS.map((s) => s.id).sort());
    expect(v.count).toBe(SKILLS.length);
    for (const t of v.topics)
      for (const s of t.skills) {
        expect(SKILLS.find((k) => k.id === s.id)?.topic).toBe(t.topic);
        expect(s.sample?.latex).toBeTruthy();
        expect(s.sample?.keyLatex).toBeTruthy();
        expect(s.sample?.steps.length).toBeGreaterThan(0);
      }
  });

  it("finds skills by every word typed, in any case and punctuation", () => {
    const v = catalogueView("Chain-RULE at");
    expect(v.topics.flatMap((t) => t.skills.map((s) => s.title))).toContain("The chain rule at a value of t");
    for (const t of v.topics)
      for (const s of t.skills) expect(`${t.title} ${s.title} ${s.description}`).toMatch(/chain/i);
    expect(v.count).toBeLessThan(SKILLS.length);
    expect(catalogueView("no such skill zzz")).toMatchObject({ count: 0, topics: [] });
  });

  it("keeps the same sample at every request and caps the query", () => {
    expect(catalogueView("product").topics).toEqual(catalogueView("product").topics);
    expect(catalogueView("x".repeat(500)).query).toHaveLength(80);
  });
});
