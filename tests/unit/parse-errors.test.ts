// Structured errors: code, learner-facing message and 0-based UTF-16 position; special answers.
import { describe, expect, it } from "vitest";
import { type ErrorCode } from "../../lib/calculus/errors";
import { MAX_DEPTH, MAX_INPUT_LENGTH, parse, parseAnswer, type ParseOptions } from "../../lib/calculus/parse";

type Row = readonly [
  input: string,
  code: ErrorCode,
  at: number,
  message?: string | RegExp,
  options?: ParseOptions,
];

const ROWS: readonly Row[] = [
  ["", "EMPTY", 0],
  ["   ", "EMPTY", 0],
  ["\u00a0\u3000", "EMPTY", 0],
  ["2+", "UNEXPECTED_END", 2, "Expected something after '+'"],
  ["2*", "UNEXPECTED_END", 2, "Expected something after '*'"],
  ["x^", "UNEXPECTED_END", 2, "Expected an exponent after '^'"],
  ["-", "UNEXPECTED_END", 1],
  ["(x+1", "UNBALANCED_PAREN", 0, "This '(' is never closed"],
  ["2*(x+(1", "UNBALANCED_PAREN", 5, "This '(' is never closed"],
  ["x+1)", "UNBALANCED_PAREN", 3, "This ')' has no matching '('"],
  [")", "UNBALANCED_PAREN", 0],
  ["(x]", "UNBALANCED_PAREN", 2, /does not match/],
  ["[x)", "UNBALANCED_PAREN", 2],
  ["()", "UNEXPECTED_TOKEN", 1, /inside/],
  ["(x+)", "UNEXPECTED_TOKEN", 3, /after '\+'/],
  ["x$", "UNEXPECTED_CHARACTER", 1, /'\$'/],
  ["x + #", "UNEXPECTED_CHARACTER", 4],
  ["a\u0000b", "UNEXPECTED_CHARACTER", 1, /U\+0000/],
  ["x\ud800", "UNEXPECTED_CHARACTER", 1, /U\+D800/],
  ["x😀", "UNEXPECTED_CHARACTER", 1, /😀/],
  ["x_1", "UNEXPECTED_CHARACTER", 1],
  ["θ", "UNKNOWN_NAME", 0],
  // A function name inside a word without a reading (z is not a variable), or with two.
  ["sinz", "UNKNOWN_NAME", 0, "unknown name 'sinz' - did you mean sin(z)?", { vars: ["x"] }],
  ["lnz", "UNKNOWN_NAME", 0, /did you mean ln\(z\)\?/, { vars: ["x"] }],
  ["zsinx", "UNKNOWN_NAME", 0, /did you mean z sin\(x\)\?/, { vars: ["x"] }],
  ["2 tanz", "UNKNOWN_NAME", 2, /tan\(z\)/, { vars: ["x"] }],
  [
    "asinx",
    "UNKNOWN_NAME",
    0,
    "'asinx' can be read as asin(x) or as a sin(x): type the one you mean, with brackets",
  ],
  ["coshx", "UNKNOWN_NAME", 0, /cosh\(x\) or as cos\(hx\)/],
  ["z", "UNKNOWN_NAME", 0, "unknown name 'z' - this problem's variables are x, y", { vars: ["x", "y"] }],
  ["x + xz", "UNKNOWN_NAME", 5, /'z' in 'xz'.*variables are x, y/, { vars: ["x", "y"] }],
  ["t", "UNKNOWN_NAME", 0, /variable is x$/, { vars: ["x"] }],
  ["x", "UNKNOWN_NAME", 0, /no variables/, { vars: [] }],
  ["x3", "UNKNOWN_NAME", 0, /'x3'.*variables are x1, x2/, { vars: ["x1", "x2"] }],
  ["x2", "UNKNOWN_NAME", 0, /write 2x for a product or x\^2 for a power/],
  ["E^x", "UNKNOWN_NAME", 0, /lower-case e/, { vars: ["x"] }],
  ["Sinz", "UNKNOWN_NAME", 0, /did you mean sin\(z\)\?/, { vars: ["x"] }],
  ["3xy2", "UNKNOWN_NAME", 2, /'y2'.*write 2y/],
  ["pi2", "UNKNOWN_NAME", 0, /write 2pi/],
  ["log3(x)", "UNKNOWN_NAME", 0, /log_3\(x\)/],
  ["2 3", "UNEXPECTED_TOKEN", 2, /Two numbers in a row/],
  ["x^2 3", "UNEXPECTED_TOKEN", 4, /Two numbers in a row/],
  ["sin", "MISSING_ARGUMENT", 3, /'sin' needs an argument/],
  ["sin+1", "MISSING_ARGUMENT", 3],
  ["sin -x", "MISSING_ARGUMENT", 4, /sin\(-x\)/],
  ["ln()", "MISSING_ARGUMENT", 3],
  ["2 cos", "MISSING_ARGUMENT", 5],
  ["sin^2", "MISSING_ARGUMENT", 5],
  ["√", "MISSING_ARGUMENT", 1],
  ["(sin)", "MISSING_ARGUMENT", 4],
  ["ln^-1 x", "UNEXPECTED_TOKEN", 2, /reciprocal/],
  ["sin^0.5 x", "UNEXPECTED_TOKEN", 4],
  ["sin^x x", "UNEXPECTED_TOKEN", 4],
  ["sin^-2 x", "UNEXPECTED_TOKEN", 5],
  ["1.2.3", "BAD_NUMBER", 0],
  [".", "BAD_NUMBER", 0],
  ["x + .", "BAD_NUMBER", 4],
  ["9".repeat(400), "BAD_NUMBER", 0, /too large/],
  ["log_1(x)", "BAD_LOG_BASE", 4],
  ["log_0(x)", "BAD_LOG_BASE", 4],
  ["log_x(2)", "BAD_LOG_BASE", 4],
  ["log_(2(x)", "BAD_LOG_BASE", 4],
  ["|x", "UNBALANCED_ABS", 0, "This '|' is never closed"],
  ["|x|y|", "UNBALANCED_ABS", 4],
  ["(|x)|", "UNBALANCED_ABS", 1],
  ["||||", "UNBALANCED_ABS", 3],
  ["| |", "UNBALANCED_ABS", 2],
  ["*x", "UNEXPECTED_TOKEN", 0, /before '\*'/],
  ["x^^2", "UNEXPECTED_TOKEN", 2],
  ["^^^", "UNEXPECTED_TOKEN", 0],
  ["x/*2", "UNEXPECTED_TOKEN", 2],
  ["²", "UNEXPECTED_TOKEN", 0],
  ["x⁻", "UNEXPECTED_TOKEN", 1],
  ["y = 2x", "UNEXPECTED_TOKEN", 2, /without '='/],
  ["0,5", "UNEXPECTED_TOKEN", 1, /point for decimals/],
  ["x, y", "UNEXPECTED_TOKEN", 1],
  ["∞", "SPECIAL_NOT_ALLOWED", 0],
  ["x + ∞", "SPECIAL_NOT_ALLOWED", 4],
  ["x", "BAD_REQUEST", 0, /variable name/, { vars: ["xy"] }],
  ["(".repeat(MAX_DEPTH + 1) + "x" + ")".repeat(MAX_DEPTH + 1), "TOO_DEEP", MAX_DEPTH],
  ["-".repeat(MAX_DEPTH + 1) + "x", "TOO_DEEP", MAX_DEPTH],
  ["x".repeat(MAX_INPUT_LENGTH + 1), "TOO_LONG", MAX_INPUT_LENGTH],
];

