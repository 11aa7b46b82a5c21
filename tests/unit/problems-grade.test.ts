// Grading answers to generated problems: the key grades right, typical wrong answers grade wrong, the
// answer formats of docs/grading.md are read, mistakes are named, and nothing throws.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { add, mul } from "@/lib/calculus/ast";
import { derivative } from "@/lib/calculus/diff";
import { parse } from "@/lib/calculus/parse";
import { toText } from "@/lib/calculus/print";
import { SKILLS, generate } from "@/lib/problems/catalogue";
import { substitute } from "@/lib/problems/exact";
import { splitVector } from "@/lib/calculus/answer-syntax";
import { grade } from "@/lib/problems/grade";
import type { Problem } from "@/lib/problems/types";

const SEEDS_PER_SKILL = 25;

/** A Part 1 problem: its key is one text or a list of texts (grid problems have their own tests). */
type Part1Problem = Omit<Problem, "answer"> & { answer: string | string[] };

function problem(skill: string, seed: number): Part1Problem {
  const g = generate(skill, seed);
  if (!g.ok) throw new Error(g.error.message);
  return g.problem as Part1Problem;
}

/** The first problem of a skill (by seed) that satisfies `pred`. */
function find(skill: string, pred: (p: Part1Problem) => boolean): Part1Problem {
  for (let seed = 0; seed < 2000; seed++) {
    const p = problem(skill, seed);
    if (pred(p)) return p;
  }
  throw new Error(`no ${skill} problem found`);
}

const isSpecial = (a: string): boolean => a === "DNE" || a === "inf" || a === "-inf";

/** The first whole number in the text, plus one: "2*x + 3" -> "3*x + 3" (not a size such as 1_n). */
function offByOne(text: string): string | null {
  const m = /(?<![_\d])\d+(?!_)/.exec(text);
  if (!m) return null;
  return text.slice(0, m.index) + String(Number(m[0]) + 1) + text.slice(m.index + m[0].length);
}

function dropTerm(text: string, vars: readonly string[]): string | null {
  const r = parse(text, { vars });
  if (!r.ok || r.expr.kind !== "add") return null;
  return toText(add(...r.expr.terms.slice(0, -1)));
}

function flipSign(text: string): string {
  return text === "0" ? "1" : `-(${text})`;
}

describe.each(SKILLS.filter((s) => s.kind !== "concrete").map((s) => [s.id]))("grading %s", (id) => {
  const ps = Array.from({ length: SEEDS_PER_SKILL }, (_, seed) => problem(id, seed));

  it("grades the key right, as text and as a list for vectors", () => {
    for (const p of ps) {
      const r = grade(p, p.answer);
      expect(r.status, `${p.statement} key ${JSON.stringify(p.answer)}: ${r.message}`).toBe("right");
      expect(r.correct).toBe(true);
      if (Array.isArray(p.answer)) expect(grade(p, `(${p.answer.join(", ")})`).correct).toBe(true);
    }
  });

  it("grades a flipped sign, a coefficient off by one and a dropped term wrong", () => {
    for (const p of ps) {
      const wrongs: (string | string[])[] = [];
      if (Array.isArray(p.answer)) {
        wrongs.push(p.answer.map(flipSign));
        const o = offByOne(p.answer[0]!);
        // A steepest-ascent direction along an axis stays right when scaled.
        if (o && !(p.kind === "steepest_direction" && p.answer.filter((c) => c !== "0").length === 1))
          wrongs.push([o, ...p.answer.slice(1)]);
        const dropped = dropTerm(p.answer[0]!, p.vars);
        if (dropped) wrongs.push([dropped, ...p.answer.slice(1)]);
      } else if (isSpecial(p.answer)) {
        wrongs.push(p.answer === "inf" ? "-inf" : p.answer === "-inf" ? "inf" : "0");
        wrongs.push(p.answer === "DNE" ? "inf" : "DNE");
      } else {
        wrongs.push(flipSign(p.answer));
        const o = offByOne(p.answer);
        if (o) wrongs.push(o);
        const dropped = dropTerm(
          p.answer,
          p.kind === "chain" && p.answerKind === "expression" ? ["t"] : p.vars,
        );
        if (dropped) wrongs.push(dropped);
      }
      for (const w of wrongs) {
        if (
          p.kind === "steepest_direction" &&
          Array.isArray(w) &&
          Array.isArray(p.answer) &&
          w.every((c, i) => c === p.answer[i])
        )
          continue;
        const r = grade(p, w);
        expect(
          r.status,
          `${p.statement} key ${JSON.stringify(p.answer)} answer ${JSON.stringify(w)}: ${r.message}`,
        ).toBe("wrong");
        expect(r.correct).toBe(false);
        expect(r.message.length).toBeGreaterThan(0);
      }
    }
  });

  it("accepts a 4-significant-figure decimal and refuses a 2-figure one (number answers)", () => {
    for (const p of ps) {
      const values = typeof p.value === "number" ? [p.value] : [];
      if (values.length === 0 || p.kind === "steepest_direction") continue;
      const v = Number(values[0]!.toPrecision(12));
      // Keys that a short decimal expresses exactly have at most 4 figures (niceness), so 4 figures always do.
      const four = v.toPrecision(4);
      expect(grade(p, four).correct, `${p.statement} key ${String(p.answer)}: ${four}`).toBe(true);
      const two = v.toPrecision(2);
      if (Number(two) !== v) expect(grade(p, two).correct, `${two} for ${String(p.answer)}`).toBe(false);
    }
  });
});

