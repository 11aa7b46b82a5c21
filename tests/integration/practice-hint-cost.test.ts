// What taking a hint step costs the server: one read of the problem (no second read to answer), and
// the hint steps worked out once, for the answer (not once more to count them). The steps and the
// record are those of practice-hints.test.ts; here only how much work a request does.
import { describe, expect, it, vi } from "vitest";
import type * as Problems from "@/lib/problems";
import { getPool } from "@/lib/server/db/client";
import { startInstance, takeHint } from "@/lib/server/practice/practice";
import { learner } from "./helpers";

const built = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/problems", async (importOriginal) => {
  const actual = await importOriginal<typeof Problems>();
  return {
    ...actual,
    hintSteps: (...args: Parameters<typeof actual.hintSteps>) => {
      built.count += 1;
      return actual.hintSteps(...args);
    },
  };
});

/** Runs `work` and counts the reads of a learner's own problem (the named statement "own_instance"). */
async function instanceReads<T>(work: () => Promise<T>): Promise<{ result: T; reads: number }> {
  const pool = getPool();
  const spy = vi.spyOn(pool, "query");
  try {
    const result = await work();
    const reads = spy.mock.calls.filter(
      ([q]) => typeof q === "object" && q !== null && (q as { name?: string }).name === "own_instance",
    ).length;
    return { result, reads };
  } finally {
    spy.mockRestore();
  }
}

describe("taking a hint step", () => {
  it("reads the problem once and works the steps out once", async () => {
    const me = await learner();
    const view = await startInstance({ actor: me, input: { skillId: "derivative-chain-rule" } });
    for (const step of [1, 2, 3]) {
      built.count = 0;
      const { result, reads } = await instanceReads(() =>
        takeHint({ actor: me, instanceId: view.id, input: { step } }),
      );
      expect(result.hints).toHaveLength(step);
      expect(reads).toBe(1);
      expect(built.count).toBe(1);
    }
    // A step already shown: answered from the one read, nothing written.
    built.count = 0;
    const again = await instanceReads(() => takeHint({ actor: me, instanceId: view.id, input: { step: 2 } }));
    expect(again.result.hints).toHaveLength(3);
    expect(again.reads).toBe(1);
    expect(built.count).toBe(1);
  });
});
