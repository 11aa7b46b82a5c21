// Single-variable derivative skills: each rule alone, then combined, at a point, and the tangent line.
import type { Expr } from "../calculus/ast";
import type { Draft, Domain } from "./build";
import type { SkillDef } from "./catalogue-types";
import { P, reject } from "./exact";
import type { Rng } from "./random";
import { fracOf, lin, power, smallRational, sum, term } from "./text";

const X = (s: string): Expr => P(s, ["x"]);
const POSITIVE: Domain = { x: [0.1, 4] };

function powerRule(r: Rng): Draft {
  const c = smallRational(r, 12, [1, 1, 1, 2, 3, 4, 5, 6, 7]);
  const fractional = r.next() < 0.4;
  const n = fractional ? fracOf(r.nonzero(-7, 7), r.pick([2, 3, 4, 5])) : String(r.nonzero(-6, 9));
  if (n === "1" || n === "0") reject("trivial power");
  const form = r.int(0, 2);
  let f: string;
  if (form === 0 || n.startsWith("-") || n.includes("/"))
    f = term(c, power("x", n.includes("/") || n.startsWith("-") ? n : Number(n)));
  else if (form === 1) f = `${c.includes("/") ? `(${c})` : c}/${power("x", Number(n))}`;
  else f = n === "2" ? term(c, "sqrt(x)") : term(c, power("x", Number(n)));
  const template = fractional
    ? "fractional-power"
    : n.startsWith("-")
      ? "negative-power"
      : form === 1
        ? "reciprocal"
        : form === 2 && n === "2"
          ? "root"
          : "positive-power";
  return {
    kind: "derivative",
    f: X(f),
    ...(fractional || form === 2 ? { domain: POSITIVE } : {}),
    template,
  };
}

function polyTerms(r: Rng, count: number): string[] {
  const pool = ["x^2", "x^3", "x^4", "x^5", "x^6", "x", "1/x", "1/x^2", "sqrt(x)", "x^(3/2)", ""];
  const out: string[] = [];
  const used = new Set<string>();
  while (out.length < count) {
    const body = r.pick(pool);
    if (used.has(body)) continue;
    used.add(body);
    out.push(term(r.nonzero(-9, 9), body));
  }
  return out;
}

function sumRule(r: Rng): Draft {
  const terms = polyTerms(r, r.int(3, 4));
  const f = X(sum(...terms));
  const needsPositive = terms.some((t) => t.includes("sqrt") || t.includes("3/2"));
  const mixed = terms.some((t) => /sqrt|\/x|3\/2/.test(t));
  return {
    kind: "derivative",
    f,
    ...(needsPositive ? { domain: POSITIVE } : {}),
    template: `${terms.length}-terms-${mixed ? "with-roots-or-reciprocals" : "polynomial"}`,
  };
}

const BASIC = ["sin(x)", "cos(x)", "e^x", "ln(x)", "sqrt(x)", "tan(x)"];

function simpleFactor(r: Rng): string {
  switch (r.int(0, 2)) {
    case 0:
      return term(r.nonzero(-5, 5), power("x", r.int(1, 5)));
    case 1:
      return `(${lin(r.nonzero(-5, 5), r.nonzero(-9, 9))})`;
    default:
      return `(${sum(term(r.nonzero(-4, 4), "x^2"), String(r.nonzero(-9, 9)))})`;
  }
}

/** Version 1: could draw two monomials, whose product is a single power (no product rule needed). */
export function productRuleV1(r: Rng): Draft {
  const g = r.pick(BASIC);
  const two = r.next() < 0.2;
  const f = two ? `${simpleFactor(r)}*${simpleFactor(r)}` : `${simpleFactor(r)}*${g}`;
  return {
    kind: "derivative",
    f: X(f),
    ...(/ln|sqrt/.test(f) ? { domain: POSITIVE } : {}),
    template: two ? "two-polynomials" : `polynomial-times-${g}`,
  };
}

/** Version 2: a genuine product: a polynomial factor times a basic function, or two different binomials. */
function productRule(r: Rng): Draft {
  let f: string;
  let template: string;
  if (r.next() < 0.3) {
    f = `(${lin(r.nonzero(-5, 5), r.nonzero(-9, 9))})*(${sum(term(r.nonzero(-4, 4), "x^2"), String(r.nonzero(-9, 9)))})`;
    template = "two-binomials";
  } else {
    const factor = simpleFactor(r);
    const partner = r.pick(PRODUCT_PARTNERS);
    f = `${factor}*${partner}`;
    template = `polynomial-times-${partner}`;
  }
  return { kind: "derivative", f: X(f), ...(/ln|sqrt/.test(f) ? { domain: POSITIVE } : {}), template };
}

