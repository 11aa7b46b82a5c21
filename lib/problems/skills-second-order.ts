// Part 3, second order: higher-order derivatives, the Hessian (symbolic and of a quadratic form),
// definiteness and curvature, classifying critical points, second-order Taylor, the optimal step size
// along the gradient, and Newton's step. Keys exact: by the core's derivatives or rational arithmetic.
// The generators of the first five skills live in second-order-hessian.ts and
// second-order-curvature.ts; Taylor, the optimal step and Newton's step are here.
import { type Expr, add, div, mul, num, sub as subE, variable } from "../calculus/ast";
import { gradient, hessian } from "../calculus/diff";
import { toLatex } from "../calculus/print";
import { expand } from "../calculus/simplify";
import type { Draft } from "./build";
import type { SkillDef } from "./catalogue-types";
import {
  type QMatrix,
  checkNiceKey,
  column,
  decl,
  det2,
  gridSpec,
  inverse2,
  matLatex,
  matMul,
  matText,
  mistake,
  q,
  qAdd,
  qDiv,
  qMul,
  qSub,
  qText,
  qVal,
  textGrid,
  vecText,
} from "./concrete";
import { P, T, exactAt, pointExprs, reject } from "./exact";
import type { Rng } from "./random";
import { sum, term } from "./text";
import { higherOrder, hessianQuadraticForm, hessianSymbolic } from "./second-order-hessian";
import { classifyCritical, definitenessCurvature, quadratic, spectral } from "./second-order-curvature";

const V = (s: string): Expr => P(s, ["x", "y", "z"]);
const XY = ["x", "y"];

// ---------------------------------------------------------------- second-order Taylor

function taylor(r: Rng): Draft {
  const one = r.next() < 0.3;
  const vars = one ? ["x"] : XY;
  let fText: string;
  let at: Record<string, number>;
  const k = r.nonzero(-4, 4);
  const m = r.nonzero(-4, 4);
  // A constant factor in front: more distinct problems, the same method.
  const scale = r.pick([1, 1, 2, 3, 4, 5, 6, 7, 8, -1, -2, -3, -4, -5, -6]);
  let template: string;
  if (one) {
    const forms = [
      `e^(${term(k, "x")})`,
      `ln(1 + ${term(Math.abs(k), "x")})`,
      `cos(${term(Math.abs(k), "x")})`,
      `sin(${term(Math.abs(k), "x")})`,
      `1/(1 + ${term(Math.abs(k), "x")})`,
      `x*e^(${term(k, "x")})`,
      `sqrt(1 + ${term(Math.abs(k), "x")})`,
      sum(term(r.nonzero(-2, 2), "x^3"), term(m, "x^2")),
    ];
    const i = r.int(0, forms.length - 1);
    fText = forms[i]!;
    template = `one-variable-${["exp", "log", "cos", "sin", "reciprocal", "x-times-exp", "root", "cubic"][i]!}`;
    at = { x: fText.includes("x^3") ? r.int(-2, 2) : 0 };
  } else {
    const forms = [
      `e^(${term(k, "x")})*cos(${term(Math.abs(m), "y")})`,
      `e^(${sum(term(k, "x"), term(m, "y"))})`,
      `sin(${sum(term(k, "x"), term(m, "y"))})`,
      `ln(1 + ${sum(term(Math.abs(k), "x"), term(Math.abs(m), "y"))})`,
      `e^(${term(k, "x")})*sin(${term(Math.abs(m), "y")})`,
      `cos(${sum(term(k, "x"), term(m, "y"))})`,
      `x*e^(${term(m, "y")})`,
      sum(term(r.nonzero(-2, 2), "x^2*y"), term(k, "x*y"), term(m, "y^2")),
    ];
    const i = r.int(0, forms.length - 1);
    fText = forms[i]!;
    template = `two-variables-${["exp-times-cos", "exp-of-sum", "sin-of-sum", "log-of-sum", "exp-times-sin", "cos-of-sum", "x-times-exp", "cubic"][i]!}`;
    at = fText.includes("x^2*y") ? { x: r.int(-2, 2), y: r.int(-2, 2) } : { x: 0, y: 0 };
  }
  const f = V(term(scale, fText.includes(" + ") || fText.includes(" - ") ? `(${fText})` : fText));
  return { ...taylorDraft(f, vars, at), template };
}

