// Limits: textbook limits with known answers (value, exact form, infinities, does-not-exist with its
// one-sided limits), the domain rule, CANNOT_DECIDE instead of a guess, the CLI request, and hostile
// input that must come back without throwing.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Expr, call, div, num, pow, variable } from "../../lib/calculus/ast";
import {
  type LimitResult,
  type LimitSide,
  type LimitTarget,
  type LimitValue,
  limit,
} from "../../lib/calculus/limit";
import { limitRequest } from "../../lib/calculus/tool-protocol";
import { parse } from "../../lib/calculus/parse";
import { toText } from "../../lib/calculus/print";
import { exprArb } from "./support/arbitraries";

function read(s: string): Expr {
  const r = parse(s, { vars: ["x"] });
  if (!r.ok) throw new Error(`cannot parse ${s}: ${r.error.message}`);
  return r.expr;
}

function target(to: string): LimitTarget {
  if (to === "inf") return { kind: "+inf" };
  if (to === "-inf") return { kind: "-inf" };
  return { kind: "point", at: read(to) };
}

function lim(expr: string, to: string, side: LimitSide = "both"): LimitResult {
  return limit(read(expr), "x", target(to), side);
}

/** Expected: a number (with the exact text when given), an infinity, or dne with a reason. */
type Want =
  | { v: number; exact?: string }
  | "+inf"
  | "-inf"
  | { dne: "oscillation" | "unbounded oscillation" | "one-sided limits differ"; left?: Want; right?: Want };

function matches(got: LimitValue, want: Want): string | null {
  if (want === "+inf" || want === "-inf")
    return got.kind === want ? null : `expected ${want}, got ${JSON.stringify(got)}`;
  if ("v" in want) {
    if (got.kind !== "finite") return `expected ${want.v}, got ${got.kind}`;
    if (Math.abs(got.value - want.v) > 1e-8 * Math.max(1, Math.abs(want.v)))
      return `expected ${want.v}, got ${got.value}`;
    if (want.exact !== undefined) {
      const text = got.exact ? toText(got.exact) : "(none)";
      if (text !== want.exact) return `expected exact ${want.exact}, got ${text}`;
    }
    return null;
  }
  if (got.kind !== "dne") return `expected dne, got ${JSON.stringify(got)}`;
  if (got.reason !== want.dne) return `expected reason ${want.dne}, got ${got.reason}`;
  for (const s of ["left", "right"] as const) {
    const w = want[s];
    if (!w) continue;
    const g = got[s];
    if (!g) return `expected a ${s} limit`;
    const m = matches(g, w);
    if (m) return `${s}: ${m}`;
  }
  return null;
}

const fin = (v: number, exact?: string): Want => (exact === undefined ? { v } : { v, exact });

