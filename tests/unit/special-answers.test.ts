// One reader of special answers: every spelling of DNE and of infinity that grading accepts is read the
// same way by the live preview, the limit request of the command-line tool and the authored-problem
// reader. (`oo` was once graded right while the preview said "unknown name 'o'".)
import { describe, expect, it } from "vitest";
import { limitRequest } from "@/lib/calculus/tool-protocol";
import { SKILLS, generate } from "@/lib/problems/catalogue";
import { grade } from "@/lib/problems/grade";
import { previewAnswer } from "@/lib/problems/preview";
import type { Problem } from "@/lib/problems/types";

const SPELLINGS: readonly [string, "DNE" | "inf" | "-inf"][] = [
  ["DNE", "DNE"],
  ["dne", "DNE"],
  ["does not exist", "DNE"],
  ["Doesn't exist", "DNE"],
  ["doesn’t exist.", "DNE"],
  ["D.N.E.", "DNE"],
  ["no limit", "DNE"],
  ["inf", "inf"],
  ["+inf", "inf"],
  ["Infinity", "inf"],
  ["∞", "inf"],
  ["+∞", "inf"],
  ["oo", "inf"],
  ["+oo", "inf"],
  ["  OO ", "inf"],
  ["-inf", "-inf"],
  ["−inf", "-inf"],
  ["-infinity", "-inf"],
  ["−∞", "-inf"],
  ["-oo", "-inf"],
  ["− oo", "-inf"],
];

const LATEX = { DNE: "\\text{does not exist}", inf: "+\\infty", "-inf": "-\\infty" } as const;

/** A generated limit problem whose key is `key`. */
function limitProblem(key: string): Problem {
  for (const s of SKILLS.filter((k) => k.topic === "limits")) {
    for (let seed = 0; seed < 300; seed++) {
      const g = generate(s.id, seed);
      if (g.ok && g.problem.answerKind === "limit" && g.problem.answer === key) return g.problem;
    }
  }
  throw new Error(`no limit problem with the key ${key}`);
}

describe("special answers", () => {
  const problems = { DNE: limitProblem("DNE"), inf: limitProblem("inf"), "-inf": limitProblem("-inf") };

  it("reads oo as infinity in the preview and in grading", () => {
    const p = problems.inf;
    const preview = previewAnswer("oo", { answerKind: "limit", vars: p.vars, allowSpecial: true });
    expect(preview).toEqual({ state: "ok", latex: "+\\infty", warnings: [] });
    expect(grade(p, "oo").status).toBe("right");
    // positive control: a wrong special answer is still wrong
    expect(grade(p, "-oo").status).toBe("wrong");
  });

  it.each(SPELLINGS)("reads %j the same in grading and in the preview", (text, meaning) => {
    const r = grade(problems[meaning], text);
    expect(r.status, r.message).toBe("right");
    const preview = previewAnswer(text, { answerKind: "limit", vars: ["x"], allowSpecial: true });
    expect(preview).toEqual({ state: "ok", latex: LATEX[meaning], warnings: [] });
  });

  it("reads every infinity spelling as a limit target of the command-line tool", () => {
    for (const [text, meaning] of SPELLINGS) {
      if (meaning === "DNE") continue;
      const r = limitRequest({ expr: "x^2", var: "x", to: text, side: "both" });
      expect(r, text).toMatchObject({ ok: true, kind: "+inf" });
      const e = limitRequest({ expr: "e^x", var: "x", to: text, side: "both" });
      expect(e, text).toMatchObject({ ok: true, kind: meaning === "inf" ? "+inf" : "finite" });
    }
    // DNE is an answer, not a point to approach
    expect(limitRequest({ expr: "x", var: "x", to: "DNE", side: "both" })).toMatchObject({ ok: false });
  });

  it("keeps oo a product when o is a variable, and refuses special answers where an expression is asked", () => {
    const preview = previewAnswer("oo", { answerKind: "expression", vars: ["o"], allowSpecial: true });
    expect(preview.state === "ok" && preview.latex).toBe("oo"); // o times o, not infinity
    const notHere = previewAnswer("oo", { answerKind: "expression", vars: ["x"], allowSpecial: false });
    expect(notHere.state).toBe("error");
  });
});
