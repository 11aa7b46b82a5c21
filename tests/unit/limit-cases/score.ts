// Scoring a set of limits with known answers through the command-line tool's limit request: each
// case is right, refused (CANNOT_DECIDE or any other error) or wrong (a confident answer that is not
// the known one). Used by the unit test of the set and by `npm run limit:coverage`.
import { readFileSync } from "node:fs";
import { parse } from "../../../lib/calculus/parse";
import { evalConst } from "../../../lib/calculus/limit/search";
import { handle } from "../../../lib/calculus/tool-protocol";

/** One limit: `want` is "+inf", "-inf", "dne" or an exact constant in the reader's notation. */
export interface LimitCase {
  readonly expr: string;
  readonly to: string;
  readonly side: "both" | "left" | "right";
  readonly want: string;
  /** Where the case comes from (file and test name), or how it was derived. */
  readonly source: string;
}

export type Verdict = "right" | "refused" | "wrong";

export interface Scored {
  readonly c: LimitCase;
  readonly verdict: Verdict;
  /** What the tool said, short: a value, an infinity, dne, or the refusal's message. */
  readonly got: string;
}

/** The key of a case in the refusals list: expression, point and side. */
export const caseKey = (c: LimitCase): string => `${c.expr} | ${c.to} | ${c.side}`;

export function loadCases(file: URL): LimitCase[] {
  return JSON.parse(readFileSync(file, "utf8")) as LimitCase[];
}

/** The known answer's value (exact constants evaluated in double precision). */
export function wantValue(want: string): number | "+inf" | "-inf" | "dne" {
  if (want === "+inf" || want === "-inf" || want === "dne") return want;
  const p = parse(want, { vars: [] });
  if (!p.ok) throw new Error(`unreadable answer ${want}: ${p.error.message}`);
  const v = evalConst(p.expr);
  if (!Number.isFinite(v)) throw new Error(`answer ${want} is not a finite number`);
  return v;
}

export function scoreCase(c: LimitCase): Scored {
  const want = wantValue(c.want);
  const r = handle({ op: "limit", expr: c.expr, var: "x", to: c.to, side: c.side });
  if (!r.ok) {
    const err = (r as { error?: { message?: string } }).error;
    return { c, verdict: "refused", got: err?.message ?? "error" };
  }
  const kind = r.kind as string;
  if (kind === "finite") {
    const v = r.value as number;
    const right = typeof want === "number" && Math.abs(v - want) <= 1e-8 * Math.max(1, Math.abs(want));
    return { c, verdict: right ? "right" : "wrong", got: String(v) };
  }
  return { c, verdict: kind === want ? "right" : "wrong", got: kind };
}

export function summary(scored: readonly Scored[]): Record<Verdict, number> {
  const n: Record<Verdict, number> = { right: 0, refused: 0, wrong: 0 };
  for (const s of scored) n[s.verdict]++;
  return n;
}