/** Functions that stay a product with a polynomial (x^k * sqrt(x) would merge into one power). */
const PRODUCT_PARTNERS = ["sin(x)", "cos(x)", "e^x", "ln(x)", "tan(x)"];

function quotientRule(r: Rng): Draft {
  const tops = [
    lin(r.nonzero(-5, 5), r.int(-9, 9)),
    sum(term(r.nonzero(-4, 4), "x^2"), String(r.int(-9, 9))),
    "sin(x)",
    "e^x",
    power("x", r.int(2, 4)),
    "ln(x)",
  ];
  const bottoms = [
    lin(r.nonzero(-5, 5), r.nonzero(-9, 9)),
    sum("x^2", String(r.int(1, 9))),
    sum(term(r.nonzero(-3, 3), "x"), "e^x"),
    "cos(x)",
    power("x", r.int(2, 3)),
  ];
  const top = r.pick(tops);
  const b = r.int(0, bottoms.length - 1);
  const bottom = bottoms[b]!;
  if (top === bottom) reject("same");
  const f = `${term(smallRational(r, 6, [1, 1, 2, 3]), `(${top})`)}/(${bottom})`;
  const template = `over-${["linear", "quadratic", "exponential-sum", "cosine", "power"][b]!}`;
  return { kind: "derivative", f: X(f), ...(/ln/.test(f) ? { domain: POSITIVE } : {}), template };
}

/** Version 1: powers and roots of a polynomial only. */
export function chainRuleV1(r: Rng): Draft {
  const a = r.nonzero(-5, 5);
  const b = r.nonzero(-9, 9);
  const k = r.int(2, 7);
  const c = r.nonzero(-4, 4);
  switch (r.int(0, 3)) {
    case 0:
      return {
        kind: "derivative",
        f: X(term(c, `(${sum(term(a, power("x", r.int(1, 3))), String(b))})^${k}`)),
        template: "power-of-polynomial",
      };
    case 1:
      return {
        kind: "derivative",
        f: X(term(c, `sqrt(${sum(term(Math.abs(a), "x^2"), String(Math.abs(b)))})`)),
        template: "square-root",
      };
    case 2:
      return { kind: "derivative", f: X(`${c}/(${lin(a, b)})^${k}`), template: "reciprocal-power" };
    default: {
      const q = r.pick([2, 3]);
      const p = r.nonzero(1, 5);
      if (p === q) reject("trivial");
      return {
        kind: "derivative",
        f: X(term(c, `(${lin(Math.abs(a), Math.abs(b))})^(${fracOf(p, q)})`)),
        domain: POSITIVE,
        template: "fractional-power",
      };
    }
  }
}

/**
 * Version 2: an outer function (a power, a root, a reciprocal power, an exponential, a logarithm, a
 * sine or cosine, a power of a sine or cosine) of an inner polynomial or trigonometric function.
 */
function chainRule(r: Rng): Draft {
  const a = r.nonzero(-5, 5);
  const b = r.nonzero(-9, 9);
  const k = r.int(2, 7);
  const c = r.nonzero(-4, 4);
  const inner = r.pick([lin(a, b), sum(term(a, "x^2"), String(b)), sum(term(a, "x^3"), term(b, "x"))]);
  const form = r.pick([
    "power-of-polynomial",
    "square-root",
    "reciprocal-power",
    "fractional-power",
    "exponential",
    "logarithm",
    "sine-or-cosine",
    "power-of-trig",
  ] as const);
  const positive = sum(term(Math.abs(a), "x^2"), String(Math.abs(b)));
  switch (form) {
    case "power-of-polynomial":
      return { kind: "derivative", f: X(term(c, `(${inner})^${k}`)), template: form };
    case "square-root":
      return { kind: "derivative", f: X(term(c, `sqrt(${positive})`)), template: form };
    case "reciprocal-power":
      return { kind: "derivative", f: X(`${c}/(${lin(a, b)})^${Math.min(k, 4)}`), template: form };
    case "fractional-power": {
      const q = r.pick([2, 3]);
      const p = r.nonzero(1, 5);
      if (p === q) reject("trivial");
      return {
        kind: "derivative",
        f: X(term(c, `(${lin(Math.abs(a), Math.abs(b))})^(${fracOf(p, q)})`)),
        domain: POSITIVE,
        template: form,
      };
    }
    case "exponential":
      return { kind: "derivative", f: X(term(c, `e^(${inner})`)), template: form };
    case "logarithm":
      return { kind: "derivative", f: X(term(c, `ln(${positive})`)), template: form };
    case "sine-or-cosine":
      return { kind: "derivative", f: X(term(c, `${r.pick(["sin", "cos"])}(${inner})`)), template: form };
    default:
      return {
        kind: "derivative",
        f: X(term(c, `${r.pick(["sin", "cos"])}(${term(Math.abs(a), "x")})^${Math.min(k, 5)}`)),
        template: form,
      };
  }
}

