// Equivalence: hundreds of pairs with known verdicts (identities, near misses, domains, notation),
// vectors and matrices, decimals, determinism, and properties over random expressions.
// Over 500 lines: mostly tables of pairs with their verdicts (data), beside the properties.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Expr, add, call, mul, neg, num } from "../../lib/calculus/ast";
import { derivative } from "../../lib/calculus/diff";
import { equivalent, equivalentShaped, judgeDecimal, type Interval } from "../../lib/calculus/equiv";
import { evaluate } from "../../lib/calculus/eval";
import { parse } from "../../lib/calculus/parse";
import { toText } from "../../lib/calculus/print";
import { expand, simplify } from "../../lib/calculus/simplify";
import { TEXTBOOK } from "./fixtures/derivative-corpus";
import { exprArb } from "./support/arbitraries";
import { derivative as mathDerivative } from "mathjs";
import { toMathjs } from "./support/oracle";

function read(s: string, vars: readonly string[] = ["x"]): Expr {
  const r = parse(s, { vars });
  if (!r.ok) throw new Error(`cannot parse ${s}: ${r.error.message}`);
  return r.expr;
}

function verdict(
  key: string,
  answer: string,
  vars: readonly string[] = ["x"],
  domain?: Record<string, Interval>,
) {
  const v = equivalent(read(key, vars), read(answer, vars), domain ? { vars, domain } : { vars });
  return v.ok ? v.equivalent : "cannot check";
}

type Row = [key: string, answer: string, right: boolean, domain?: Interval];

/** docs/grading.md's public hard cases. */
const HARD: Row[] = [
  ["x", "|x|", false],
  ["x", "sqrt(x^2)", false],
  ["|x|", "sqrt(x^2)", true],
  ["ln(x^2)", "2 ln x", false],
  ["x^10", "x^11", false, [0, 1]],
  ["x", "x + sin(pi x)", false],
  ["1/(x-1)", "1/(1-x)", false],
  ["cos x", "1 - x^2/2", false, [-0.3, 0.3]],
  ["e^(x^2)", "e^(x^2) + 1", false],
  ["sin(2x)", "2 sin x cos x", true],
  ["1/(1+e^(-x))", "e^x/(1+e^x)", true],
  ["2x", "2.0001x", false],
];

