// Limits never wrong: a factor that vanishes at the point is decided exactly (the special values the
// core knows), never from a float near 0; and forms within reach of the limit laws.
import { describe, expect, it } from "vitest";
import { handle } from "../../lib/calculus/tool-protocol";

const lim = (expr: string, to: string, side: "both" | "left" | "right" = "both") =>
  handle({ op: "limit", expr, var: "x", to, side });

/** The two-sided limit at `to` is finite and `value` (to 1e-9 relative). */
function expectFinite(expr: string, to: string, value: number): void {
  const r = lim(expr, to);
  expect(r).toMatchObject({ ok: true, kind: "finite" });
  expect(Math.abs((r.value as number) - value)).toBeLessThan(1e-9 * Math.max(1, value));
}

describe("a pole where the float of the denominator is 1e-16, not 0", () => {
  it.each([
    ["1/tan(x^3)", "(2*pi)^(1/3)", "-inf", "+inf"],
    ["1/cot(x)^3", "3*pi/2", "+inf", "-inf"],
    ["1/sin(x^2)", "sqrt(pi)", "+inf", "-inf"],
    ["1/tan(x)", "pi", "-inf", "+inf"],
  ])("%s at %s", (expr, to, left, right) => {
    // The two-sided answer names each side as "inf" or "-inf".
    const side = (k: string) => k.replace("+", "");
    expect(lim(expr, to)).toMatchObject({ ok: true, kind: "dne", left: side(left), right: side(right) });
    expect(lim(expr, to, "left")).toMatchObject({ ok: true, kind: left });
    expect(lim(expr, to, "right")).toMatchObject({ ok: true, kind: right });
  });
  it("a value near 0 that is exactly 0 is 0; a typed small number stays itself", () => {
    expect(lim("tan(x^3)", "(2*pi)^(1/3)")).toMatchObject({ ok: true, kind: "finite", value: 0 });
    expect(lim("x^2 + 0.0000000001", "0")).toMatchObject({ ok: true, kind: "finite", value: 1e-10 });
    expect(lim("1/(x + 0.0000000001)", "0")).toMatchObject({ ok: true, kind: "finite", value: 1e10 });
  });
  it("the positive control: a denominator away from 0 is substituted", () => {
    expect(lim("1/tan(x^3)", "(pi/4)^(1/3)")).toMatchObject({ ok: true, kind: "finite" });
    const r = lim("1/tan(x^3)", "(pi/4)^(1/3)");
    expect(r.ok && Math.abs((r.value as number) - 1)).toBeLessThan(1e-9);
  });
});

describe("a constant within rounding of 0 that is not 0", () => {
  it.each([
    ["1/(pi - 3.14159265358979 + x^2)", "0"],
    ["1/(e - 2.718281828459045 + (x - 1)^2)", "1"],
  ])("%s at %s is finite: answered exactly or refused, never infinite", (expr, to) => {
    const r = lim(expr, to);
    if (r.ok) expect(r.kind).toBe("finite");
    else expect(r).toMatchObject({ ok: false, error: { code: "CANNOT_DECIDE" } });
  });
});

describe("a constant base of exactly 1", () => {
  it.each([["1.0^x"], ["1^x"], ["1.0^(x^2)"]])("%s at infinity is 1", (expr) => {
    expect(lim(expr, "inf")).toMatchObject({ ok: true, kind: "finite", value: 1 });
  });
  it("1.5^x still grows", () => {
    expect(lim("1.5^x", "inf")).toMatchObject({ ok: true, kind: "+inf" });
  });
});

describe("forms within reach of the laws", () => {
  it.each([
    ["x*cos(1/(x-1)) - cos(1/(x-1))", "1", 0],
    ["x - ln(1 + e^x)", "inf", 0],
    ["2x - ln(e^x + e^(2x))", "inf", 0],
    ["(1 + 2/(x + sin(x)))^x", "inf", Math.exp(2)],
  ])("%s as x -> %s", expectFinite);
  it.each([["x^2 + x sin x + cos x"], ["x^2 - x sin x"]])("%s grows past its oscillation", (expr) => {
    expect(lim(expr, "inf")).toMatchObject({ ok: true, kind: "+inf" });
  });
  it.each([["x sin x + x"], ["(1 + sin(x)/x)^x"], ["x (sin(x) + 1)^2"], ["tan x"]])(
    "%s has no limit: two sequences tend to different limits, which is the reason given",
    (expr) => {
      // x sin x + x >= 0 is no oscillation between -inf and +inf, and tan x is not bounded: the
      // sequences show only that there is no limit
      expect(lim(expr, "inf")).toMatchObject({
        ok: true,
        kind: "dne",
        method: "two sequences",
        reason: "limits along two sequences differ",
      });
    },
  );
  it.each([["sin(x) + sin(x/400)"], ["sin(x) - sin(1.001x)"]])(
    "%s has no limit: the frequencies have a rational ratio, however large its denominator",
    (expr) => {
      expect(lim(expr, "inf")).toMatchObject({ ok: true, kind: "dne", method: "two sequences" });
    },
  );
  it("frequencies whose ratio is only close to a rational in floats are not taken for commensurable", () => {
    // pi/3.14159265358979 is 1 to 15 digits but irrational: no common period, so no two sequences
    const r = lim("sin(x) sin(pi x/3.14159265358979)", "inf");
    expect(r).not.toMatchObject({ method: "two sequences" });
  });
  it.each([
    ["x sin(x^2) + x", "inf"],
    ["(cos(x) + 1)^(1/x)", "-inf"],
    ["sin(x)^2 + cos(x)^2", "inf"],
  ])("%s at %s is refused, not guessed", (expr, to) => {
    expect(lim(expr, to)).toMatchObject({ ok: false, error: { code: "CANNOT_DECIDE" } });
  });
});

