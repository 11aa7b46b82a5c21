// What learners may type (grading.md's notation table) and the reading rules documented in parse.ts.
import { describe, expect, it } from "vitest";
import {
  add,
  call,
  cnst,
  div,
  type Expr,
  logb,
  mul,
  neg,
  num,
  pow,
  sub,
  variable,
} from "../../lib/calculus/ast";
import { parse, type ParseOptions } from "../../lib/calculus/parse";

const x = variable("x");
const y = variable("y");
const a = variable("a");
const b = variable("b");
const c = variable("c");
const n = num;
const e = cnst("e");
const pi = cnst("pi");
const sin = (arg: Expr): Expr => call("sin", arg);
const cos = (arg: Expr): Expr => call("cos", arg);

type Row = readonly [input: string, expected: Expr, options?: ParseOptions];

function expectReads(rows: readonly Row[], warned: boolean): void {
  it.each(rows.map((r) => [r[0], r] as const))("%s", (_input, [input, expected, options]) => {
    const r = parse(input, options);
    if (!r.ok) throw new Error(`${input}: ${r.error.code} ${r.error.message}`);
    expect(r.expr).toEqual(expected);
    if (warned) {
      expect(r.warnings.length).toBeGreaterThan(0);
      for (const w of r.warnings) expect(w.code).toBe("AMBIGUOUS");
    } else expect(r.warnings).toEqual([]);
  });
}

const XY: ParseOptions = { vars: ["x", "y"] };

describe("grading.md notation table", () => {
  describe("implicit products", () => {
    expectReads(
      [
        ["2x", mul(n(2), x)],
        ["2 x", mul(n(2), x)],
        ["2·x", mul(n(2), x)],
        ["2×x", mul(n(2), x)],
        ["2⋅x", mul(n(2), x)],
        ["x y", mul(x, y), XY],
        ["xy", mul(x, y), XY],
        ["xy", mul(x, y)],
      ],
      false,
    );
  });
  describe("a variable before a bracket multiplies", () => {
    expectReads(
      [
        ["x(x+1)", mul(x, add(x, n(1)))],
        ["(x+1)(x-1)", mul(add(x, n(1)), add(x, neg(n(1))))],
        ["2(x+1)", mul(n(2), add(x, n(1)))],
      ],
      false,
    );
  });
  describe("bare function arguments", () => {
    expectReads(
      [
        ["sin x", sin(x)],
        ["sin 2x", sin(mul(n(2), x))],
        ["ln x", call("ln", x)],
        ["sin x cos x", mul(sin(x), cos(x))],
        ["x sin x", mul(x, sin(x))],
      ],
      false,
    );
  });
  describe("powers of functions", () => {
    expectReads(
      [
        ["sin^2 x", pow(sin(x), n(2))],
        ["sin^2(x)", pow(sin(x), n(2))],
        ["cos^3(2x)", pow(cos(mul(n(2), x)), n(3))],
      ],
      false,
    );
  });
  describe("inverse functions, never reciprocals", () => {
    expectReads(
      [
        ["sin^-1 x", call("asin", x)],
        ["tan^-1(x)", call("atan", x)],
        ["arcsin x", call("asin", x)],
        ["asin(x)", call("asin", x)],
      ],
      false,
    );
  });
  describe("exponentials and e", () => {
    expectReads(
      [
        ["e^x", pow(e, x)],
        ["e^-x", pow(e, neg(x))],
        ["exp(x)", call("exp", x)],
        ["e", e],
        ["e", variable("e"), { vars: ["x", "e"] }],
      ],
      false,
    );
  });
  describe("logarithms", () => {
    expectReads(
      [
        ["ln x", call("ln", x)],
        ["log x", call("ln", x)],
        ["log10(x)", call("log10", x)],
        ["log2(x)", call("log2", x)],
        ["log_3(x)", logb(3, x)],
        ["log_0.5(x)", logb(0.5, x)],
        ["log_10(x)", call("log10", x)],
        ["log_2(x)", call("log2", x)],
        ["log_e(x)", call("ln", x)],
      ],
      false,
    );
  });
  describe("square roots", () => {
    expectReads(
      [
        ["sqrt(x)", call("sqrt", x)],
        ["√x", call("sqrt", x)],
        ["√(x+1)", call("sqrt", add(x, n(1)))],
        ["x^(1/2)", pow(x, div(n(1), n(2)))],
        ["x^0.5", pow(x, n(0.5))],
      ],
      false,
    );
  });
  describe("absolute value and sign", () => {
    expectReads(
      [
        ["|x|", call("abs", x)],
        ["abs(x)", call("abs", x)],
        ["sign(x)", call("sign", x)],
      ],
      false,
    );
  });
  describe("unicode", () => {
    expectReads(
      [
        ["x²", pow(x, n(2))],
        ["x³", pow(x, n(3))],
        ["x−1", sub(x, n(1))],
        ["−x", neg(x)],
        ["π", pi],
      ],
      false,
    );
  });
  describe("precedence", () => {
    expectReads(
      [
        ["-x^2", neg(pow(x, n(2)))],
        ["2^3^2", pow(n(2), pow(n(3), n(2)))],
        ["2x^2", mul(n(2), pow(x, n(2)))],
        ["x^2y", mul(pow(x, n(2)), y)],
      ],
      false,
    );
  });
  describe("ambiguous: one documented reading, with a warning", () => {
    expectReads(
      [
        ["1/2x", mul(div(n(1), n(2)), x)],
        ["e^2x", mul(pow(e, n(2)), x)],
        ["sin x^2", sin(pow(x, n(2)))],
      ],
      true,
    );
    it("says how it was read and what to type instead", () => {
      const cases: [string, string][] = [
        ["1/2x", "read as (1/2)·x; type 1/(2x) if you meant that"],
        ["e^2x", "read as e^2·x; type e^(2x) if you meant that"],
        ["sin x^2", "read as sin(x^2); type (sin x)^2 if you meant that"],
      ];
      for (const [input, message] of cases) {
        const r = parse(input);
        expect(r.ok && r.warnings.map((w) => w.message)).toEqual([message]);
      }
    });
  });
});

