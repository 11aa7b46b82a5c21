// Random parameters of typed problems: the reader of `a in {2..9}`, `b in {-5..5} \ {0}`, conditions,
// deterministic draws, and every refusal with its message; then the template built on them.
import { describe, expect, it } from "vitest";
import { allDraws, drawParameters, readParameters, satisfies } from "@/lib/problems/parameters";
import { authoredTemplate, drawAuthored } from "@/lib/problems/authored-template";
import { authoredProblem } from "@/lib/problems/authored";
import { grade } from "@/lib/problems/grade";

const read = (text: string, vars: string[] = ["x"]) => {
  const r = readParameters(text, vars);
  if (!r.ok) throw new Error(r.message);
  return r.parameters;
};
const refusal = (text: string, vars: string[] = ["x"]) => {
  const r = readParameters(text, vars);
  return r.ok ? "accepted" : r.message;
};

describe("reading parameters", () => {
  it("reads ranges, lists, exclusions and conditions", () => {
    const p = read(
      "a in {2..9}\nb in {-5..5} \\ {0}; c in {1, 2, 5}\nk ∈ {1..3, 7, -1.5}\na != b\na*c - b^2 != 0",
    );
    expect(p.params.map((q) => [q.name, q.values])).toEqual([
      ["a", [2, 3, 4, 5, 6, 7, 8, 9]],
      ["b", [-5, -4, -3, -2, -1, 1, 2, 3, 4, 5]],
      ["c", [1, 2, 5]],
      ["k", [-1.5, 1, 2, 3, 7]],
    ]);
    expect(p.conditions.map((c) => [c.text, c.op])).toEqual([
      ["a != b", "!="],
      ["a*c - b^2 != 0", "!="],
    ]);
    expect(read("").params).toEqual([]);
  });

  it("evaluates conditions with each comparison", () => {
    const p = read("a in {1..3}\nb in {1..3}\na <= b\na*b >= 2\na ≠ 2");
    expect(allDraws(p)).toEqual([
      { a: 1, b: 2 },
      { a: 1, b: 3 },
      { a: 3, b: 3 },
    ]);
    expect(satisfies(read("a in {0..1}\n1/a > 0"), { a: 0 })).toBe(false);
  });

  it.each([
    ["a in {9..2}", "The range {9..2} of a is empty: write the smaller number first ({2..9})."],
    ["a in {1..100000}", "The range {1..100000} of a has 100000 values; at most 1000 are allowed."],
    ["a in {}", "The set {} of a is empty: list at least one value."],
    ["b in {0} \\ {0}", "The set of b is empty: every value is removed."],
    ["a in {1,2", "The set of a is not closed: '{1,2' needs a comma between values or a closing brace."],
    ["a in 1..3", "The values of a go in braces, e.g. a in {2..9} or a in {1, 2, 5}."],
    ["a in {1..x}", "The range of a needs an end: write it as {2..9}."],
    ["a in {1.5..3}", "A range runs over whole numbers: {1.5..3} of a has a decimal end."],
    [
      "x in {1..2}",
      "'x' is a variable of the problem and cannot also be a parameter: choose another letter.",
    ],
    ["a in {1..3}\na in {2..3}", "The parameter a is declared twice."],
    [
      "a in {1..3}\na*b != 0",
      "The condition 'a*b != 0' cannot be read: unknown name 'b' - the parameters are a.",
    ],
    [
      "theta in {1..2}",
      "'theta' cannot be a parameter: name it with one lowercase letter, optionally followed by up to two digits (a, b, k1), other than e.",
    ],
    [
      "A in {1..2}",
      "'A' cannot be a parameter: name it with one lowercase letter, optionally followed by up to two digits (a, b, k1), other than e.",
    ],
    [
      "K1 in {1..2}",
      "'K1' cannot be a parameter: name it with one lowercase letter, optionally followed by up to two digits (a, b, k1), other than e.",
    ],
    [
      "e in {1..2}",
      "'e' cannot be a parameter: name it with one lowercase letter, optionally followed by up to two digits (a, b, k1), other than e.",
    ],
    ["a+1", "'a+1' is neither a parameter (a in {2..9}) nor a condition (a != b)."],
    ["a != 2", "A condition needs parameters: declare them first, e.g. a in {2..9}."],
    ["a in {1..2}\na != ", "The condition 'a !=' needs an expression on each side."],
    [
      "a in {1..3} foo",
      "'foo' after the set of a cannot be read: remove values with \\ {…}, e.g. {-5..5} \\ {0}.",
    ],
    ["a in {1}\nb in {1}\nc in {1}\nd in {1}\nf in {1}\ng in {1}\nh in {1}", "At most 6 parameters."],
    ["a in {1}\n" + "a > 0\n".repeat(9), "At most 8 conditions."],
    ["a in {1}" + " ".repeat(600), "The parameters are too long (600 characters at most)."],
  ])("refuses %j with a clear message", (text, message) => {
    expect(refusal(text)).toBe(message);
  });

  it("caps the values of ranges and lists together", () => {
    expect(readParameters("a in {1..600, 601..1000}", []).ok).toBe(true);
    expect(refusal("a in {1..600, 601..1001}")).toBe(
      "a has more than 1000 values; at most 1000 are allowed.",
    );
  });
});