describe("error table", () => {
  it.each(ROWS.map((r) => [r[0].length > 40 ? `${r[0].slice(0, 37)}...` : r[0], r] as const))(
    "%s",
    (_label, [input, code, at, message, options]) => {
      const r = parse(input, options);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe(code);
      if (code !== "BAD_REQUEST") expect(r.error.at).toBe(at);
      expect(r.error.message.length).toBeGreaterThan(0);
      if (typeof message === "string") expect(r.error.message).toBe(message);
      else if (message) expect(r.error.message).toMatch(message);
    },
  );

  it("accepts exactly MAX_DEPTH nested brackets and MAX_INPUT_LENGTH characters", () => {
    expect(parse("(".repeat(MAX_DEPTH) + "x" + ")".repeat(MAX_DEPTH)).ok).toBe(true);
    expect(parse("x+".repeat(MAX_INPUT_LENGTH / 2 - 1) + "xy").ok).toBe(true);
  });

  it("checks length before anything else", () => {
    const r = parse("$".repeat(MAX_INPUT_LENGTH + 1));
    expect(!r.ok && r.error.code).toBe("TOO_LONG");
  });
});

describe("parseAnswer special answers", () => {
  const allow = { allowSpecial: true };
  it.each([
    ["DNE", "dne"],
    ["dne", "dne"],
    [" Does Not Exist ", "dne"],
    ["does  not\u00a0exist", "dne"],
    ["inf", "inf"],
    ["+inf", "inf"],
    ["INF", "inf"],
    ["infinity", "inf"],
    ["Infinity", "inf"],
    ["+infinity", "inf"],
    ["∞", "inf"],
    ["+∞", "inf"],
    [" ∞ ", "inf"],
    ["-inf", "-inf"],
    ["- inf", "-inf"],
    ["-infinity", "-inf"],
    ["-∞", "-inf"],
    ["−∞", "-inf"],
    ["−inf", "-inf"],
  ] as const)("%s", (input, value) => {
    expect(parseAnswer(input, allow)).toEqual({ ok: true, kind: "special", value, warnings: [] });
    const no = parseAnswer(input);
    expect(no.ok).toBe(false);
    if (!no.ok) {
      expect(no.error.code).toBe("SPECIAL_NOT_ALLOWED");
      expect(no.error.message).toMatch(/not an accepted answer/);
    }
    const noVars = parseAnswer(input, { vars: ["x"], allowSpecial: false });
    expect(!noVars.ok && noVars.error.code).toBe("SPECIAL_NOT_ALLOWED");
  });

  it("reads ordinary expressions as expressions, with warnings", () => {
    const r = parseAnswer("1/2x", allow);
    expect(r.ok && r.kind).toBe("expr");
    expect(r.ok && r.warnings.length).toBe(1);
    expect(parseAnswer("x+1", { vars: ["x"] }).ok).toBe(true);
  });

  it("keeps infinity out of larger expressions", () => {
    for (const input of ["x + ∞", "2∞", "inf x", "-∞ + 1"]) {
      const r = parseAnswer(input, { ...allow, vars: ["x"] });
      expect(r.ok).toBe(false);
    }
  });

  it("reports parse errors unchanged", () => {
    expect(parseAnswer("2+", allow)).toEqual(parse("2+"));
    const long = parseAnswer(" inf".repeat(1000), allow);
    expect(!long.ok && long.error.code).toBe("TOO_LONG");
  });
});