describe("a constant base to a power and sums of logarithms, decided exactly", () => {
  it.each([
    ["(2^x - 8)/(x - 3)", "3", 8 * Math.log(2)],
    ["(3^x - 9)/(x - 2)", "2", 9 * Math.log(3)],
    ["(x^x - 4)/(x - 2)", "2", 4 + 4 * Math.log(2)],
    ["(2^x - sqrt(2))/(x - 1/2)", "1/2", Math.SQRT2 * Math.log(2)],
    ["ln2 + ln3 - ln6 + x", "0", 0],
    ["2 ln 2 - ln 4 + x^2", "0", 0],
  ])("%s as x -> %s", expectFinite);
  it.each([["ln 2 - 0.6931471805599453 + x"], ["ln2 + ln3 - ln5 - ln(6/5) + 1/10^16 + x"]])(
    "%s at 0 is not taken for 0 (a rational part or a typed number is not a logarithm)",
    (expr) => {
      const r = lim(expr, "0");
      if (r.ok) expect(r.value).not.toBe(0);
      else expect(r).toMatchObject({ ok: false, error: { code: "CANNOT_DECIDE" } });
    },
  );
});

describe("a typed small coefficient stays in the limit's value and its exact form", () => {
  it.each([
    ["(x^2 + 10^(-12)*x^2)/x^2", "1000000000001/1000000000000"],
    ["(exp(x) - 1 - x + 10^(-12)*x^2)/x^2", "500000000001/1000000000000"],
    ["(2 - 2cos(x) + 10^(-12)*x^2)/x^2", "1000000000001/1000000000000"],
  ])("%s at 0 is %s, not the nearby short fraction", (expr, exact) => {
    expect(lim(expr, "0")).toMatchObject({ ok: true, kind: "finite", exact });
  });
  it("the positive control: a limit whose exact form is the short one keeps it", () => {
    expect(lim("(1 - cos(x))/x^2", "0")).toMatchObject({ ok: true, kind: "finite", exact: "1/2" });
  });
});

describe("a whole number to a logarithm of another base (b^(log_a u) = u^(log_a b) when that is rational)", () => {
  it.each([
    ["27^(log_3(x))/x^3", "inf", 1],
    ["27^(log_3(x) + 1)/x^3", "inf", 27],
    ["8^(2 log_4(x))/x^3", "inf", 1],
    ["4^(-log_2(x)) x^2", "inf", 1],
    ["27^(log_3(x))/x^3", "0", 1],
  ])("%s as x -> %s is %s", expectFinite);
  it("a fractional log_a b stays exact: 4^(log_8 x) is x^(2/3)", () => {
    expect(lim("4^(log_8(x))/x^(2/3)", "inf")).toMatchObject({ ok: true, kind: "finite", exact: "1" });
    expect(lim("(4^(log_8(x)) - 1)/(x - 1)", "1")).toMatchObject({ ok: true, kind: "finite", exact: "2/3" });
  });
  it("the logarithm's domain stays: not defined for large negative x, only from the right at 0", () => {
    expect(lim("27^(log_3(x))", "-inf")).toMatchObject({ ok: false, error: { code: "CANNOT_DECIDE" } });
    expect(lim("27^(log_3(x))", "0", "left")).toMatchObject({ ok: false, error: { code: "CANNOT_DECIDE" } });
  });
  it("an irrational log_a b is left to the other methods: 5^(log_3 x)/x grows", () => {
    expect(lim("5^(log_3(x))/x", "inf")).toMatchObject({ ok: true, kind: "+inf" });
  });
});
