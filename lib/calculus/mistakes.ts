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
  sign_error: "Your answer has the wrong sign.",
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

/** The differentiator's deliberate wrong rules and the mistake each one is named by. */
export const RULE_MISTAKES: readonly (readonly [Mistake, MistakeCode])[] = [
  ["no-inner-derivative", "chain_rule_inner"],
  ["product-of-derivatives", "product_rule_as_product"],
  ["reversed-quotient", "quotient_rule_reversed"],
  ["quotient-of-derivatives", "quotient_of_derivatives"],
];