// [expression, to, side, expected]
const CASES: [string, string, LimitSide, Want][] = [
  // direct substitution
  ["x^2 + 3x", "2", "both", fin(10, "10")],
  ["sin x", "pi/2", "both", fin(1, "1")],
  ["(x + 1)/(x - 2)", "3", "both", fin(4, "4")],
  ["e^x", "1", "both", fin(Math.E, "e")],
  ["sqrt(x + 5)", "4", "both", fin(3, "3")],
  ["cos x", "pi", "both", fin(-1, "-1")],
  ["ln x", "e", "both", fin(1, "1")],
  ["atan x", "1", "both", fin(Math.PI / 4, "pi/4")],
  ["sin x", "pi/4", "both", fin(Math.SQRT1_2, "sqrt(2)/2")],
  ["sin x", "1", "both", fin(Math.sin(1), "sin(1)")],
  // removable discontinuities
  ["(x^2 - 1)/(x - 1)", "1", "both", fin(2, "2")],
  ["(x^3 - 8)/(x - 2)", "2", "both", fin(12, "12")],
  ["(x^2 - 5x + 6)/(x - 3)", "3", "both", fin(1, "1")],
  ["(x^2 + x - 6)/(x^2 - 4)", "2", "both", fin(5 / 4, "5/4")],
  // rationalising
  ["(sqrt(x + 4) - 2)/x", "0", "both", fin(1 / 4, "1/4")],
  ["(sqrt(x) - 3)/(x - 9)", "9", "both", fin(1 / 6, "1/6")],
  ["x/(sqrt(x + 1) - 1)", "0", "both", fin(2, "2")],
  ["sqrt(x^2 + x) - x", "inf", "both", fin(1 / 2, "1/2")],
  ["x*(sqrt(x^2 + 1) - x)", "inf", "both", fin(1 / 2, "1/2")],
  // standard trigonometric limits
  ["sin(3x)/x", "0", "both", fin(3, "3")],
  ["sin x/x", "0", "both", fin(1, "1")],
  ["sin(2x)/(5x)", "0", "both", fin(2 / 5, "2/5")],
  ["(1 - cos x)/x^2", "0", "both", fin(1 / 2, "1/2")],
  ["(1 - cos x)/x", "0", "both", fin(0, "0")],
  ["tan x/x", "0", "both", fin(1, "1")],
  ["(x - sin x)/x^3", "0", "both", fin(1 / 6, "1/6")],
  ["(tan x - sin x)/x^3", "0", "both", fin(1 / 2, "1/2")],
  ["sin(4x)/sin(2x)", "0", "both", fin(2, "2")],
  ["sin(pi x)/(x - 1)", "1", "both", fin(-Math.PI, "-pi")],
  ["(1 - cos(2x))/(x sin x)", "0", "both", fin(2, "2")],
  // exponential and logarithmic standard limits ((e^(ax) - 1)/(bx): the family below)
  ["ln(1 + 3x)/(2x)", "0", "both", fin(3 / 2, "3/2")],
  ["ln(1 - x)/x", "0", "both", fin(-1, "-1")],
  ["(2^x - 1)/x", "0", "both", fin(Math.LN2, "ln(2)")],
  ["(1 + x)^(1/x)", "0", "both", fin(Math.E, "e")],
  ["(1 + 1/x)^x", "inf", "both", fin(Math.E, "e")],
  ["(1 + 2/x)^(3x)", "inf", "both", fin(Math.exp(6), "e^6")],
  ["((x - 1)/(x + 1))^x", "inf", "both", fin(Math.exp(-2), "e^(-2)")],
  ["cos(x)^(1/x^2)", "0", "both", fin(Math.exp(-0.5), "e^(-1/2)")],
  ["x^x", "0", "right", fin(1, "1")],
  ["x^(1/x)", "inf", "both", fin(1, "1")],
  ["x ln x", "0", "right", fin(0, "0")],
  ["x^2 ln(x^2)", "0", "both", fin(0, "0")],
  // at infinity: rational functions
  ["(3x^2 + 1)/(2x^2 - x)", "inf", "both", fin(3 / 2, "3/2")],
  ["(x + 1)/(x^2 + 1)", "inf", "both", fin(0, "0")],
  ["(x^3 + 1)/(x^2 + 1)", "inf", "both", "+inf"],
  ["(x^3 + 1)/(x^2 + 1)", "-inf", "both", "-inf"],
  ["(5 - 2x^3)/(x^3 + 7x)", "-inf", "both", fin(-2, "-2")],
  ["sqrt(x^2 + 1)/x", "-inf", "both", fin(-1, "-1")],
  // at infinity: exponentials, powers, logarithms
  ["x^100/e^x", "inf", "both", fin(0, "0")],
  ["e^x/x^3", "inf", "both", "+inf"],
  ["2^x/x^3", "inf", "both", "+inf"],
  ["ln x/x", "inf", "both", fin(0, "0")],
  ["ln(x)^100/x^0.1", "inf", "both", fin(0, "0")],
  ["x^2 e^x", "-inf", "both", fin(0, "0")],
  ["e^x", "-inf", "both", fin(0, "0")],
  ["e^x - x^5", "inf", "both", "+inf"],
  ["(e^x + x)/(e^x - x)", "inf", "both", fin(1, "1")],
  ["sinh(x)/e^x", "inf", "both", fin(1 / 2, "1/2")],
  ["atan x", "-inf", "both", fin(-Math.PI / 2, "-pi/2")],
  ["sin x/x", "inf", "both", fin(0, "0")],
  ["(x + sin x)/x", "inf", "both", fin(1, "1")],
  ["x sin(1/x)", "inf", "both", fin(1, "1")],
  // one-sided and infinite
  ["1/x^2", "0", "both", "+inf"],
  ["ln x", "0", "right", "-inf"],
  ["1/(x - 3)", "3", "right", "+inf"],
  ["1/(x - 3)", "3", "left", "-inf"],
  ["abs(x - 2)/(x - 2)", "2", "left", fin(-1, "-1")],
  ["sign(x)", "0", "right", fin(1, "1")],
  ["tan x", "pi/2", "left", "+inf"],
  ["sec x", "pi/2", "left", "+inf"],
  ["e^(1/x)", "0", "left", fin(0, "0")],
  ["e^(1/x)", "0", "right", "+inf"],
  ["asin x", "1", "left", fin(Math.PI / 2, "pi/2")],
  // defined on one side only: the limit over the domain
  ["sqrt(x)", "0", "both", fin(0, "0")],
  ["ln x", "0", "both", "-inf"],
  ["x^x", "0", "both", fin(1, "1")],
  ["acos x", "-1", "both", fin(Math.PI, "pi")],
  // does not exist
  ["abs(x)/x", "0", "both", { dne: "one-sided limits differ", left: fin(-1, "-1"), right: fin(1, "1") }],
  ["1/x", "0", "both", { dne: "one-sided limits differ", left: "-inf", right: "+inf" }],
  ["tan x", "pi/2", "both", { dne: "one-sided limits differ", left: "+inf", right: "-inf" }],
  ["sign(x - 1)", "1", "both", { dne: "one-sided limits differ", left: fin(-1), right: fin(1) }],
  ["x/sin(x)^2", "0", "both", { dne: "one-sided limits differ", left: "-inf", right: "+inf" }],
  ["e^(1/x)", "0", "both", { dne: "one-sided limits differ", left: fin(0), right: "+inf" }],
  ["sin(1/x)", "0", "both", { dne: "oscillation" }],
  ["cos(1/x)", "0", "right", { dne: "oscillation" }],
  ["sin x", "inf", "both", { dne: "oscillation" }],
  ["e^(sin x)", "inf", "both", { dne: "oscillation" }],
  ["x sin x", "inf", "both", { dne: "unbounded oscillation" }],
  ["x^2 sin x/(x^2 + 1)", "inf", "both", { dne: "oscillation" }],
  ["(1/x) sin(1/x)", "0", "right", { dne: "unbounded oscillation" }],
  // squeeze and bounded terms
  ["x sin(1/x)", "0", "both", fin(0, "0")],
  ["(2 + sin x) x", "inf", "both", "+inf"],
  ["x + sin x", "-inf", "both", "-inf"],
];