/** The second-order Taylor polynomial of f at `at`, with its worked solution (Reject if degenerate). */
export function taylorDraft(f: Expr, vars: string[], at: Record<string, number>): Draft {
  const point = pointExprs(at);
  const f0 = exactAt(f, point);
  const g = gradient(f, vars);
  const h = hessian(f, vars);
  if (!g.ok || !h.ok) reject("too large");
  const gv = g.exprs.map((e) => exactAt(e, point));
  const hv = h.rows.map((row) => row.map((e) => exactAt(e, point)));
  const dx = vars.map((v) => subE(variable(v), num(at[v]!)));
  const linear = add(f0.exact, ...gv.map((c, i) => mul(c.exact, dx[i]!)));
  const quad = add(...hv.flatMap((row, i) => row.map((c, j) => mul(c.exact, dx[i]!, dx[j]!))));
  const keyE = expand(add(linear, div(quad, num(2))));
  const noHalf = expand(add(linear, quad));
  const lin = expand(linear);
  if (!keyE.ok || !noHalf.ok || !lin.ok) reject("too large");
  const key = T(keyE.expr);
  if (key.length > 60 || hv.flat().every((c) => c.value === 0)) reject("no second-order term");
  const atText = vars.length === 1 ? `x = ${at.x}` : `(${at.x}, ${at.y})`;
  const name = vars.length === 1 ? "f(x)" : "f(x, y)";
  return {
    kind: "concrete",
    problem: {
      statement: `Find the second-order Taylor approximation of ${name} = ${T(f)} at ${atText}, as a polynomial in ${vars.join(" and ")}.`,
      latex: `${name} = ${toLatex(f)} \\text{ near } ${vars.length === 1 ? `x = ${at.x}` : `(${at.x}, ${at.y})`}`,
      given: {
        decls: Object.fromEntries(vars.map((v) => [v, decl.scalar])),
        f: T(f),
        vars,
        wrt: vars,
        asks: "taylor2",
        at,
      },
      answer: [[key]],
      vars,
      grid: gridSpec(
        1,
        1,
        `the quadratic approximation, a polynomial in ${vars.join(" and ")}`,
        "expression",
      ),
      steps: [
        {
          text: `f(a) = ${T(f0.exact)}; ${vars.length === 1 ? `f'(a) = ${T(gv[0]!.exact)}; f''(a) = ${T(hv[0]![0]!.exact)}` : `∇f(a) = (${gv.map((c) => T(c.exact)).join(", ")}); H(a) = ${matText(hv.map((row) => row.map((c) => T(c.exact))))}`}.`,
        },
        {
          text:
            vars.length === 1
              ? "f(x) ≈ f(a) + f'(a)(x − a) + ½ f''(a)(x − a)²."
              : "f(x) ≈ f(a) + ∇f(a)ᵀ(x − a) + ½ (x − a)ᵀ H(a) (x − a).",
          latex:
            vars.length === 1
              ? "f(x) \\approx f(a) + f'(a)(x - a) + \\tfrac12 f''(a)(x - a)^2"
              : "f(\\mathbf{x}) \\approx f(\\mathbf{a}) + \\nabla f(\\mathbf{a})^\\top(\\mathbf{x} - \\mathbf{a}) + \\tfrac12 (\\mathbf{x} - \\mathbf{a})^\\top H(\\mathbf{a}) (\\mathbf{x} - \\mathbf{a})",
        },
        { text: `Multiplied out: ${key}.`, latex: toLatex(keyE.expr) },
      ],
      mistakes: [
        mistake("taylor_no_half", "The second-order term needs the factor ½: ½ (x − a)ᵀH(x − a).", [
          [T(noHalf.expr)],
        ]),
        mistake(
          "taylor_first_order",
          "That is the first-order (linear) approximation; add the second-order term.",
          [[T(lin.expr)]],
        ),
      ],
    },
  };
}

