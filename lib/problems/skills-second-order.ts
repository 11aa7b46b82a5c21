// Part 3, second order: higher-order derivatives, the Hessian (symbolic and of a quadratic form),
// definiteness and curvature, classifying critical points, second-order Taylor, the optimal step size
// along the gradient, and Newton's step. Keys exact: by the core's derivatives or rational arithmetic.
import { type Expr, add, div, mul, num, sub as subE, variable } from "../calculus/ast";
import { derivative, gradient, hessian } from "../calculus/diff";
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
import { monomial, sum, term } from "./text";

type Step = { text: string; latex?: string };
const V = (s: string): Expr => P(s, ["x", "y", "z"]);
const XY = ["x", "y"];
const XYZ = ["x", "y", "z"];

function diffN(f: Expr, v: string, n: number): Expr[] {
  const out: Expr[] = [];
  let cur = f;
  for (let i = 0; i < n; i++) {
    const d = derivative(cur, v);
    if (!d.ok) reject("too large");
    cur = d.expr;
    out.push(cur);
  }
  return out;
}

// ---------------------------------------------------------------- higher-order derivatives

const PRIMES = ["", "'", "''", "'''"];

function higherOrder(r: Rng): Draft {
  const a = r.nonzero(-4, 4);
  const k = r.int(1, 4);
  const c = r.nonzero(-6, 6);
  const templates = [
    term(c, `x^${k}*e^(${term(a, "x")})`),
    term(c, `x^${k}*sin(${term(Math.abs(a), "x")})`),
    term(c, `x^${k}*cos(${term(Math.abs(a), "x")})`),
    term(c, `e^(${term(a, "x")})*sin(${term(r.int(1, 3), "x")})`),
    sum(term(r.nonzero(-3, 3), `x^${r.int(4, 6)}`), term(c, `e^(${term(a, "x")})`)),
    term(c, `x^${k + 1}*ln(x)`),
    term(c, `e^(${term(a, "x")})*cos(${term(r.int(1, 3), "x")})`),
  ];
  const pick = r.int(0, templates.length - 1);
  const f = V(templates[pick]!);
  const order = r.int(2, 3);
  const ds = diffN(f, "x", order);
  const key = ds[order - 1]!;
  const keyText = T(key);
  if (keyText.length > 70 || keyText === "0") reject("key too long");
  const steps: Step[] = ds.map((d, i) => ({
    text: `f${PRIMES[i + 1]}(x) = ${T(d)}`,
    latex: `f${PRIMES[i + 1]}(x) = ${toLatex(d)}`,
  }));
  steps.unshift({ text: `Differentiate ${order} times, simplifying after each step.` });
  const name = `f${PRIMES[order]}(x)`;
  return {
    kind: "concrete",
    problem: {
      statement: `Find the ${order === 2 ? "second" : "third"} derivative ${name} of f(x) = ${T(f)}.`,
      latex: `\\frac{d^{${order}}}{dx^{${order}}}\\left(${toLatex(f)}\\right)`,
      given: { decls: { x: decl.scalar }, f: T(f), wrt: "x", asks: "derivative", order },
      answer: [[keyText]],
      vars: ["x"],
      ...(pick === 5 ? { domain: { x: [0.1, 4] as [number, number] } } : {}),
      grid: gridSpec(1, 1, `${name}, an expression in x`, "expression"),
      steps,
      mistakes: [
        mistake("one_derivative_short", `That is f${PRIMES[order - 1]}(x): differentiate once more.`, [
          [T(ds[order - 2]!)],
        ]),
      ],
    },
  };
}

// ---------------------------------------------------------------- Hessian, symbolic