describe("names", () => {
  expectReads(
    [
      ["xe^x", mul(x, pow(e, x))],
      ["xpi", mul(x, pi)],
      ["pix", mul(pi, x)],
      ["pi", pi, { vars: ["p", "i"] }],
      ["pie", mul(pi, e)],
      ["ex", mul(e, x)],
      ["ex", mul(variable("e"), x), { vars: ["e", "x"] }],
      ["x1x2", mul(variable("x1"), variable("x2")), { vars: ["x1", "x2"] }],
      ["w1", variable("w1"), { vars: ["w1"] }],
      ["ax1", mul(a, variable("x1")), { vars: ["a", "x1"] }],
      ["2x1", mul(n(2), variable("x1")), { vars: ["x1"] }],
      ["Sin x", sin(x)],
      ["SIN(x)", sin(x)],
      ["Pi", pi],
      ["PI x", mul(pi, x)],
      ["X", variable("X")],
      ["arccos x", call("acos", x)],
      ["arctan x", call("atan", x)],
      ["arcsec x", call("asec", x)],
      ["arccsc x", call("acsc", x)],
      ["arccot x", call("acot", x)],
      ["sgn x", call("sign", x)],
    ],
    false,
  );
  it("reads every canonical function name", () => {
    const names = [
      "sin",
      "cos",
      "tan",
      "sec",
      "csc",
      "cot",
      "asin",
      "acos",
      "atan",
      "asec",
      "acsc",
      "acot",
      "sinh",
      "cosh",
      "tanh",
      "exp",
      "ln",
      "log10",
      "log2",
      "sqrt",
      "abs",
      "sign",
    ] as const;
    for (const f of names) {
      const r = parse(`${f}(x)`);
      expect(r.ok && r.expr).toEqual(call(f, x));
    }
  });
});