/** Identities a learner may legitimately use: all right. */
const IDENTITIES: [string, string][] = [
  ["(x+1)^2", "x^2 + 2x + 1"],
  ["(x-1)(x+1)", "x^2 - 1"],
  ["(x+2)^3", "x^3 + 6x^2 + 12x + 8"],
  ["x/2", "0.5x"],
  ["x/4", "0.25 x"],
  ["3x/2", "1.5x"],
  ["2x + 3x", "5x"],
  ["x*x", "x^2"],
  ["x^2 x^3", "x^5"],
  ["x^6/x^2", "x^4"],
  ["1/x^2", "x^-2"],
  ["sqrt(x)", "x^(1/2)"],
  ["sqrt(x)", "x^0.5"],
  ["1/sqrt(x)", "x^(-1/2)"],
  ["x^(3/2)", "x sqrt(x)"],
  ["(x^2)^3", "x^6"],
  ["e^(2x)", "(e^x)^2"],
  ["e^x e^x", "e^(2x)"],
  ["e^(x+1)", "e e^x"],
  ["e^(-x)", "1/e^x"],
  ["exp(x)", "e^x"],
  ["ln(e^x)", "x"],
  ["ln(2x)", "ln 2 + ln x"],
  ["ln(x^3)", "3 ln x"],
  ["ln(x/2)", "ln x - ln 2"],
  ["log10(x)", "ln x / ln 10"],
  ["log2(x)", "ln(x)/ln(2)"],
  ["log_3(x)", "ln x/ln 3"],
  ["2^x", "e^(x ln 2)"],
  ["sin^2 x + cos^2 x", "1"],
  ["1 + tan^2 x", "sec^2 x"],
  ["cos(2x)", "cos^2 x - sin^2 x"],
  ["cos(2x)", "1 - 2 sin^2 x"],
  ["cos(2x)", "2cos^2 x - 1"],
  ["sin(x + pi/2)", "cos x"],
  ["cos(x - pi/2)", "sin x"],
  ["sin(-x)", "-sin x"],
  ["cos(-x)", "cos x"],
  ["tan x", "sin x / cos x"],
  ["cot x", "cos x/sin x"],
  ["sec x", "1/cos x"],
  ["csc x", "1/sin x"],
  ["sin(x)cos(x)", "sin(2x)/2"],
  ["sin(3x)", "3 sin x - 4 sin^3 x"],
  ["sinh x", "(e^x - e^-x)/2"],
  ["cosh x", "(e^x + e^(-x))/2"],
  ["tanh x", "sinh x / cosh x"],
  ["cosh^2 x - sinh^2 x", "1"],
  ["atan x + acot x", "pi/2"],
  ["asin x + acos x", "pi/2"],
  ["1/(x(x+1))", "1/x - 1/(x+1)"],
  ["(x^2-1)/(x-1)", "x + 1"],
  ["x/(x+1)", "1 - 1/(x+1)"],
  ["2/(x^2-1)", "1/(x-1) - 1/(x+1)"],
  ["(2x+1)/(3x-1)^2 * (3x - 1)", "(2x+1)/(3x-1)"],
  ["-(x - 1)", "1 - x"],
  ["-(-x)", "x"],
  ["x - (x - 1)", "1"],
  ["(x+1)(x+2) - x^2", "3x + 2"],
  ["x^3 - 1", "(x - 1)(x^2 + x + 1)"],
  ["|x| |x|", "x^2"],
  ["|2x|", "2|x|"],
  ["|-x|", "|x|"],
  ["sign(x) x", "|x|"],
  ["x/|x|", "sign(x)"],
  ["sqrt(4x^2)", "2|x|"],
  ["sqrt(x^2 + 2x + 1)", "|x + 1|"],
  ["x^(1/3)", "-(-x)^(1/3)"],
  ["x^(2/3)", "(x^2)^(1/3)"],
  ["1/(1+e^(-x))", "(1 + tanh(x/2))/2"],
  ["e^x/(1+e^x)^2", "1/(1+e^x) - 1/(1+e^x)^2"],
  ["ln(1 + e^x) - x", "ln(1 + e^-x)"],
  ["0", "sin(500 pi)"],
  ["0", "x - x"],
  ["1", "sin^2(3x) + cos^2(3x)"],
  ["2 sin x cos x", "sin(2x)"],
  ["(1 + 1/x)^2", "(x+1)^2/x^2"],
  ["x e^x + e^x", "(x+1)e^x"],
  ["2x sin x + x^2 cos x", "x(2 sin x + x cos x)"],
  ["6x(x^2+1)^2", "6x^5 + 12x^3 + 6x"],
  ["-5/(3x-1)^2", "5/(-(3x - 1)^2)"],
  ["1/(2sqrt(x))", "0.5 x^-0.5"],
  ["pi x", "π x"],
  ["x^2", "x²"],
  ["x^3 - x", "x³ − x"],
  ["2x", "2·x"],
  ["2x", "2×x"],
  ["sqrt(x+1)", "√(x+1)"],
  ["x^2 + 10^(-9)", "x^2 + 0.000000001"],
];