describe("drawing", () => {
  const p = read("a in {2..9}\nb in {-5..5} \\ {0}\na != b\na + b != 0");

  it("is deterministic in the seed and differs between seeds", () => {
    expect(drawParameters(p, 42)).toEqual(drawParameters(p, 42));
    const draws = new Set(Array.from({ length: 30 }, (_, s) => JSON.stringify(drawParameters(p, s))));
    expect(draws.size).toBeGreaterThan(10);
  });

  it("draws only values of the sets that satisfy the conditions, never an excluded one", () => {
    for (let seed = 0; seed < 300; seed++) {
      const v = drawParameters(p, seed) as { a: number; b: number };
      expect(v.a).toBeGreaterThanOrEqual(2);
      expect(v.a).toBeLessThanOrEqual(9);
      expect(v.b).not.toBe(0);
      expect(v.a).not.toBe(v.b);
      expect(v.a + v.b).not.toBe(0);
    }
  });

  it("draws again when a draw breaks a condition, until one holds", () => {
    // One value in ten satisfies it: a single draw would miss it nine times in ten.
    const rare = read("a in {1..10}\na = 7");
    for (let seed = 0; seed < 50; seed++) expect(drawParameters(rare, seed)).toEqual({ a: 7 });
  });

  it("gives up (null) when no draw satisfies the conditions, or practically none does", () => {
    expect(drawParameters(read("a in {1..3}\na > 5"), 1)).toBeNull();
    // One draw in a million would do: the bounded attempts give up rather than search on.
    const needle = read("a in {1..1000}\nb in {1..1000}\na = 1\nb = 1");
    expect(Array.from({ length: 20 }, (_, seed) => drawParameters(needle, seed))).toEqual(
      Array.from({ length: 20 }, () => null),
    );
  });
});

