// Every mistake the grader can name: its code and the sentence the learner reads. Where the wording
// depends on the problem (which variable, how many figures, which component), the grader says it in
// a more specific sentence under the same code. Codes are stored with submissions and drive the
// scheduler's bring-forward (lib/srs), so a code is never renamed or reused.
import type { Mistake } from "./diff";

export const MISTAKES = {
  // differentiation (the core's diagnosis, lib/calculus/diagnose.ts)
  wrong_variable: "You differentiated with respect to the wrong variable.",
  integrated:
    "You integrated instead of differentiating: the derivative of your answer is the original function.",
  chain_rule_inner: "You used the chain rule without multiplying by the derivative of the inner function.",
  product_rule_as_product:
    "You multiplied the derivatives of the factors; the product rule is (fg)' = f'g + fg'.",
  quotient_rule_reversed: "The numerator of your quotient rule is reversed; it is (f'g - fg')/g^2.",
  quotient_of_derivatives: "You divided the derivatives; the quotient rule is (f'g - fg')/g^2.",
  partial_not_constant:
    "In a partial derivative the other variables are constants; you differentiated them too.",
  gradient_swapped: "Your gradient has the right components in the wrong order.",
  power_not_lowered:
    "You brought the exponent down but did not lower it: d/dx x^n = n x^(n-1), one power less.",
  sign_error: "Your answer has the wrong sign.",
  sign_error_term: "One term of your answer has the wrong sign; the other terms are right.",
  constant_factor: "Your answer is off by a constant factor.",
  // numbers (lib/problems/grade)
  too_few_figures: "Your decimal has too few significant figures; give more, or an exact value.",
  function_value: "That is the value of the function at the point, not of its derivative.",
  not_unit: "You used the direction vector as given; divide it by its length first (u = v/|v|).",
  norm_squared: "That is the squared length of the gradient; take its square root.",
  reciprocal: "Your answer is the reciprocal of the limit: check which constant belongs on top.",
  // the chain rule along a curve
  chain_missing_term: "You left out a term: df/dt = f_x x'(t) + f_y y'(t).",
  chain_inner_missing:
    "Multiply each partial derivative by the derivative of its inner function, x'(t) or y'(t).",
  chain_one_inner_missing:
    "One partial derivative is not multiplied by the derivative of its inner function: df/dt = f_x x'(t) + f_y y'(t).",
  // tangent lines
  tangent_no_shift: "Use y = f(a) + f'(a)(x - a): the slope multiplies (x - a), not x.",
  tangent_no_value: "The line must pass through (a, f(a)): add f(a).",
  derivative_not_line: "That is the derivative f'(x); the tangent line is y = f(a) + f'(a)(x - a).",
  // vectors
  wrong_shape: "Your vector has the wrong number of components.",
  descent_direction:
    "That is the direction of steepest descent; the function increases fastest along +grad f.",
  // concrete vectors and matrices (Parts 2 and 3: lib/problems/grade/grid.ts)
  layout_transposed:
    "Right values in the wrong layout: rows and columns are swapped (∂f/∂x is a row, ∇ₓ f a column).",
  one_derivative_short: "That is one derivative too few: differentiate once more.",
  hessian_2a: "2A is the Hessian of xᵀAx only when A is symmetric; in general it is A + Aᵀ.",
  hessian_a: "A is only half of it: the Hessian of xᵀAx is A + Aᵀ.",
  diagonal_not_eigenvalues: "Those are the diagonal entries; the eigenvalues solve det(H − λI) = 0.",
  classified_from_diagonal:
    "The diagonal entries alone do not decide: look at the eigenvalues, or the determinant with the trace.",
  condition_inverted: "That is λ_min/λ_max; the condition number is λ_max/λ_min ≥ 1.",
  direction_not_unit: "Use the unit vector: the factor 1/|d|² belongs in dᵀHd.",
  taylor_no_half: "The second-order term needs the factor ½: ½ (x − a)ᵀH(x − a).",
  taylor_first_order: "That is the first-order (linear) approximation; add the second-order term.",
  step_inverted: "That is gᵀHg / gᵀg, upside down: ε* = gᵀg / gᵀHg.",
  newton_plus: "Newton's step subtracts: x₁ = x₀ − H⁻¹∇f, not x₀ + H⁻¹∇f.",
  newton_times_h: "Multiply by the inverse of the Hessian, not by the Hessian: x₁ = x₀ − H⁻¹∇f.",
  gradient_step: "That is a gradient step x₀ − ∇f; Newton's step scales the gradient by H⁻¹.",
  missing_gate: "The ReLU gate is closed where z < 0: nothing passes back through it there.",
  missing_factor_2: "The square brings down a factor 2.",
  missing_mean: "The loss is a mean: divide the sum by N.",
  preactivation_for_activation: "Use the activation h = max(0, z), not the pre-activation z.",
  softmax_y_minus_s: "The sign is reversed: the gradient of softmax cross-entropy is s − y, not y − s.",
  softmax_forgot_y: "That is s alone: subtract the one-hot label, s − y.",
  // symbolic vectors and matrices (lib/calculus/matrix: mequiv, mderiv). The codes are those the
  // command-line tool has always given; where a sentence depends on the problem (shapes, a
  // dimension) or on which form of the mistake was seen, MATRIX_SAID words it under the same code.
  // No sentence states the key.
  layout:
    "Right values in the wrong layout: your answer is the transpose of the one asked (rows are outputs, columns inputs; a gradient has its variable's shape).",
  symmetric_part:
    "2A (or A alone) is right only when A is symmetric, and A here is not: x meets A from both sides, once as A and once transposed.",
  gate_dropped: "The ReLU gate is missing: the derivative of max(0, z) is 0 where z < 0.",
  gate_outside_sum:
    "The ReLU gate is outside the sum: each sample has its own gate, so it belongs inside the sum, applied sample by sample.",
  sigmoid_derivative: "σ' is not σ itself: differentiate 1/(1 + e^(−z)).",
  preactivation: "You used the pre-activation z where the activation f(z) belongs.",
  chain_order:
    "The factors are in the wrong order: matrix products do not commute (and in the chain rule the outer derivative comes first, on the left).",
  missing_factor: "A constant factor is missing (such as the 2 from differentiating a square).",
  extra_factor: "Your answer is twice the correct one: there is a factor 2 too many.",
  n_for_sum:
    "A dimension counts the entries: it is right only when every entry is 1 (as for ∂sum(x + z)/∂z); here each entry contributes its own value.",
  not_summed:
    "Your answer is a vector whose sum is the answer: a derivative of a sum over samples (a bias gradient) adds up the per-sample terms.",
  vector_for_diag:
    "Your answer is a vector, but this derivative is a matrix: the Jacobian of an entry-by-entry operation is diagonal, not a vector.",
  ones_vector:
    "Your answer is a scalar, but the answer is a vector: the same value in every entry is that value times 1_n (the vector of ones), not a bare number.",
  identity: "Your answer is a scalar, but the answer is a square matrix: that number times the identity I.",
  reversed_difference: "A difference is reversed (such as y − ŷ where ŷ − y belongs).",
  taylor_half:
    "The second-order term of a Taylor expansion has a factor ½ (the 1/2! in front of the second derivative).",
  newton_step: "A Newton step moves against the gradient: check the sign of the step.",
} as const;

