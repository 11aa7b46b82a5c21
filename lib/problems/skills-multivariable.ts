// Multivariable skills: partial derivatives, gradients, directional derivatives, steepest ascent and
// the multivariable chain rule.
import type { Expr } from "../calculus/ast";
import type { Domain, Draft } from "./build";
import type { SkillDef } from "./catalogue-types";
import { P } from "./exact";
import type { Rng } from "./random";
import { lin, monomial, sum, term } from "./text";
import type { Point } from "./types";

const V = (s: string): Expr => P(s, ["x", "y", "z", "t"]);
const XY = ["x", "y"];
const XYZ = ["x", "y", "z"];

/** Two or three monomials that together mention every variable. */
function polyTerms(
  r: Rng,
  vars: readonly string[],
  count: number,
  maxExp = 3,
  maxDegree = 9,
  maxCoef = 9,
): string[] {
  for (;;) {
    const out: string[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < count; i++) {
      const exps = vars.map(() => r.int(0, maxExp));
      if (!exps.some((e) => e !== 0)) exps[i % vars.length] = 1;
      if (exps.reduce((s, e) => s + e, 0) > maxDegree) continue;
      const key = exps.join(",");
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(monomial(r.nonzero(-maxCoef, maxCoef), vars, exps));
    }
    const text = out.join(" ");
    if (vars.every((v) => text.includes(v))) return out;
  }
}

/** A function for symbolic work: a polynomial with, often, one transcendental term. */
const SYMBOLIC_TEMPLATES = [
  "polynomial",
  "exponential-of-product",
  "sine-of-sum",
  "cosine-of-product",
  "variable-times-exponential",
  "square-times-logarithm",
  "root-of-squares",
  "quotient",
];

function symbolicFunction(r: Rng, vars: readonly string[]): { f: Expr; domain?: Domain; template: string } {
  const [x = "x", y = "y"] = vars;
  const z = vars[2];
  const a = r.nonzero(-4, 4);
  const b = r.nonzero(-4, 4);
  const c = r.nonzero(-9, 9);
  const extra = [
    "",
    term(c, `e^(${term(a, `${x}*${y}`)})`),
    term(c, `sin(${sum(term(a, x), term(b, z ?? y))})`),
    term(c, `cos(${term(a, `${x}*${z ?? y}`)})`),
    term(c, `${y}*e^(${term(a, x)})`),
    term(c, `${x}^2*ln(${y})`),
    term(c, `sqrt(${sum(`${x}^2`, `${y}^2`, z ? `${z}^2` : "")})`),
    term(c, `${x}/${z ?? y}`),
  ];
  const k = r.int(0, extra.length - 1);
  const terms = polyTerms(r, vars, k === 0 ? 3 : 2);
  const f = V(sum(...terms, extra[k]!));
  const template = SYMBOLIC_TEMPLATES[k]!;
  if (k === 5) return { f, domain: { x: [-3, 3], y: [0.1, 4], z: [-3, 3] }, template };
  return { f, template };
}

const PYTHAGOREAN2: readonly (readonly [number, number])[] = [
  [3, 4],
  [4, 3],
  [6, 8],
  [8, 6],
  [5, 12],
  [12, 5],
  [0, 2],
  [1, 0],
];
const PYTHAGOREAN3: readonly (readonly [number, number, number])[] = [
  [1, 2, 2],
  [2, 1, 2],
  [2, 2, 1],
  [2, 3, 6],
  [3, 6, 2],
  [6, 2, 3],
  [4, 4, 2],
  [1, 4, 8],
];

const signed = (r: Rng, n: number): number => (n === 0 ? 0 : n * r.sign());

/** A function and a point where every partial derivative has a short exact value. */
const AT_POINT_TEMPLATES = ["polynomial", "exponential", "logarithm", "root", "sine", "quotient"];

function functionAtPoint(r: Rng, vars: readonly string[]): { f: Expr; at: Point; template: string } {
  const three = vars.length === 3;
  let pt = vars.map(() => r.int(-2, 2));
  const c = r.nonzero(-6, 6);
  let extra = "";
  const form = r.int(0, 5);
  switch (form) {
    case 0:
      break;
    case 1: {
      // e^(linear) with exponent 0 at the point
      const coefs = vars.map(() => r.int(-3, 3));
      if (!coefs.some((k) => k !== 0)) coefs[0] = 1;
      const constant = -coefs.reduce((s, k, i) => s + k * pt[i]!, 0);
      extra = term(
        c,
        `e^(${sum(...vars.map((v, i) => term(coefs[i]!, v)), constant === 0 ? "" : String(constant))})`,
      );
      break;
    }
    case 2:
      if (!pt.some((p) => p !== 0)) pt[0] = 1;
      extra = term(c, `ln(${vars.map((v) => `${v}^2`).join(" + ")})`);
      break;
    case 3:
      pt = three
        ? [...r.pick(PYTHAGOREAN3)].map((n) => signed(r, n))
        : [...r.pick(PYTHAGOREAN2)].map((n) => signed(r, n));
      extra = term(c, `sqrt(${vars.map((v) => `${v}^2`).join(" + ")})`);
      break;
    case 4:
      extra = term(c, `sin(pi*${vars.slice(0, 2).join("*")})`);
      break;
    default: {
      const last = vars[vars.length - 1]!;
      if (pt[vars.length - 1] === 0) pt[vars.length - 1] = r.nonzero(-3, 3);
      extra = term(c, `${vars[0]}/${last}`);
    }
  }
  const terms = polyTerms(r, vars, extra === "" ? 3 : 2, 2, 3, 6);
  const at: Point = {};
  vars.forEach((v, i) => (at[v] = pt[i]!));
  return { f: V(sum(...terms, extra)), at, template: AT_POINT_TEMPLATES[form]! };
}