function exponential(r: Rng): Draft {
  const a = r.nonzero(-6, 6);
  const b = r.int(-5, 5);
  const c = smallRational(r, 9, [1, 1, 2, 3]);
  switch (r.int(0, 2)) {
    case 0:
      return { kind: "derivative", f: X(term(c, `e^(${lin(a, b)})`)), template: "e-of-linear" };
    case 1:
      return {
        kind: "derivative",
        f: X(term(c, `${r.pick([2, 3, 5, 10])}^(${lin(a, b)})`)),
        template: "base-b-of-linear",
      };
    default:
      return {
        kind: "derivative",
        f: X(term(c, `e^(${sum(term(a, "x^2"), term(r.int(-5, 5), "x"))})`)),
        template: "e-of-quadratic",
      };
  }
}

/** Version 1: ln of a linear or polynomial inside, log2/log10 of ax, ln of a power. */
export function logarithmV1(r: Rng): Draft {
  const a = r.int(1, 7);
  const b = r.int(0, 9);
  const c = smallRational(r, 9, [1, 1, 2, 3]);
  switch (r.int(0, 3)) {
    case 0:
      return {
        kind: "derivative",
        f: X(term(c, `ln(${lin(a, b)})`)),
        domain: POSITIVE,
        template: "ln-linear",
      };
    case 1:
      return {
        kind: "derivative",
        f: X(term(c, `ln(${sum(term(a, power("x", r.int(2, 4))), String(r.int(1, 9)))})`)),
        domain: POSITIVE,
        template: "ln-polynomial",
      };
    case 2:
      return {
        kind: "derivative",
        f: X(term(c, `${r.pick(["log2", "log10"])}(${term(a, "x")})`)),
        domain: POSITIVE,
        template: "log-base-b",
      };
    default:
      return {
        kind: "derivative",
        f: X(sum(term(c, `ln(${power("x", r.int(2, 6))})`), term(r.nonzero(-9, 9), "x"))),
        domain: POSITIVE,
        template: "ln-power",
      };
  }
}

/**
 * Version 2: ln and log_b (bases 2, 3, 5, 7, 10) of a linear or polynomial inside, of a product or a
 * quotient (the log rules split them), and a chain through the logarithm (a power of ln, a root inside).
 */
function logarithm(r: Rng): Draft {
  const a = r.int(1, 7);
  const b = r.int(1, 9);
  const c = smallRational(r, 9, [1, 1, 2, 3]);
  const d = r.int(1, 5);
  const e = r.int(1, 9);
  const n = r.int(2, 4);
  const base = r.pick([2, 3, 5, 7, 10]);
  const inside = r.pick([lin(a, b), sum(term(a, power("x", n)), String(b))]);
  const form = r.pick([
    "ln-of-polynomial",
    "log-base-b",
    "ln-of-product",
    "ln-of-quotient",
    "log-base-b-of-product",
    "power-of-ln",
    "ln-of-root",
  ] as const);
  let f: string;
  switch (form) {
    case "ln-of-polynomial":
      f = term(c, `ln(${inside})`);
      break;
    case "log-base-b":
      f = term(c, `log_${base}(${inside})`);
      break;
    case "ln-of-product":
      f = term(c, `ln(${power("x", n)}*(${lin(d, e)}))`);
      break;
    case "ln-of-quotient":
      f = term(c, `ln((${lin(a, b)})/(${lin(d, e)}))`);
      if (a * e === b * d) reject("constant quotient");
      break;
    case "log-base-b-of-product":
      f = term(c, `log_${base}((${lin(a, b)})*(${lin(d, e)}))`);
      break;
    case "power-of-ln":
      f = term(c, `ln(${lin(a, b)})^${n}`);
      break;
    default:
      f = term(c, `ln(sqrt(${inside}))`);
  }
  return { kind: "derivative", f: X(f), domain: POSITIVE, template: form };
}

