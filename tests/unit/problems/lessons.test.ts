// Every catalogue skill has a lesson: a rule and prose that typeset, a worked example made by the
// skill's own generator with the fixed seed, and mistakes that are in the catalogue of mistakes and
// include every mistake the skill's generator stores for grading.
import katex from "katex";
import { describe, expect, it } from "vitest";
import { MISTAKES } from "@/lib/calculus/mistakes";
import { SKILLS, generate } from "@/lib/problems/catalogue";
import { lessonOf } from "@/lib/problems/lesson";
import { LESSONS, LESSON_SEED } from "@/lib/problems/lessons";

const typesets = (tex: string): boolean => {
  try {
    katex.renderToString(tex, { throwOnError: true, displayMode: true });
    return true;
  } catch {
    return false;
  }
};

describe("lessons", () => {
  it("exist for every catalogue skill and for nothing else", () => {
    expect(Object.keys(LESSONS).sort()).toEqual(SKILLS.map((s) => s.id).sort());
    expect(lessonOf("no-such-skill")).toBeNull();
    expect(lessonOf("authored")).toBeNull();
  });

  it.each(SKILLS.map((s) => [s.id]))("%s: the rule and the prose typeset", (id) => {
    const l = LESSONS[id]!;
    expect(typesets(l.rule), l.rule).toBe(true);
    expect(l.prose.split("$").length % 2, "balanced $ in the prose").toBe(1);
    l.prose
      .split("$")
      .filter((_, i) => i % 2 === 1)
      .forEach((tex) => expect(typesets(tex), tex).toBe(true));
  });

  it.each(SKILLS.map((s) => [s.id]))("%s: its mistakes are in the catalogue, with their feedback", (id) => {
    const l = LESSONS[id]!;
    expect(l.mistakes.length).toBeGreaterThan(0);
    expect(new Set(l.mistakes).size).toBe(l.mistakes.length);
    for (const code of l.mistakes) expect(Object.keys(MISTAKES)).toContain(code);
    // Every mistake the generator stores for grading is in the lesson.
    const stored = new Set<string>();
    for (let seed = 0; seed < 60; seed++) {
      const g = generate(id, seed);
      if (g.ok) for (const m of g.problem.mistakes ?? []) stored.add(m.code);
    }
    for (const code of stored) expect(l.mistakes, `${id} stores ${code}`).toContain(code);
    const view = lessonOf(id)!;
    expect(view.mistakes.map((m) => m.feedback)).toEqual(l.mistakes.map((c) => MISTAKES[c]));
  });

  it.each(SKILLS.map((s) => [s.id]))(
    "%s: the worked example is the generator's, with a worked solution",
    (id) => {
      const view = lessonOf(id)!;
      const g = generate(id, LESSON_SEED);
      expect(g.ok).toBe(true);
      if (!g.ok) return;
      expect(view.example?.statement).toBe(g.problem.statement);
      expect(view.example?.latex).toBe(g.problem.latex);
      expect(view.example?.solution.steps.at(-1)?.final).toBe(true);
      expect(lessonOf(id)).toEqual(view);
    },
  );
});
