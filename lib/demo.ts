// The demo accounts seeded on the first local start and listed on the sign-in page in demo mode only.
export const DEMO_ACCOUNTS = [
  { email: "teacher@example.com", password: "teach-calculus", displayName: "Demo Teacher", role: "teacher" },
  {
    email: "ada@example.com",
    password: "practise-derivatives",
    displayName: "Ada (demo learner)",
    role: "learner",
  },
  {
    email: "emmy@example.com",
    password: "practise-gradients",
    displayName: "Emmy (demo learner)",
    role: "learner",
  },
] as const;