function hessianSymbolic(r: Rng): Draft {
  const vars = r.next() < 0.7 ? XY : XYZ;
  const terms: string[] = [];
  const seen = new Set<string>();
  while (terms.length < (vars.length === 2 ? 3 : 4)) {
    const exps = vars.map(() => r.int(0, 3));
    const deg = exps.reduce((s, e) => s + e, 0);
    if (deg < 2 || deg > 5 || seen.has(exps.join())) continue;
    seen.add(exps.join());
    terms.push(monomial(r.nonzero(-5, 5), vars, exps));
  }
  const extra = r.pick([
    "",
    "",
    term(r.nonzero(-3, 3), `e^(${term(r.nonzero(-2, 2), "x*y")})`),
    term(r.nonzero(-3, 3), `sin(${term(r.int(1, 3), "x")} + y)`),
  ]);
  const f = V(sum(...terms, extra));
  if (!vars.every((v) => T(f).includes(v))) reject("a variable missing");
  const h = hessian(f, vars);
  const g = gradient(f, vars);
  if (!h.ok || !g.ok) reject("too large");
  const answer = h.rows.map((row) => row.map(T));
  if (answer.flat().some((c) => c.length > 50)) reject("entry too long");
  if (answer.flat().every((c) => c === "0")) reject("zero Hessian");
  const n = vars.length;
  const labels = vars.map((a) => vars.map((b) => (a === b ? `∂²f/∂${a}²` : `∂²f/∂${a}∂${b}`)));
  return {
    kind: "concrete",
    problem: {
      statement: `Find the Hessian of f(${vars.join(", ")}) = ${T(f)}: the ${n}×${n} matrix of second partial derivatives H_ij = ∂²f/∂x_i∂x_j.`,
      latex: `\\nabla^2 f \\text{ for } f(${vars.join(", ")}) = ${toLatex(f)}`,
      given: {
        decls: Object.fromEntries(vars.map((v) => [v, decl.scalar])),
        f: T(f),
        vars,
        wrt: vars,
        asks: "hessian",
      },
      answer,
      vars: [...vars],
      grid: gridSpec(n, n, `the Hessian (${n}×${n})`, "expression", labels),
      steps: [
        {
          text: `The gradient: (${g.exprs.map(T).join(", ")}).`,
          latex: `\\nabla f = \\left(${g.exprs.map(toLatex).join(",\\ ")}\\right)`,
        },
        ...h.rows.map((row, i) => ({
          text: `Row ${i + 1}: differentiate ∂f/∂${vars[i]!} = ${T(g.exprs[i]!)} with respect to ${vars.join(", ")}: ${row.map(T).join(", ")}.`,
        })),
        {
          text: "The mixed partials agree (∂²f/∂x∂y = ∂²f/∂y∂x): the Hessian is symmetric.",
          latex: matLatex(h.rows.map((r0) => r0.map(toLatex))),
        },
      ],
    },
  };
}

// ---------------------------------------------------------------- Hessian of a quadratic form

function quadraticFormText(A: readonly (readonly number[])[], vars: readonly string[]): string {
  const parts: string[] = [];
  vars.forEach((a, i) =>
    vars.forEach((b, j) => {
      if (j < i) return;
      const c = i === j ? A[i]![i]! : A[i]![j]! + A[j]![i]!;
      const exps = vars.map((v) => (v === a ? 1 : 0) + (v === b ? 1 : 0));
      if (c !== 0) parts.push(monomial(c, vars, exps));
    }),
  );
  return T(V(sum(...parts)));
}

