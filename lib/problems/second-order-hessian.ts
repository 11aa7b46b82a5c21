// Part 3, second order: higher-order derivatives and the Hessian, symbolic and of a quadratic form
// (the generators; their skills are listed in skills-second-order.ts). Keys by the core's derivatives.
import { type Expr } from "../calculus/ast";
import { derivative, gradient, hessian } from "../calculus/diff";
import { toLatex } from "../calculus/print";
import type { Draft } from "./build";
import { decl, gridSpec, matLatex, matText, mistake } from "./concrete";
import { P, T, reject } from "./exact";
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

export function higherOrder(r: Rng): Draft {
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
    template: `${["power-times-exp", "power-times-sin", "power-times-cos", "exp-times-sin", "power-plus-exp", "power-times-log", "exp-times-cos"][pick]!}-order-${order}`,
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

export function hessianSymbolic(r: Rng): Draft {
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
  const kind = extra === "" ? "polynomial" : extra.includes("sin") ? "with-sine" : "with-exponential";
  return { ...hessianDraft(f, vars), template: `${vars.length}-variables-${kind}` };
}

/** The Hessian of f in `vars` as a grid of expressions, with its worked solution (Reject if degenerate). */
export function hessianDraft(f: Expr, vars: readonly string[]): Draft {
  const h = hessian(f, [...vars]);
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

/** Version 1: two variables in 70 % of the problems. */
export function hessianQuadraticFormV1(r: Rng): Draft {
  return quadraticFormDraft(r, r.next() < 0.7 ? 2 : 3);
}

/** Version 2: two or three variables equally often. */
export function hessianQuadraticForm(r: Rng): Draft {
  return quadraticFormDraft(r, r.next() < 0.5 ? 2 : 3);
}

function quadraticFormDraft(r: Rng, n: number): Draft {
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
    template: `${n}-variables-${A.flat().includes(0) ? "with-zeros" : "full"}`,
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
