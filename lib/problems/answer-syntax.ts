// How an answer is written, shared by grading and the live preview: the core's light module (it
// imports nothing, so the grader does not reach the client bundle).
export { lhsOf, splitVector } from "../calculus/answer-syntax";