function hessianQuadraticForm(r: Rng): Draft {
  const n = r.next() < 0.7 ? 2 : 3;
  const vars = n === 2 ? XY : XYZ;
  const A = Array.from({ length: n }, () => Array.from({ length: n }, () => r.int(-4, 5)));
  const symmetric = A.every((row, i) => row.every((v, j) => v === A[j]![i]));
  if (symmetric) reject("symmetric A: the skill is A + Aᵀ");
  if (A.flat().filter((v) => v === 0).length > n) reject("too many zeros");
  const H = A.map((row, i) => row.map((v, j) => v + A[j]![i]!));
  if (H.every((row, i) => row.every((v, j) => i === j || v === 0))) reject("the cross terms cancel");
  const fText = quadraticFormText(A, vars);
  const key = H.map((row) => row.map(String));
  const labels = vars.map((a) => vars.map((b) => (a === b ? `∂²f/∂${a}²` : `∂²f/∂${a}∂${b}`)));
  return {
    kind: "concrete",
    problem: {
      statement: `Let f(x) = xᵀAx with A = ${matText(A)} and x = (${vars.join(", ")}). Find the Hessian ∇²f (${n}×${n}).`,
      latex: `f(\\mathbf{x}) = \\mathbf{x}^\\top A \\mathbf{x},\\ A = ${matLatex(A)},\\ \\mathbf{x} = (${vars.join(", ")}):\\ \\nabla^2 f`,
      given: {
        decls: { x: decl.vector(n), A: decl.matrix(n, n) },
        f: "x^T A x",
        A,
        vars,
        expanded: fText,
        wrt: "x",
        asks: "hessian",
      },
      answer: key,
      vars: [],
      grid: gridSpec(n, n, `the Hessian (${n}×${n})`, "number", labels),
      steps: [
        { text: `Written out, f = ${fText}.` },
        {
          text: "The gradient of xᵀAx is (A + Aᵀ)x, so the Hessian is A + Aᵀ, which is symmetric even when A is not.",
        },
        { text: `A + Aᵀ = ${matText(H)}.`, latex: `A + A^\\top = ${matLatex(H)}` },
      ],
      mistakes: [
        mistake(
          "hessian_2a",
          "2A is the Hessian of xᵀAx only when A is symmetric; in general it is A + Aᵀ.",
          A.map((row) => row.map((v) => String(2 * v))),
        ),
        mistake(
          "hessian_a",
          "A is only half of it: the Hessian of xᵀAx is A + Aᵀ.",
          A.map((row) => row.map(String)),
        ),
      ],
    },
  };
}

// ---------------------------------------------------------------- a symmetric 2×2 matrix with known eigenvalues

interface Spectral {
  H: number[][];
  l1: number;
  l2: number;
  /** Unit eigenvectors as text, for l1 and l2. */
  v1: string;
  v2: string;
}

/** H = l1 u uᵀ + l2 v vᵀ with integer entries: u = (1, 1)/√2 or (1, 2)/√5, or the axes. */
function spectral(r: Rng, positive: boolean): Spectral {
  for (;;) {
    const lo = positive ? 1 : -9;
    const l1 = r.int(lo, 12);
    const l2 = r.int(lo, 12);
    if (l1 === l2 || l1 === 0 || l2 === 0) continue;
    const kind = r.int(0, 3);
    if (kind === 0 && (l1 - l2) % 2 === 0) {
      const a = (l1 + l2) / 2;
      const b = (l1 - l2) / 2;
      return {
        H: [
          [a, b],
          [b, a],
        ],
        l1,
        l2,
        v1: "(1, 1)/√2",
        v2: "(1, -1)/√2",
      };
    }
    if ((kind === 1 || kind === 2) && (l1 - l2) % 5 === 0) {
      const a = (l1 + 4 * l2) / 5;
      const b = (2 * l1 - 2 * l2) / 5;
      const c = (4 * l1 + l2) / 5;
      // kind 2: the same with the axes swapped (u = (2, 1)/√5).
      return kind === 1
        ? {
            H: [
              [a, b],
              [b, c],
            ],
            l1,
            l2,
            v1: "(1, 2)/√5",
            v2: "(2, -1)/√5",
          }
        : {
            H: [
              [c, b],
              [b, a],
            ],
            l1,
            l2,
            v1: "(2, 1)/√5",
            v2: "(-1, 2)/√5",
          };
    }
    if (kind === 3 && r.next() < 0.3)
      return {
        H: [
          [l1, 0],
          [0, l2],
        ],
        l1,
        l2,
        v1: "(1, 0)",
        v2: "(0, 1)",
      };
  }
}

const DEFINITENESS_WORDS: Record<string, string> = {
  "positive definite": "positive definite",
  "positive-definite": "positive definite",
  pd: "positive definite",
  "negative definite": "negative definite",
  "negative-definite": "negative definite",
  nd: "negative definite",
  indefinite: "indefinite",
};

const definiteness = (l1: number, l2: number): string =>
  l1 > 0 && l2 > 0 ? "positive definite" : l1 < 0 && l2 < 0 ? "negative definite" : "indefinite";