/** Near misses and common slips: all wrong. */
const NEAR_MISSES: [string, string][] = [
  ["2x", "2x + 0.001"],
  ["2x", "1.999x"],
  ["x^2", "x^2.001"],
  ["sin x", "sin(x + 0.001)"],
  ["e^x", "2.718^x"],
  ["pi x", "3.14159 x"],
  ["x/3", "0.333x"],
  ["ln x", "log10 x"],
  ["ln x", "log2(x)"],
  ["sin x", "cos x"],
  ["sin x", "-sin x"],
  ["tan x", "sec^2 x"],
  ["sec^2 x", "sec x^2"],
  ["sin^2 x", "sin(x^2)"],
  ["sin(2x)", "2 sin x"],
  ["e^(2x)", "2e^x"],
  ["e^(x^2)", "e^(2x)"],
  ["(x+1)^2", "x^2 + 1"],
  ["(x+1)^2", "x^2 + x + 1"],
  ["x^2 - 1", "(x - 1)^2"],
  ["1/(x+1)", "1/x + 1"],
  ["1/(x+1)", "1/x + 1/1"],
  ["x/(x+1)", "1/(1+1/x) + 0.0001"],
  ["3x^2", "3x^3"],
  ["3x^2", "x^3"],
  ["2x", "x^2"],
  ["x", "x^2"],
  ["x", "x + 1"],
  ["x", "x - 0.00001"],
  ["sqrt(x)", "x/2"],
  ["1/(2 sqrt x)", "1/sqrt(2x)"],
  ["1/(2 sqrt x)", "2/sqrt(x)"],
  ["-1/x^2", "1/x^2"],
  ["-1/x^2", "-1/(2x)"],
  ["cos(3x)", "3cos(3x)"],
  ["3cos(3x)", "3cos(x)"],
  ["2x e^(x^2)", "e^(x^2)"],
  ["2x/(x^2+1)", "1/(x^2+1)"],
  ["sinh x", "cosh x"],
  ["cosh x", "-sinh x"],
  ["atan x", "1/(1+x^2)"],
  ["asin x", "acos x"],
  ["|x|", "x"],
  ["sign(x)", "1"],
  ["x^(1/3)", "x^0.333"],
  ["x^(1/3)", "x^0.2"],
  ["e^x", "e^x + 10^(-6)"],
  ["1000000x", "1000001x"],
  ["x^10", "x^10 + x^11/1000"],
  ["sin(1000 x)", "sin(1001 x)"],
  ["ln(x^2)", "2ln(x)"],
  ["x", "sqrt(x)^2"],
  ["x", "exp(ln(x))"],
  ["x^2", "exp(2 ln x)"],
  ["1", "x/x + x/1000"],
];

/** Every notation row of docs/grading.md: the learner's form is equivalent to the canonical one. */
const NOTATION: [learner: string, canonical: string, vars: string[]][] = [
  ["2x", "2*x", ["x"]],
  ["2 x", "2*x", ["x"]],
  ["2·x", "2*x", ["x"]],
  ["2×x", "2*x", ["x"]],
  ["x y", "x*y", ["x", "y"]],
  ["xy", "x*y", ["x", "y"]],
  ["x(x+1)", "x*(x+1)", ["x"]],
  ["(x+1)(x-1)", "(x+1)*(x-1)", ["x"]],
  ["2(x+1)", "2*(x+1)", ["x"]],
  ["sin x", "sin(x)", ["x"]],
  ["sin 2x", "sin(2*x)", ["x"]],
  ["ln x", "ln(x)", ["x"]],
  ["sin x cos x", "sin(x)*cos(x)", ["x"]],
  ["x sin x", "x*sin(x)", ["x"]],
  ["sin^2 x", "sin(x)^2", ["x"]],
  ["sin^2(x)", "sin(x)^2", ["x"]],
  ["cos^3(2x)", "cos(2*x)^3", ["x"]],
  ["sin^-1 x", "asin(x)", ["x"]],
  ["tan^-1(x)", "atan(x)", ["x"]],
  ["arcsin x", "asin(x)", ["x"]],
  ["asin(x)", "asin(x)", ["x"]],
  ["e^x", "exp(x)", ["x"]],
  ["e^-x", "exp(-x)", ["x"]],
  ["exp(x)", "e^x", ["x"]],
  ["e", "exp(1)", ["x"]],
  ["ln x", "log(x)", ["x"]],
  ["log x", "ln(x)", ["x"]],
  ["log10(x)", "ln(x)/ln(10)", ["x"]],
  ["log2(x)", "ln(x)/ln(2)", ["x"]],
  ["log_3(x)", "ln(x)/ln(3)", ["x"]],
  ["log_0.5(x)", "ln(x)/ln(0.5)", ["x"]],
  ["sqrt(x)", "x^(1/2)", ["x"]],
  ["√x", "sqrt(x)", ["x"]],
  ["√(x+1)", "sqrt(x+1)", ["x"]],
  ["x^(1/2)", "sqrt(x)", ["x"]],
  ["x^0.5", "sqrt(x)", ["x"]],
  ["|x|", "abs(x)", ["x"]],
  ["abs(x)", "sqrt(x^2)", ["x"]],
  ["sign(x)", "x/abs(x)", ["x"]],
  ["x²", "x^2", ["x"]],
  ["x³", "x^3", ["x"]],
  ["x − 1", "x - 1", ["x"]],
  ["π x", "pi*x", ["x"]],
  ["-x^2", "-(x^2)", ["x"]],
  ["2^3^2", "2^(3^2)", []],
  ["2x^2", "2*(x^2)", ["x"]],
  ["x^2y", "x^2*y", ["x", "y"]],
  ["1/2x", "(1/2)*x", ["x"]],
  ["e^2x", "e^2*x", ["x"]],
  ["sin x^2", "sin(x^2)", ["x"]],
  ["xe^x", "x*e^x", ["x"]],
  ["e x", "e*x", ["x"]],
];

