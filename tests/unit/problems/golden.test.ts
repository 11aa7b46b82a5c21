// Golden problems: what each skill's current generator version gives for a few seeds. If this fails
// because a generator changed on purpose, bump that skill's `version` (lib/problems/README.md,
// "Versions") and update the snapshot with `npx vitest run tests/unit/problems -u`.
import { describe, expect, it } from "vitest";
import { SKILLS, generate } from "@/lib/problems/catalogue";

describe("golden problems", () => {
  it("are unchanged for seeds 0, 1 and 4294967295 of every skill at its current version", () => {
    const golden: Record<string, unknown> = {};
    for (const s of SKILLS) {
      for (const seed of [0, 1, 4294967295]) {
        const g = generate(s.id, seed);
        golden[`${s.id}@${s.version}#${seed}`] = g.ok ? g.problem.given : g.error;
      }
    }
    expect(golden).toMatchSnapshot();
  });
});