describe("limits with known answers", () => {
  it("has at least 60 cases", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });
  for (const [expr, to, side, want] of CASES) {
    it(`lim ${expr} as x -> ${to} (${side})`, () => {
      const r = lim(expr, to, side);
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
      expect(matches(r, want)).toBeNull();
      expect(r.method.length).toBeGreaterThan(0);
    });
  }
});

/** p/q in lowest terms as the printer writes it. */
function fractionText(p: number, q: number): string {
  const g = (a: number, b: number): number => (b === 0 ? a : g(b, a % b));
  const d = g(Math.abs(p), Math.abs(q));
  const n = Math.abs(p) / d;
  const m = Math.abs(q) / d;
  const sign = p * q < 0 ? "-" : "";
  return m === 1 ? `${sign}${n}` : `${sign}${n}/${m}`;
}

describe("families of standard limits", () => {
  const nonzero = fc.integer({ min: -9, max: 9 }).filter((k) => k !== 0);
  it("sin(ax)/(bx), (e^(ax) - 1)/(bx) and ln(1 + ax)/(bx) tend to a/b", () => {
    fc.assert(
      fc.property(
        nonzero,
        nonzero,
        fc.constantFrom("sin(A*x)/(B*x)", "(e^(A*x) - 1)/(B*x)", "ln(1 + A*x)/(B*x)"),
        (a, b, form) => {
          const src = form.replace("A", `(${a})`).replace("B", `(${b})`);
          const r = lim(src, "0");
          return (
            r.ok &&
            r.kind === "finite" &&
            Math.abs(r.value - a / b) < 1e-12 &&
            r.exact !== undefined &&
            toText(r.exact) === fractionText(a, b)
          );
        },
      ),
      { numRuns: 60, seed: 11 },
    );
  });
  it("rational functions at infinity: ratio of leading coefficients, 0, or an infinity", () => {
    const poly = fc.tuple(
      nonzero,
      fc.integer({ min: 0, max: 4 }),
      fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 4 }),
    );
    const text = ([lead, deg, rest]: [number, number, number[]]): string =>
      [`(${lead})*x^${deg}`, ...rest.map((c, i) => (i < deg ? `(${c})*x^${i}` : "0"))].join(" + ");
    fc.assert(
      fc.property(poly, poly, fc.constantFrom("inf", "-inf"), (p, q, to) => {
        const r = lim(`(${text(p)})/(${text(q)})`, to);
        if (!r.ok) return false;
        const [a, m] = p;
        const [b, n] = q;
        if (m < n) return r.kind === "finite" && r.value === 0;
        if (m === n) return r.kind === "finite" && Math.abs(r.value - a / b) < 1e-12;
        const sign = Math.sign(a / b) * (to === "-inf" && (m - n) % 2 === 1 ? -1 : 1);
        return r.kind === (sign > 0 ? "+inf" : "-inf");
      }),
      { numRuns: 60, seed: 12 },
    );
  });
  it("logarithm rules and dominant terms", () => {
    expect(lim("ln(x) - ln(2x + 1)", "inf")).toMatchObject({ kind: "finite", value: -Math.LN2 });
    expect(lim("ln(x^2 + 1) - 2 ln(x)", "inf")).toMatchObject({ kind: "finite", value: 0 });
    expect(lim("(x + cos x)/(x - cos x)", "inf")).toMatchObject({ kind: "finite", value: 1 });
    expect(lim("(x^x - 1)/(x ln x)", "0", "right")).toMatchObject({ kind: "finite", value: 1 });
    expect(lim("1/x - 1/sin(x)", "0")).toMatchObject({ kind: "finite", value: 0 });
  });
});

