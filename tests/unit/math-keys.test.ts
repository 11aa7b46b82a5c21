// The answer form's math keys: a selection is wrapped, brackets are inserted balanced with the caret
// inside, and a power or division applies to the selection as a whole.
import { describe, expect, it } from "vitest";
import { MATH_KEYS, MATRIX_KEYS, applyMathKey } from "@/lib/practice/math-keys";
import { parse } from "@/lib/calculus/parse";

const key = (name: string) => [...MATH_KEYS, ...MATRIX_KEYS].find((k) => k.name === name)!;

describe("applyMathKey", () => {
  it("wraps a selection: select x+1, press the square root", () => {
    expect(applyMathKey("x+1", 0, 3, key("square root"))).toEqual({ text: "sqrt(x+1)", caret: 9 });
    expect(applyMathKey("2*x+1", 2, 5, key("square root"))).toEqual({ text: "2*sqrt(x+1)", caret: 11 });
    expect(applyMathKey("x+1", 0, 3, key("absolute value"))).toEqual({ text: "|x+1|", caret: 5 });
    expect(applyMathKey("Wx", 0, 2, key("diag"))).toEqual({ text: "diag(Wx)", caret: 8 });
  });
  it("with no selection inserts balanced brackets with the caret inside", () => {
    expect(applyMathKey("2*", 2, 2, key("square root"))).toEqual({ text: "2*sqrt()", caret: 7 });
    expect(applyMathKey("ab", 1, 1, key("brackets"))).toEqual({ text: "a()b", caret: 2 });
    expect(applyMathKey("", 0, 0, key("norm"))).toEqual({ text: "‖‖", caret: 1 });
  });
  it("a power or division applies to the whole selection", () => {
    expect(applyMathKey("x+1", 0, 3, key("power"))).toEqual({ text: "(x+1)^", caret: 6 });
    expect(applyMathKey("y x", 2, 3, key("power"))).toEqual({ text: "y x^", caret: 4 });
    expect(applyMathKey("1+x", 0, 3, key("divided by"))).toEqual({ text: "(1+x)/", caret: 6 });
    expect(applyMathKey("x", 1, 1, key("pi"))).toEqual({ text: "xπ", caret: 2 });
  });
  it("a selection given backwards or past the end is read as the part of the text it covers", () => {
    expect(applyMathKey("x+1", 3, 0, key("square root")).text).toBe("sqrt(x+1)");
    expect(applyMathKey("x", 0, 99, key("brackets")).text).toBe("(x)");
  });
  it("what the keys write is read by the answer reader", () => {
    for (const k of MATH_KEYS) {
      const { text } = applyMathKey("x+1", 0, 3, k);
      const filled = text.endsWith("^") || text.endsWith("/") ? `${text}2` : text;
      expect(parse(k.name === "pi" ? `2${filled}` : filled, { vars: ["x"] }).ok, filled).toBe(true);
    }
  });
});
