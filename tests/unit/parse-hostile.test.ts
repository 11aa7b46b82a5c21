// Hostile input: the parser returns a structured result for anything, without throwing or hanging.
import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "../../lib/calculus/errors";
import { type ParseResult, parse, parseAnswer } from "../../lib/calculus/parse";

function expectStructured(r: ParseResult, input: string): void {
  if (r.ok) return;
  expect(ERROR_CODES).toContain(r.error.code);
  expect(typeof r.error.message).toBe("string");
  expect(r.error.message.length).toBeGreaterThan(0);
  expect(r.error.at).toBeGreaterThanOrEqual(0);
  expect(r.error.at).toBeLessThanOrEqual(input.length);
}

function expectError(input: string, code?: string): void {
  let r: ParseResult | undefined;
  expect(() => {
    r = parse(input);
  }).not.toThrow();
  expect(r?.ok).toBe(false);
  if (r && !r.ok && code !== undefined) expect(r.error.code).toBe(code);
  if (r) expectStructured(r, input);
}

describe("hostile input", () => {
  it("10^5 nested brackets", () => {
    expectError("(".repeat(100_000) + "x" + ")".repeat(100_000), "TOO_LONG");
    expectError("(".repeat(100_000), "TOO_LONG");
    expectError("(".repeat(1000), "TOO_DEEP");
    expectError("(".repeat(999) + "x" + ")".repeat(999), "TOO_DEEP");
    expectError("[{(".repeat(300), "TOO_DEEP");
  });

  it("10^6 characters", () => {
    expectError("x".repeat(1_000_000), "TOO_LONG");
    expectError("1+".repeat(500_000), "TOO_LONG");
    expectError("\ud800".repeat(1_000_000), "TOO_LONG");
  });

  it("bars, carets and stars", () => {
    for (const s of [
      "|",
      "||",
      "|||",
      "||||",
      "|".repeat(1999),
      "^",
      "^^^",
      "^".repeat(2000),
      "**",
      "*".repeat(2000),
    ]) {
      expectError(s);
    }
    expectError("|".repeat(200), "TOO_DEEP");
    expectError("x" + "^x".repeat(999), "TOO_DEEP");
  });

  it("sin sin sin ...", () => {
    expectError("sin ".repeat(10_000) + "x", "TOO_LONG");
    expectError("sin ".repeat(400) + "x", "TOO_DEEP");
    expectError("sin(".repeat(300) + "x", "TOO_DEEP");
    expectError("√".repeat(1000) + "x", "TOO_DEEP");
    expectError("sin^2 ".repeat(300) + "x", "TOO_DEEP");
    expect(parse("sin ".repeat(20) + "x").ok).toBe(true);
  });

  it("alternating signs", () => {
    expectError("-".repeat(100_000) + "x", "TOO_LONG");
    expectError("-+".repeat(50_000) + "x", "TOO_LONG");
    expectError("-".repeat(1999) + "x", "TOO_DEEP");
    expectError("x" + "-".repeat(1998) + "x", "TOO_DEEP");
    expectError("2*" + "-".repeat(1000) + "x", "TOO_DEEP");
    expectError("e^" + "-".repeat(1000) + "x", "TOO_DEEP");
    expect(parse("x" + "-".repeat(20) + "x").ok).toBe(true);
  });

  it("NUL and control characters", () => {
    expectError("\u0000", "UNEXPECTED_CHARACTER");
    expectError("x\u0000", "UNEXPECTED_CHARACTER");
    expectError("\u0000".repeat(1000), "UNEXPECTED_CHARACTER");
    expectError("\u001b[31mx", "UNEXPECTED_CHARACTER");
    expectError("\u007f", "UNEXPECTED_CHARACTER");
  });

  it("lone surrogates and astral characters", () => {
    expectError("\ud800", "UNEXPECTED_CHARACTER");
    expectError("\udfff x", "UNEXPECTED_CHARACTER");
    expectError("x + \udc00\ud800", "UNEXPECTED_CHARACTER");
    expectError("𝑥", "UNEXPECTED_CHARACTER");
    for (const s of ["\ud800", "x\udfff"]) {
      const r = parse(s);
      // messages never contain a lone surrogate
      expect(!r.ok && /[\ud800-\udfff]/.test(r.error.message)).toBe(false);
      expect(r.ok).toBe(false);
    }
  });

  it("long flat inputs stay readable", () => {
    expect(parse("x+".repeat(999) + "x").ok).toBe(true);
    expect(parse("x/".repeat(999) + "x").ok).toBe(true);
    expect(parse("x".repeat(2000)).ok).toBe(true);
    expect(parse("(x)".repeat(666)).ok).toBe(true);
    expect(parse("|x|".repeat(666)).ok).toBe(true);
    expect(parse("x²".repeat(1000)).ok).toBe(true);
  });

  it("odd arguments from untyped callers", () => {
    const untyped = parse as unknown as (input: unknown, options?: unknown) => ParseResult;
    expect(untyped(undefined).ok).toBe(false);
    expect(untyped(42).ok).toBe(false);
    expect(untyped("x", { vars: "x" }).ok).toBe(false);
    expect(untyped("x", { vars: [1] }).ok).toBe(false);
    expect(untyped("x", null).ok).toBe(true);
    const untypedAnswer = parseAnswer as unknown as (input: unknown, options?: unknown) => ParseResult;
    expect(untypedAnswer(null).ok).toBe(false);
  });
});
