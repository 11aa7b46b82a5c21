// Practice data functions, one operation a file. Each takes the acting user and touches only that
// user's instances: an instance id that is not theirs is answered exactly like one that does not exist.
export { startInstance } from "@/lib/server/practice/start-instance";
export { getInstance } from "@/lib/server/practice/get-instance";
export { takeHint } from "@/lib/server/practice/take-hint";
export { submitAnswer } from "@/lib/server/practice/submit";
export { revealAnswer } from "@/lib/server/practice/reveal-answer";
export { reportGrading } from "@/lib/server/practice/report-grading";