export type MistakeCode = keyof typeof MISTAKES;

/** A named mistake: its code and the sentence shown to the learner. */
export interface Diagnosis {
  readonly code: MistakeCode;
  readonly message: string;
}

/** A diagnosis with the catalogue's sentence. */
export function diagnosisOf(code: MistakeCode): Diagnosis {
  return { code, message: MISTAKES[code] };
}

export function isMistakeCode(code: string): code is MistakeCode {
  return Object.hasOwn(MISTAKES, code);
}

type Dim = string | number;
const said = (code: MistakeCode, message: string): Diagnosis => ({ code, message });

/**
 * The matrix grader's sentences that name the problem's shapes or dimensions, or tell two forms of
 * one mistake apart; each under its catalogue code. Shapes are given as "m×n".
 */
export const MATRIX_SAID = {
  /** A column where the row ∂f/∂x (1×cols) was asked. */
  layoutRow: (cols: Dim) =>
    said(
      "layout",
      `Right values, but a column where the row (1×${cols}) was asked: in numerator layout the derivative of a scalar by a vector is a row.`,
    ),
  /** A row where the column (rows×1) was asked. */
  layoutColumn: (rows: Dim) =>
    said(
      "layout",
      `Right values, but a row where the column (${rows}×1) was asked (a gradient has the shape of its variable).`,
    ),
  layoutMatrix: (shape: string) =>
    said(
      "layout",
      `Your answer is the transpose of the correct one (a layout mistake): rows are the outputs, columns the inputs (${shape}).`,
    ),
  transposeMissing: said("layout", "A transpose is missing in your answer (a layout mistake)."),
  transposeExtra: said("layout", "A transpose is extra in your answer (a layout mistake)."),
  symmetricTwice: said(
    "symmetric_part",
    "2A is right only when A is symmetric, and A here is not: x meets A from both sides, once as A and once transposed.",
  ),
  symmetricHalf: said(
    "symmetric_part",
    "That is only half of it: x meets A from both sides, once as A and once transposed.",
  ),
  /** Right only if these square matrices were symmetric. */
  symmetricOnly: (names: string) =>
    said(
      "symmetric_part",
      `Your answer would be right only if ${names} were symmetric, and here it is not: a matrix and its transpose differ.`,
    ),
  sigmoidAsSigmoid: said("sigmoid_derivative", MISTAKES.sigmoid_derivative),
  sigmoidAsTanh: said("sigmoid_derivative", "1 − σ² is the derivative of tanh, not of σ."),
  half: said(
    "missing_factor",
    "Your answer is half the correct one: a factor 2 is missing (the derivative of a square).",
  ),
  missingTwo: said("missing_factor", "A factor 2 is missing (the derivative of a square is 2 times …)."),
  missingHalf: said("missing_factor", "A factor ½ is missing."),
  timesDim: (d: Dim) =>
    said(
      "missing_mean",
      `Your answer is ${d} times the correct one: the factor 1/${d} of the mean is missing.`,
    ),
  meanMissing: (d: Dim) => said("missing_mean", `The factor 1/${d} of the mean is missing.`),
  overDim: (d: Dim) =>
    said(
      "extra_factor",
      `Your answer is the correct one divided by ${d}: there is a factor 1/${d} too many.`,
    ),
  wrongSign: said(
    "sign_error",
    "Your answer has the wrong sign (check the order of a difference, such as ŷ − y).",
  ),
  newtonAsGradientStep: said(
    "gradient_step",
    "That is a plain gradient step: a Newton step also takes the curvature (the Hessian) into account.",
  ),
  newtonTimesH: said(
    "newton_step",
    "A Newton step scales the gradient by the inverse of the Hessian, not by the Hessian.",
  ),
  vectorForDiag: (shape: string) =>
    said(
      "vector_for_diag",
      `Your answer is a vector, but this derivative is the ${shape} matrix: the Jacobian of an entry-by-entry operation is diagonal, not a vector.`,
    ),
  onesVector: (shape: string, rows: Dim) =>
    said(
      "ones_vector",
      `Your answer is a scalar, but the answer is ${shape}: the same value in every entry is that value times 1_${rows} (the vector of ones), not a bare number.`,
    ),
  identity: (shape: string) =>
    said(
      "identity",
      `Your answer is a scalar, but the answer is the ${shape} matrix: that number times the identity I.`,
    ),
  wrongShape: (answer: string, key: string) =>
    said("wrong_shape", `Your answer is ${answer}, but the answer is ${key}.`),
} as const;

/** The differentiator's deliberate wrong rules and the mistake each one is named by. */
export const RULE_MISTAKES: readonly (readonly [Mistake, MistakeCode])[] = [
  ["no-inner-derivative", "chain_rule_inner"],
  ["product-of-derivatives", "product_rule_as_product"],
  ["reversed-quotient", "quotient_rule_reversed"],
  ["quotient-of-derivatives", "quotient_of_derivatives"],
  ["exponent-not-lowered", "power_not_lowered"],
];
