// Part 2, Jacobians: the shapes of derivatives under the layout convention (∂y/∂x is m×n, rows =
// outputs; ∇ₓ f a column; ∇_W f has W's shape), the Jacobian symbolically and at a point.
import type { Expr } from "../calculus/ast";
import { jacobian } from "../calculus/diff";
import { toLatex } from "../calculus/print";
import type { Draft } from "./build";
import type { SkillDef } from "./catalogue-types";
import { decl, gridSpec, mistake, shapeName, sub } from "./concrete";
import { P, T, exactAt, pointExprs, reject } from "./exact";
import type { Rng } from "./random";
import { monomial, sum, term } from "./text";
import type { Point } from "./types";

type Step = { text: string; latex?: string };

// ---------------------------------------------------------------- shapes of derivatives

interface ShapeCase {
  /** Plain text of what is asked and the LaTeX of the object. */
  text: string;
  latex: string;
  rows: number;
  cols: number;
  decls: Record<string, string>;
  fn: string;
  wrt: string;
  asks: "derivative" | "gradient" | "hessian";
  why: string;
  template: string;
}

const VECTOR_NAMES = ["x", "w", "h", "u", "v", "p"];

function shapeCase(r: Rng): ShapeCase {
  const dims = [2, 3, 4, 5, 6, 7, 8, 9, 10, 12];
  const n = r.pick(dims);
  let m = r.pick(dims);
  while (m === n) m = r.pick(dims);
  const x = r.pick(VECTOR_NAMES);
  const y = r.pick(["y", "a", "s", "o"]);
  const f = r.pick(["f", "L", "C", "g"]);
  const W = r.pick(["W", "A", "M"]);
  const form = r.int(0, 6);
  return { ...shapeCaseOf(form, { n, m, x, y, f, W }), template: SHAPE_TEMPLATES[form]! };
}

const SHAPE_TEMPLATES = [
  "jacobian-of-vector-function",
  "derivative-of-scalar",
  "gradient-of-scalar",
  "gradient-by-matrix",
  "hessian",
  "affine-by-input",
  "affine-by-bias",
];