describe("functions", () => {
  expectReads(
    [
      ["sin(x)^2", pow(sin(x), n(2))],
      ["sin(x)cos(x)", mul(sin(x), cos(x))],
      ["sin (x+1)", sin(add(x, n(1)))],
      ["sin(x) y", mul(sin(x), y)],
      ["sin x * cos x", mul(sin(x), cos(x))],
      // An explicit * ends a bare argument (grading.md).
      ["sin 2*x", mul(sin(n(2)), x)],
      ["sin x/2", div(sin(x), n(2))],
      ["sin x + 1", add(sin(x), n(1))],
      ["sin x - 1", sub(sin(x), n(1))],
      ["sin sin x", sin(sin(x))],
      ["sin2x", sin(mul(n(2), x))],
      ["ln2", call("ln", n(2))],
      ["sin |x|", sin(call("abs", x))],
      ["|sin x|", call("abs", sin(x))],
      ["ln|x|", call("ln", call("abs", x))],
      ["sin(x)(x+1)", mul(sin(x), add(x, n(1)))],
      ["sin^2 x cos x", mul(pow(sin(x), n(2)), cos(x))],
      ["sin²x", pow(sin(x), n(2))],
      ["sin⁻¹x", call("asin", x)],
      ["sin^(-1)(x)", call("asin", x)],
      ["cos^−1 x", call("acos", x)],
      ["arcsin^2 x", pow(call("asin", x), n(2))],
      ["sinh x", call("sinh", x)],
      ["log_(3)(x)", logb(3, x)],
      ["log_{3} x", logb(3, x)],
      ["log_10 100", call("log10", n(100))],
      ["e^sin(x)", pow(e, sin(x))],
      ["e^sin x", pow(e, sin(x))],
      ["2 sqrt x", mul(n(2), call("sqrt", x))],
      ["√√x", call("sqrt", call("sqrt", x))],
      ["√(x+1)^2", pow(call("sqrt", add(x, n(1))), n(2))],
      ["2√x", mul(n(2), call("sqrt", x))],
      ["x√x", mul(x, call("sqrt", x))],
      ["√2 x", mul(call("sqrt", n(2)), x)],
    ],
    false,
  );
  expectReads(
    [
      ["√2x", mul(call("sqrt", n(2)), x)],
      ["√x^2", call("sqrt", pow(x, n(2)))],
      ["sin x^2 y", sin(mul(pow(x, n(2)), y))],
      ["sin x²", sin(pow(x, n(2)))],
      ["log2x", call("log2", x)],
      ["log_3 x^2", logb(3, pow(x, n(2)))],
    ],
    true,
  );
});

