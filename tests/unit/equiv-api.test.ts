// The equiv operation as programs call it: decimals for constant keys (scalars and components),
// exact forms inside expressions, shapes, and bad requests.
import { describe, expect, it } from "vitest";
import { handle } from "../../lib/calculus/tool-protocol";

const equiv = (
  expected: unknown,
  answer: unknown,
  vars: string[] = [],
  domain?: Record<string, [number, number]>,
) => handle({ op: "equiv", expected, answer, vars, ...(domain ? { domain } : {}) });

describe("equiv", () => {
  it("judges a decimal for a constant key by significant figures, whatever the declared variables", () => {
    expect(equiv("1/3", "0.333")).toEqual({ ok: true, equivalent: true });
    expect(equiv("1/3", "0.333", ["x"])).toEqual({ ok: true, equivalent: true });
    expect(equiv("pi", "3.141")).toMatchObject({ ok: true, equivalent: false });
    expect(equiv("e^(-2)", "0.1353")).toEqual({ ok: true, equivalent: true });
    expect(equiv("sqrt(2)/2", "0.71")).toMatchObject({
      equivalent: false,
      reason: expect.stringMatching(/3 significant/) as string,
    });
    expect(equiv("3/2", "1.5")).toEqual({ ok: true, equivalent: true });
  });

  it("judges decimals component by component", () => {
    expect(equiv(["pi", "1/3"], ["3.142", "0.3333"], ["x", "y"])).toEqual({ ok: true, equivalent: true });
    expect(equiv(["pi", "1/3"], ["3.14", "0.33"], ["x", "y"])).toMatchObject({
      equivalent: false,
      reason: "Component 2: A decimal needs at least 3 significant figures; 0.33 has 2.",
    });
  });

  it("takes numbers inside expressions exactly", () => {
    expect(equiv("x/2", "0.5x", ["x"])).toEqual({ ok: true, equivalent: true });
    expect(equiv("x/3", "0.333x", ["x"])).toMatchObject({ ok: true, equivalent: false });
  });

  it("respects a domain", () => {
    expect(equiv("x^10", "x^11", ["x"], { x: [0, 1] })).toMatchObject({ equivalent: false });
    expect(equiv("x", "abs(x)", ["x"], { x: [0.5, 2] })).toEqual({ ok: true, equivalent: true });
  });

  it("names a wrong shape and refuses malformed requests with a clear error", () => {
    expect(equiv(["x", "y"], ["x"], ["x", "y"])).toMatchObject({
      equivalent: false,
      reason: expect.stringMatching(/2 components/) as string,
    });
    expect(equiv("x", "x +", ["x"])).toMatchObject({ ok: false, error: { code: "UNEXPECTED_END" } });
    expect(equiv("x", "y", ["x"])).toMatchObject({ ok: false, error: { code: "UNKNOWN_NAME" } });
    expect(equiv("x", "x", ["x"], { x: [2, 1] })).toMatchObject({
      ok: false,
      error: { code: "BAD_REQUEST" },
    });
    expect(equiv("sqrt(-1-x^2)", "0", ["x"])).toMatchObject({ ok: false, error: { code: "CANNOT_CHECK" } });
  });
});