function trig(r: Rng): Draft {
  const a = r.int(1, 6);
  const c = r.nonzero(-9, 9);
  const arg = r.next() < 0.7 ? term(a, "x") : lin(a, r.nonzero(-5, 5));
  switch (r.int(0, 3)) {
    case 0:
      return {
        kind: "derivative",
        f: X(term(c, `${r.pick(["sin", "cos"])}(${arg})`)),
        template: "sine-or-cosine",
      };
    case 1:
      return {
        kind: "derivative",
        f: X(term(c, `${r.pick(["tan", "sec", "cot", "csc"])}(${arg})`)),
        template: "tan-sec-cot-csc",
      };
    case 2:
      return {
        kind: "derivative",
        f: X(
          sum(term(c, `sin(${term(a, "x")})`), term(r.nonzero(-9, 9), `cos(${term(r.nonzero(-6, 6), "x")})`)),
        ),
        template: "sine-plus-cosine",
      };
    default:
      return {
        kind: "derivative",
        f: X(sum(term(c, `tan(${arg})`), term(r.nonzero(-9, 9), "x"))),
        template: "tangent-plus-linear",
      };
  }
}

function inverseTrig(r: Rng): Draft {
  const a = r.int(1, 8);
  const c = smallRational(r, 9, [1, 1, 2, 3]);
  const fn = r.pick(["asin", "acos", "atan"]);
  const byDivision = r.next() < 0.4;
  const arg = byDivision ? (a === 1 ? "x" : `x/${a}`) : term(a, "x");
  const extra = term(r.int(-5, 5), r.pick(["x", "x^2"]));
  if (fn === "atan") {
    const inner = r.pick([arg, term(a, "x^2"), lin(a, r.nonzero(-5, 5))]);
    return { kind: "derivative", f: X(sum(term(c, `atan(${inner})`), extra)), template: fn };
  }
  const half = byDivision ? a * 0.95 : 0.95 / a;
  return {
    kind: "derivative",
    f: X(sum(term(c, `${fn}(${arg})`), extra)),
    domain: { x: [-half, half] },
    template: fn,
  };
}

function combined(r: Rng): Draft {
  const a = r.nonzero(-6, 6);
  const b = r.nonzero(-6, 6);
  const n = r.int(2, 5);
  const c = smallRational(r, 9, [1, 1, 2, 3]);
  const templates: (() => Draft)[] = [
    () => ({ kind: "derivative", f: X(term(c, `${power("x", n)}*e^(${term(a, "x")})`)) }),
    () => ({
      kind: "derivative",
      f: X(term(c, `e^(${term(a, "x")})*${r.pick(["sin", "cos"])}(${term(b, "x")})`)),
    }),
    () => ({
      kind: "derivative",
      f: X(term(c, `${r.pick(["sin", "cos"])}(${term(Math.abs(a), "x")})^${n}`)),
    }),
    () => ({ kind: "derivative", f: X(`ln(${sum("x^2", String(Math.abs(b)))})/${power("x", r.int(1, 2))}`) }),
    () => ({
      kind: "derivative",
      f: X(term(c, `x*sqrt(${lin(Math.abs(a), Math.abs(b))})`)),
      domain: { x: [0.1, 4] },
    }),
    () => ({ kind: "derivative", f: X(term(c, `(${lin(a, b)})^${n}*e^(${term(r.nonzero(-3, 3), "x")})`)) }),
    () => ({ kind: "derivative", f: X(term(c, `sin(${term(a, "x^2")})/x`)) }),
    () => ({ kind: "derivative", f: X(term(c, `e^(${term(a, "x")})/(${sum("x^2", String(Math.abs(b)))})`)) }),
  ];
  const names = [
    "power-times-exponential",
    "exponential-times-trig",
    "power-of-trig",
    "log-over-power",
    "x-times-root",
    "power-of-linear-times-exponential",
    "trig-of-square-over-x",
    "exponential-over-quadratic",
  ];
  const i = r.int(0, templates.length - 1);
  return { ...templates[i]!(), template: names[i]! };
}

const ANGLES = ["pi/6", "pi/4", "pi/3", "pi/2", "2*pi/3", "3*pi/4", "5*pi/6", "pi"];