describe("exact forms", () => {
  const exact = (expr: string, to: string): string => {
    const r = lim(expr, to);
    return r.ok && r.kind === "finite" && r.exact ? toText(r.exact) : "(none)";
  };
  it("recognises simple exact values", () => {
    expect(exact("atan(x)", "1")).toBe("pi/4");
    expect(exact("1/sqrt(x)", "3")).toBe("sqrt(3)/3");
    expect(exact("((x + 2)/x)^x", "inf")).toBe("e^2");
    expect(exact("log2(x)/ln(x)", "inf")).toBe("1/ln(2)");
    expect(exact("(3^x - 2^x)/x", "0")).toBe("ln(3) - ln(2)");
    expect(exact("x^2/(1 - cos x)", "0")).toBe("2");
    expect(exact("cos(x)", "pi/3")).toBe("1/2");
  });
  it("keeps the exact expression when no short form is known", () => {
    expect(exact("sin(x)", "1")).toBe("sin(1)");
    expect(exact("x + ln(x)", "2")).toBe("2 + ln(2)");
  });
  it("keeps typed constants exactly and refuses undefined constant parts", () => {
    expect(lim("0.0000000000001 + x^2", "0")).toMatchObject({ kind: "finite", value: 1e-13 });
    expect(lim("x + 1/sin(pi)", "0").ok).toBe(false);
    expect(lim("ln(sin(pi)) + x", "1").ok).toBe(false);
    expect(lim("sin(x)/x", "pi")).toMatchObject({ kind: "finite", value: 0 });
  });
});

