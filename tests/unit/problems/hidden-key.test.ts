// On a problem set that hides solutions, wrong-answer feedback names the mistake without giving the
// key away: no "12345/7 times the right one", no counterexample stating the key's value. Next to it,
// the ordinary feedback (solutions shown) still says both.
import { describe, expect, it } from "vitest";
import { grade, withoutKey } from "@/lib/problems";
import { authoredProblem } from "@/lib/problems/authored";
import { MISTAKES } from "@/lib/calculus/mistakes";

function problem() {
  const r = authoredProblem({ kind: "derivative", f: "x^2 sin x", var: "x" });
  if (!r.ok) throw new Error(r.error.message);
  return r.problem;
}

const keyText = (p: ReturnType<typeof problem>) => String(p.answer);

describe("feedback on a set that hides solutions", () => {
  it("a constant multiple of the key: the factor is not stated (it gives the key away)", () => {
    const p = problem();
    const answer = `12345/7 * (${keyText(p)})`;
    const shown = grade(p, answer);
    expect(shown.diagnosis?.code).toBe("constant_factor");
    expect(shown.message).toContain("12345/7");
    const hidden = withoutKey(shown);
    expect(hidden.status).toBe("wrong");
    expect(hidden.diagnosis?.code).toBe("constant_factor");
    expect(hidden.message).toBe("Your answer is off from the right one by a constant factor.");
    // Only the reading of the learner's own answer may show their number.
    const { preview: _own, ...said } = hidden;
    expect(JSON.stringify(said)).not.toContain("12345");
  });

  it("a counterexample stating the key's value at a point is dropped; the verdict stays wrong", () => {
    const p = problem();
    const shown = grade(p, "cos x");
    expect(shown.status).toBe("wrong");
    const hidden = withoutKey(shown);
    expect(hidden.counterexample).toBeUndefined();
    expect(hidden.message).not.toMatch(/correct value/);
    expect(JSON.stringify(hidden)).not.toMatch(/correct value is/);
    if (shown.counterexample) expect(shown.counterexample).toMatch(/correct value/);
  });

  it("a mistake whose kind gives the key (the wrong sign) is not described; with solutions shown it is", () => {
    const p = problem();
    const shown = grade(p, `-(${keyText(p)})`);
    expect(shown.diagnosis?.code).toBe("sign_error");
    expect(shown.message).toMatch(/sign/);
    const hidden = withoutKey(shown);
    expect(hidden.status).toBe("wrong");
    expect(hidden.message).toBe("Not right yet: your answer and the right one differ.");
    expect(hidden.diagnosis?.message).toBe(hidden.message);
    // The code stays for the teacher's gradebook and the schedule; nothing shown describes the sign.
  });

  it("the exponent not lowered (d/dx x^3 answered 3x^3) is still named: its digits are the power rule's", () => {
    const r = authoredProblem({ kind: "derivative", f: "x^3", var: "x" });
    if (!r.ok) throw new Error(r.error.message);
    const hidden = withoutKey(grade(r.problem, "3x^3"));
    expect(hidden.status).toBe("wrong");
    expect(hidden.diagnosis?.code).toBe("power_not_lowered");
    expect(hidden.message).toBe(MISTAKES.power_not_lowered);
    expect(hidden.counterexample).toBeUndefined();
  });

  it("a right answer is left as it is", () => {
    const p = problem();
    const right = grade(p, keyText(p));
    expect(right.correct).toBe(true);
    expect(withoutKey(right)).toEqual(right);
  });
});