const AT_POINT_TEMPLATES = [
  "cubic",
  "linear-over-linear",
  "linear-times-exponential",
  "trig",
  "root",
  "logarithm",
];

/** `constants`: whether a quotient that cancels to a constant may be drawn (version 1 of the tangent line). */
function atPoint(r: Rng, constants = false): Draft {
  const p = r.int(-3, 3);
  const form = r.int(0, 5);
  return { ...atPointOf(r, p, form, constants), template: AT_POINT_TEMPLATES[form]! };
}

function atPointOf(r: Rng, p: number, form: number, constants: boolean): Draft {
  switch (form) {
    case 1: {
      const [a, b, c] = [r.nonzero(-5, 5), r.int(-9, 9), r.int(-9, 9)];
      // (ax + b)/(x + c) with b = ac is the constant a: not a quotient to differentiate.
      if (b === a * c && !constants) return reject("the quotient cancels to a constant");
      return { kind: "derivative", f: X(`(${lin(a, b)})/(${lin(1, c)})`), at: p };
    }
    case 0:
      return {
        kind: "derivative",
        f: X(
          sum(
            term(r.nonzero(-5, 5), "x^3"),
            term(r.int(-9, 9), "x^2"),
            term(r.int(-9, 9), "x"),
            String(r.int(-9, 9)),
          ),
        ),
        at: p,
      };
    case 2: {
      const a = r.nonzero(-3, 3);
      return {
        kind: "derivative",
        f: X(
          `(${lin(r.nonzero(-5, 5), r.int(-9, 9))})*e^(${term(a, p === 0 ? "x" : `(x - ${p})`)})`.replace(
            "(x - -",
            "(x + ",
          ),
        ),
        at: p,
      };
    }
    case 3: {
      const a = r.int(1, 3);
      return {
        kind: "derivative",
        f: X(
          sum(term(r.nonzero(-6, 6), `${r.pick(["sin", "cos"])}(${term(a, "x")})`), term(r.int(-5, 5), "x")),
        ),
        at: r.pick(ANGLES),
      };
    }
    case 4: {
      const s = r.int(1, 5);
      const a = r.nonzero(-4, 4);
      return { kind: "derivative", f: X(term(r.nonzero(-6, 6), `sqrt(${lin(a, s * s - a * p)})`)), at: p };
    }
    default: {
      const a = r.nonzero(-4, 4);
      const s = r.int(1, 6);
      const b = s - a * p;
      return {
        kind: "derivative",
        f: X(sum(term(r.nonzero(-6, 6), `ln(${lin(a, b)})`), term(r.int(-5, 5), "x^2"))),
        at: p,
      };
    }
  }
}

function tangentLineOf(r: Rng, constants: boolean): Draft {
  const d = atPoint(r, constants);
  if (d.kind !== "derivative" || d.at === undefined) return reject("no point");
  return { kind: "tangent_line", f: d.f, at: d.at, ...(d.template ? { template: d.template } : {}) };
}

const tangentLine = (r: Rng): Draft => tangentLineOf(r, false);

/** Version 1 could draw a quotient that cancels to a constant (a tangent line of a constant). */
export const tangentLineV1 = (r: Rng): Draft => tangentLineOf(r, true);

