// Worked steps of a limit, by the method of its skill: one typeset line per step. The standard limits
// are shown by rewriting the function into its standard quotients (sin(3x)/x = 3 · sin(3x)/(3x) -> 3).
import { type Expr, add, dependsOn, div, mul, neg, num, pow, variable } from "../calculus/ast";
import { limit } from "../calculus/limit";
import { toLatex } from "../calculus/print";
import { simplify } from "../calculus/simplify";
import { substitute } from "./exact";
import { approachOfGiven, limitSignLatex } from "./limit-statement";
import { readExpr, readProblem } from "./read";
import { m } from "./solution-derivative";
import type { SolutionStep } from "./solution-types";
import type { Problem } from "./types";

const L = toLatex;

function simp(e: Expr): Expr {
  const s = simplify(e);
  return s.ok ? s.expr : e;
}

const str = (u: unknown, fallback: string): string => (typeof u === "string" ? u : fallback);

/** A standard quotient found in f: its placeholder, how it is typeset, and its limit. */
interface Quotient {
  readonly name: string;
  readonly latex: string;
  readonly value: Expr;
}

type Standard = "sin" | "cos" | "exp" | "log";

const isE = (e: Expr): boolean => e.kind === "const" && e.name === "e";
const isOne = (e: Expr): boolean => e.kind === "num" && e.value === 1;
const isMinusOne = (e: Expr): boolean => e.kind === "neg" && isOne(e.arg);

/** The exponent of e^u or exp(u); null for anything else. */
function expArg(e: Expr): Expr | null {
  if (e.kind === "pow" && isE(e.base)) return e.exp;
  if (e.kind === "call" && e.fn === "exp") return e.arg;
  return null;
}

/**
 * f with each piece that tends to 0 written as (its small argument) times a standard quotient:
 * sin u = u · (sin u / u), 1 - cos u = u² · ((1 - cos u)/u²), e^u - 1 = u · ((e^u - 1)/u),
 * ln(1 + u) = u · (ln(1 + u)/u). The quotients are placeholders named in `quotients`.
 */
function rewriteStandard(f: Expr, v: string, kind: Standard): { expr: Expr; quotients: Quotient[] } {
  const quotients: Quotient[] = [];
  const q = (latex: string, value: Expr): Expr => {
    const name = `QQ${String.fromCharCode(97 + quotients.length)}`;
    quotients.push({ name, latex: `\\left(${latex}\\right)`, value });
    return variable(name);
  };
  const expQ = (u: Expr): Expr => mul(u, q(`\\frac{e^{${L(u)}} - 1}{${L(u)}}`, num(1)));
  const walk = (e: Expr): Expr => {
    if (!dependsOn(e, v)) return e;
    if (e.kind === "call" && (e.fn === "sin" || e.fn === "tan") && (kind === "sin" || kind === "cos"))
      return mul(e.arg, q(`\\frac{\\${e.fn}\\left(${L(e.arg)}\\right)}{${L(e.arg)}}`, num(1)));
    if (kind === "cos" && e.kind === "add" && e.terms.length === 2) {
      const [a, b] = e.terms as [Expr, Expr];
      const cosArg = (x: Expr): Expr | null => (x.kind === "call" && x.fn === "cos" ? x.arg : null);
      const u1 = isOne(a) && b.kind === "neg" ? cosArg(b.arg) : null;
      if (u1)
        return mul(
          pow(u1, num(2)),
          q(`\\frac{1 - \\cos\\left(${L(u1)}\\right)}{${L(pow(u1, num(2)))}}`, div(num(1), num(2))),
        );
      const u2 = isMinusOne(b) ? cosArg(a) : null;
      if (u2)
        return neg(
          mul(
            pow(u2, num(2)),
            q(`\\frac{1 - \\cos\\left(${L(u2)}\\right)}{${L(pow(u2, num(2)))}}`, div(num(1), num(2))),
          ),
        );
    }
    if (kind === "exp" && e.kind === "add" && e.terms.length === 2) {
      const [a, b] = e.terms as [Expr, Expr];
      const ua = expArg(a);
      if (ua && isMinusOne(b)) return expQ(ua);
      const ub = b.kind === "neg" ? expArg(b.arg) : null;
      if (isOne(a) && ub) return neg(expQ(ub));
      // e^u - e^w = (e^u - 1) - (e^w - 1)
      if (ua && ub) return add(expQ(ua), neg(expQ(ub)));
    }
    if (kind === "log" && e.kind === "call" && e.fn === "ln") {
      const u = simp(add(e.arg, num(-1)));
      return mul(u, q(`\\frac{\\ln\\left(1 + ${L(u)}\\right)}{${L(u)}}`, num(1)));
    }
    switch (e.kind) {
      case "add":
        return add(...e.terms.map(walk));
      case "mul":
        return mul(...e.factors.map(walk));
      case "neg":
        return neg(walk(e.arg));
      case "div":
        return div(walk(e.num), walk(e.den));
      case "pow":
        return pow(walk(e.base), e.exp);
      default:
        return e;
    }
  };
  return { expr: walk(f), quotients };
}

