// Every skill's problems vary in kind, so that no skill can be passed by a habit ("it is always DNE",
// "it is always 0", "it is always a square root"): over 1000 seeds per skill, bounds on the share of
// the most common answer, the most common limit kind, and the most common template (the form the
// generator drew, returned by `generate` and never stored in the problem).
import { describe, expect, it } from "vitest";
import type { Expr } from "@/lib/calculus/ast";
import { evaluate } from "@/lib/calculus/eval";
import { parse } from "@/lib/calculus/parse";
import { SKILLS, generate } from "@/lib/problems/catalogue";
import type { Problem } from "@/lib/problems/types";

const SEEDS = 1000;

/** Bounds, as shares of the 1000 problems of one skill. */
const BOUNDS = {
  /** The most common template: no single form is half of a skill's problems. */
  template: 0.5,
  /** The most common key (text without spaces) of an expression, matrix or symbolic grid answer. */
  expression: 0.1,
  /** The most common key of a number answer (a finite limit, a value at a point, a numeric grid). */
  number: 0.2,
  /**
   * The most common kind of a limit whose answer may be special: DNE, inf, -inf, 0 or another
   * finite value. Limits that do not exist are at most 60 % DNE, so the learner has to decide.
   */
  limitKind: 0.6,
  /** Rational functions at infinity: 0, a non-zero ratio and an infinity each at most 45 %. */
  rationalKind: 0.45,
  /** A skill's forms: at least this many templates. */
  templates: 2,
} as const;

interface Drawn {
  problem: Problem;
  template: string;
}

const cache = new Map<string, Drawn[]>();
function drawn(skill: string): Drawn[] {
  let out = cache.get(skill);
  if (!out) {
    out = [];
    for (let seed = 0; seed < SEEDS; seed++) {
      const g = generate(skill, seed);
      if (!g.ok) throw new Error(`${skill} seed ${seed}: ${g.error.message}`);
      out.push({ problem: g.problem, template: g.template });
    }
    cache.set(skill, out);
  }
  return out;
}

/** The most common value and its share. */
function mostCommon(values: readonly string[]): { value: string; share: number } {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let value = "";
  let n = 0;
  for (const [k, c] of counts) if (c > n) [value, n] = [k, c];
  return { value, share: n / values.length };
}

const keyText = (p: Problem): string => JSON.stringify(p.answer).replace(/\s+/g, "");

/** DNE, inf, -inf, 0, or "finite" for any other value. */
function limitKind(p: Problem): string {
  const a = String(p.answer);
  if (a === "DNE" || a === "inf" || a === "-inf") return a;
  return p.value === 0 ? "0" : "finite";
}

/** Number-like answers are bounded by `number`; expressions by `expression`. */
function answerBound(p: Problem): number {
  if (p.answerKind === "expression" || p.answerKind === "matrix" || p.answerKind === "line")
    return BOUNDS.expression;
  if (p.answerKind === "grid" && p.grid?.kinds.flat().includes("expression")) return BOUNDS.expression;
  return BOUNDS.number;
}

/** Limit skills whose answers include special ones: the learner decides what kind of answer it is. */
const DECIDE_THE_KIND = [
  "limit-does-not-exist",
  "limit-infinite",
  "limit-rational-at-infinity",
  "limit-exponential-vs-polynomial",
];

describe.each(SKILLS.map((s) => [s.id]))("variety of %s over 1000 seeds", (id) => {
  it(`the most common template is at most ${BOUNDS.template * 100} % of the problems`, () => {
    const templates = drawn(id).map((d) => d.template);
    expect(templates.every((t) => t !== "")).toBe(true);
    expect(new Set(templates).size).toBeGreaterThanOrEqual(BOUNDS.templates);
    const top = mostCommon(templates);
    expect(top.share, `template ${top.value}`).toBeLessThanOrEqual(BOUNDS.template);
  });

  it("the most common answer stays under the skill's bound", () => {
    const ps = drawn(id).map((d) => d.problem);
    // Where the kind is the decision (DNE, inf, -inf, 0), the kind is bounded; the other answers here.
    const decide = DECIDE_THE_KIND.includes(id);
    const texts = ps.map((p) => (decide && limitKind(p) !== "finite" ? `#${String(p.seed)}` : keyText(p)));
    const top = mostCommon(texts);
    expect(top.share, `answer ${top.value}`).toBeLessThanOrEqual(answerBound(ps[0]!));
    if (decide) {
      const kind = mostCommon(ps.map(limitKind));
      const bound = id === "limit-rational-at-infinity" ? BOUNDS.rationalKind : BOUNDS.limitKind;
      expect(kind.share, `limit kind ${kind.value}`).toBeLessThanOrEqual(bound);
    }
  });

  it("the template is not part of the stored problem", () => {
    const d = drawn(id)[0]!;
    expect(JSON.stringify(d.problem)).not.toContain(`"template"`);
  });
});