describe("a typed problem with parameters", () => {
  const spec = { kind: "derivative" as const, f: "a*x^2 + sin(b*x)", var: "x" };
  const params = "a in {2..9}\nb in {-5..5} \\ {0}\na != b";

  it("shows five different draws, each keyed by the core and graded right against its own key", () => {
    const r = authoredTemplate(spec, params);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.draws).toHaveLength(5);
    expect(new Set(r.draws.map((d) => d.problem.statement)).size).toBe(5);
    for (const d of r.draws) {
      const { a, b } = d.values as { a: number; b: number };
      const plain = authoredProblem({ kind: "derivative", f: `${a}*x^2 + sin(${b}*x)`, var: "x" });
      if (!plain.ok) throw new Error(plain.error.message);
      expect(grade(d.problem, plain.problem.answer as string).status).toBe("right");
    }
    expect(r.item.template).toEqual({ spec, parameters: params });
  });

  it("draws the same problem from the same seed, and another from another seed", () => {
    const r = authoredTemplate(spec, params);
    if (!r.ok) throw new Error(r.error.message);
    const one = drawAuthored(r.item.template!, 7);
    expect(drawAuthored(r.item.template!, 7)).toEqual(one);
    const others = Array.from({ length: 10 }, (_, s) => drawAuthored(r.item.template!, 100 + s)?.statement);
    expect(others.some((s) => s !== one?.statement)).toBe(true);
  });

  it("puts parameters in the point of a limit and of a derivative at a point", () => {
    const lim = authoredTemplate(
      { kind: "limit", f: "(x^2 - a^2)/(x - a)", var: "x", to: "a", side: "both" },
      "a in {1..4}",
    );
    if (!lim.ok) throw new Error(lim.error.message);
    for (const d of lim.draws) expect(d.problem.answer).toBe(String(2 * d.values.a!));
    const at = authoredTemplate({ kind: "derivative_at", f: "x^3", var: "x", at: "k" }, "k in {1, 2, 5}");
    if (!at.ok) throw new Error(at.error.message);
    for (const d of at.draws) expect(d.problem.value).toBe(3 * d.values.k! ** 2);
  });

  it("reads a point whose coordinate ends in a bracket (sqrt(k), (1, sqrt(k)))", () => {
    const one = authoredTemplate({ kind: "derivative_at", f: "x^2", var: "x", at: "sqrt(k)" }, "k in {2, 3}");
    if (!one.ok) throw new Error(one.error.message);
    for (const d of one.draws) expect(d.problem.value).toBeCloseTo(2 * Math.sqrt(d.values.k!));
    const two = authoredTemplate(
      { kind: "gradient_at", f: "x y", vars: ["x", "y"], at: "(1, sqrt(k))" },
      "k in {2, 3}",
    );
    if (!two.ok) throw new Error(two.error.message);
    for (const d of two.draws) expect(d.problem.answer).toEqual([`sqrt(${d.values.k})`, "1"]);
  });

  it.each([
    [
      { kind: "derivative_at" as const, f: "x^3", var: "x", at: "1/(a - 3)" },
      "a in {2..4}",
      /^With a = 3: The coordinate '1\/0' of the point is not a number/,
    ],
    [
      { kind: "gradient_at" as const, f: "x y", vars: ["x", "y"], at: "(1, sqrt(a))" },
      "a in {-1..2}",
      /^With a = -1: The coordinate 'sqrt\(-1\)' of the point is not a number/,
    ],
    [
      { kind: "taylor2" as const, f: "x^3 + x y^2", vars: ["x", "y"], at: "a, 0" },
      "a in {1, 10}",
      /^With a = 10: Give the point as 2 whole numbers between -9 and 9/,
    ],
  ])("names the draw that makes the point of %j invalid", (s, text, message) => {
    const r = authoredTemplate(s, text);
    expect(r.ok ? "accepted" : r.error.message).toMatch(message);
  });

  it("says a point with the wrong number of coordinates once, without a draw", () => {
    const r = authoredTemplate({ kind: "derivative_at", f: "x^2", var: "x", at: "a, 1" }, "a in {1..3}");
    expect(r.ok ? "accepted" : r.error.message).toMatch(/^Give the point as 1 number/);
  });

  it.each([
    [spec, "x in {1..3}", /^'x' is a variable of the problem/],
    [spec, "a in {1..3}\nb in {1..3}\na > 5", /^No choice of the parameters satisfies the conditions/],
    [
      spec,
      "a in {1..900}\nb in {1..900}\na = b\na = 2*b",
      /^No draw of the parameters satisfied the conditions within 200 attempts/,
    ],
    [
      { kind: "derivative" as const, f: "sqrt(a - x^2)", var: "x" },
      "a in {-3..3}",
      /^With a = -3: Answers to this problem could never be checked/,
    ],
    [
      { kind: "derivative" as const, f: "floor(a x)", var: "x" },
      "a in {1..3}",
      /^floor is not a supported function \(supported: sin, cos, /,
    ],
    [{ kind: "derivative" as const, f: "a x + c", var: "x" }, "a in {1..3}", /unknown name 'c'/],
    [
      { kind: "matrix" as const, symbols: "x: n", f: "x^T x", wrt: "x", asks: "gradient" as const },
      "a in {1..3}",
      /^Random parameters are not available for problems of vectors and matrices/,
    ],
  ])("refuses %j with %j", (s, text, message) => {
    const r = authoredTemplate(s, text);
    expect(r.ok ? "accepted" : r.error.message).toMatch(message);
  });
});