function shapeCaseOf(
  form: number,
  { n, m, x, y, f, W }: { n: number; m: number; x: string; y: string; f: string; W: string },
): Omit<ShapeCase, "template"> {
  switch (form) {
    case 0:
      return {
        text: `${x} ∈ ℝ^${n} and ${y} = g(${x}) ∈ ℝ^${m}. What is the shape of the Jacobian ∂${y}/∂${x}?`,
        latex: `${x} \\in \\mathbb{R}^{${n}},\\ ${y} = g(${x}) \\in \\mathbb{R}^{${m}}:\\ \\frac{\\partial ${y}}{\\partial ${x}}`,
        rows: m,
        cols: n,
        decls: { [x]: decl.vector(n), [y]: decl.vector(m) },
        fn: `${y} = g(${x})`,
        wrt: x,
        asks: "derivative",
        why: `The Jacobian has one row per output (${m} components of ${y}) and one column per input (${n} components of ${x}).`,
      };
    case 1:
      return {
        text: `${f} is a scalar function of ${x} ∈ ℝ^${n}. What is the shape of the derivative ∂${f}/∂${x}?`,
        latex: `${f}: \\mathbb{R}^{${n}} \\to \\mathbb{R}:\\ \\frac{\\partial ${f}}{\\partial ${x}}`,
        rows: 1,
        cols: n,
        decls: { [x]: decl.vector(n), [f]: decl.scalar },
        fn: `${f}(${x})`,
        wrt: x,
        asks: "derivative",
        why: `A scalar has one output, so ∂${f}/∂${x} is a Jacobian with one row and ${n} columns: a row vector.`,
      };
    case 2:
      return {
        text: `${f} is a scalar function of ${x} ∈ ℝ^${n}. What is the shape of the gradient ∇_${x} ${f}?`,
        latex: `${f}: \\mathbb{R}^{${n}} \\to \\mathbb{R}:\\ \\nabla_{${x}} ${f}`,
        rows: n,
        cols: 1,
        decls: { [x]: decl.vector(n), [f]: decl.scalar },
        fn: `${f}(${x})`,
        wrt: x,
        asks: "gradient",
        why: `The gradient is the transpose of the row ∂${f}/∂${x}: a column with ${n} entries, the shape of ${x}.`,
      };
    case 3:
      return {
        text: `${f} is a scalar function of a matrix ${W} ∈ ℝ^(${m}×${n}). What is the shape of ∇_${W} ${f}?`,
        latex: `${f}: \\mathbb{R}^{${m} \\times ${n}} \\to \\mathbb{R}:\\ \\nabla_{${W}} ${f}`,
        rows: m,
        cols: n,
        decls: { [W]: decl.matrix(m, n), [f]: decl.scalar },
        fn: `${f}(${W})`,
        wrt: W,
        asks: "gradient",
        why: `∇_${W} ${f} holds ∂${f}/∂${W}_ij at position (i, j): it has ${W}'s shape, ${m}×${n}.`,
      };
    case 4:
      return {
        text: `${f} is a scalar function of ${x} ∈ ℝ^${n}. What is the shape of its Hessian ∇²_${x} ${f}?`,
        latex: `${f}: \\mathbb{R}^{${n}} \\to \\mathbb{R}:\\ \\nabla^2_{${x}} ${f}`,
        rows: n,
        cols: n,
        decls: { [x]: decl.vector(n), [f]: decl.scalar },
        fn: `${f}(${x})`,
        wrt: x,
        asks: "hessian",
        why: `The Hessian holds every second partial ∂²${f}/∂${x}_i∂${x}_j: ${n} rows and ${n} columns.`,
      };
    case 5:
      return {
        text: `z = ${W}${x} + b with ${W} ∈ ℝ^(${m}×${n}), ${x} ∈ ℝ^${n}, b ∈ ℝ^${m}. What is the shape of ∂z/∂${x}?`,
        latex: `z = ${W}${x} + b,\\ ${W} \\in \\mathbb{R}^{${m} \\times ${n}}:\\ \\frac{\\partial z}{\\partial ${x}}`,
        rows: m,
        cols: n,
        decls: { [W]: decl.matrix(m, n), [x]: decl.vector(n), b: decl.vector(m) },
        fn: `z = ${W}${x} + b`,
        wrt: x,
        asks: "derivative",
        why: `z has ${m} components and ${x} has ${n}, so ∂z/∂${x} (which is ${W} itself) is ${m}×${n}.`,
      };
    default:
      return {
        text: `z = ${W}${x} + b with ${W} ∈ ℝ^(${m}×${n}), ${x} ∈ ℝ^${n}, b ∈ ℝ^${m}. What is the shape of ∂z/∂b?`,
        latex: `z = ${W}${x} + b,\\ ${W} \\in \\mathbb{R}^{${m} \\times ${n}}:\\ \\frac{\\partial z}{\\partial b}`,
        rows: m,
        cols: m,
        decls: { [W]: decl.matrix(m, n), [x]: decl.vector(n), b: decl.vector(m) },
        fn: `z = ${W}${x} + b`,
        wrt: "b",
        asks: "derivative",
        why: `z and b both have ${m} components, so ∂z/∂b (the identity) is ${m}×${m}.`,
      };
  }
}

function shapesOfDerivatives(r: Rng): Draft {
  const c = shapeCase(r);
  const answer = [[String(c.rows), String(c.cols)]];
  const swapped = [[String(c.cols), String(c.rows)]];
  return {
    kind: "concrete",
    problem: {
      statement: `${c.text} Give the number of rows and the number of columns.`,
      latex: c.latex,
      given: { decls: c.decls, f: c.fn, wrt: c.wrt, asks: c.asks },
      answer,
      vars: [],
      grid: gridSpec(1, 2, "the shape (rows, columns)", "number", [["rows", "columns"]]),
      steps: [
        {
          text: "Layout convention: ∂f/∂x has one row per component of f and one column per component of x; ∇ₓ f is its transpose, a column; ∇_W f has W's shape.",
        },
        { text: c.why },
        { text: `So the shape is ${c.rows}×${c.cols} (${shapeName(c.rows, c.cols)}).` },
      ],
      mistakes:
        c.rows === c.cols
          ? []
          : [
              mistake(
                "layout_transposed",
                "That is the shape of the transpose: rows count the outputs (what is differentiated), columns the inputs.",
                swapped,
              ),
            ],
    },
    template: c.template,
  };
}