function withQuotients(latex: string, quotients: readonly Quotient[], value: boolean): string {
  let out = latex;
  for (const q of quotients) out = out.split(q.name).join(value ? `\\left(${L(q.value)}\\right)` : q.latex);
  return out;
}

const STANDARD: Record<Standard, { latex: string; why: string }> = {
  sin: {
    latex: "\\lim_{u \\to 0} \\frac{\\sin u}{u} = \\lim_{u \\to 0} \\frac{\\tan u}{u} = 1",
    why: "multiply and divide each sine (or tangent) by its argument, which tends to 0 as the variable does",
  },
  cos: {
    latex:
      "\\lim_{u \\to 0} \\frac{1 - \\cos u}{u^{2}} = \\frac{1}{2},\\quad \\lim_{u \\to 0} \\frac{\\sin u}{u} = 1",
    why: "write 1 − cos u as u² times the standard quotient (and a sine as its argument times sin u/u)",
  },
  exp: {
    latex: "\\lim_{u \\to 0} \\frac{e^{u} - 1}{u} = 1",
    why: "write each e^u − 1 as u times the standard quotient (a difference of exponentials as (e^u − 1) − (e^w − 1))",
  },
  log: {
    latex: "\\lim_{u \\to 0} \\frac{\\ln(1 + u)}{u} = 1",
    why: "write each ln(1 + u) as u times the standard quotient",
  },
};

const STANDARD_OF: Record<string, Standard> = {
  "limit-sin-over-x": "sin",
  "limit-one-minus-cos": "cos",
  "limit-exp-standard": "exp",
  "limit-log-standard": "log",
};

function standardSteps(f: Expr, v: string, kind: Standard, head: string, answer: string): SolutionStep[] {
  const { expr, quotients } = rewriteStandard(f, v, kind);
  const rewritten = simp(expr);
  return [
    {
      rule: "Substitute first",
      why: `at ${m(`${v} = 0`)} the function is ${m("\\frac{0}{0}")}: rewrite it into standard limits`,
      latex: `${L(f)}\\Big|_{${v} = 0} = \\frac{0}{0}`,
    },
    {
      rule: "Rewrite into the standard form",
      why: STANDARD[kind].why,
      latex: `${L(f)} = ${withQuotients(L(rewritten), quotients, false)}`,
    },
    {
      rule: "Standard limit",
      why: `each quotient tends to its standard limit as ${m(`${v} \\to 0`)}`,
      latex: STANDARD[kind].latex,
    },
    {
      rule: "Take the limit",
      why: "replace each quotient by its limit; the powers of the variable have cancelled",
      latex: `${head} = ${withQuotients(L(rewritten), quotients, true)} = ${answer}`,
      final: true,
    },
  ];
}

