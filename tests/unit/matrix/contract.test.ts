// The output contract of the matrix operations (docs/core.md, "The command-line tool"): shape
// strings as declarations write them, exactly the fields promised, errors with a code, a message and
// a position inside the text that failed, CANNOT_CHECK and bounded work on hostile sizes, each next
// to a request that succeeds.
import { describe, expect, it } from "vitest";
import { matrixOps } from "../../../lib/calculus/matrix";

type Res = Record<string, unknown> & {
  ok: boolean;
  error?: { code: string; message: string; at?: number };
};
const op = (r: Record<string, unknown> & { op: string }) => matrixOps(r) as unknown as Res;
const decls = { W: "m x n", x: "n", r: "1 x n", s: "scalar", A: "3 x 4", v: "5" };

describe("mparse", () => {
  it.each([
    ["W", "m x n"],
    ["W x", "m"],
    ["x^T", "1 x n"],
    ["r", "1 x n"],
    ["r x", "scalar"],
    ["x^T x", "scalar"],
    ["x x^T", "n x n"],
    ["s", "scalar"],
    ["A", "3 x 4"],
    ["A^T", "4 x 3"],
    ["v", "5"],
    ["v^T", "1 x 5"],
    ["diag(x)", "n x n"],
    ["n", "scalar"],
  ])("gives %s the shape %j, with exactly shape, normalized and latex", (input, shape) => {
    const r = op({ op: "mparse", input, decls });
    expect(Object.keys(r).sort()).toEqual(["latex", "normalized", "ok", "shape"]);
    expect(r).toMatchObject({ ok: true, shape });
    // the normalized text reads back to the same shape and the same text
    const again = op({ op: "mparse", input: r.normalized, decls });
    expect(again).toMatchObject({ ok: true, shape, normalized: r.normalized });
  });

  it.each([
    ["W x^T", "SHAPE_MISMATCH"],
    ["x + ", "UNEXPECTED_END"],
    ["x ++ y", "UNKNOWN_NAME"],
    ["(x", "UNBALANCED_PAREN"],
    ["x)", "UNBALANCED_PAREN"],
    ["|x|", "SHAPE_MISMATCH"],
    ["x^2", "SHAPE_MISMATCH"],
    ["q", "UNKNOWN_NAME"],
    ["x @ x", "UNEXPECTED_CHARACTER"],
    ["x > 0", "UNEXPECTED_TOKEN"],
  ])("refuses %j with %s, a message and a position inside the text", (input, code) => {
    const r = op({ op: "mparse", input, decls });
    expect(r).toMatchObject({ ok: false, error: { code } });
    expect(Object.keys(r.error!).every((k) => ["code", "message", "at"].includes(k))).toBe(true);
    expect(r.error!.message.length).toBeGreaterThan(10);
    if (r.error!.at !== undefined) {
      expect(r.error!.at).toBeGreaterThanOrEqual(0);
      expect(r.error!.at).toBeLessThanOrEqual(input.length);
    }
  });
});

describe("other ops", () => {
  it("are left to the other tools, also names every object inherits", () => {
    for (const name of ["toString", "constructor", "__proto__", "hasOwnProperty", "parse"]) {
      expect(matrixOps({ op: name }), name).toBeNull();
    }
    expect(op({ op: "mparse", input: "x", decls })).toMatchObject({ ok: true, shape: "n" });
  });
});

