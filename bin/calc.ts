// The calculus core on the command line: `calc batch` speaks JSON Lines (one response per request,
// in order, flushed as each is done); `calc diff "x^2 sin x"` and friends are for people.
import { createInterface } from "node:readline";
import { handle, handleLine, type Response } from "../lib/calculus/api";
import { matrixOps } from "../lib/calculus/matrix/protocol";
import { problemOps } from "../lib/problems/api";

const USAGE = `Usage:
  calc batch                         JSON Lines on stdin -> one JSON line per request on stdout
                                     (also the problem ops: skills, generate, grade;
                                     the matrix ops: mparse, mequiv, mderiv)
  calc parse "<expr>"                how an input is read (canonical text, LaTeX, warnings)
  calc diff "<expr>" [var]           derivative (default var: x)
  calc grad "<expr>" <var> [var...]  gradient
  calc hessian "<expr>" <var> [...]  Hessian matrix
Examples:
  npm run calc -- diff "x^2 sin x"
  echo '{"op":"diff","expr":"x^2 sin x","var":"x"}' | npm run --silent calc -- batch`;

async function batch(): Promise<void> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.trim() === "") continue;
    const out = JSON.stringify(handleLine(line, (r) => matrixOps(r) ?? problemOps(r))) + "\n";
    if (!process.stdout.write(out)) await new Promise((resolve) => process.stdout.once("drain", resolve));
  }
}

function show(r: Response): number {
  if (r.ok !== true) {
    const e = r.error as { message: string; at?: number };
    console.error(`error: ${e.message}${e.at !== undefined ? ` (at position ${e.at})` : ""}`);
    return 1;
  }
  for (const [k, v] of Object.entries(r)) {
    if (k === "ok") continue;
    console.log(`${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`);
  }
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [cmd, expr, ...rest] = argv;
  switch (cmd) {
    case "batch":
      await batch();
      return 0;
    case "parse":
      return show(handle({ op: "parse", input: expr ?? "" }));
    case "diff":
      return show(handle({ op: "diff", expr: expr ?? "", var: rest[0] ?? "x" }));
    case "grad":
      return show(handle({ op: "grad", expr: expr ?? "", vars: rest }));
    case "hessian":
      return show(handle({ op: "hessian", expr: expr ?? "", vars: rest }));
    default:
      console.error(USAGE);
      return cmd === undefined || cmd === "help" || cmd === "--help" ? 0 : 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
