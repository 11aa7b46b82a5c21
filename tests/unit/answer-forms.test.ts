// Whole answers typed in one field and compared through the command-line `equiv` operation: vectors
// in brackets or with unit vectors i, j, k, lines as equations (point-slope), "f'(x) = ..." prefixes,
// decimals in scientific notation.
import { describe, expect, it } from "vitest";
import { handle } from "../../lib/calculus/api";
import { readLineEquation, readUnitVector } from "../../lib/calculus/answer-forms";
import { evaluate } from "../../lib/calculus/eval";

const equiv = (expected: string | string[], answer: string, vars: string[]) =>
  handle({ op: "equiv", expected, answer, vars });

describe("vectors typed in one field", () => {
  it.each([
    ["2x i + 3y j"],
    ["2xi + 3yj"],
    ["(2x)i + (3y)j"],
    ["3y j + 2x i"],
    ["2x î + 3y ĵ"],
    ["(2x, 3y)"],
    ["<2x, 3y>"],
    ["⟨2x, 3y⟩"],
    ["[2x, 3y]"],
    ["2x, 3y"],
    ["∇f = (2x, 3y)"],
    ["grad f = 2x i + 3y j"],
  ])("%s is the gradient (2x, 3y)", (answer) => {
    expect(equiv(["2x", "3y"], answer, ["x", "y"])).toEqual({ ok: true, equivalent: true });
  });
  it.each([["2x j + 3y i"], ["(3y, 2x)"], ["2x i - 3y j"]])("%s is not", (answer) => {
    expect(equiv(["2x", "3y"], answer, ["x", "y"])).toMatchObject({ ok: true, equivalent: false });
  });
  it("reads three components with k, a missing one as 0", () => {
    expect(equiv(["y z", "0", "x y"], "yz i + xy k", ["x", "y", "z"])).toEqual({
      ok: true,
      equivalent: true,
    });
    expect(equiv(["2", "-1", "1"], "2i - j + k̂", [])).toEqual({ ok: true, equivalent: true });
  });
  it("refuses a sum that is not made of multiples of i and j, saying how to write it", () => {
    for (const answer of ["3i - 4j + 1", "i^2 + j", "i j"]) {
      const r = equiv(["3", "-4"], answer, []);
      expect(r).toMatchObject({ ok: false, error: { code: "BAD_SHAPE" } });
      expect(JSON.stringify(r)).toMatch(/sum of multiples of i, j/);
    }
    expect(equiv(["3", "-4"], "3i - 4j", [])).toEqual({ ok: true, equivalent: true });
  });
  it("leaves i and j alone where they are variables of the problem", () => {
    expect(readUnitVector("2i + j", ["i", "j"], 2)).toBeNull();
    expect(readUnitVector("2x + y", ["x", "y"], 2)).toBeNull();
  });
  it("names a wrong number of components", () => {
    const r = equiv(["2x", "3y"], "(2x, 3y, 0)", ["x", "y"]);
    expect(r).toMatchObject({ ok: true, equivalent: false });
    expect(r.reason).toMatch(/2 components; yours has 3/);
  });
});

describe("a line typed as an equation", () => {
  it.each([
    ["y - 1 = 3(x - 1)"],
    ["y-1=3(x-1)"],
    ["y = 3x - 2"],
    ["y = 3(x - 1) + 1"],
    ["2y = 6x - 4"],
    ["y + 2 = 3x"],
    ["3(x - 1) = y - 1"],
    ["3x - 2"],
  ])("%s is the tangent line y = 3x - 2", (answer) => {
    expect(equiv("3x - 2", answer, ["x"])).toEqual({ ok: true, equivalent: true });
  });
  it.each([["y - 1 = 3(x + 1)"], ["y + 1 = 3(x - 1)"], ["y = 3x + 2"]])("%s is not", (answer) => {
    expect(equiv("3x - 2", answer, ["x"])).toMatchObject({ ok: true, equivalent: false });
  });
  it("solves for y: the line through (1, 1) with slope 3 has y = 4 at x = 2", () => {
    const r = readLineEquation("y - 1 = 3(x - 1)", ["x"]);
    expect(r?.ok && evaluate(r.exprs[0]!, { x: 2 })).toBe(4);
  });
  it.each([["y^2 = 3x - 2"], ["xy - 3 = 0"], ["y - y = 3x"]])(
    "%s is not a line: says how to write one",
    (answer) => {
      expect(equiv("3x - 2", answer, ["x"])).toMatchObject({ ok: false, error: { code: "BAD_LINE" } });
    },
  );
  it("reports where the equation cannot be read", () => {
    expect(equiv("3x - 2", "y - 1 = 3(x - 1", ["x"])).toMatchObject({
      ok: false,
      error: { code: "BAD_LINE", at: 9 },
    });
  });
  it("does not solve for y where y is a variable of the problem", () => {
    expect(readLineEquation("y = 3x", ["x", "y"])).toBeNull();
  });
});

describe("a name for what is asked, then '='", () => {
  it.each([["f'(x) = 2x"], ["dy/dx = 2x"], ["df/dx=2x"]])("%s grades what follows", (answer) => {
    expect(equiv("2x", answer, ["x"])).toEqual({ ok: true, equivalent: true });
    expect(equiv("3x", answer, ["x"])).toMatchObject({ ok: true, equivalent: false });
  });
});

describe("decimals in scientific notation", () => {
  it("count the figures of the mantissa", () => {
    expect(equiv("pi", "3.14e0", [])).toEqual({ ok: true, equivalent: true });
    expect(equiv("1000*pi", "3.142e3", [])).toEqual({ ok: true, equivalent: true });
    expect(equiv("1000*pi", "3.141e3", [])).toMatchObject({ ok: true, equivalent: false });
    const short = equiv("pi/1000", "3.1e-3", []);
    expect(short).toMatchObject({ ok: true, equivalent: false });
    expect(short.reason).toMatch(/at least 3 significant figures/);
    expect(equiv("14.79", "1.479e1", [])).toEqual({ ok: true, equivalent: true });
  });
});
