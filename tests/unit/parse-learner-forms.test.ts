// Forms learners type that the reader takes at their word: an explicit `*` ends a bare function
// argument, a function name glued inside a word, a signed exponent glued to its variable, scientific
// notation. Each row is read both ways: the form and a near form that reads differently.
import { describe, expect, it } from "vitest";
import { add, call, cnst, div, type Expr, mul, neg, num, pow, sub, variable } from "../../lib/calculus/ast";
import { parse, type ParseOptions } from "../../lib/calculus/parse";
import { toLatex } from "../../lib/calculus/print";

const x = variable("x");
const y = variable("y");
const a = variable("a");
const n = num;
const e = cnst("e");
const pi = cnst("pi");
const f =
  (name: Parameters<typeof call>[0]) =>
  (arg: Expr): Expr =>
    call(name, arg);
const [sin, cos, tan, sec, ln, sqrt] = (["sin", "cos", "tan", "sec", "ln", "sqrt"] as const).map(f) as [
  (arg: Expr) => Expr,
  (arg: Expr) => Expr,
  (arg: Expr) => Expr,
  (arg: Expr) => Expr,
  (arg: Expr) => Expr,
  (arg: Expr) => Expr,
];

const X: ParseOptions = { vars: ["x"] };
const XY: ParseOptions = { vars: ["x", "y"] };

type Row = readonly [input: string, expected: Expr, warned: boolean, options?: ParseOptions];

function reads(rows: readonly Row[]): void {
  it.each(rows.map((r) => [r[0], r] as const))("%s", (_input, [input, expected, warned, options]) => {
    const r = parse(input, options);
    if (!r.ok) throw new Error(`${input}: ${r.error.code} ${r.error.message}`);
    expect(r.expr).toEqual(expected);
    expect(r.warnings.length > 0).toBe(warned);
  });
}

describe("an explicit * ends a bare function argument", () => {
  reads([
    ["ln2 * 2^(2x+4)", mul(ln(n(2)), pow(n(2), add(mul(n(2), x), n(4)))), false],
    ["-sec 6x tan 6x * 6", neg(mul(sec(mul(n(6), x)), tan(mul(n(6), x)), n(6))), false],
    ["sin x*x", mul(sin(x), x), false],
    ["sin x * x", mul(sin(x), x), false],
    ["sqrt x * 2", mul(sqrt(x), n(2)), false],
    ["sin x·x", mul(sin(x), x), false],
    ["sin x × 2", mul(sin(x), n(2)), false],
    ["sin^2 x * 3", mul(pow(sin(x), n(2)), n(3)), false],
    ["e^sin x * 2", mul(pow(e, sin(x)), n(2)), false],
    ["2 ln 2 * 2^x", mul(n(2), ln(n(2)), pow(n(2), x)), false],
    ["cos x * sin x", mul(cos(x), sin(x)), false],
  ]);
  describe("the implicit forms keep their readings", () => {
    reads([
      ["ln x 2^x", ln(mul(x, pow(n(2), x))), true, X],
      ["sin x x", sin(mul(x, x)), false],
      ["sqrt x 2", sqrt(mul(x, n(2))), false],
      ["sin 6x tan 6x", mul(sin(mul(n(6), x)), tan(mul(n(6), x))), false],
      ["sin x^2", sin(pow(x, n(2))), true],
      ["sin(x)*x", mul(sin(x), x), false],
    ]);
  });
});

describe("a function name glued inside a word", () => {
  reads([
    ["2xcos(x^2)", mul(n(2), x, cos(pow(x, n(2)))), true, X],
    ["xln(x)", mul(x, ln(x)), true, X],
    ["sinx", sin(x), true, X],
    ["lnx", ln(x), true, X],
    ["sinx", sin(x), true],
    ["xsinx", mul(x, sin(x)), true, X],
    ["sinxcosx", mul(sin(x), cos(x)), true, X],
    ["2sinxcosx", mul(n(2), sin(x), cos(x)), true, X],
    ["xsin2x", mul(x, sin(mul(n(2), x))), true, X],
    ["sinpix", sin(mul(pi, x)), true, X],
    ["asinx", call("asin", x), true, X],
    ["tanx sec x", mul(tan(x), sec(x)), true, X],
    ["ycos(xy)", mul(y, cos(mul(x, y))), true, XY],
    ["e^xsinx", mul(pow(e, x), sin(x)), true, X],
    ["1/(xln2)", div(n(1), mul(x, ln(n(2)))), true, X],
  ]);
  describe("separated, the same forms read without a warning", () => {
    reads([
      ["2x cos(x^2)", mul(n(2), x, cos(pow(x, n(2)))), false, X],
      ["x ln(x)", mul(x, ln(x)), false, X],
      ["sin x", sin(x), false, X],
      ["x sin x", mul(x, sin(x)), false, X],
      ["a sin x", mul(a, sin(x)), false],
    ]);
  });
  it.each([
    ["asinx", undefined, /asin\(x\) or as a sin\(x\)/],
    ["sinz", X, /did you mean sin\(z\)\?/],
    ["xlog10x", X, /log_10\(x\)/],
  ] as const)("%s says exactly what to type", (input, options, message) => {
    const r = parse(input, options);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("UNKNOWN_NAME");
      expect(r.error.message).toMatch(message);
    }
  });
});