describe("answer formats", () => {
  it("reads a tangent line in point-slope form, and refuses an equation that is not a line", () => {
    const p = problem("tangent-line", 1);
    const slope = p.detail?.slope as string;
    const y0 = p.detail?.y0 as string;
    const at = String(p.given.at);
    const pointSlope = `y - (${y0}) = (${slope})(x - (${at}))`;
    expect(grade(p, pointSlope).correct, pointSlope).toBe(true);
    expect(grade(p, `y - (${y0}) = (${slope})(x + (${at}))`).status).not.toBe("right");
    const notLine = grade(p, `y^2 = ${p.answer as string}`);
    expect(notLine.status).toBe("invalid");
    expect(notLine.message).toMatch(/y - y0 = m\(x - x0\)/);
  });

  it("reads a gradient written with the unit vectors i and j", () => {
    const p = find("gradient-at-a-point", (q) => q.vars.length === 2);
    const [a, b] = p.answer as string[];
    expect(grade(p, `(${a}) i + (${b}) j`).correct).toBe(true);
    expect(grade(p, `(${b}) j + (${a}) i`).correct).toBe(true);
    expect(grade(p, `(${a}) i + (${b}) j + 1`).status).toBe("invalid");
    const symbolic = find("gradient-symbolic", (q) => q.vars.join() === "x,y");
    const [fx, fy] = symbolic.answer as string[];
    expect(grade(symbolic, `(${fx})i + (${fy})j`).correct).toBe(true);
    expect(grade(symbolic, `(${fy})i + (${fx})j`).correct).toBe(fx === fy);
  });

  it("reads a tangent line as y = RHS or as the RHS alone", () => {
    const p = problem("tangent-line", 1);
    const key = p.answer as string;
    for (const a of [key, `y = ${key}`, `y=${key}`, `  y =  ${key} `])
      expect(grade(p, a).correct, a).toBe(true);
    const r = grade(p, `y = ${key} = 2`);
    expect(r.status).toBe("invalid");
    const bad = grade(p, "y = 2x +");
    expect(bad.status).toBe("invalid");
    expect(bad.error?.at).toBe(8);
  });

  it("reads vectors as (a, b), <a, b>, [a, b], a, b, or one string per component", () => {
    const p = find("gradient-at-a-point", (q) => q.vars.length === 2);
    const [a, b] = p.answer as string[];
    for (const ans of [`(${a}, ${b})`, `<${a}, ${b}>`, `[${a}, ${b}]`, `${a}, ${b}`, `⟨${a},${b}⟩`]) {
      expect(grade(p, ans).correct, ans).toBe(true);
    }
    expect(grade(p, [a!, b!]).correct).toBe(true);
    expect(grade(p, [`(${a}, ${b})`]).correct).toBe(true);
    // A wrong number of components is a form mistake (no try spent), with the count expected.
    const short = grade(p, a!);
    expect(short.status).toBe("invalid");
    expect(short.message).toMatch(/needs 2 components \(one per variable x, y\); yours has 1/);
    expect(grade(p, `(${a}, ${b}, 0)`).status).toBe("invalid");
    expect(grade(p, `(${b}, ${a})`).status).toBe(a === b ? "right" : "wrong");
    expect(splitVector("(sin(x), (1, 2))")).toEqual(["sin(x)", "(1, 2)"]);
    expect(splitVector("(x + 1)*(x - 1)")).toBeNull();
  });

  it("accepts any positive multiple of the gradient for the steepest direction, and decimals of the unit vector", () => {
    const p = find(
      "steepest-ascent-direction",
      (q) => q.vars.length === 2 && (q.value as number[]).every((v) => v !== 0),
    );
    const g = p.value as number[];
    expect(
      grade(
        p,
        g.map((c) => String(3 * c)),
      ).correct,
    ).toBe(true);
    expect(
      grade(
        p,
        g.map((c) => `${c}/7`),
      ).correct,
    ).toBe(true);
    const n = Math.hypot(...g);
    expect(
      grade(
        p,
        g.map((c) => (c / n).toPrecision(4)),
      ).correct,
    ).toBe(true);
    const down = grade(
      p,
      g.map((c) => String(-c)),
    );
    expect(down.correct).toBe(false);
    expect(down.diagnosis?.code).toBe("descent_direction");
    expect(grade(p, [String(g[1]), String(g[0])]).correct).toBe(g[0] === g[1]);
    expect(grade(p, ["0", "0"]).correct).toBe(false);
  });

  it("reads DNE and infinity spellings only as limit answers", () => {
    const dne = find("limit-does-not-exist", (p) => p.answer === "DNE");
    for (const a of ["DNE", "dne", "does not exist", " Does Not Exist "])
      expect(grade(dne, a).correct, a).toBe(true);
    const wrongFinite = grade(dne, "0");
    expect(wrongFinite.status).toBe("wrong");
    expect(wrongFinite.message).toMatch(/each side/);
    expect(grade(dne, "inf").correct).toBe(false);
    const up = find("limit-infinite", (p) => p.answer === "inf");
    for (const a of ["inf", "+inf", "infinity", "∞", "+∞", "Infinity", "oo"])
      expect(grade(up, a).correct, a).toBe(true);
    expect(grade(up, "-inf").diagnosis?.code).toBe("sign_error");
    expect(grade(up, "DNE").correct).toBe(false);
    const down = find("limit-infinite", (p) => p.answer === "-inf");
    for (const a of ["-inf", "-infinity", "−∞", "- inf", "-oo"]) expect(grade(down, a).correct, a).toBe(true);
    const deriv = problem("derivative-power-rule", 0);
    expect(grade(deriv, "inf").status).toBe("invalid");
    expect(grade(deriv, "DNE").error?.code).toBe("SPECIAL_NOT_ALLOWED");
  });

  it("takes 3/2 and 1.5 alike, and decimals by significant figures", () => {
    const half = find("limit-sin-over-x", (p) => p.answer === "3/2");
    for (const a of ["3/2", "1.5", "1.50", "6/4", "(3)/(2)"]) expect(grade(half, a).correct, a).toBe(true);
    expect(grade(half, "1.4").correct).toBe(false);
    expect(grade(half, "2/3").diagnosis?.code).toBe("reciprocal");
    const third = find("limit-sin-over-x", (p) => p.answer === "1/3");
    for (const a of ["0.333", "0.3333", ".3333"]) expect(grade(third, a).correct, a).toBe(true);
    const r = grade(third, "0.33");
    expect(r.correct).toBe(false);
    expect(r.diagnosis?.code).toBe("too_few_figures");
    expect(grade(third, "0.334").correct).toBe(false);
  });

  it("reads 'f'(x) = ...', 'df/dx = ...', 'grad f(1, 2) = (...)' and 'L = ...' as the part after '='", () => {
    const d = problem("derivative-product-rule", 3);
    for (const lhs of ["f'(x)", "df/dx", "dy/dx", "y'"]) {
      const r = grade(d, `${lhs} = ${d.answer as string}`);
      expect(r.correct, lhs).toBe(true);
      expect(r.warnings[0]).toMatch(/after '='/);
    }
    const at = problem("derivative-at-a-point", 3);
    expect(grade(at, `f'(${String(at.given.at)}) = ${at.answer as string}`).correct).toBe(true);
    const g = find("gradient-at-a-point", (q) => q.vars.length === 2);
    expect(grade(g, `grad f(1, 2) = (${(g.answer as string[]).join(", ")})`).correct).toBe(true);
    expect(grade(g, `∇f = <${(g.answer as string[]).join(", ")}>`).correct).toBe(true);
    const lim = problem("limit-sin-over-x", 3);
    expect(grade(lim, `L = ${lim.answer as string}`).correct).toBe(true);
    expect(grade(lim, "2 = 3").status).toBe("invalid");
    const bad = grade(d, "f'(x) = 2x +");
    expect(bad.error?.at).toBe(12);
  });

  it("takes decimals per component of a gradient at a point", () => {
    const p = find(
      "gradient-at-a-point",
      (q) =>
        (q.value as number[]).some((v) => !Number.isInteger(v * 1000)) &&
        (q.value as number[]).every((v) => Math.abs(v) < 100),
    );
    const values = p.value as number[];
    const four = values.map((v) => v.toPrecision(4));
    expect(grade(p, `(${four.join(", ")})`).correct).toBe(true);
    const two = values.map((v) => (Number(v.toPrecision(6)) === v ? String(v) : v.toPrecision(2)));
    const r = grade(p, two);
    expect(r.correct).toBe(false);
    expect(r.diagnosis?.code).toBe("too_few_figures");
  });

  it("asks for a number where the answer is a number", () => {
    const p = problem("derivative-at-a-point", 2);
    const r = grade(p, "2x + 1");
    expect(r.status).toBe("invalid");
    expect(r.error?.code).toBe("NOT_A_NUMBER");
    const c = problem("multivariable-chain-rule", 2);
    const inXY = grade(c, "x + y");
    expect(inXY.status).toBe("invalid");
    expect(inXY.message).toMatch(/in terms of t/);
  });
});

