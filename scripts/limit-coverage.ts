// `npm run limit:coverage [-- FILE.json] [-- --refusals]`: every limit of a set with known answers
// (default: tests/unit/limit-cases/sympy.json, the limits of a computer algebra system's own tests)
// answered by the command-line tool's limit request, and counted right / refused / wrong. Lists the
// wrong ones (there must be none) and the refused ones; `--refusals` prints the refusals as the JSON
// list that tests/unit/limit-cases/sympy-refused.json holds.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { caseKey, loadCases, scoreCase, summary } from "../tests/unit/limit-cases/score";

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--")) ?? "tests/unit/limit-cases/sympy.json";
const cases = loadCases(pathToFileURL(path.resolve(file)));
const started = performance.now();
const scored = cases.map(scoreCase);
const ms = performance.now() - started;
const refused = scored.filter((s) => s.verdict === "refused");
if (args.includes("--refusals")) {
  console.log(
    JSON.stringify(
      refused.map((s) => caseKey(s.c)),
      null,
      1,
    ),
  );
} else {
  for (const s of scored.filter((t) => t.verdict === "wrong"))
    console.log(`WRONG   ${caseKey(s.c)}: want ${s.c.want}, got ${s.got}`);
  for (const s of refused) console.log(`refused ${caseKey(s.c)}: ${s.got}`);
  const n = summary(scored);
  const pct = (k: number) => ((100 * k) / scored.length).toFixed(1);
  console.log(
    `${file}: ${scored.length} limits, ${n.right} right (${pct(n.right)} %), ${n.refused} refused, ` +
      `${n.wrong} wrong; ${(ms / scored.length).toFixed(1)} ms a limit on average`,
  );
}