// ---------------------------------------------------------------- Jacobians

const XY = ["x", "y"];
const XYZ = ["x", "y", "z"];
const V = (s: string): Expr => P(s, ["x", "y", "z"]);

/** One component: two or three monomials, often with one exponential or trigonometric term. */
function component(r: Rng, vars: readonly string[], atPoint: Point | null): string {
  const count = r.int(1, 2);
  const terms: string[] = [];
  const seen = new Set<string>();
  while (terms.length < count) {
    const exps = vars.map(() => r.int(0, atPoint ? 2 : 3));
    if (exps.every((e) => e === 0)) continue;
    const k = exps.join(",");
    if (seen.has(k)) continue;
    seen.add(k);
    terms.push(monomial(r.nonzero(-5, 5), vars, exps));
  }
  const v = r.pick(vars);
  const a = r.nonzero(-3, 3);
  const shifted = atPoint ? `${term(a, v)} + ${-a * Number(atPoint[v])}` : term(a, v);
  const extra = r.pick([
    "",
    "",
    term(r.nonzero(-3, 3), `e^(${shifted})`),
    atPoint ? "" : term(r.nonzero(-3, 3), `sin(${term(Math.abs(a), v)})`),
    atPoint ? "" : term(r.nonzero(-3, 3), `cos(${term(Math.abs(a), `${vars[0]!}*${vars[1]!}`)})`),
  ]);
  return sum(...terms, extra);
}