// ---------------------------------------------------------------- optimal step size along the gradient

function optimalStep(r: Rng): Draft {
  const s = spectral(r, true);
  const H = qMatrix2(s.H);
  const x0 = [r.int(-3, 3), r.int(-3, 3)];
  const b = r.next() < 0.5 ? [0, 0] : [r.int(-4, 4), r.int(-4, 4)];
  const g = matMul(H, column(x0.map((v) => q(v)))).map((row, i) => qSub(row[0]!, q(b[i]!)));
  if (g.every((c) => qVal(c) === 0)) reject("already at the minimum");
  const gg = qAdd(...g.map((c) => qMul(c, c)));
  const Hg = matMul(H, column(g));
  const gHg = qAdd(...g.map((c, i) => qMul(c, Hg[i]![0]!)));
  const eps = qDiv(gg, gHg);
  checkNiceKey([[eps], [qDiv(gHg, gg)]]);
  const hasB = b.some((v) => v !== 0);
  const fText = `½xᵀHx${hasB ? ` − bᵀx with b = ${vecText(b)}` : ""}`;
  return {
    kind: "concrete",
    template: `${hasB ? "linear-term" : "pure-quadratic"}-${s.H[0]![1] === 0 ? "diagonal" : "coupled"}-${s.l1 * s.l2 > 0 && Math.min(s.l1, s.l2) * 3 <= Math.max(s.l1, s.l2) ? "stretched" : "round"}`,
    problem: {
      statement: `f(x) = ${fText} and H = ${matText(s.H)}. From x₀ = ${vecText(x0)}, gradient descent moves to x₀ − εg with g = ∇f(x₀). Which step size ε minimises f along that line?`,
      latex: `f(\\mathbf{x}) = \\tfrac12 \\mathbf{x}^\\top H \\mathbf{x}${hasB ? ` - \\mathbf{b}^\\top \\mathbf{x},\\ \\mathbf{b} = ${vecText(b)}` : ""},\\ H = ${matLatex(s.H)},\\ \\mathbf{x}_0 = ${vecText(x0)}:\\ \\varepsilon^*`,
      given: {
        decls: { x: decl.vector(2), H: decl.matrix(2, 2), b: decl.vector(2) },
        f: "1/2 x^T H x - b^T x",
        H: s.H,
        b,
        at: { x: x0 },
        asks: "step_size",
      },
      answer: [[qText(eps)]],
      vars: [],
      grid: gridSpec(1, 1, "the step size ε*, a number", "number"),
      steps: [
        { text: `g = Hx₀ − b = ${vecText(g.map(qText))}.` },
        {
          text: "Along x₀ − εg, f changes by −ε gᵀg + ½ε² gᵀHg; setting its derivative in ε to 0 gives ε* = gᵀg / gᵀHg.",
          latex: "\\varepsilon^* = \\frac{\\mathbf{g}^\\top \\mathbf{g}}{\\mathbf{g}^\\top H \\mathbf{g}}",
        },
        { text: `gᵀg = ${qText(gg)}, gᵀHg = ${qText(gHg)}, so ε* = ${qText(eps)}.` },
      ],
      mistakes: [
        mistake("step_inverted", "That is gᵀHg / gᵀg, upside down: ε* = gᵀg / gᵀHg.", [
          [qText(qDiv(gHg, gg))],
        ]),
      ],
    },
  };
}

const qMatrix2 = (m: number[][]): QMatrix => m.map((row) => row.map((v) => q(v)));

// ---------------------------------------------------------------- Newton's step