const UNIT_DIRECTIONS: readonly { text: string; latex: string; d: [number, number]; den: number }[] = [
  { text: "(1, 0)", latex: "(1, 0)", d: [1, 0], den: 1 },
  { text: "(0, 1)", latex: "(0, 1)", d: [0, 1], den: 1 },
  { text: "(1, 1)/√2", latex: "\\tfrac{1}{\\sqrt{2}}(1, 1)", d: [1, 1], den: 2 },
  { text: "(1, -1)/√2", latex: "\\tfrac{1}{\\sqrt{2}}(1, -1)", d: [1, -1], den: 2 },
  { text: "(3, 4)/5", latex: "\\tfrac{1}{5}(3, 4)", d: [3, 4], den: 25 },
  { text: "(4, -3)/5", latex: "\\tfrac{1}{5}(4, -3)", d: [4, -3], den: 25 },
];

function definitenessCurvature(r: Rng): Draft {
  const s = spectral(r, false);
  const { H, l1, l2 } = s;
  const Ht = matText(H);
  const common = {
    given: { decls: { H: decl.matrix(2, 2) }, H, asks: "" },
    vars: [] as string[],
  };
  const spectrum: Step = {
    text: `H = ${Ht} has eigenvalues ${Math.min(l1, l2)} and ${Math.max(l1, l2)} (eigenvectors ${l1 < l2 ? s.v1 : s.v2} and ${l1 < l2 ? s.v2 : s.v1}): their sum is the trace ${H[0]![0]! + H[1]![1]!} and their product the determinant ${H[0]![0]! * H[1]![1]! - H[0]![1]! * H[1]![0]!}.`,
    latex: `\\det(H - \\lambda I) = \\lambda^2 - ${H[0]![0]! + H[1]![1]!}\\lambda + (${l1 * l2}) = (\\lambda - ${l1})(\\lambda - ${l2})`,
  };
  switch (r.int(0, 3)) {
    case 0: {
      const lo = Math.min(l1, l2);
      const hi = Math.max(l1, l2);
      return {
        kind: "concrete",
        problem: {
          ...common,
          statement: `Find the eigenvalues of the Hessian H = ${Ht}, smallest first.`,
          latex: `H = ${matLatex(H)}:\\ \\lambda_{\\min},\\ \\lambda_{\\max}`,
          given: { ...common.given, asks: "eigenvalues" },
          answer: [[String(lo), String(hi)]],
          grid: gridSpec(1, 2, "the eigenvalues, smallest first", "number", [["λ_min", "λ_max"]]),
          steps: [spectrum],
          mistakes: [
            mistake(
              "diagonal_not_eigenvalues",
              "Those are the diagonal entries; the eigenvalues solve det(H − λI) = 0.",
              [[String(Math.min(H[0]![0]!, H[1]![1]!)), String(Math.max(H[0]![0]!, H[1]![1]!))]],
            ),
          ],
        },
      };
    }
    case 1: {
      const word = definiteness(l1, l2);
      const diagonalWord =
        H[0]![0]! > 0 && H[1]![1]! > 0
          ? "positive definite"
          : H[0]![0]! < 0 && H[1]![1]! < 0
            ? "negative definite"
            : "indefinite";
      return {
        kind: "concrete",
        problem: {
          ...common,
          statement: `Is the Hessian H = ${Ht} positive definite, negative definite or indefinite?`,
          latex: `H = ${matLatex(H)}`,
          given: { ...common.given, asks: "definiteness" },
          answer: [[word]],
          grid: gridSpec(
            1,
            1,
            "positive definite, negative definite or indefinite",
            "word",
            [["definiteness"]],
            DEFINITENESS_WORDS,
          ),
          steps: [spectrum, { text: `Eigenvalues ${l1} and ${l2}: ${word}.` }],
          mistakes:
            diagonalWord === word
              ? []
              : [
                  mistake(
                    "classified_from_diagonal",
                    "The diagonal entries alone do not decide: look at the eigenvalues (or the determinant with the trace).",
                    [[diagonalWord]],
                  ),
                ],
        },
      };
    }
    case 2: {
      if (l1 < 0 || l2 < 0) reject("condition number asked of a positive definite H");
      const lo = Math.min(l1, l2);
      const hi = Math.max(l1, l2);
      return {
        kind: "concrete",
        problem: {
          ...common,
          statement: `The Hessian H = ${Ht} is positive definite. What is its condition number λ_max/λ_min?`,
          latex: `H = ${matLatex(H)}:\\ \\kappa(H) = \\lambda_{\\max}/\\lambda_{\\min}`,
          given: { ...common.given, asks: "condition_number" },
          answer: [[qText(q(hi, lo))]],
          grid: gridSpec(1, 1, "the condition number, a number", "number"),
          steps: [
            spectrum,
            {
              text: `κ = ${hi}/${lo} = ${qText(q(hi, lo))}: the larger it is, the more elongated the level sets and the slower gradient descent.`,
            },
          ],
          mistakes: [
            mistake("condition_inverted", "That is λ_min/λ_max; the condition number is λ_max/λ_min ≥ 1.", [
              [qText(q(lo, hi))],
            ]),
          ],
        },
      };
    }
    default: {
      const u = r.pick(UNIT_DIRECTIONS);
      const [a, b] = u.d;
      const quad = H[0]![0]! * a * a + 2 * H[0]![1]! * a * b + H[1]![1]! * b * b;
      const key = qText(q(quad, u.den));
      const raw = qText(q(quad));
      return {
        kind: "concrete",
        problem: {
          ...common,
          statement: `The curvature of f along a unit vector d is dᵀHd. Find it for H = ${Ht} and d = ${u.text}.`,
          latex: `\\mathbf{d}^\\top H \\mathbf{d},\\ H = ${matLatex(H)},\\ \\mathbf{d} = ${u.latex}`,
          given: { ...common.given, asks: "curvature", d: u.text },
          answer: [[key]],
          grid: gridSpec(1, 1, "the curvature dᵀHd, a number", "number"),
          steps: [
            {
              text: `With d = ${u.text}: dᵀHd = (${H[0]![0]!}·${a}² + 2·${H[0]![1]!}·${a}·${b} + ${H[1]![1]!}·${b}²)/${u.den} = ${quad}/${u.den} = ${key}.`,
            },
            {
              text: `It lies between the eigenvalues ${Math.min(l1, l2)} and ${Math.max(l1, l2)}, as the curvature along any unit vector does.`,
            },
          ],
          mistakes:
            u.den === 1
              ? []
              : [
                  mistake("direction_not_unit", "Use the unit vector: the factor 1/|d|² belongs in dᵀHd.", [
                    [raw],
                  ]),
                ],
        },
      };
    }
  }
}