function jacobianDraft(r: Rng, atPoint: boolean): Draft {
  const shape = r.pick([
    [2, 2],
    [2, 2],
    [2, 3],
    [3, 2],
  ] as const);
  const [m, n] = shape;
  const vars = n === 2 ? XY : XYZ;
  const at: Point | null = atPoint ? Object.fromEntries(vars.map((v) => [v, r.int(-2, 2)])) : null;
  const comps = Array.from({ length: m }, () => V(component(r, vars, at)));
  const texts = comps.map(T);
  if (new Set(texts).size < m) reject("repeated component");
  const j = jacobian(comps, vars);
  if (!j.ok) reject("too large");
  const rowsExpr = j.rows;
  if (rowsExpr.some((row) => row.every((e) => T(e) === "0"))) reject("a constant component");
  if (rowsExpr.flat().filter((e) => T(e) === "0").length > (m * n) / 2) reject("too many zeros");
  const transcendental = texts.some((t) => /exp|e\^|sin|cos/.test(t));
  const template = `${m}x${n}-${transcendental ? "with-exponential-or-trig" : "polynomial"}`;
  const fName = `f(${vars.join(", ")})`;
  const fText = `(${texts.join(", ")})`;
  const fLatex = `\\left(${comps.map(toLatex).join(",\\ ")}\\right)`;
  const object = `the Jacobian ∂f/∂(${vars.join(", ")}) (${m}×${n}: row i holds the partial derivatives of component i)`;
  const labels = Array.from({ length: m }, (_, i) => vars.map((v) => `∂f${sub(i + 1)}/∂${v}`));
  const steps: Step[] = [
    {
      text: `f has ${m} components and ${n} variables, so ∂f/∂(${vars.join(", ")}) is ${m}×${n}: row i is the gradient of the component fᵢ, written as a row.`,
    },
  ];
  rowsExpr.forEach((row, i) =>
    steps.push({
      text: `Row ${i + 1}: f${sub(i + 1)} = ${texts[i]!}; ${vars.map((v, k) => `∂f${sub(i + 1)}/∂${v} = ${T(row[k]!)}`).join(", ")}.`,
      latex: `\\left(${vars.map((v) => `\\frac{\\partial f_{${i + 1}}}{\\partial ${v}}`).join(",\\ ")}\\right) = \\left(${row.map(toLatex).join(",\\ ")}\\right)`,
    }),
  );
  const given = {
    decls: Object.fromEntries(vars.map((v) => [v, decl.scalar])),
    f: texts,
    vars,
    wrt: vars,
    asks: "derivative",
  };
  if (!at) {
    const answer = rowsExpr.map((row) => row.map(T));
    if (answer.flat().some((c) => c.length > 40)) reject("entry too long");
    return {
      kind: "concrete",
      problem: {
        statement: `Let ${fName} = ${fText}. Find the Jacobian ∂f/∂(${vars.join(", ")}), a ${m}×${n} matrix (rows = components of f, columns = variables).`,
        latex: `\\frac{\\partial \\mathbf{f}}{\\partial (${vars.join(", ")})} \\text{ for } \\mathbf{f}(${vars.join(", ")}) = ${fLatex}`,
        given,
        answer,
        vars: [...vars],
        grid: gridSpec(m, n, object, "expression", labels),
        steps,
      },
      template,
    };
  }
  const point = pointExprs(at);
  const values = rowsExpr.map((row) => row.map((e) => exactAt(e, point)));
  const answer = values.map((row) => row.map((c) => T(c.exact)));
  if (values.flat().some((c) => Math.abs(c.value) > 60)) reject("entries too large");
  if (values.flat().filter((c) => c.value === 0).length > (m * n) / 2) reject("too many zeros");
  const atText = `(${vars.map((v) => String(at[v])).join(", ")})`;
  steps.push({
    text: `At ${atText}: substitute into every entry.`,
    latex: `\\begin{pmatrix} ${answer.map((r) => r.join(" & ")).join(" \\\\ ")} \\end{pmatrix}`,
  });
  return {
    kind: "concrete",
    problem: {
      statement: `Let ${fName} = ${fText}. Find the Jacobian ∂f/∂(${vars.join(", ")}) at ${atText}, a ${m}×${n} matrix of numbers.`,
      latex: `\\frac{\\partial \\mathbf{f}}{\\partial (${vars.join(", ")})}\\Big|_{${atText}} \\text{ for } \\mathbf{f}(${vars.join(", ")}) = ${fLatex}`,
      given: { ...given, at },
      answer,
      vars: [...vars],
      grid: gridSpec(m, n, object, "number", labels),
      steps,
    },
    template,
  };
}

export const JACOBIAN_SKILLS: SkillDef[] = [
  {
    id: "shapes-of-derivatives",
    title: "Shapes of derivatives",
    topic: "jacobians",
    kind: "concrete",
    description:
      "∂y/∂x for y ∈ ℝ^m and x ∈ ℝ^n is m×n (rows = outputs); ∂f/∂x of a scalar is a 1×n row, ∇ₓ f an n×1 column, ∇_W f has W's shape.",
    prerequisites: ["gradient-symbolic"],
    version: 1,
    hint: "Count what is differentiated (the rows) and what it is differentiated with respect to (the columns); a gradient ∇ is the transpose of ∂.",
    gen: shapesOfDerivatives,
  },
  {
    id: "jacobian-symbolic",
    title: "The Jacobian of a vector function",
    topic: "jacobians",
    kind: "concrete",
    description:
      "The Jacobian of f: ℝⁿ → ℝᵐ is the m×n matrix whose row i is the gradient of the component fᵢ, written as a row.",
    prerequisites: ["gradient-symbolic"],
    version: 1,
    hint: "Work row by row: take one component of f and list its partial derivatives in the order of the variables.",
    gen: (r) => jacobianDraft(r, false),
  },
  {
    id: "jacobian-at-a-point",
    title: "The Jacobian at a point",
    topic: "jacobians",
    kind: "concrete",
    description: "Find every entry ∂fᵢ/∂xⱼ of the Jacobian, then substitute the point: a matrix of numbers.",
    prerequisites: ["jacobian-symbolic", "gradient-at-a-point"],
    version: 1,
    hint: "Row i holds the partial derivatives of component i; evaluate each one at the point.",
    gen: (r) => jacobianDraft(r, true),
  },
];