function partialSymbolic(vars: string[]) {
  return (r: Rng): Draft => {
    const { f, domain, template } = symbolicFunction(r, vars);
    return { kind: "partial", f, vars, wrt: r.pick(vars), ...(domain ? { domain } : {}), template };
  };
}

function partialAtPoint(r: Rng): Draft {
  const vars = r.next() < 0.6 ? XY : XYZ;
  const { f, at, template } = functionAtPoint(r, vars);
  return { kind: "partial", f, vars, wrt: r.pick(vars), at, template };
}

function gradientSymbolic(r: Rng): Draft {
  const vars = r.next() < 0.6 ? XY : XYZ;
  const { f, domain, template } = symbolicFunction(r, vars);
  return { kind: "gradient", f, vars, ...(domain ? { domain } : {}), template };
}

function atPointKind(kind: "gradient" | "steepest_direction" | "max_rate") {
  return (r: Rng): Draft => {
    const vars = r.next() < 0.65 ? XY : XYZ;
    const { f, at, template } = functionAtPoint(r, vars);
    return { kind, f, vars, at, template };
  };
}

function directional(r: Rng): Draft {
  const vars = r.next() < 0.65 ? XY : XYZ;
  const { f, at, template } = functionAtPoint(r, vars);
  let direction: number[];
  if (r.next() < 0.5) {
    const base = vars.length === 2 ? r.pick(PYTHAGOREAN2) : r.pick(PYTHAGOREAN3);
    direction = base.map((n) => signed(r, n));
  } else {
    direction = vars.map(() => r.int(-4, 4));
    if (!direction.some((d) => d !== 0)) direction[0] = 1;
  }
  return { kind: "directional", f, vars, at, direction, template };
}

const INNER_ANY = (r: Rng): string =>
  r.pick([
    lin(r.nonzero(-5, 5), r.int(-5, 5), "t"),
    term(r.nonzero(-4, 4), `t^${r.int(2, 3)}`),
    term(r.nonzero(-3, 3), `e^(${term(r.nonzero(-3, 3), "t")})`),
    term(r.nonzero(-3, 3), `sin(${term(r.int(1, 3), "t")})`),
    term(r.nonzero(-3, 3), `cos(${term(r.int(1, 3), "t")})`),
  ]);

const CHAIN_TEMPLATES = ["polynomial", "x-times-exponential", "sine-of-product", "mixed-cubic", "logarithm"];

function chainFunction(r: Rng): { text: string; template: string } {
  const c = r.nonzero(-6, 6);
  const forms = [
    sum(...polyTerms(r, XY, 2)),
    sum(term(c, `x*e^(${term(r.nonzero(-3, 3), "y")})`), term(r.nonzero(-6, 6), "y^2")),
    sum(term(c, "sin(x*y)"), term(r.nonzero(-6, 6), "x")),
    sum(term(c, "x^2*y"), term(r.nonzero(-6, 6), "x*y^2")),
    sum(term(c, "ln(x^2 + y^2 + 1)"), term(r.nonzero(-6, 6), "y")),
  ];
  const i = r.int(0, forms.length - 1);
  return { text: forms[i]!, template: CHAIN_TEMPLATES[i]! };
}

function chainSymbolic(r: Rng): Draft {
  const inner = { x: V(INNER_ANY(r)), y: V(INNER_ANY(r)) };
  const { text, template } = chainFunction(r);
  return { kind: "chain", f: V(text), vars: XY, inner, template };
}

function chainAtPoint(r: Rng): Draft {
  const t0 = r.int(-2, 2);
  const at = t0;
  const innerFor = (): string =>
    t0 === 0
      ? INNER_ANY(r)
      : r.pick([
          lin(r.nonzero(-5, 5), r.int(-5, 5), "t"),
          term(r.nonzero(-4, 4), `t^${r.int(2, 3)}`),
          term(r.nonzero(-3, 3), `e^(${term(r.nonzero(-3, 3), t0 > 0 ? `(t - ${t0})` : `(t + ${-t0})`)})`),
        ]);
  const inner = { x: V(innerFor()), y: V(innerFor()) };
  const { text, template } = chainFunction(r);
  return { kind: "chain", f: V(text), vars: XY, inner, at, template };
}

