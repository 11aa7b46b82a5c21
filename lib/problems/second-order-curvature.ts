// Part 3, second order: definiteness and curvature, and classifying critical points (the generators;
// their skills are listed in skills-second-order.ts), with the symmetric matrices of known
// eigenvalues and the quadratics of known critical point that the Taylor and Newton skills reuse.
import { type Expr } from "../calculus/ast";
import { toLatex } from "../calculus/print";
import type { Draft } from "./build";
import { decl, gridSpec, matLatex, matText, mistake, q, qText } from "./concrete";
import { P, T, reject } from "./exact";
import type { Rng } from "./random";
import { sum, term } from "./text";

type Step = { text: string; latex?: string };
const V = (s: string): Expr => P(s, ["x", "y", "z"]);
const XY = ["x", "y"];

// ---------------------------------------------------------------- a symmetric 2×2 matrix with known eigenvalues

export interface Spectral {
  H: number[][];
  l1: number;
  l2: number;
  /** Unit eigenvectors as text, for l1 and l2. */
  v1: string;
  v2: string;
}

/** H = l1 u uᵀ + l2 v vᵀ with integer entries: u = (1, 1)/√2 or (1, 2)/√5, or the axes. */
export function spectral(r: Rng, positive: boolean): Spectral {
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

export function definitenessCurvature(r: Rng): Draft {
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
        template: "eigenvalues",
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
        template: "definiteness",
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
        template: "condition-number",
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
        template: "curvature",
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
export function quadratic(r: Rng, nonsingular: boolean) {
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

const typeOf = (f: ReturnType<typeof quadratic>): "minimum" | "maximum" | "saddle" =>
  f.det < 0 ? "saddle" : f.H[0]![0]! > 0 ? "minimum" : "maximum";

/** Version 1: about 60 % of the critical points were saddles. */
export function classifyCriticalV1(r: Rng): Draft {
  return classifyDraft(quadratic(r, true));
}

/** Version 2: minimum, maximum and saddle equally often. */
export function classifyCritical(r: Rng): Draft {
  const want = r.pick(["minimum", "maximum", "saddle"] as const);
  for (let i = 0; i < 50; i++) {
    const f = quadratic(r, true);
    if (typeOf(f) === want) return classifyDraft(f);
  }
  return reject("no critical point of the kind drawn");
}

function classifyDraft(f: ReturnType<typeof quadratic>): Draft {
  const { H, det, p, s } = f;
  const type = typeOf(f);
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
    template: `${type}-${fromDiagonal === type ? "diagonal-agrees" : "diagonal-misleads"}`,
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
