// The live reading of an answer in the browser: the same rules as grading, errors and ambiguity
// warnings with their positions in the field, special answers only where allowed.
import { describe, expect, it } from "vitest";
import { previewAnswer } from "@/lib/problems/preview";

const expr = { answerKind: "expression" as const, vars: ["x"], allowSpecial: false };

describe("previewAnswer", () => {
  it("is empty for blank text", () => {
    expect(previewAnswer("  ", expr)).toEqual({ state: "empty" });
  });

  it("shows how an expression was read", () => {
    const r = previewAnswer("2x sin x", expr);
    expect(r.state).toBe("ok");
    if (r.state === "ok") expect(r.latex).toContain("\\sin");
  });

  it("shows a number times a fraction with a multiplication sign, not as a mixed number", () => {
    const read = (t: string) => previewAnswer(t, { answerKind: "number", vars: ["x"], allowSpecial: false });
    expect(read("3(1/2)")).toMatchObject({ state: "ok", latex: "3 \\cdot \\frac{1}{2}" });
    expect(read("2(3/4)x")).toMatchObject({ state: "ok", latex: "2 \\cdot \\frac{3}{4}x" });
    // A number after a letter or before a letter is still written side by side.
    expect(read("3x")).toMatchObject({ state: "ok", latex: "3x" });
  });
  it("gives the parse error with its position", () => {
    const r = previewAnswer("3x^2 +* 2", expr);
    expect(r.state).toBe("error");
    if (r.state === "error") {
      expect(r.error.message.length).toBeGreaterThan(5);
      expect(r.error.at).toBeGreaterThanOrEqual(5);
      expect(r.error.at).toBeLessThanOrEqual(7);
    }
  });

  it("names an unknown name", () => {
    const r = previewAnswer("sinz", expr);
    expect(r.state).toBe("error");
    if (r.state === "error") expect(r.error.message).toMatch(/sin/);
  });

  it("reads a function name glued to its argument, with a warning", () => {
    const r = previewAnswer("sinx", expr);
    expect(r.state).toBe("ok");
    if (r.state === "ok") {
      expect(r.latex).toContain("\\sin");
      expect(r.warnings.map((w) => w.message)).toEqual(["read 'sinx' as sin(x)"]);
    }
  });

  it("warns about an ambiguous reading with its position", () => {
    const r = previewAnswer("1/2x", expr);
    expect(r.state).toBe("ok");
    if (r.state === "ok") {
      expect(r.warnings.length).toBeGreaterThan(0);
      expect(typeof r.warnings[0]!.at).toBe("number");
    }
  });

  it("reads DNE and infinity only for limits", () => {
    expect(previewAnswer("DNE", { answerKind: "limit", vars: ["x"], allowSpecial: true })).toMatchObject({
      state: "ok",
      latex: "\\text{does not exist}",
    });
    expect(previewAnswer("-inf", { answerKind: "limit", vars: ["x"], allowSpecial: true })).toMatchObject({
      state: "ok",
      latex: "-\\infty",
    });
    expect(previewAnswer("DNE", expr).state).toBe("error");
  });

  it("reads a tangent line with or without y =, and shifts positions past 'y ='", () => {
    const line = { answerKind: "line" as const, vars: ["x"], allowSpecial: false };
    expect(previewAnswer("y = 2x + 1", line)).toMatchObject({ state: "ok", latex: "y = 2x + 1" });
    expect(previewAnswer("2x + 1", line)).toMatchObject({ state: "ok", latex: "y = 2x + 1" });
    const bad = previewAnswer("y = 2x + )", line);
    expect(bad.state).toBe("error");
    if (bad.state === "error") expect(bad.error.at).toBe(9);
    expect(previewAnswer("y = 2x = 3", line).state).toBe("error");
  });

  it("reads (a, b) typed in one field as a whole vector, and names the component in error", () => {
    const vec = { answerKind: "vector" as const, vars: ["x", "y"], allowSpecial: false };
    const r = previewAnswer("(2x, 3y)", vec);
    expect(r).toMatchObject({ state: "ok" });
    if (r.state === "ok") expect(r.latex).toContain("3y");
    const bad = previewAnswer("(2x, 3y +)", vec);
    expect(bad.state).toBe("error");
    if (bad.state === "error") {
      expect(bad.error.message).toMatch(/^Component 2/);
      expect(bad.error.at).toBeGreaterThanOrEqual(5);
    }
  });

  it("skips a left-hand side like grading does, and says so", () => {
    const r = previewAnswer("f'(x) = 2x", expr);
    expect(r.state).toBe("ok");
    if (r.state === "ok") {
      expect(r.latex).toBe("2x");
      expect(r.warnings[0]!.message).toMatch(/after '='/);
    }
  });

  it("never throws on hostile input", () => {
    for (const s of ["(".repeat(5000), "x".repeat(3000), "\u0000", "√√√", "|||", "((((x))))"]) {
      expect(() => previewAnswer(s, expr)).not.toThrow();
    }
  });
});

describe("matrix answers", () => {
  const matrix = { decls: { W: "m x n", x: "n", y: "m" }, shape: "m×n" };
  const read = (text: string) =>
    previewAnswer(text, { answerKind: "matrix", vars: ["W", "x", "y"], allowSpecial: false, matrix });
  it("shows the reading typeset with its shape", () => {
    const r = read("2(W x - y) x^T");
    expect(r).toMatchObject({ state: "ok", shape: "an m×n matrix", warnings: [] });
    expect(r.state === "ok" && r.latex).toContain("\\top");
    expect(read("W x - y")).toMatchObject({ state: "ok", shape: "an m×1 column" });
  });
  it("warns when the shape is not the one asked for", () => {
    const r = read("x (W x - y)^T");
    expect(r).toMatchObject({ state: "ok", shape: "an n×m matrix" });
    expect(r.state === "ok" && r.warnings[0]?.message).toMatch(
      /reads as an n×m matrix, but the answer asked for is m×n/,
    );
  });
  it("a shape error names both shapes, with its position; an unknown name too", () => {
    const r = read("W x^T");
    expect(r.state).toBe("error");
    expect(r.state === "error" && r.error.message).toMatch(/m×n|n×1|1×n/);
    const q = read("W q");
    expect(q.state === "error" && q.error.at).toBe(2);
    expect(read("")).toEqual({ state: "empty" });
  });
});
