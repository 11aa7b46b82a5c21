// The limits of a computer algebra system's own tests (SymPy's test_limits.py, test_gruntz.py and
// test_demidovich.py), translated into the reader's notation with their known answers
// (tests/unit/limit-cases/sympy.json; tests/unit/limit-cases/README.md says what was left out and
// why). No answer may be wrong. The refusals are listed (sympy-refused.json): a listed case that
// starts being answered, or an unlisted one that starts being refused, fails, so the list always
// says exactly what the evaluator cannot decide. `npm run limit:coverage` prints the counts.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type LimitCase, caseKey, loadCases, scoreCase, wantValue } from "./limit-cases/score";

const cases = loadCases(new URL("./limit-cases/sympy.json", import.meta.url));
const refused = new Set(
  JSON.parse(readFileSync(new URL("./limit-cases/sympy-refused.json", import.meta.url), "utf8")) as string[],
);

describe("the set itself", () => {
  it("has every case once, each answer readable, and lists only refusals of cases in the set", () => {
    const keys = cases.map(caseKey);
    expect(new Set(keys).size).toBe(keys.length);
    for (const c of cases) expect(() => wantValue(c.want)).not.toThrow();
    const known = new Set(keys);
    expect([...refused].filter((k) => !known.has(k))).toEqual([]);
  });
});

describe("limits from a computer algebra system's tests", { timeout: 60_000 }, () => {
  it.each(cases.map((c): [string, LimitCase] => [caseKey(c), c]))("%s", (_key, c) => {
    const s = scoreCase(c);
    // a wrong answer is never acceptable, whatever the list says
    expect({ case: caseKey(c), verdict: s.verdict, got: s.got }).not.toMatchObject({ verdict: "wrong" });
    expect({ case: caseKey(c), verdict: s.verdict, got: s.got }).toMatchObject({
      verdict: refused.has(caseKey(c)) ? "refused" : "right",
    });
  });
});
