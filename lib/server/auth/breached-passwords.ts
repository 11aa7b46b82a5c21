// Refuses the most common breached passwords (NIST SP 800-63B, 5.1.1.2): data/breached-passwords.txt
// holds the 100,000 most frequent passwords of a public breach corpus, lowercased, sorted and
// deduplicated (origin, licence and how to rebuild it: docs/security.md). Loaded once, on first use.
import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { AppError } from "@/lib/server/errors";

export const BREACHED_PASSWORD =
  "This password is on a list of passwords leaked in data breaches, which attackers try first. Choose another one (a few unrelated words work well).";

let breached: Set<string> | undefined;

function list(): Set<string> {
  breached ??= new Set(
    readFileSync(
      path.join(/* turbopackIgnore: true */ process.cwd(), "data", "breached-passwords.txt"),
      "utf8",
    )
      .split("\n")
      .filter(Boolean),
  );
  return breached;
}

/** Whether `password` (compared ignoring case) is one of the common breached passwords. */
export function isBreachedPassword(password: string): boolean {
  return list().has(password.toLowerCase());
}

/** Throws WEAK_PASSWORD with a clear message for a common breached password. */
export function assertNotBreached(password: string): void {
  if (isBreachedPassword(password)) throw new AppError("WEAK_PASSWORD", BREACHED_PASSWORD);
}