describe("methods", () => {
  const method = (expr: string, to: string, side: LimitSide = "both"): string => {
    const r = lim(expr, to, side);
    return r.ok ? r.method : r.error.code;
  };
  it("names the method that decided", () => {
    expect(method("x^2 + 3x", "2")).toBe("substitution");
    expect(method("(x - sin x)/x^3", "0")).toBe("L'Hopital (3 times)");
    expect(method("x^100/e^x", "inf")).toBe("growth rates");
    expect(method("sqrt(x^2 + x) - x", "inf")).toBe("series expansion");
    expect(method("sin x/x", "inf")).toBe("squeeze theorem");
    expect(method("1/x^2", "0")).toBe("limit laws");
  });
});

describe("what cannot be decided", () => {
  const code = (r: LimitResult): string => (r.ok ? `answered ${r.kind}` : r.error.code);
  it("does not guess where its methods do not reach", () => {
    // sin^2 + cos^2 is 1, but no rule here knows the identity, and a sum of oscillations is unknown
    expect(code(lim("sin(x)^2 + cos(x)^2", "inf"))).toBe("CANNOT_DECIDE");
    // 1/(x sin(1/x)) changes sign infinitely often near 0 and is undefined on a sequence tending to 0
    expect(code(lim("1/(x sin(1/x))", "0"))).toBe("CANNOT_DECIDE");
    // Stolz's example: f'/g' tends to 0 but f/g = e^(-sin x) oscillates; g' vanishes infinitely often,
    // so L'Hopital does not apply and the answer must not be 0
    expect(code(lim("(x + sin(x) cos(x))/(x e^(sin x) + sin(x) cos(x) e^(sin x))", "inf"))).not.toBe(
      "answered finite",
    );
  });
  it("refuses points that are not limit points of the domain", () => {
    const r = lim("ln(x)", "-1");
    expect(code(r)).toBe("CANNOT_DECIDE");
    if (!r.ok) expect(r.error.message).toMatch(/not defined near/);
    expect(code(lim("sqrt(-x^2)", "0"))).toBe("CANNOT_DECIDE");
    expect(code(lim("sqrt(x)", "0", "left"))).toBe("CANNOT_DECIDE");
    expect(code(lim("sqrt(-x)", "inf"))).toBe("CANNOT_DECIDE");
  });
  it("asks for values of other variables", () => {
    const r = limit(read("x"), "x", { kind: "point", at: num(0) }, "both");
    expect(r.ok).toBe(true);
    const p = parse("a*x", { vars: ["x", "a"] });
    if (!p.ok) throw new Error("parse");
    expect(code(limit(p.expr, "x", { kind: "point", at: num(0) }, "both"))).toBe("CANNOT_DECIDE");
  });
  it("rejects a point that is not a number", () => {
    expect(code(limit(read("x"), "x", { kind: "point", at: variable("y") }, "both"))).toBe("BAD_REQUEST");
    expect(code(limit(read("x"), "x", { kind: "point", at: read("ln(-1)") }, "both"))).toBe("BAD_REQUEST");
  });
});