describe("every notation row of docs/grading.md", () => {
  it.each(NOTATION)("%s reads as %s", (learner, canonical, vars) => {
    const v = equivalent(read(canonical, vars), read(learner, vars), { vars });
    expect(v.ok && v.equivalent).toBe(true);
  });
});

describe("public hard cases", () => {
  it.each(HARD)("%s vs %s is %s", (key, answer, right, domain) => {
    expect(verdict(key, answer, ["x"], domain ? { x: domain } : undefined)).toBe(right);
  });
});

describe("identities are right", () => {
  it.each(IDENTITIES)("%s = %s", (key, answer) => {
    expect(verdict(key, answer)).toBe(true);
  });
});

describe("near misses are wrong", () => {
  it.each(NEAR_MISSES)("%s ≠ %s", (key, answer) => {
    expect(verdict(key, answer)).toBe(false);
  });
});

describe("the key decides the domain", () => {
  it("an answer undefined where the key is defined is wrong, with that point named", () => {
    const v = equivalent(read("x^2"), read("exp(2 ln x)"), { vars: ["x"] });
    expect(v.ok && !v.equivalent && v.code).toBe("UNDEFINED");
    expect(v.ok && !v.equivalent && v.reason).toMatch(
      /^At x = -\d\.\d+ your answer is undefined, but the correct value is/,
    );
  });
  it("an answer defined more widely than the key is right", () => {
    expect(verdict("2 ln x", "ln(x^2)")).toBe(true);
    expect(verdict("sqrt(x)^2", "x")).toBe(true);
    expect(verdict("(x^2 - 4)/(x - 2)", "x + 2")).toBe(true);
  });
  it("a key defined almost nowhere cannot be checked (never 'correct')", () => {
    const v = equivalent(read("sqrt(-x^2 - 1)"), read("0"), { vars: ["x"] });
    expect(v.ok).toBe(false);
    expect(!v.ok && v.error.code).toBe("CANNOT_CHECK");
    const w = equivalent(read("asin(x + 3.9)"), read("asin(x + 3.9)"), {
      vars: ["x"],
      domain: { x: [-3, 3] },
    });
    expect(w.ok).toBe(false);
  });
  it("a narrowed domain is respected", () => {
    expect(verdict("sqrt(x)", "sqrt(|x|)", ["x"], { x: [0, 4] })).toBe(true);
    expect(verdict("sqrt(x)", "sqrt(|x|)")).toBe(true); // the key decides: negative x are redrawn
    expect(verdict("x", "|x|", ["x"], { x: [0.5, 3] })).toBe(true);
  });
});

describe("counterexamples people can read", () => {
  it("names the point and both values with just enough digits", () => {
    const v = equivalent(read("2x"), read("2.0001x"), { vars: ["x"] });
    if (!v.ok || v.equivalent) throw new Error("expected a wrong verdict");
    expect(v.reason).toMatch(/^At x = -?\d\.\d{1,3} your answer is -?[\d.]+, the correct value is -?[\d.]+$/);
    const c = v.counterexample!;
    expect(c.answer).toBeCloseTo(2.0001 * c.point.x!, 10);
    expect(c.expected).toBeCloseTo(2 * c.point.x!, 10);
  });
  it("uses every variable of the problem", () => {
    const v = equivalent(read("x y", ["x", "y"]), read("x + y", ["x", "y"]), { vars: ["x", "y"] });
    expect(v.ok && !v.equivalent && v.reason).toMatch(/^At \(x, y\) = \(-?[\d.]+, -?[\d.]+\) your answer is/);
  });
  it("gives the same verdict and the same counterexample every time", () => {
    const a = equivalent(read("x^3"), read("x^3 + sin(x)/100"), { vars: ["x"] });
    const b = equivalent(read("x^3"), read("x^3 + sin(x)/100"), { vars: ["x"] });
    expect(a).toEqual(b);
  });
});

