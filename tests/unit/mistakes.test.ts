// One catalogue of mistakes: the core's diagnosis, grading and the scheduler's bring-forward map all
// speak its codes, and a mistake reads the same wherever it is named.
import { describe, expect, it } from "vitest";
import { diagnose } from "@/lib/calculus/diagnose";
import { derivative } from "@/lib/calculus/diff";
import { MISTAKES, isMistakeCode } from "@/lib/calculus/mistakes";
import { parse } from "@/lib/calculus/parse";
import { toText } from "@/lib/calculus/print";
import { SKILLS, generate } from "@/lib/problems/catalogue";
import { grade } from "@/lib/problems/grade";
import { DIAGNOSIS_SKILLS } from "@/lib/server/scheduling/diagnosis-map";

describe("the catalogue of mistakes", () => {
  it("maps each mistake the scheduler acts on to a skill of the catalogue", () => {
    const ids = new Set(SKILLS.map((s) => s.id));
    for (const [code, skill] of Object.entries(DIAGNOSIS_SKILLS)) {
      expect(isMistakeCode(code), code).toBe(true);
      expect(ids.has(skill), `${code} -> ${skill}`).toBe(true);
    }
    // a code outside the catalogue (or an inherited key) is not a mistake
    expect(isMistakeCode("toString")).toBe(false);
    expect(isMistakeCode("chain_rule_inner")).toBe(true);
  });

  it("names the chain-rule mistake with the same sentence in the core and in grading", () => {
    for (let seed = 0; seed < 200; seed++) {
      const g = generate("derivative-chain-rule", seed);
      if (!g.ok) throw new Error(g.error.message);
      const p = g.problem;
      if (!/\(-?\d+\*x[^)]*\)\^\d/.test(String(p.given.f)) || /sqrt|sin|cos|e\^|ln/.test(String(p.given.f)))
        continue;
      const f = parse(String(p.given.f), { vars: ["x"] });
      if (!f.ok) throw new Error("parse");
      const d = derivative(f.expr, "x", { mistake: "no-inner-derivative" });
      if (!d.ok) throw new Error("diff");
      const graded = grade(p, toText(d.expr));
      const core = diagnose({ task: "derivative", f: f.expr, vars: ["x"], answer: d.expr });
      expect(graded.diagnosis).toEqual({ code: "chain_rule_inner", message: MISTAKES.chain_rule_inner });
      expect("diagnosis" in core ? core.diagnosis : undefined).toEqual(graded.diagnosis);
      return;
    }
    throw new Error("no chain-rule problem with a power found");
  });

  it("gives only catalogue codes for wrong answers to every skill", () => {
    let named = 0;
    for (const s of SKILLS) {
      for (let seed = 0; seed < 3; seed++) {
        const g = generate(s.id, seed);
        if (!g.ok) throw new Error(g.error.message);
        const p = g.problem;
        if (typeof p.answer !== "string" || ["DNE", "inf", "-inf", "0"].includes(p.answer)) continue;
        const r = grade(p, p.answerKind === "line" ? `y = -(${p.answer})` : `-(${p.answer})`);
        if (r.diagnosis) {
          named++;
          expect(isMistakeCode(r.diagnosis.code), r.diagnosis.code).toBe(true);
        }
      }
    }
    expect(named).toBeGreaterThan(0);
  });
});