describe("the forms learners asked for", () => {
  const problems = (id: string): Problem[] => drawn(id).map((d) => d.problem);
  const share = (ps: readonly Problem[], test: (p: Problem) => boolean): number =>
    ps.filter(test).length / ps.length;

  it("limits that may not exist: DNE, finite values, one-sided limits and infinities all appear (10 % each at least)", () => {
    const ps = problems("limit-does-not-exist");
    expect(share(ps, (p) => p.answer === "DNE")).toBeGreaterThanOrEqual(0.1);
    expect(share(ps, (p) => limitKind(p) === "0" || limitKind(p) === "finite")).toBeGreaterThanOrEqual(0.1);
    expect(share(ps, (p) => p.answer === "inf" || p.answer === "-inf")).toBeGreaterThanOrEqual(0.1);
    expect(share(ps, (p) => p.given.side !== "both")).toBeGreaterThanOrEqual(0.1);
    // The statement lets the learner give any of these answers.
    for (const p of ps.slice(0, 20)) expect(p.statement).toMatch(/DNE.*inf or -inf/);
  });

  it("rational functions at infinity: 0, non-zero ratios and infinities each at least 20 %", () => {
    const ps = problems("limit-rational-at-infinity");
    expect(share(ps, (p) => limitKind(p) === "0")).toBeGreaterThanOrEqual(0.2);
    expect(share(ps, (p) => limitKind(p) === "finite")).toBeGreaterThanOrEqual(0.2);
    expect(share(ps, (p) => p.answer === "inf" || p.answer === "-inf")).toBeGreaterThanOrEqual(0.2);
  });

  it("rational functions at infinity are stated in lowest terms (no common factor of top and bottom)", () => {
    const shared = problems("limit-rational-at-infinity").filter((p) => commonRoot(p) !== null);
    expect(shared.slice(0, 3).map((p) => [p.given.f, commonRoot(p)])).toEqual([]);
  }, 60_000);

  it("the chain rule uses at least four outer functions, none in more than 35 % of the problems", () => {
    const outer = problems("derivative-chain-rule").map((p) => outerFunction(parseF(p)));
    expect(new Set(outer).size).toBeGreaterThanOrEqual(4);
    expect(mostCommon(outer).share).toBeLessThanOrEqual(0.35);
  });

  it("logarithms use log_b in 20 % of the problems (a base other than e, 2 and 10 in 10 %), and logs of products or quotients in 10 %", () => {
    const fs = problems("derivative-logarithm").map(parseF);
    const isLog = (c: Expr): boolean => c.kind === "logb" || (c.kind === "call" && /^log/.test(c.fn));
    expect(fs.filter((f) => calls(f).some(isLog)).length / fs.length).toBeGreaterThanOrEqual(0.2);
    expect(
      fs.filter((f) => calls(f).some((c) => c.kind === "logb")).length / fs.length,
    ).toBeGreaterThanOrEqual(0.1);
    const nonConstant = (e: Expr): boolean => e.kind !== "num" && e.kind !== "const";
    const ofProductOrQuotient = (c: Expr): boolean =>
      (c.kind === "call" || c.kind === "logb") &&
      ((c.arg.kind === "mul" && c.arg.factors.filter(nonConstant).length >= 2) ||
        (c.arg.kind === "div" && nonConstant(c.arg.num) && nonConstant(c.arg.den)));
    const splits = fs.filter((f) => calls(f).some(ofProductOrQuotient));
    expect(splits.length / fs.length).toBeGreaterThanOrEqual(0.1);
  });
});

/** Every function call (and log_b) inside e. */
function calls(e: Expr): Expr[] {
  switch (e.kind) {
    case "num":
    case "const":
    case "var":
      return [];
    case "add":
      return e.terms.flatMap(calls);
    case "mul":
      return e.factors.flatMap(calls);
    case "neg":
      return calls(e.arg);
    case "div":
      return [...calls(e.num), ...calls(e.den)];
    case "pow":
      return [...calls(e.base), ...calls(e.exp)];
    case "call":
    case "logb":
      return [e, ...calls(e.arg)];
  }
}

function parseF(p: Problem): Expr {
  const r = parse(String(p.given.f), { vars: p.vars });
  if (!r.ok) throw new Error(`does not parse: ${String(p.given.f)}`);
  return r.expr;
}

/** The outermost function of a chain: a call's name, "power" or "root" for a power of a non-variable. */
function outerFunction(e: Expr): string {
  switch (e.kind) {
    case "neg":
      return outerFunction(e.arg);
    case "mul": {
      const inner = e.factors.filter((f) => f.kind !== "num");
      return inner.length === 1 ? outerFunction(inner[0]!) : "product";
    }
    case "div":
      return e.num.kind === "num" ? `1/${outerFunction(e.den)}` : "quotient";
    case "call":
      return e.fn === "sqrt" ? "root" : e.fn;
    case "logb":
      return "log";
    case "pow":
      if (e.base.kind === "const") return "exp";
      return e.exp.kind === "num" && Number.isInteger(e.exp.value) ? "power" : "root";
    default:
      return e.kind;
  }
}

/** A rational root shared by the numerator and denominator of a rational function, or null. */
function commonRoot(p: Problem): number | null {
  const f = parseF(p);
  if (f.kind !== "div") return null;
  const at = (e: Expr, x: number): number => evaluate(e, { x });
  const candidates = [0];
  for (let q = 1; q <= 9; q++) for (let n = 1; n <= 9; n++) candidates.push(n / q, -n / q);
  for (const x of candidates) {
    if (Math.abs(at(f.num, x)) < 1e-9 && Math.abs(at(f.den, x)) < 1e-9) return x;
  }
  return null;
}