// ---------------------------------------------------------------- critical points

/** f = ax² + bxy + cy² + dx + ey with its critical point at (p, r0) and Hessian [[2a, b], [b, 2c]]. */
function quadratic(r: Rng, nonsingular: boolean) {
  for (;;) {
    const a = r.nonzero(-3, 3);
    const b = r.int(-4, 4);
    const c = r.nonzero(-3, 3);
    const det = 4 * a * c - b * b;
    if (nonsingular && det === 0) continue;
    const p = r.int(-3, 3);
    const s = r.int(-3, 3);
    const d = -(2 * a * p + b * s);
    const e = -(b * p + 2 * c * s);
    const text = T(V(sum(term(a, "x^2"), term(b, "x*y"), term(c, "y^2"), term(d, "x"), term(e, "y"))));
    return {
      a,
      b,
      c,
      d,
      e,
      p,
      s,
      det,
      text,
      H: [
        [2 * a, b],
        [b, 2 * c],
      ],
    };
  }
}

const TYPE_WORDS: Record<string, string> = {
  minimum: "minimum",
  min: "minimum",
  "local minimum": "minimum",
  "local min": "minimum",
  maximum: "maximum",
  max: "maximum",
  "local maximum": "maximum",
  "local max": "maximum",
  saddle: "saddle",
  "saddle point": "saddle",
};