describe("vectors and matrices", () => {
  const xy = ["x", "y"];
  const v = (...s: string[]) => s.map((t) => read(t, xy));
  it("a gradient is compared component by component", () => {
    const r = equivalentShaped(v("2x y", "x^2"), v("2yx", "x*x"), { vars: xy });
    expect(r.ok && r.equivalent).toBe(true);
  });
  it("swapped components are named as such", () => {
    const r = equivalentShaped(v("2x y", "x^2"), v("x^2", "2x y"), { vars: xy });
    expect(r.ok && !r.equivalent && r.code).toBe("ORDER");
  });
  it("a wrong component is named", () => {
    const r = equivalentShaped(v("2x y", "x^2"), v("2x y", "2x"), { vars: xy });
    expect(r.ok && !r.equivalent && r.reason).toMatch(/^Component 2: at \(x, y\) = /);
    expect(r.ok && !r.equivalent && r.component).toEqual([1]);
  });
  it("a wrong number of components is a shape error", () => {
    const r = equivalentShaped(v("2x y", "x^2"), v("2x y"), { vars: xy });
    expect(r.ok && !r.equivalent && r.code).toBe("SHAPE");
    expect(r.ok && !r.equivalent && r.reason).toBe(
      "The answer should have 2 components; yours has 1 component.",
    );
  });
  it("a transposed Jacobian is named", () => {
    const J = [v("y", "x"), v("2x", "1")];
    const T = [v("y", "2x"), v("x", "1")];
    const r = equivalentShaped(J, T, { vars: xy });
    expect(r.ok && !r.equivalent && r.code).toBe("TRANSPOSED");
    const wide = [v("y", "x", "0")];
    const tall = [v("y"), v("x"), v("0")];
    const w = equivalentShaped(wide, tall, { vars: xy });
    expect(w.ok && !w.equivalent && w.code).toBe("TRANSPOSED");
  });
  it("a right matrix is right and a wrong entry is located", () => {
    const H = [v("6x y^2", "6x^2 y"), v("6x^2 y", "2x^3")];
    expect(equivalentShaped(H, H, { vars: xy })).toEqual({ ok: true, equivalent: true });
    const bad = [v("6x y^2", "6x^2 y"), v("6x^2 y", "2x^2")];
    const r = equivalentShaped(H, bad, { vars: xy });
    expect(r.ok && !r.equivalent && r.component).toEqual([1, 1]);
  });
  it("a vector where a scalar is expected is a shape error", () => {
    const r = equivalentShaped(read("x"), v("x", "y"), { vars: xy });
    expect(r.ok && !r.equivalent && r.code).toBe("SHAPE");
  });
});

describe("numbers typed as decimals", () => {
  const cases: [number, string, string][] = [
    [1 / 3, "0.333", "right"],
    [1 / 3, "0.3333", "right"],
    [1 / 3, "0.33", "too-few-figures"],
    [Math.PI, "3.14", "right"],
    [Math.PI, "3.142", "right"],
    [Math.PI, "3.141", "wrong"],
    [Math.PI, "3.1", "too-few-figures"],
    [0.5, "0.5", "right"],
    [1.5, "1.5", "right"],
    [1.5, "1.50", "right"],
    [Math.E ** -2, "0.135", "right"],
    [Math.E ** -2, "0.1353", "right"],
    [Math.E ** -2, "0.1354", "wrong"],
    [Math.SQRT2 / 2, "0.707", "right"],
    [Math.PI / 4, "0.785", "right"],
    [Math.PI / 4, "0.786", "wrong"],
    [-1 / 3, "-0.333", "right"],
    [-1 / 3, "−0.333", "right"],
    [2 / 3, "0.667", "right"],
    [2 / 3, "0.666", "wrong"],
    [1.25, "1.3", "wrong"],
    [1.25, "1.25", "right"],
    [100 / 3, "33.3", "right"],
    [0.001234567, "0.00123", "right"],
    [1 / 3, "x", "not-decimal"],
    [1 / 3, "1/3", "not-decimal"],
  ];
  it.each(cases)("key %d, typed %s: %s", (key, typed, kind) => {
    expect(judgeDecimal(key, typed).kind).toBe(kind);
  });
});

