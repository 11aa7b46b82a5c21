// Which skill a diagnosed mistake points at: a wrong answer with this diagnosis brings that skill
// forward in the learner's schedule, when it is a prerequisite of the skill just reviewed
// (lib/srs/README.md, "Bring-forward").
import type { DiagnosisSkillMap } from "@/lib/srs";

export const DIAGNOSIS_SKILLS: DiagnosisSkillMap = {
  chain_rule_inner: "derivative-chain-rule",
  chain_inner_missing: "derivative-chain-rule",
  chain_one_inner_missing: "derivative-chain-rule",
  power_not_lowered: "derivative-power-rule",
  product_rule_as_product: "derivative-product-rule",
  quotient_rule_reversed: "derivative-quotient-rule",
  quotient_of_derivatives: "derivative-quotient-rule",
  partial_not_constant: "partial-derivative-two-variables",
  wrong_variable: "partial-derivative-two-variables",
  not_unit: "directional-derivative",
  function_value: "derivative-at-a-point",
  // Parts 2 and 3: a transposed answer calls for the layout convention, a dropped ReLU gate for the
  // neuron's gradient.
  layout_transposed: "shapes-of-derivatives",
  missing_gate: "neuron-gradient",
  hessian_2a: "hessian-quadratic-form",
  classified_from_diagonal: "definiteness-and-curvature",
  taylor_no_half: "second-order-taylor",
  // Symbolic matrix answers (codes only they give): the same mistakes as their grid counterparts
  // call for the same skills.
  layout: "shapes-of-derivatives",
  vector_for_diag: "shapes-of-derivatives",
  ones_vector: "shapes-of-derivatives",
  identity: "shapes-of-derivatives",
  gate_dropped: "neuron-gradient",
  gate_outside_sum: "neuron-gradient",
  preactivation: "neuron-gradient",
  not_summed: "mean-squared-error-gradient",
  symmetric_part: "hessian-quadratic-form",
  taylor_half: "second-order-taylor",
  sigmoid_derivative: "derivative-exponential",
  chain_order: "multivariable-chain-rule",
};
