// `npm run bench:cli [-- --runs 5 --pairs 20000 --derivatives 1000]`: `calc batch` timed as a whole
// process (start, read JSON Lines, answer, exit) against the same batch answered by math.js
// (scripts/mathjs-batch.mjs), on held-out inputs: products of two compositions that the in-process
// benchmark's corpus does not contain. Two batches: derivative requests, and equivalence requests
// (our derivative as the key against math.js's derivative as the answer, and the same plus x/1000).
// Uses hyperfine when it is installed (Debian: apt-get install hyperfine), else times the runs itself.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { derivative as mathDerivative } from "mathjs";
import { derivative } from "../lib/calculus/diff";
import { parse } from "../lib/calculus/parse";
import { toText } from "../lib/calculus/print";
import { INNER, OUTER } from "../tests/unit/fixtures/derivative-corpus";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i < 0 ? fallback : Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} must be a positive whole number`);
  return v;
}

const runs = arg("runs", 5);
const pairCount = arg("pairs", 20_000);
const derivativeCount = arg("derivatives", 1_000);
const toMathjs = (s: string) =>
  s.replace(/\bln\(/g, "log(").replace(/\blog_([0-9.]+)\(([^()]*)\)/g, "log($2, $1)");

// Held-out inputs: (outer1 of inner1) times (outer2 of inner2), in a fixed pseudo-random order.
let state = 20261130;
const pick = <T>(xs: readonly T[]): T => {
  state = (Math.imul(state, 1103515245) + 12345) >>> 0;
  return xs[state % xs.length]!;
};
const inputs: { expr: string; key: string; mathjs: string }[] = [];
const seen = new Set<string>();
for (let tries = 0; inputs.length < 200 && tries < 5000; tries++) {
  const expr = `${pick(OUTER).replaceAll("u", pick(INNER))} * ${pick(OUTER).replaceAll("u", pick(INNER))}`;
  if (seen.has(expr)) continue;
  seen.add(expr);
  const p = parse(expr, { vars: ["x"] });
  if (!p.ok) continue;
  const d = derivative(p.expr, "x");
  if (!d.ok) continue;
  let mathjs: string;
  try {
    mathjs = mathDerivative(toMathjs(toText(p.expr)), "x").toString();
  } catch {
    continue; // math.js cannot differentiate it: left out of both sides
  }
  if (!parse(mathjs, { vars: ["x"] }).ok) continue;
  inputs.push({ expr: toText(p.expr), key: toText(d.expr), mathjs });
}

const cycle = <T>(xs: readonly T[], n: number): T[] =>
  Array.from({ length: n }, (_, i) => xs[i % xs.length]!);
const diffLines = cycle(inputs, derivativeCount).map((x) =>
  JSON.stringify({ op: "diff", expr: x.expr, var: "x" }),
);
const equivLines = cycle(inputs, Math.ceil(pairCount / 2)).flatMap((x) => [
  JSON.stringify({ op: "equiv", expected: x.key, answer: x.mathjs, vars: ["x"] }),
  JSON.stringify({ op: "equiv", expected: x.key, answer: `${x.mathjs} + x/1000`, vars: ["x"] }),
]);

const root = process.cwd();
const scratch = mkdtempSync(path.join(os.tmpdir(), "gd-bench-cli-"));
const files = {
  derivatives: path.join(scratch, "diff.jsonl"),
  equivalence: path.join(scratch, "equiv.jsonl"),
};
writeFileSync(files.derivatives, diffLines.join("\n") + "\n");
writeFileSync(files.equivalence, equivLines.join("\n") + "\n");

const commands = {
  ours: `node ${path.join(root, "bin/calc.mjs")} batch`,
  mathjs: `node ${path.join(root, "scripts/mathjs-batch.mjs")}`,
};

function outputOf(command: string, file: string): string[] {
  const r = spawnSync("sh", ["-c", `${command} < ${file}`], { encoding: "utf8", maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`${command} failed: ${r.stderr}`);
  return r.stdout.trim().split("\n");
}

/** Mean and min wall time of `runs` runs of `command < file`, in seconds. */
function time(command: string, file: string): { mean: number; min: number } {
  const hf = spawnSync("hyperfine", ["--version"]);
  if (!hf.error) {
    const json = path.join(scratch, "hyperfine.json");
    const r = spawnSync(
      "hyperfine",
      [
        "--warmup",
        "1",
        "--runs",
        String(runs),
        "--export-json",
        json,
        "--style",
        "none",
        `${command} < ${file}`,
      ],
      { encoding: "utf8" },
    );
    if (r.status !== 0) throw new Error(`hyperfine failed: ${r.stderr}`);
    const result = (JSON.parse(readFileSync(json, "utf8")) as { results: { mean: number; min: number }[] })
      .results[0]!;
    return { mean: result.mean, min: result.min };
  }
  outputOf(command, file); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    outputOf(command, file);
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  return { mean: times.reduce((s, t) => s + t, 0) / times.length, min: Math.min(...times) };
}

try {
  // Both sides answer every request, and agree on every equivalence verdict.
  const ours = outputOf(commands.ours, files.equivalence).map(
    (l) => JSON.parse(l) as { equivalent?: boolean },
  );
  const theirs = outputOf(commands.mathjs, files.equivalence).map(
    (l) => JSON.parse(l) as { equivalent?: boolean },
  );
  const disagree = ours.filter((o, i) => o.equivalent !== theirs[i]?.equivalent).length;
  const diffOk = outputOf(commands.ours, files.derivatives).filter((l) => l.includes('"ok":true')).length;

  console.log(
    `machine: ${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.cpus().length} cores, Node ${process.version}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
  console.log(
    `held-out inputs: ${inputs.length} distinct; ${diffLines.length} derivative requests (${diffOk} answered), ` +
      `${equivLines.length} equivalence requests (verdicts that differ from math.js: ${disagree})`,
  );
  console.log(
    "\n| batch | calc batch s (mean / min) | math.js s (mean / min) | ratio (mean) |\n|---|---|---|---|",
  );
  for (const [name, file] of Object.entries(files)) {
    const a = time(commands.ours, file);
    const b = time(commands.mathjs, file);
    console.log(
      `| ${name} | ${a.mean.toFixed(3)} / ${a.min.toFixed(3)} | ${b.mean.toFixed(3)} / ${b.min.toFixed(3)} | **${(b.mean / a.mean).toFixed(1)}x** |`,
    );
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
