// Shared by the scale seed and the benchmarks: every scale learner's password.
export const SCALE_PASSWORD = "scale-learner-password";