describe("a signed exponent takes the variables glued to it", () => {
  reads([
    ["e^-2x", pow(e, neg(mul(n(2), x))), true, X],
    ["-2e^-2x", neg(mul(n(2), pow(e, neg(mul(n(2), x))))), true, X],
    ["e^-xy", pow(e, neg(mul(x, y))), true, XY],
    ["3^-2x", pow(n(3), neg(mul(n(2), x))), true, X],
    ["e^-x", pow(e, neg(x)), false, X],
  ]);
  describe("a space, no sign or a variable base keeps the product", () => {
    reads([
      ["e^-2 x", mul(pow(e, neg(n(2))), x), false, X],
      ["e^2x", mul(pow(e, n(2)), x), true, X],
      ["x^-2y", mul(pow(x, neg(n(2))), y), false, XY],
      ["e^-x/2", div(pow(e, neg(x)), n(2)), false, X],
    ]);
  });
});

describe("scientific notation", () => {
  reads([
    ["1.479e1", n(14.79), false],
    ["2e5", n(200000), false],
    ["2E-3", n(0.002), false],
    ["1.5e-3", n(0.0015), false],
    ["-1.5E+2", neg(n(150)), false],
  ]);
  describe("Euler's number where scientific notation is not the only reading", () => {
    reads([
      ["1e-3", sub(mul(n(1), e), n(3)), true],
      ["2e", mul(n(2), e), false],
      ["2e x", mul(n(2), e, x), false, X],
      ["2e1", mul(n(2), variable("e1")), false, { vars: ["x", "e1"] }],
    ]);
  });
  it("a number too large is refused", () => {
    const r = parse("1e999");
    expect(!r.ok && r.error.code).toBe("BAD_NUMBER");
  });
});

describe("vulgar fractions from a phone keyboard", () => {
  reads([
    ["½x²", mul(div(n(1), n(2)), pow(x, n(2))), false, X],
    ["¾ x", mul(div(n(3), n(4)), x), false, X],
    ["x^⅓", pow(x, div(n(1), n(3))), false, X],
    ["2x + ⅛", add(mul(n(2), x), div(n(1), n(8))), false, X],
  ]);
  it.each(["1½", "3 ½"])("%s, a mixed number, is refused with what to type", (input) => {
    const r = parse(input, X);
    expect(!r.ok && r.error.message).toMatch(/mixed number; type \d \+ 1\/2/);
  });
  it.each(["∛x", "∜(x+1)"])("%s says to type a power", (input) => {
    const r = parse(input, X);
    expect(!r.ok && r.error.message).toMatch(/type a power instead/);
  });
});

describe("function names taught in other countries", () => {
  const t = variable("t");
  const g = variable("g");
  reads([
    ["cosec x", call("csc", x), false, X],
    ["cotan x", call("cot", x), false, X],
    ["tg x", tan(x), false, X],
    ["ctg(2x)", call("cot", mul(n(2), x)), false, X],
    ["arctg x", call("atan", x), false, X],
    ["ℯ^x", pow(e, x), false, X],
  ]);
  describe("a product of the problem's variables keeps its reading", () => {
    reads([["tg", mul(t, g), false, { vars: ["t", "g"] }]]);
  });
  it("lg, base 10 in some books and base 2 in others, asks which", () => {
    const r = parse("lg x", X);
    expect(!r.ok && r.error.message).toMatch(/type log10\(x\) or log2\(x\)/);
  });
  it("LaTeX says to type the plain form", () => {
    const r = parse("\\frac{1}{x}", X);
    expect(!r.ok && r.error.message).toMatch(/LaTeX commands .* are not read: type the plain form/);
  });
});

describe("Greek letters a problem declares as variables", () => {
  const theta = variable("theta");
  const eta = variable("eta");
  const T = { vars: ["theta"] };
  reads([
    ["cos theta", cos(theta), false, T],
    ["cos θ", cos(theta), false, T],
    ["2θ", mul(n(2), theta), false, T],
    ["2xtheta", mul(n(2), x, theta), false, { vars: ["x", "theta"] }],
    ["etatheta", mul(eta, theta), false, { vars: ["theta", "eta"] }],
    ["theta1^2", pow(variable("theta1"), n(2)), false, { vars: ["theta1"] }],
  ]);
  describe("the other characters of the same letters: the micro sign, and the symbol forms", () => {
    reads([
      ["2µ", mul(n(2), variable("mu")), false, { vars: ["mu"] }],
      ["ϕ^2", pow(variable("phi"), n(2)), false, { vars: ["phi"] }],
      ["3ϵ", mul(n(3), variable("epsilon")), false, { vars: ["epsilon"] }],
      ["cos ϑ", cos(theta), false, T],
    ]);
    it("one the problem does not declare says which letter it is", () => {
      const r = parse("2ϕ", X);
      expect(!r.ok && r.error.message).toBe("unknown name 'ϕ' (phi) - this problem's variable is x");
    });
  });
  it("prints them as Greek letters", () => {
    const r = parse("sin(theta) + 2sigma", { vars: ["theta", "sigma"] });
    expect(r.ok && toLatex(r.expr)).toBe("\\sin {\\theta} + 2{\\sigma}");
  });
  it("a Greek letter the problem does not declare says so", () => {
    const r = parse("2θ", X);
    expect(!r.ok && r.error.message).toBe("unknown name 'θ' (theta) - this problem's variable is x");
  });
  it.each(["th", "Theta", "pi", "x_1"])("%j is not a variable name", (name) => {
    expect(parse("1", { vars: [name] }).ok).toBe(false);
  });
});