function newtonStep(r: Rng): Draft {
  const f = quadratic(r, true);
  const cubic = r.next() < 0.5 ? r.nonzero(-2, 2) : 0;
  const text = cubic === 0 ? f.text : T(V(sum(term(cubic, "x^3"), f.text)));
  const x0 = [r.int(-2, 2), r.int(-2, 2)];
  const [x, y] = x0 as [number, number];
  const g = [q(3 * cubic * x * x + 2 * f.a * x + f.b * y + f.d), q(f.b * x + 2 * f.c * y + f.e)];
  if (g.every((c) => qVal(c) === 0)) reject("x₀ is a critical point");
  const Hn = [
    [6 * cubic * x + 2 * f.a, f.b],
    [f.b, 2 * f.c],
  ];
  const H = qMatrix2(Hn);
  if (qVal(det2(H)) === 0) reject("singular Hessian at x₀");
  const Hinv = inverse2(H);
  const step = matMul(Hinv, column(g));
  const x1 = x0.map((v, i) => qSub(q(v), step[i]![0]!));
  const plus = x0.map((v, i) => qAdd(q(v), step[i]![0]!));
  const gradStep = x0.map((v, i) => qSub(q(v), g[i]!));
  const Hg = matMul(H, column(g));
  const hStep = x0.map((v, i) => qSub(q(v), Hg[i]![0]!));
  checkNiceKey(column(x1));
  checkNiceKey(column(step.map((s0) => s0[0]!)));
  const key = textGrid(column(x1));
  return {
    kind: "concrete",
    template: `${cubic === 0 ? "quadratic" : "cubic"}-${f.b === 0 ? "uncoupled" : "coupled"}`,
    problem: {
      statement: `Take one step of Newton's method towards a critical point of f(x, y) = ${text} from x₀ = ${vecText(x0)}: x₁ = x₀ − H(x₀)⁻¹∇f(x₀). Give x₁ as a column.`,
      latex: `f(x, y) = ${toLatex(V(text))},\\ \\mathbf{x}_0 = ${vecText(x0)}:\\ \\mathbf{x}_1 = \\mathbf{x}_0 - H(\\mathbf{x}_0)^{-1} \\nabla f(\\mathbf{x}_0)`,
      given: {
        decls: { x: decl.scalar, y: decl.scalar },
        f: T(V(text)),
        vars: XY,
        wrt: XY,
        asks: "newton_step",
        at: { x, y },
      },
      answer: key,
      vars: [],
      grid: gridSpec(2, 1, "the new point x₁ (2×1 column)", "number", [["x₁"], ["y₁"]]),
      steps: [
        { text: `∇f(x₀) = ${vecText(g.map(qText))}.` },
        {
          text: `H(x₀) = ${matText(Hn)}, determinant ${qText(det2(H))}; H⁻¹ = ${matText(textGrid(Hinv))}.`,
          latex: `H(\\mathbf{x}_0) = ${matLatex(Hn)}`,
        },
        {
          text: `H⁻¹∇f = ${vecText(step.map((s0) => qText(s0[0]!)))}, so x₁ = x₀ − H⁻¹∇f = ${vecText(x1.map(qText))}.`,
        },
        ...(cubic === 0
          ? [{ text: "f is quadratic, so a single Newton step lands exactly on its critical point." }]
          : []),
      ],
      mistakes: [
        mistake(
          "newton_plus",
          "Newton's step subtracts: x₁ = x₀ − H⁻¹∇f, not x₀ + H⁻¹∇f.",
          textGrid(column(plus)),
        ),
        mistake(
          "newton_times_h",
          "Multiply by the inverse of the Hessian, not by the Hessian: x₁ = x₀ − H⁻¹∇f.",
          textGrid(column(hStep)),
        ),
        mistake(
          "gradient_step",
          "That is a gradient step x₀ − ∇f; Newton's step scales the gradient by H⁻¹.",
          textGrid(column(gradStep)),
        ),
      ],
    },
  };
}