export const DERIVATIVE_SKILLS: SkillDef[] = [
  {
    id: "derivative-power-rule",
    title: "The power rule",
    topic: "derivatives",
    kind: "derivative",
    description: "d/dx (c xⁿ) = c n xⁿ⁻¹ for any real n: write roots and reciprocals as powers first.",
    prerequisites: [],
    version: 1,
    hint: "Write the function as c xⁿ (roots and 1/xᵏ as powers), then bring n down and lower the exponent by one.",
    gen: powerRule,
  },
  {
    id: "derivative-sum-rule",
    title: "Sums and constant multiples",
    topic: "derivatives",
    kind: "derivative",
    description:
      "Differentiate term by term: the derivative of a sum is the sum of the derivatives, constants factor out.",
    prerequisites: ["derivative-power-rule"],
    version: 1,
    hint: "Differentiate each term separately with the power rule; a constant term gives 0.",
    gen: sumRule,
  },
  {
    id: "derivative-product-rule",
    title: "The product rule",
    topic: "derivatives",
    kind: "derivative",
    description: "(fg)' = f'g + fg': differentiate one factor at a time and add.",
    prerequisites: [
      "derivative-sum-rule",
      "derivative-trigonometric",
      "derivative-exponential",
      "derivative-logarithm",
    ],
    version: 2,
    hint: "Name the two factors f and g; the derivative is f'g + fg', not f'g'.",
    gen: productRule,
  },
  {
    id: "derivative-quotient-rule",
    title: "The quotient rule",
    topic: "derivatives",
    kind: "derivative",
    description: "(f/g)′ = (f′g − fg′)/g².",
    prerequisites: ["derivative-product-rule"],
    version: 1,
    hint: "With f on top and g below: (f′g − fg′)/g². Keep the order in the numerator.",
    gen: quotientRule,
  },
  {
    id: "derivative-chain-rule",
    title: "The chain rule",
    topic: "derivatives",
    kind: "derivative",
    description:
      "(f(u(x)))' = f'(u(x)) u'(x): differentiate the outside (a power, a root, an exponential, a logarithm, a sine), keep the inside, multiply by the inside's derivative.",
    prerequisites: ["derivative-sum-rule"],
    version: 2,
    hint: "Name the inside u: differentiate the outer function at u (u^n gives n u^(n-1), e^u gives e^u, ln u gives 1/u, sin u gives cos u), then multiply by u'.",
    gen: chainRule,
  },
  {
    id: "derivative-exponential",
    title: "Exponential functions",
    topic: "derivatives",
    kind: "derivative",
    description: "(eᵘ)′ = eᵘ u′ and (aᵘ)′ = aᵘ ln(a) u′.",
    prerequisites: ["derivative-sum-rule"],
    version: 1,
    hint: "The exponential reproduces itself; multiply by the derivative of the exponent (and by ln a for a base a).",
    gen: exponential,
  },
  {
    id: "derivative-logarithm",
    title: "Logarithms",
    topic: "derivatives",
    kind: "derivative",
    description: "(ln u)' = u'/u and (log_b u)' = u'/(u ln b).",
    prerequisites: ["derivative-sum-rule"],
    version: 2,
    hint: "Divide the derivative of the inside by the inside (and by ln b for a base b).",
    gen: logarithm,
  },
  {
    id: "derivative-trigonometric",
    title: "Trigonometric functions",
    topic: "derivatives",
    kind: "derivative",
    description:
      "sin' = cos, cos' = -sin, tan' = sec^2, sec' = sec tan, cot' = -csc^2, csc' = -csc cot, times the inner derivative.",
    prerequisites: ["derivative-sum-rule"],
    version: 1,
    hint: "Use the table of trigonometric derivatives, watch the signs of cos, cot and csc, and multiply by the inner derivative.",
    gen: trig,
  },
  {
    id: "derivative-inverse-trigonometric",
    title: "Inverse trigonometric functions",
    topic: "derivatives",
    kind: "derivative",
    description: "(arcsin u)′ = u′/√(1 − u²), (arccos u)′ = −u′/√(1 − u²), (arctan u)′ = u′/(1 + u²).",
    prerequisites: ["derivative-chain-rule"],
    version: 1,
    hint: "Use the formula for the inverse function with u the inside, and multiply by u'.",
    gen: inverseTrig,
  },
  {
    id: "derivative-combined-rules",
    title: "Combining the rules",
    topic: "derivatives",
    kind: "derivative",
    description:
      "Find the outermost operation (product, quotient or composition), apply its rule, and repeat on the parts.",
    prerequisites: [
      "derivative-quotient-rule",
      "derivative-chain-rule",
      "derivative-exponential",
      "derivative-trigonometric",
    ],
    version: 1,
    hint: "Decide which operation is applied last; use its rule, then differentiate each part with the rule it needs.",
    gen: combined,
  },
  {
    id: "derivative-at-a-point",
    title: "The derivative at a point (slope of the tangent)",
    topic: "derivatives",
    kind: "derivative",
    description: "Differentiate, then substitute the point: f'(a) is the slope of the tangent line at x = a.",
    prerequisites: ["derivative-combined-rules"],
    version: 1,
    hint: "Find f'(x) first, then substitute the given value of x.",
    gen: atPoint,
  },
  {
    id: "tangent-line",
    title: "Equation of the tangent line",
    topic: "derivatives",
    kind: "tangent_line",
    description: "The tangent at x = a is y = f(a) + f'(a)(x - a).",
    prerequisites: ["derivative-at-a-point"],
    version: 2,
    hint: "Compute f(a) and the slope f'(a), then write y = f(a) + f'(a)(x - a).",
    gen: tangentLine,
  },
];