describe("named mistakes", () => {
  it("product rule as the product of the derivatives", () => {
    const p = find("derivative-product-rule", (q) => /\)\*(sin|cos|e\^|ln|tan|sqrt)/.test(String(q.given.f)));
    const f = parse(String(p.given.f), { vars: ["x"] });
    if (!f.ok) throw new Error("parse");
    const d = derivative(f.expr, "x", { mistake: "product-of-derivatives" });
    if (!d.ok) throw new Error("diff");
    const r = grade(p, toText(d.expr));
    expect(r.correct).toBe(false);
    expect(r.diagnosis?.code).toBe("product_rule_as_product");
  });

  it("chain rule without the inner derivative", () => {
    const p = find(
      "derivative-chain-rule",
      (q) =>
        /\(-?\d+\*x[^)]*\)\^\d/.test(String(q.given.f)) && !/sqrt|sin|cos|e\^|ln/.test(String(q.given.f)),
    );
    const f = parse(String(p.given.f), { vars: ["x"] });
    if (!f.ok) throw new Error("parse");
    const d = derivative(f.expr, "x", { mistake: "no-inner-derivative" });
    if (!d.ok) throw new Error("diff");
    expect(grade(p, toText(d.expr)).diagnosis?.code).toBe("chain_rule_inner");
  });

  it("quotient rule with the numerator reversed", () => {
    const p = find("derivative-quotient-rule", () => true);
    const f = parse(String(p.given.f), { vars: ["x"] });
    if (!f.ok) throw new Error("parse");
    const d = derivative(f.expr, "x", { mistake: "reversed-quotient" });
    if (!d.ok) throw new Error("diff");
    expect(grade(p, toText(d.expr)).diagnosis?.code).toBe("quotient_rule_reversed");
  });

  it("gradient components swapped, symbolic and at a point", () => {
    const p = find("gradient-symbolic", (q) => q.vars.length === 2);
    const [a, b] = p.answer as string[];
    expect(grade(p, [b!, a!]).diagnosis?.code).toBe("gradient_swapped");
    const q = find(
      "gradient-at-a-point",
      (r) => r.vars.length === 2 && (r.value as number[])[0] !== (r.value as number[])[1],
    );
    const [c, d] = q.answer as string[];
    expect(grade(q, `(${d}, ${c})`).diagnosis?.code).toBe("gradient_swapped");
  });

  it("the wrong variable in a partial derivative", () => {
    const p = find("partial-derivative-two-variables", () => true);
    const other = p.vars.find((v) => v !== p.given.wrt)!;
    const f = parse(String(p.given.f), { vars: p.vars });
    if (!f.ok) throw new Error("parse");
    const d = derivative(f.expr, other);
    if (!d.ok) throw new Error("diff");
    expect(grade(p, toText(d.expr)).diagnosis?.code).toBe("wrong_variable");
  });

  it("f(a) instead of f'(a); the direction not normalised; the squared norm; a missing chain term", () => {
    const p = find("derivative-at-a-point", (q) => /x\^3/.test(String(q.given.f)));
    const f = parse(String(p.given.f), { vars: ["x"] });
    if (!f.ok) throw new Error("parse");
    const fa = toText(f.expr).replace(/x/g, `(${String(p.given.at)})`);
    const r = grade(p, fa);
    if (!r.correct) expect(r.diagnosis?.code).toBe("function_value");

    const dd = find("directional-derivative", (q) => {
      const dir = q.given.direction as number[];
      return Math.hypot(...dir) !== 1;
    });
    const g = (dd.detail?.gradientAt ?? "").split("; ");
    const dir = dd.given.direction as number[];
    expect(grade(dd, g.map((c, i) => `(${c})*(${dir[i]})`).join(" + ")).diagnosis?.code).toBe("not_unit");

    const mr = find("maximal-rate-of-increase", (q) => q.answer !== "1");
    const gm = (mr.detail?.gradientAt ?? "").split("; ");
    expect(grade(mr, gm.map((c) => `(${c})^2`).join(" + ")).diagnosis?.code).toBe("norm_squared");

    const ch = find("multivariable-chain-rule", () => true);
    const inner = ch.given.inner as Record<string, string>;
    const read = (t: string, vars: string[]) => {
      const r = parse(t, { vars });
      if (!r.ok) throw new Error("parse");
      return r.expr;
    };
    const fx = derivative(read(String(ch.given.f), ["x", "y"]), "x");
    const xPrime = derivative(read(inner.x!, ["t"]), "t");
    if (!fx.ok || !xPrime.ok) throw new Error("diff");
    const onlyX = mul(
      substitute(fx.expr, { x: read(inner.x!, ["t"]), y: read(inner.y!, ["t"]) }),
      xPrime.expr,
    );
    const one = grade(ch, toText(onlyX));
    expect(one.correct).toBe(false);
    expect(one.diagnosis?.code).toBe("chain_missing_term");
  });

  it("tangent line with the slope multiplying x instead of (x - a)", () => {
    const p = find("tangent-line", (q) => Number(q.given.at) !== 0 && q.detail?.slope !== "0");
    const r = grade(p, `(${p.detail?.slope})*x + ${p.detail?.y0}`);
    expect(r.diagnosis?.code).toBe("tangent_no_shift");
  });
});