/** The worked steps of a limit problem, ending with its answer (exactly once). */
export function limitSteps(p: Problem, answerLatex: string): SolutionStep[] {
  const { f } = readProblem(p);
  const v = str(p.given.var, "x");
  const to = str(p.given.to, "0");
  const a = approachOfGiven(p.given, (t) => readExpr(t, []));
  const fL = f ? L(f) : String(p.given.f);
  const head = `${limitSignLatex(a)} ${fL}`;
  const at = readExpr(to, []);
  const d = p.detail ?? {};
  const final = (rule: string, why: string, middle = ""): SolutionStep => ({
    rule,
    why,
    latex: `${head} = ${middle ? `${middle} = ` : ""}${answerLatex}`,
    final: true,
  });
  const standard = STANDARD_OF[p.skill];
  if (standard && f) return standardSteps(f, v, standard, head, answerLatex);
  const atL = at ? L(at) : to;
  switch (p.skill) {
    case "limit-direct-substitution": {
      const sub = f && at ? L(substitute(f, { [v]: at })) : "";
      return [
        {
          rule: "Continuity",
          why: `nothing in the function is undefined at ${m(`${v} = ${atL}`)}, so the limit is its value there`,
          latex: `\\lim_{${v} \\to ${atL}} f(${v}) = f(${atL})`,
        },
        final("Substitute", `put ${m(`${v} = ${atL}`)} into the function`, sub),
      ];
    }
    case "limit-factor-cancel": {
      const fac = readExpr(d.factored, [v]);
      const can = readExpr(d.cancelled, [v]);
      const factor = L(simp(add(variable(v), neg(at ?? num(0)))));
      return [
        {
          rule: "Substitute first",
          why: `at ${m(`${v} = ${atL}`)} both numerator and denominator are 0, so ${m(factor)} divides both`,
          latex: `${fL}\\Big|_{${v} = ${atL}} = \\frac{0}{0}`,
        },
        {
          rule: "Factor",
          why: `factor ${m(factor)} out of the numerator and the denominator`,
          latex: `${fL} = ${fac ? L(fac) : ""}`,
        },
        {
          rule: "Cancel",
          why: `inside the limit ${m(`${v} \\ne ${atL}`)}, so the common factor cancels; what remains is continuous`,
          latex: `${fac ? L(fac) : fL} = ${can ? L(can) : ""}`,
        },
        final(
          "Substitute",
          `put ${m(`${v} = ${atL}`)} into what remains`,
          can && at ? L(substitute(can, { [v]: at })) : "",
        ),
      ];
    }
    case "limit-rationalise": {
      const conj = readExpr(d.conjugate, [v]);
      const root = readExpr(d.root, [v]);
      const mm = Number(d.m ?? 0);
      const radicand = root && root.kind === "call" ? root.arg : null;
      const other = readExpr(d.other, [v]);
      const otherRadicand = other && other.kind === "call" ? other.arg : null;
      if (other && root && radicand && otherRadicand)
        return [
          {
            rule: "Substitute first",
            why: `at ${m(`${v} = ${atL}`)} the function is ${m("\\frac{0}{0}")}, a difference of two square roots`,
            latex: `${fL}\\Big|_{${v} = ${atL}} = \\frac{0}{0}`,
          },
          {
            rule: "Multiply by the conjugate",
            why: `multiply the numerator and the denominator by ${m(conj ? L(conj) : "")}`,
            latex: `${fL} = ${fL} \\cdot \\frac{${conj ? L(conj) : ""}}{${conj ? L(conj) : ""}}`,
          },
          {
            rule: "Difference of squares",
            why: `${m("(\\sqrt{u} - \\sqrt{w})(\\sqrt{u} + \\sqrt{w}) = u - w")}, which has the factor ${m(L(simp(add(variable(v), neg(at ?? num(0))))))}: cancel it`,
            latex: `\\left(${L(root)} - ${L(other)}\\right)\\left(${L(root)} + ${L(other)}\\right) = ${L(simp(add(radicand, neg(otherRadicand))))}`,
          },
          final(
            "Substitute",
            `what remains is continuous; at ${m(`${v} = ${atL}`)} the conjugate is ${m(String(2 * mm))}`,
          ),
        ];
      return [
        {
          rule: "Substitute first",
          why: `at ${m(`${v} = ${atL}`)} the function is ${m("\\frac{0}{0}")}, with a square root in it`,
          latex: `${fL}\\Big|_{${v} = ${atL}} = \\frac{0}{0}`,
        },
        {
          rule: "Multiply by the conjugate",
          why: `multiply the numerator and the denominator by ${m(conj ? L(conj) : "")}`,
          latex: `${fL} = ${fL} \\cdot \\frac{${conj ? L(conj) : ""}}{${conj ? L(conj) : ""}}`,
        },
        {
          rule: "Difference of squares",
          why: `${m("(\\sqrt{w} - c)(\\sqrt{w} + c) = w - c^2")}, which has the factor ${m(L(simp(add(variable(v), neg(at ?? num(0))))))}: cancel it`,
          latex:
            root && radicand
              ? `\\left(${L(root)} - ${mm}\\right)\\left(${L(root)} + ${mm}\\right) = ${L(simp(add(radicand, num(-mm * mm))))}`
              : `\\left(\\sqrt{w} - c\\right)\\left(\\sqrt{w} + c\\right) = w - c^{2}`,
        },
        final(
          "Substitute",
          `what remains is continuous; at ${m(`${v} = ${atL}`)} the conjugate is ${m(String(2 * mm))}`,
        ),
      ];
    }
    case "limit-rational-at-infinity": {
      const [n, mdeg] = (d.degrees ?? "?,?").split(",");
      const pw = mdeg === "1" ? v : `${v}^{${mdeg}}`;
      const num0 = f && f.kind === "div" ? f.num : null;
      const den0 = f && f.kind === "div" ? f.den : null;
      return [
        {
          rule: "Compare degrees",
          why: `the numerator has degree ${n}, the denominator degree ${mdeg}`,
          latex: `\\deg(\\text{numerator}) = ${n},\\quad \\deg(\\text{denominator}) = ${mdeg}`,
        },
        {
          rule: "Divide by the highest power of the denominator",
          why: `divide both by ${m(pw)}: every term with a negative power of ${m(v)} tends to 0`,
          latex: `${fL} = \\frac{\\left(${num0 ? L(num0) : ""}\\right) / ${pw}}{\\left(${den0 ? L(den0) : ""}\\right) / ${pw}}`,
        },
        final(
          n === mdeg
            ? "Ratio of leading coefficients"
            : Number(n) < Number(mdeg)
              ? "Denominator dominates"
              : "Numerator dominates",
          n === mdeg
            ? "equal degrees: the limit is the ratio of the leading coefficients"
            : Number(n) < Number(mdeg)
              ? "the denominator grows faster: the quotient tends to 0"
              : "the numerator grows faster: the quotient grows without bound, with the sign of its leading terms",
        ),
      ];
    }
    case "limit-exponential-vs-polynomial":
      return [
        {
          rule: "Compare growth",
          why: `an exponential ${m("e^{ax}")} with ${m("a > 0")} outgrows every power of ${m(v)}`,
          latex: `\\lim_{${v} \\to \\infty} \\frac{${v}^{k}}{e^{a${v}}} = 0 \\quad (a > 0)`,
        },
        final("Divide by the fastest-growing term", "the terms that are beaten tend to 0"),
      ];
    case "limit-infinite": {
      const num0 = f && f.kind === "div" ? f.num : null;
      const den0 = f && f.kind === "div" ? f.den : null;
      const numAt = num0 && at ? L(simp(substitute(num0, { [v]: at }))) : "c";
      return [
        {
          rule: "Substitute",
          why: `at ${m(`${v} = ${atL}`)} the denominator is 0 but the numerator is not: the quotient grows without bound`,
          latex: `${num0 ? L(num0) : ""}\\Big|_{${v} = ${atL}} = ${numAt},\\quad ${den0 ? L(den0) : ""}\\Big|_{${v} = ${atL}} = 0`,
        },
        final(
          "Sign of the quotient",
          `the signs of the numerator and of the denominator just ${p.given.side === "left" ? "left of" : p.given.side === "right" ? "right of" : "on both sides of"} ${m(atL)} give the sign`,
        ),
      ];
    }
    case "limit-one-sided-abs": {
      const inside = L(simp(add(variable(v), neg(at ?? num(0)))));
      const right = p.given.side === "right";
      return [
        {
          rule: "Remove the absolute value",
          why: right
            ? `for ${m(`${v} > ${atL}`)} the inside is positive`
            : `for ${m(`${v} < ${atL}`)} the inside is negative`,
          latex: right
            ? `\\left|${inside}\\right| = ${inside}`
            : `\\left|${inside}\\right| = -\\left(${inside}\\right)`,
        },
        final("Cancel and substitute", `cancel ${m(inside)} and substitute ${m(`${v} = ${atL}`)}`),
      ];
    }
    case "limit-does-not-exist": {
      // The look-alikes whose limit exists, each explained by what makes it exist.
      const factor = L(simp(add(variable(v), neg(at ?? num(0)))));
      const side = p.given.side === "left" ? "left" : "right";
      if (d.why === "one-sided")
        return [
          {
            rule: "Only one side",
            why: `only the ${side} side is asked: for ${m(`${v} ${side === "left" ? "<" : ">"} ${atL}`)} the function has one formula`,
            latex: `${head}`,
          },
          final(
            "Simplify and substitute",
            `simplify for ${m(`${v} ${side === "left" ? "<" : ">"} ${atL}`)}, then let ${m(v)} approach ${m(atL)}`,
          ),
        ];
      if (d.why === "same-infinities")
        return [
          {
            rule: "Sign on both sides",
            why: `the denominator is an even power of ${m(factor)}, positive on both sides of ${m(atL)}`,
            latex: `\\left(${factor}\\right)^{2k} > 0 \\quad (${v} \\ne ${atL})`,
          },
          final(
            "The same infinity from both sides",
            "both one-sided limits are the same infinity, so the limit is that infinity",
          ),
        ];
      if (d.why === "removable")
        return [
          {
            rule: "Substitute first",
            why: `at ${m(`${v} = ${atL}`)} both numerator and denominator are 0, so ${m(factor)} divides both`,
            latex: `${fL}\\Big|_{${v} = ${atL}} = \\frac{0}{0}`,
          },
          final(
            "Cancel and substitute",
            `cancel ${m(factor)}; what remains is continuous, and both sides agree`,
          ),
        ];
      break;
    }
    default:
      break;
  }
  // A limit that does not exist: the one-sided limits, or the oscillation.
  if (p.answer === "DNE" && f && at) {
    const show = (side: "left" | "right"): string => {
      const r = limit(f, v, { kind: "point", at }, side);
      if (!r.ok) return "?";
      if (r.kind === "finite") return r.exact ? L(r.exact) : String(r.value);
      if (r.kind === "dne") return "\\text{none}";
      return r.kind === "+inf" ? "+\\infty" : "-\\infty";
    };
    if (p.detail?.why === "oscillation")
      return [
        {
          rule: "Look at the argument",
          why: `as ${m(`${v} \\to ${atL}`)} the argument of the sine grows without bound`,
          latex: `${fL}:\\quad \\text{the sine takes every value in } [-1, 1] \\text{ on each side of } ${v} = ${atL}`,
        },
        final("No single value", "the function oscillates on both sides and approaches no single value"),
      ];
    return [
      {
        rule: "One-sided limits",
        why: "work out the limit from each side",
        latex: `\\lim_{${v} \\to ${atL}^-} f = ${show("left")},\\quad \\lim_{${v} \\to ${atL}^+} f = ${show("right")}`,
      },
      final("Compare the sides", "the one-sided limits differ, so the two-sided limit does not exist"),
    ];
  }
  return [final("Evaluate the limit", "by the method of this skill")];
}
