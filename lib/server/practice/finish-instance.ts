// Finishing a problem, shared by the try that ends it and "show me the answer": the instance's final
// state and its one review (which updates the skill card), in the caller's transaction.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type FinishedAttempt, recordReview } from "@/lib/server/scheduling/record-review";

export interface FinalState {
  finishedAt: Date;
  outcome: FinishedAttempt["outcome"];
  durationMs: number;
  triesUsed?: number;
  late?: boolean;
}

export async function finishInstance(
  tx: Prisma.TransactionClient,
  f: Omit<FinishedAttempt, "outcome" | "durationMs" | "now"> & { state: FinalState },
): Promise<void> {
  const { state, ...attempt } = f;
  await tx.problemInstance.update({ where: { id: f.instanceId }, data: state });
  await recordReview(tx, {
    ...attempt,
    outcome: state.outcome,
    durationMs: state.durationMs,
    now: state.finishedAt,
  });
}