describe("operators", () => {
  expectReads(
    [
      ["a - b", add(a, neg(b))],
      ["a+b+c", add(a, b, c)],
      ["(a+b)+c", add(a, b, c)],
      ["a+(b+c)", add(a, b, c)],
      ["(a*b)*c", mul(a, b, c)],
      ["a(bc)", mul(a, b, c)],
      ["a - (b + c)", add(a, neg(add(b, c)))],
      ["a/b*c", mul(div(a, b), c)],
      ["a*b/c", div(mul(a, b), c)],
      ["a/b/c", div(div(a, b), c)],
      ["a/(b/c)", div(a, div(b, c))],
      ["a*(b/c)", mul(a, div(b, c))],
      ["-2x", neg(mul(n(2), x))],
      ["-x^2", neg(pow(x, n(2)))],
      ["2*-x", mul(n(2), neg(x))],
      ["2/-x", div(n(2), neg(x))],
      ["+x", x],
      ["x + -y", add(x, neg(y))],
      ["x - -y", add(x, neg(neg(y)))],
      ["-(-x)", neg(neg(x))],
      ["(-x)^2", pow(neg(x), n(2))],
      ["(x)", x],
      ["((x))", x],
      ["2^3^2", pow(n(2), pow(n(3), n(2)))],
      ["2**3**2", pow(n(2), pow(n(3), n(2)))],
      ["x^-2", pow(x, neg(n(2)))],
      ["e^-x^2", pow(e, neg(pow(x, n(2))))],
      ["e^(2x)", pow(e, mul(n(2), x))],
      ["e^{2x}", pow(e, mul(n(2), x))],
      ["e^x y", mul(pow(e, x), y)],
      ["e^2 x", mul(pow(e, n(2)), x)],
      ["x^2 y", mul(pow(x, n(2)), y)],
      ["(x+1)^2", pow(add(x, n(1)), n(2))],
      ["2(x+1)", mul(n(2), add(x, n(1)))],
      ["(x+1)2", mul(add(x, n(1)), n(2))],
      ["x 2", mul(x, n(2))],
      ["[x+1][x-1]", mul(add(x, n(1)), add(x, neg(n(1))))],
      ["x⁻¹", pow(x, neg(n(1)))],
      ["x²³", pow(x, n(23))],
      ["x ÷ 2", div(x, n(2))],
      ["2∗x", mul(n(2), x)],
      ["a – b", add(a, neg(b))],
      ["1/2 * x", mul(div(n(1), n(2)), x)],
      ["1/(2x)", div(n(1), mul(n(2), x))],
    ],
    false,
  );
  expectReads(
    [
      ["e^-2x", pow(e, neg(mul(n(2), x)))],
      ["2^3x", mul(pow(n(2), n(3)), x)],
      ["e^xy", mul(pow(e, x), y)],
      ["1/2 x", mul(div(n(1), n(2)), x)],
      ["x/2(x+1)", mul(div(x, n(2)), add(x, n(1)))],
      ["a*b/c d", mul(div(mul(a, b), c), variable("d"))],
    ],
    true,
  );
  expectReads(
    [
      ["x^1/2", div(pow(x, n(1)), n(2))],
      ["x^2/3", div(pow(x, n(2)), n(3))],
      ["x^-1/2", div(pow(x, neg(n(1))), n(2))],
      ["2x^1/2", div(mul(n(2), pow(x, n(1))), n(2))],
    ],
    true,
  );
  expectReads(
    [
      ["x^2/2", div(pow(x, n(2)), n(2))],
      ["x^3/3", div(pow(x, n(3)), n(3))],
      ["e^x/2", div(pow(e, x), n(2))],
      ["x^(1)/2", div(pow(x, n(1)), n(2))],
    ],
    false,
  );
  it("warns x^1/2 with the bracketed alternative", () => {
    const r = parse("2x^1/2");
    expect(r.ok && r.warnings.map((w) => w.message)).toEqual([
      "read as (2x^1)/2; type 2x^(1/2) if you meant that",
    ]);
  });
  it("warns e^-2x with the product alternative", () => {
    const r = parse("e^-2x");
    expect(r.ok && r.warnings.map((w) => w.message)).toEqual([
      "read as e^(-2x); type (e^-2)·x if you meant a product",
    ]);
  });
});

describe("absolute value bars", () => {
  const abs = (arg: Expr): Expr => call("abs", arg);
  expectReads(
    [
      ["|x - |y||", abs(add(x, neg(abs(y))))],
      ["2|x|", mul(n(2), abs(x))],
      ["|x||y|", mul(abs(x), abs(y))],
      ["||x||", abs(abs(x))],
      ["|x|^2", pow(abs(x), n(2))],
      ["|-x|", abs(neg(x))],
      ["x|y|", mul(x, abs(y))],
      ["|x|y", mul(abs(x), y)],
      ["(|x|)", abs(x)],
      ["|(x)|", abs(x)],
      ["|x+|y|+1|", abs(add(x, abs(y), n(1)))],
      ["∣x∣", abs(x)],
    ],
    false,
  );
});

describe("numbers and spaces", () => {
  expectReads(
    [
      ["12", n(12)],
      ["0.5", n(0.5)],
      [".5", n(0.5)],
      ["3.", n(3)],
      ["007", n(7)],
      ["-2", neg(n(2))],
      ["  x  ", x],
      ["x\u00a0+\u30001", add(x, n(1))],
      ["x\t+\n1", add(x, n(1))],
      ["ｘ＋１", add(x, n(1))],
      ["2x−3", sub(mul(n(2), x), n(3))],
    ],
    false,
  );
  // Euler's number wins over scientific notation after a whole number and a sign, with a warning.
  expectReads([["1e-3", sub(mul(n(1), e), n(3))]], true);
  it("keeps numbers non-negative", () => {
    const r = parse("-0.25");
    expect(r.ok && r.expr).toEqual(neg(n(0.25)));
  });
});

describe("warnings", () => {
  it("reports at most five ambiguities per answer", () => {
    const r = parse("1/2x + ".repeat(8) + "1");
    expect(r.ok && r.warnings.length).toBe(5);
  });
  it("point at the ambiguous place", () => {
    const r = parse("x + e^2x");
    expect(r.ok && r.warnings.map((w) => w.at)).toEqual([5]);
  });
});