export const SECOND_ORDER_SKILLS: SkillDef[] = [
  {
    id: "higher-order-derivatives",
    title: "Higher-order derivatives",
    topic: "second-order",
    kind: "concrete",
    description: "Differentiate again and again, simplifying each derivative before taking the next.",
    prerequisites: ["derivative-combined-rules"],
    version: 2,
    hint: "Find f', simplify it, then differentiate that; repeat until you reach the order asked.",
    gen: higherOrder,
  },
  {
    id: "hessian-symbolic",
    title: "The Hessian",
    topic: "second-order",
    kind: "concrete",
    description:
      "The Hessian holds the second partial derivatives H_ij = ∂²f/∂x_i∂x_j; row i is the gradient of ∂f/∂x_i.",
    prerequisites: ["partial-derivative-three-variables", "gradient-symbolic"],
    version: 1,
    hint: "Find the gradient first; row i of the Hessian is the gradient of its i-th component.",
    gen: hessianSymbolic,
  },
  {
    id: "hessian-quadratic-form",
    title: "The Hessian of a quadratic form",
    topic: "second-order",
    kind: "concrete",
    description: "The Hessian of xᵀAx is A + Aᵀ (which is 2A only when A is symmetric).",
    prerequisites: ["hessian-symbolic", "jacobian-symbolic"],
    version: 2,
    hint: "The gradient of xᵀAx is (A + Aᵀ)x; differentiate once more.",
    gen: hessianQuadraticForm,
  },
  {
    id: "definiteness-and-curvature",
    title: "Definiteness and curvature",
    topic: "second-order",
    kind: "concrete",
    description:
      "The eigenvalues of the Hessian give its definiteness and condition number; dᵀHd is the curvature along a unit vector d.",
    prerequisites: ["hessian-quadratic-form"],
    version: 2,
    hint: "For a symmetric 2×2 matrix the eigenvalues have the trace as sum and the determinant as product.",
    gen: definitenessCurvature,
  },
  {
    id: "classifying-critical-points",
    title: "Classifying critical points",
    topic: "second-order",
    kind: "concrete",
    description:
      "Solve ∇f = 0, then read the type from the Hessian: det < 0 a saddle; det > 0 a minimum or maximum by the sign of H₁₁.",
    prerequisites: ["definiteness-and-curvature"],
    version: 2,
    hint: "Set both partial derivatives to zero and solve; then compute the determinant of the Hessian.",
    gen: classifyCritical,
  },
  {
    id: "second-order-taylor",
    title: "Second-order Taylor approximations",
    topic: "second-order",
    kind: "concrete",
    description: "f(x) ≈ f(a) + ∇f(a)ᵀ(x − a) + ½(x − a)ᵀH(a)(x − a): value, slope and curvature at a.",
    prerequisites: ["hessian-symbolic", "higher-order-derivatives"],
    version: 2,
    hint: "Evaluate f, its gradient and its Hessian at the point, and do not forget the ½ in front of the quadratic term.",
    gen: taylor,
  },
  {
    id: "optimal-step-size",
    title: "The optimal step size along the gradient",
    topic: "second-order",
    kind: "concrete",
    description: "For a quadratic with Hessian H, the step along −g that minimises f is ε* = gᵀg / gᵀHg.",
    prerequisites: ["hessian-quadratic-form", "second-order-taylor"],
    version: 2,
    hint: "Compute g at x₀, then gᵀg and gᵀHg.",
    gen: optimalStep,
  },
  {
    id: "newton-step",
    title: "Newton's step",
    topic: "second-order",
    kind: "concrete",
    description:
      "Newton's method jumps to the critical point of the second-order Taylor approximation: x₁ = x₀ − H(x₀)⁻¹∇f(x₀).",
    prerequisites: ["second-order-taylor", "definiteness-and-curvature"],
    version: 1,
    hint: "Evaluate the gradient and the Hessian at x₀, solve H s = ∇f for s, and subtract s from x₀.",
    gen: newtonStep,
  },
];