describe("robustness", () => {
  it("refuses oversized input and never throws on hostile input", () => {
    const p = problem("derivative-combined-rules", 0);
    const big = grade(p, "x+".repeat(3000) + "x");
    expect(big.status).toBe("invalid");
    expect(big.error?.code).toBe("TOO_LONG");
    expect(
      grade(
        p,
        Array.from({ length: 50 }, () => "x"),
      ).status,
    ).toBe("invalid");
    expect(grade(p, "((((((").status).toBe("invalid");
    const problems = [
      "limit-does-not-exist",
      "tangent-line",
      "gradient-at-a-point",
      "steepest-ascent-direction",
      "multivariable-chain-rule",
      "directional-derivative",
    ].map((s) => problem(s, 4));
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.integer({ min: 0, max: problems.length - 1 }), (s, i) => {
        const r = grade(problems[i]!, s);
        expect(["right", "wrong", "invalid", "cannot_check"]).toContain(r.status);
        expect(typeof r.message).toBe("string");
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on a malformed stored problem", () => {
    const p = problem("gradient-at-a-point", 1);
    const broken = [
      { ...p, given: {} },
      { ...p, answer: "((" },
      { ...p, value: undefined },
      { ...p, kind: "chain", answerKind: "expression", given: { f: 3 } },
      { ...p, answerKind: "limit", answer: 5 },
    ] as unknown as Problem[];
    for (const b of broken) {
      const r = grade(b, "(1, 2)");
      expect(["wrong", "invalid", "cannot_check"]).toContain(r.status);
    }
  });

  it("grades from the stored problem: a JSON round trip gives the same verdicts", () => {
    const p = problem("partial-derivative-at-a-point", 9);
    const stored = JSON.parse(JSON.stringify(p)) as Problem;
    expect(grade(stored, p.answer)).toEqual(grade(p, p.answer));
    expect(grade(stored, "12345")).toEqual(grade(p, "12345"));
  });
});