export const MULTIVARIABLE_SKILLS: SkillDef[] = [
  {
    id: "partial-derivative-two-variables",
    title: "Partial derivatives of f(x, y)",
    topic: "partial-derivatives",
    kind: "partial",
    description: "Differentiate with respect to one variable while the other is held constant.",
    prerequisites: ["derivative-combined-rules"],
    version: 1,
    hint: "Treat every other variable as a constant number and differentiate as in one variable.",
    gen: partialSymbolic(XY),
  },
  {
    id: "partial-derivative-three-variables",
    title: "Partial derivatives of f(x, y, z)",
    topic: "partial-derivatives",
    kind: "partial",
    description: "With three variables, the two others are held constant; terms without the variable vanish.",
    prerequisites: ["partial-derivative-two-variables"],
    version: 1,
    hint: "Hold the other two variables constant; a term that does not contain the variable differentiates to 0.",
    gen: partialSymbolic(XYZ),
  },
  {
    id: "partial-derivative-at-a-point",
    title: "Partial derivatives at a point",
    topic: "partial-derivatives",
    kind: "partial",
    description: "Find the partial derivative symbolically, then substitute the coordinates of the point.",
    prerequisites: ["partial-derivative-three-variables", "derivative-at-a-point"],
    version: 1,
    hint: "Differentiate with the other variables held constant, then substitute every coordinate of the point.",
    gen: partialAtPoint,
  },
  {
    id: "gradient-symbolic",
    title: "The gradient",
    topic: "gradients",
    kind: "gradient",
    description:
      "The gradient is the vector of partial derivatives, (f_x, f_y) or (f_x, f_y, f_z), in the order of the variables.",
    prerequisites: ["partial-derivative-three-variables"],
    version: 1,
    hint: "Compute each partial derivative in turn and list them in the order of the variables.",
    gen: gradientSymbolic,
  },
  {
    id: "gradient-at-a-point",
    title: "The gradient at a point",
    topic: "gradients",
    kind: "gradient",
    description: "Compute each partial derivative and substitute the point: a vector of numbers.",
    prerequisites: ["gradient-symbolic", "partial-derivative-at-a-point"],
    version: 1,
    hint: "Find every partial derivative, then evaluate each one at the point.",
    gen: atPointKind("gradient"),
  },
  {
    id: "directional-derivative",
    title: "Directional derivatives",
    topic: "directional",
    kind: "directional",
    description: "D_u f = grad f · u with the unit vector u = v/|v|: normalise the direction first.",
    prerequisites: ["gradient-at-a-point"],
    version: 1,
    hint: "Evaluate the gradient at the point, divide the direction by its length, and take the dot product.",
    gen: directional,
  },
  {
    id: "steepest-ascent-direction",
    title: "Direction of steepest ascent",
    topic: "gradients",
    kind: "steepest_direction",
    description: "A function increases fastest in the direction of its gradient at the point.",
    prerequisites: ["directional-derivative"],
    version: 1,
    hint: "The directional derivative grad f · u is largest when u points along grad f: evaluate the gradient.",
    gen: atPointKind("steepest_direction"),
  },
  {
    id: "maximal-rate-of-increase",
    title: "Maximal rate of increase",
    topic: "gradients",
    kind: "max_rate",
    description: "The largest directional derivative at a point is the length of the gradient there.",
    prerequisites: ["steepest-ascent-direction"],
    version: 1,
    hint: "Evaluate the gradient at the point and take its length √(f_x² + f_y² (+ f_z²)).",
    gen: atPointKind("max_rate"),
  },
  {
    id: "multivariable-chain-rule",
    title: "The chain rule d/dt f(x(t), y(t))",
    topic: "chain-rule",
    kind: "chain",
    description: "df/dt = f_x x'(t) + f_y y'(t), with the partials evaluated at (x(t), y(t)).",
    prerequisites: ["partial-derivative-two-variables", "derivative-chain-rule"],
    version: 1,
    hint: "Compute f_x and f_y, multiply by x'(t) and y'(t), add, and write everything in terms of t.",
    gen: chainSymbolic,
  },
  {
    id: "multivariable-chain-rule-at-a-point",
    title: "The chain rule at a value of t",
    topic: "chain-rule",
    kind: "chain",
    description: "Find x and y at the given t, evaluate f_x, f_y there, and combine with x'(t) and y'(t).",
    prerequisites: ["multivariable-chain-rule", "partial-derivative-at-a-point"],
    version: 1,
    hint: "First find the point (x(t), y(t)); then df/dt = f_x x'(t) + f_y y'(t) evaluated there.",
    gen: chainAtPoint,
  },
];