describe("typed problems without parameters", () => {
  it("reads multi-character variables as the reader declares them (w1, w2)", () => {
    const r = authoredProblem({ kind: "gradient_at", f: "w1^2 w2 + w2", vars: ["w1", "w2"], at: "1, 2" });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.problem.answer).toEqual(["4", "2"]);
    expect(r.problem.latex).toContain("w_{1}");
    expect(grade(r.problem, "(4, 2)").status).toBe("right");
  });

  it("asks the derivative at a point as a number", () => {
    const r = authoredProblem({ kind: "derivative_at", f: "x^3 + sin(x)", var: "x", at: "pi" });
    if (!r.ok) throw new Error(r.error.message);
    expect([r.problem.answerKind, r.problem.answer]).toEqual(["number", "3*pi^2 - 1"]);
    expect(grade(r.problem, "3pi^2 - 1").status).toBe("right");
    expect(grade(r.problem, "3pi^2 + 1").status).toBe("wrong");
  });

  it("reads a point whose last coordinate ends in a bracket, with or without brackets around it", () => {
    const one = authoredProblem({ kind: "derivative_at", f: "x^2", var: "x", at: "sqrt(2)" });
    if (!one.ok) throw new Error(one.error.message);
    expect(one.problem.value).toBeCloseTo(2 * Math.SQRT2);
    for (const at of ["(1, sqrt(3))", "1, sqrt(3)", "(sqrt(3)), 1"]) {
      const two = authoredProblem({ kind: "gradient_at", f: "x + x y", vars: ["x", "y"], at });
      if (!two.ok) throw new Error(`${at}: ${two.error.message}`);
      expect(grade(two.problem, at.startsWith("(sqrt") ? "(2, sqrt(3))" : "(1 + sqrt(3), 1)").status).toBe(
        "right",
      );
    }
    const taylor = authoredProblem({ kind: "taylor2", f: "e^x cos(y)", vars: ["x", "y"], at: "(0, 0)" });
    expect(taylor.ok).toBe(true);
  });

  it("takes a Greek letter's name as the variable, typeset as the letter", () => {
    const r = authoredProblem({ kind: "derivative", f: "sin(theta)^2", var: "theta" });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.problem.latex).toContain("\\theta");
    expect(grade(r.problem, "2 sin θ cos θ").status).toBe("right");
    expect(grade(r.problem, "2 sin(theta)").status).toBe("wrong");
  });

  it.each([
    [{ kind: "derivative" as const, f: "x", var: "th" }, /^'th' is not a variable name answers can use/],
    [{ kind: "derivative_at" as const, f: "x^2", var: "x", at: "1, 2" }, /^Give the point as 1 number/],
    [
      { kind: "gradient_at" as const, f: "x y", vars: ["x", "y"], at: "(1, sqrt(3)" },
      /^Give the point as 2 numbers separated by commas/,
    ],
    [
      { kind: "gradient_at" as const, f: "x y", vars: ["x", "y"], at: "1, q" },
      /^The coordinate 'q' of the point is not a number/,
    ],
  ])("refuses %j", (spec, message) => {
    const r = authoredProblem(spec);
    expect(r.ok ? "accepted" : r.error.message).toMatch(message);
  });
});
