// The topics of the skill catalogue in the order of the curriculum, with the titles pages show.
import type { Topic } from "./types";

export const TOPIC_TITLES: Readonly<Record<Topic, string>> = {
  limits: "Limits",
  derivatives: "Derivatives",
  "partial-derivatives": "Partial derivatives",
  gradients: "Gradients",
  directional: "Directional derivatives",
  "chain-rule": "The multivariable chain rule",
  jacobians: "Part 2: Jacobians and the shapes of derivatives",
  "vector-rules": "Part 2: Element-wise operations, sums and the vector chain rule",
  "network-gradients": "Part 2: Gradients of neurons and losses",
  "second-order": "Part 3: Hessians, Taylor and Newton",
};

/** Topics in curriculum order: Part 1, then Parts 2 and 3. */
export const TOPICS: readonly Topic[] = Object.keys(TOPIC_TITLES) as Topic[];

/** Part 1 of the curriculum: the single- and multivariable basics (what the placement check covers). */
export const PART_ONE_TOPICS: readonly Topic[] = [
  "limits",
  "derivatives",
  "partial-derivatives",
  "gradients",
  "directional",
  "chain-rule",
];