describe("derivative keys against other correct forms", () => {
  // math.js writes the same derivative its own way: every pair must be judged right, and the same
  // pair with a small error judged wrong.
  const pairs: [string, string, string][] = [];
  for (const src of TEXTBOOK) {
    const f = read(src);
    const d = derivative(f, "x");
    if (!d.ok) continue;
    try {
      const other = mathDerivative(toMathjs(f), "x").toString();
      if (parse(other, { vars: ["x"] }).ok) pairs.push([toText(d.expr), other, src]);
    } catch {
      // math.js does not differentiate this one
    }
  }
  it("has at least 150 such pairs", () => {
    expect(pairs.length).toBeGreaterThanOrEqual(150);
  });
  // Compared where the function itself is defined, as a derivative problem is graded.
  const judge = (key: string, answer: string, f: string) => {
    const v = equivalent(read(key), read(answer), { vars: ["x"], defined: [read(f)] });
    return v.ok ? v.equivalent : "cannot check";
  };
  it.each(pairs)("%s = %s", (key, other, f) => {
    expect(judge(key, other, f)).toBe(true);
  });
  it.each(pairs.filter(([k]) => k !== "0"))("%s ≠ it plus x/1000", (key, other, f) => {
    expect(judge(key, `${other} + x/1000`, f)).toBe(false);
  });
});

describe("properties over random expressions", () => {
  const vars = ["x", "y"];
  /** A random expression that is defined and not identically zero at some point. */
  const usable = (e: Expr): boolean => {
    for (const [x, y] of [
      [0.37, -1.21],
      [1.43, 0.61],
      [-0.77, 2.13],
      [-2.3, -0.4],
    ] as const) {
      const v = evaluate(e, { x, y });
      if (Number.isFinite(v) && Math.abs(v) > 1e-6 && Math.abs(v) < 1e8) return true;
    }
    return false;
  };
  const sameAs = (a: Expr, b: Expr) => {
    const v = equivalent(a, b, { vars });
    return !v.ok || v.equivalent;
  };

  it("an expression is equivalent to its simplified, expanded and re-printed forms", () => {
    fc.assert(
      fc.property(exprArb(vars, 3), (e) => {
        fc.pre(usable(e));
        const s = simplify(e);
        const x = expand(e);
        const p = parse(toText(e), { vars });
        return (!s.ok || sameAs(e, s.expr)) && (!x.ok || sameAs(e, x.expr)) && p.ok && sameAs(e, p.expr);
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it("a perturbed expression is not equivalent (sign, coefficient, dropped term, swapped function)", () => {
    const differs = (a: Expr, b: Expr) => {
      const v = equivalent(a, b, { vars });
      return v.ok && !v.equivalent;
    };
    fc.assert(
      fc.property(exprArb(vars, 3), (e) => {
        fc.pre(usable(e));
        // The perturbation must really change the function: skip when it is zero where e is defined.
        if (!differs(e, neg(e)) || !differs(e, mul(num(3), e))) return false;
        if (e.kind === "add") {
          const dropped = add(...e.terms.slice(1));
          const first = e.terms[0]!;
          if (usable(first) && !differs(e, dropped)) return false;
        }
        if (
          e.kind === "call" &&
          (e.fn === "sin" || e.fn === "cos") &&
          usable(add(call("sin", e.arg), neg(call("cos", e.arg))))
        ) {
          const swapped = call(e.fn === "sin" ? "cos" : "sin", e.arg);
          if (!differs(e, swapped)) return false;
        }
        return true;
      }),
      { numRuns: 300, seed: 12 },
    );
  });
});