function classifyCritical(r: Rng): Draft {
  const f = quadratic(r, true);
  const { H, det, p, s } = f;
  const type = det < 0 ? "saddle" : H[0]![0]! > 0 ? "minimum" : "maximum";
  const fromDiagonal =
    H[0]![0]! > 0 && H[1]![1]! > 0 ? "minimum" : H[0]![0]! < 0 && H[1]![1]! < 0 ? "maximum" : "saddle";
  const key = [[String(p), String(s), type]];
  const mistakes = [];
  if (fromDiagonal !== type)
    mistakes.push(
      mistake(
        "classified_from_diagonal",
        "The signs of the diagonal alone do not decide: the determinant of the Hessian does (negative: a saddle).",
        [[String(p), String(s), fromDiagonal]],
      ),
    );
  return {
    kind: "concrete",
    problem: {
      statement: `f(x, y) = ${f.text} has one critical point. Find it and say whether it is a minimum, a maximum or a saddle.`,
      latex: `f(x, y) = ${toLatex(V(f.text))}`,
      given: { decls: { x: decl.scalar, y: decl.scalar }, f: f.text, vars: XY, wrt: XY, asks: "classify" },
      answer: key,
      vars: [],
      grid: {
        ...gridSpec(
          1,
          3,
          "the critical point (x, y) and its type",
          "number",
          [["x", "y", "type (minimum, maximum or saddle)"]],
          TYPE_WORDS,
        ),
        // The point's cells are numbers, the last cell a word.
        kinds: [["number", "number", "word"]],
      },
      steps: [
        {
          text: `∇f = (${sum(term(2 * f.a, "x"), term(f.b, "y"), String(f.d))}, ${sum(term(f.b, "x"), term(2 * f.c, "y"), String(f.e))}) = 0 gives (x, y) = (${p}, ${s}).`,
        },
        {
          text: `The Hessian is constant: H = ${matText(H)}, with determinant ${det} and trace ${H[0]![0]! + H[1]![1]!}.`,
          latex: `H = ${matLatex(H)}`,
        },
        {
          text:
            det < 0
              ? "det H < 0: the eigenvalues have opposite signs, so the point is a saddle."
              : `det H > 0 and H₁₁ ${H[0]![0]! > 0 ? "> 0: both eigenvalues are positive, a minimum" : "< 0: both eigenvalues are negative, a maximum"}.`,
        },
      ],
      mistakes,
    },
  };
}

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
  if (one) {
    fText = r.pick([
      `e^(${term(k, "x")})`,
      `ln(1 + ${term(Math.abs(k), "x")})`,
      `cos(${term(Math.abs(k), "x")})`,
      `sin(${term(Math.abs(k), "x")})`,
      `1/(1 + ${term(Math.abs(k), "x")})`,
      `x*e^(${term(k, "x")})`,
      `sqrt(1 + ${term(Math.abs(k), "x")})`,
      sum(term(r.nonzero(-2, 2), "x^3"), term(m, "x^2")),
    ]);
    at = { x: fText.includes("x^3") ? r.int(-2, 2) : 0 };
  } else {
    fText = r.pick([
      `e^(${term(k, "x")})*cos(${term(Math.abs(m), "y")})`,
      `e^(${sum(term(k, "x"), term(m, "y"))})`,
      `sin(${sum(term(k, "x"), term(m, "y"))})`,
      `ln(1 + ${sum(term(Math.abs(k), "x"), term(Math.abs(m), "y"))})`,
      `e^(${term(k, "x")})*sin(${term(Math.abs(m), "y")})`,
      `cos(${sum(term(k, "x"), term(m, "y"))})`,
      `x*e^(${term(m, "y")})`,
      sum(term(r.nonzero(-2, 2), "x^2*y"), term(k, "x*y"), term(m, "y^2")),
    ]);
    at = fText.includes("x^2*y") ? { x: r.int(-2, 2), y: r.int(-2, 2) } : { x: 0, y: 0 };
  }
  const f = V(term(scale, fText.includes(" + ") || fText.includes(" - ") ? `(${fText})` : fText));
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
    version: 1,
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
    version: 1,
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