describe("mequiv and mderiv", () => {
  it("give exactly the promised fields", () => {
    const right = op({ op: "mequiv", decls, expected: "W x", answer: "W*x" });
    expect(right).toEqual({ ok: true, equivalent: true });
    const wrong = op({ op: "mequiv", decls, expected: "W x", answer: "2 W x" });
    expect(Object.keys(wrong).sort()).toEqual(["counterexample", "diagnosis", "equivalent", "ok"]);
    expect(Object.keys(wrong.diagnosis as object).sort()).toEqual(["code", "message"]);
    const d = op({ op: "mderiv", decls, f: "W x", wrt: "x", asks: "derivative", answer: "W" });
    expect(d).toEqual({ ok: true, equivalent: true, correct: true });
  });

  it("says which text an error is in: expected and f are labelled, the answer is not", () => {
    const k = op({ op: "mequiv", decls, expected: "W +", answer: "W" });
    expect(k.error!.message).toMatch(/^expected: /);
    const a = op({ op: "mequiv", decls, expected: "W", answer: "W +" });
    expect(a).toMatchObject({ ok: false, error: { code: "UNEXPECTED_END", at: 3 } });
    expect(a.error!.message).not.toMatch(/^expected/);
    const f = op({ op: "mderiv", decls, f: "x·", wrt: "x", asks: "gradient", answer: "x" });
    expect(f.error!.message).toMatch(/^f: /);
  });

  it("says CANNOT_CHECK when the key is undefined almost everywhere or a gate side never occurs", () => {
    expect(op({ op: "mequiv", decls: { B: "n x n" }, expected: "inv(B - B)", answer: "B" })).toMatchObject({
      ok: false,
      error: { code: "CANNOT_CHECK" },
    });
    expect(op({ op: "mequiv", decls, expected: "[x ⊙ x + 1 > 0] ⊙ x", answer: "x" })).toMatchObject({
      ok: false,
      error: { code: "CANNOT_CHECK" },
    });
    // a positive control: a gate that opens and closes
    expect(op({ op: "mequiv", decls, expected: "[x > 0] ⊙ x", answer: "relu(x)" })).toEqual({
      ok: true,
      equivalent: true,
    });
  });
});

describe("hostile sizes are refused quickly, and honest ones graded", () => {
  it("refuses declared sizes over 100, accepts 100", () => {
    expect(op({ op: "mparse", input: "A", decls: { A: "101 x 2" } })).toMatchObject({
      ok: false,
      error: { code: "BAD_REQUEST" },
    });
    expect(op({ op: "mparse", input: "A", decls: { A: "100 x 2" } })).toMatchObject({
      ok: true,
      shape: "100 x 2",
    });
  });

  it("refuses a grade whose arithmetic would take too long", () => {
    const big = { A: "100 x 100" };
    expect(op({ op: "mequiv", decls: big, expected: "A A", answer: "A^2" })).toEqual({
      ok: true,
      equivalent: true,
    });
    expect(
      op({ op: "mequiv", decls: big, expected: "A A A A A A A A A A A A", answer: "A^12" }),
    ).toMatchObject({ ok: false, error: { code: "RESULT_TOO_LARGE" } });
    expect(
      op({
        op: "mequiv",
        decls: { x: "n" },
        expected: "sum((1_999 1_999^T) (1_999 1_999^T))",
        answer: "x·x",
      }),
    ).toMatchObject({ ok: false, error: { code: "RESULT_TOO_LARGE" } });
    expect(
      op({ op: "mderiv", decls: big, f: "sum(A A)", wrt: "A", asks: "gradient", answer: "A" }),
    ).toMatchObject({ ok: false, error: { code: "RESULT_TOO_LARGE" } });
    expect(
      op({ op: "mderiv", decls: { B: "10 x 10" }, f: "sum(B B)", wrt: "B", asks: "gradient", answer: "2 B" }),
    ).toMatchObject({ ok: true, correct: false });
  });

  it.each([
    [{ op: "mequiv", decls: { x: "n" }, expected: "x", answer: null }],
    [{ op: "mequiv", decls: "n", expected: "x", answer: "x" }],
    [{ op: "mequiv", decls: { x: "n" }, expected: "x" }],
    [{ op: "mderiv", decls: { x: "n" }, f: "x", wrt: "x", asks: "gradient", answer: ["x"] }],
    [
      {
        op: "mparse",
        input: "x",
        decls: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`v${i}`, "n"])),
      },
    ],
    [{ op: "mparse", input: "x", decls: { x: "a x b", y: "c x d", z: "e x f", w: "g x h" } }],
    [{ op: "mparse", input: "x", decls: { "x y": "n" } }],
    [{ op: "mparse", input: "x", decls: { x: { shape: "n", props: ["symmetric"] } } }],
  ])("refuses the malformed request %j with BAD_REQUEST", (request) => {
    expect(op(request as Record<string, unknown> & { op: string })).toMatchObject({
      ok: false,
      error: { code: "BAD_REQUEST" },
    });
  });
});
