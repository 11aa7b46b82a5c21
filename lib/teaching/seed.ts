// Per-student seeds for assignment problems: a stable hash of (set, student, item, copy), so each
// student has their own numbers, the same on every visit and on any server, and a regrade can
// reproduce them. Pure (FNV-1a, 32 bits; not for secrecy: seeds are not secrets, keys are).
import { fnv1a } from "../calculus/random";

/** A seed in [0, 2^31 - 1) for one problem of one student; `attempt` moves past a seed a generator refuses. */
export function assignmentSeed(
  setId: string,
  userId: string,
  itemId: string,
  copy: number,
  attempt = 0,
): number {
  const h = fnv1a(`${setId}|${userId}|${itemId}|${copy}|${attempt}`);
  // Mix once more so that nearby inputs spread out, then fold into a positive 31-bit integer.
  const m = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0;
  return (m ^ (m >>> 16)) % 2147483647;
}