describe("limitRequest (the CLI)", () => {
  it("answers finite limits with the exact form as text", () => {
    expect(limitRequest({ expr: "sin(3x)/x", var: "x", to: "0", side: "both" })).toEqual({
      ok: true,
      kind: "finite",
      value: 3,
      exact: "3",
      method: "L'Hopital (1 time)",
    });
    const r = limitRequest({ expr: "sin(x)", var: "x", to: "pi/4", side: "both" });
    expect(r).toMatchObject({ ok: true, kind: "finite", exact: "sqrt(2)/2" });
    expect(limitRequest({ expr: "((x-1)/(x+1))^x", var: "x", to: "inf", side: "both" })).toMatchObject({
      exact: "e^(-2)",
    });
  });
  it("reads the point and the infinities", () => {
    expect(limitRequest({ expr: "1/x", var: "x", to: "0", side: "right" })).toMatchObject({
      ok: true,
      kind: "+inf",
    });
    expect(limitRequest({ expr: "1/x", var: "x", to: "0", side: "both" })).toMatchObject({
      ok: true,
      kind: "dne",
      reason: "one-sided limits differ",
      left: "-inf",
      right: "inf",
    });
    expect(limitRequest({ expr: "|x|/x", var: "x", to: "0", side: "both" })).toMatchObject({
      kind: "dne",
      left: -1,
      right: 1,
    });
    expect(limitRequest({ expr: "sin(1/x)", var: "x", to: "0", side: "both" })).toMatchObject({
      kind: "dne",
      reason: "oscillation",
    });
    expect(limitRequest({ expr: "e^x", var: "x", to: "-inf", side: "left" })).toMatchObject({
      kind: "finite",
      value: 0,
    });
    expect(limitRequest({ expr: "x^2", var: "x", to: "+inf", side: "both" })).toMatchObject({
      ok: true,
      kind: "+inf",
    });
    expect(limitRequest({ expr: "x^2", var: "x", to: "infinity", side: "both" })).toMatchObject({
      ok: true,
      kind: "+inf",
    });
    expect(limitRequest({ expr: "tan(x)", var: "x", to: "pi/2", side: "left" })).toMatchObject({
      ok: true,
      kind: "+inf",
    });
    expect(limitRequest({ expr: "2x", var: "x", to: "-1/2", side: "both" })).toMatchObject({
      value: -1,
      exact: "-1",
    });
    expect(limitRequest({ expr: "t^2", var: "t", to: "3", side: "both", vars: ["t"] })).toMatchObject({
      value: 9,
    });
  });
  it("reports errors as structured objects", () => {
    const bad = limitRequest({ expr: "sin(", var: "x", to: "0", side: "both" });
    expect(bad.ok).toBe(false);
    expect((bad.error as { code: string }).code).not.toBe("CANNOT_DECIDE");
    expect(limitRequest({ expr: "x", var: "x", to: "x+1", side: "both" })).toMatchObject({ ok: false });
    expect(limitRequest({ expr: "x", var: "x", to: "1/", side: "both" })).toMatchObject({ ok: false });
    expect(limitRequest({ expr: "x", var: "e", to: "0", side: "both" })).toMatchObject({
      ok: false,
      error: { code: "NOT_A_VARIABLE" },
    });
    expect(limitRequest({ expr: "ln(x)", var: "x", to: "-2", side: "both" })).toMatchObject({
      ok: false,
      error: { code: "CANNOT_DECIDE" },
    });
  });
});

describe("hostile input", () => {
  const settles = (r: LimitResult): boolean => r.ok || typeof r.error.message === "string";
  it("deep nesting comes back without throwing", () => {
    let e: Expr = variable("x");
    for (let i = 0; i < 2500; i++) e = call("sin", e);
    expect(settles(limit(e, "x", { kind: "point", at: num(0) }, "both"))).toBe(true);
    let f: Expr = variable("x");
    for (let i = 0; i < 100_000; i++) f = call("sin", f);
    expect(limit(f, "x", { kind: "point", at: num(0) }, "both").ok).toBe(false);
    // a shared subtree doubling at each level: 2^40 nodes as a tree
    let g: Expr = variable("x");
    for (let i = 0; i < 40; i++) g = div(g, pow(g, num(2)));
    expect(limit(g, "x", { kind: "+inf" }, "both").ok).toBe(false);
    let h: Expr = variable("x");
    for (let i = 0; i < 30; i++) h = pow(h, variable("x"));
    expect(settles(limit(h, "x", { kind: "point", at: num(0) }, "right"))).toBe(true);
  });
  it("huge exponents come back without throwing", () => {
    for (const [expr, to] of [
      ["x^1000000/e^x", "inf"],
      ["(1 + 1/x)^(x^1000)", "inf"],
      ["e^(e^(e^x))", "inf"],
      ["x^99999999", "1"],
      ["(x^2 - 1)^500/(x - 1)^500", "1"],
      ["sin(x^1000)/x", "0"],
      ["(1 + 10^-300)^x", "inf"],
    ] as const) {
      expect(settles(lim(expr, to))).toBe(true);
    }
    expect(lim("x^1000000/e^x", "inf")).toMatchObject({ ok: true, kind: "finite", value: 0 });
  });
  it("never throws on random expressions", () => {
    fc.assert(
      fc.property(exprArb(["x"], 3), fc.constantFrom("0", "1", "-2", "pi/2", "inf", "-inf"), (e, to) => {
        const r = limit(e, "x", target(to), "both");
        return typeof r.ok === "boolean";
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});
