// The baseline of `npm run bench:cli`: the same JSON Lines as `calc batch` (ops `diff` and `equiv`),
// answered with math.js the way JavaScript graders commonly use it: `derivative(...).toString()`, and
// for equivalence `compile` both sides and compare them at 5 points (1e-8 relative).
// Usage: node scripts/mathjs-batch.mjs < requests.jsonl
import process from "node:process";
import { createInterface } from "node:readline";
import { compile, derivative } from "mathjs";

const POINTS = [-1.7, -0.45, 0.33, 1.21, 2.6];
/** Our texts write ln(u) and log_b(u); math.js reads log(u) and log(u, b). */
const toMathjs = (s) => s.replace(/\bln\(/g, "log(").replace(/\blog_([0-9.]+)\(([^()]*)\)/g, "log($2, $1)");

function answer(request) {
  if (request.op === "diff") {
    return { ok: true, result: derivative(toMathjs(request.expr), request.var).toString() };
  }
  if (request.op === "equiv") {
    const k = compile(toMathjs(request.expected));
    const a = compile(toMathjs(request.answer));
    const name = request.vars[0] ?? "x";
    for (const x of POINTS) {
      const kv = k.evaluate({ [name]: x });
      const av = a.evaluate({ [name]: x });
      if (typeof kv !== "number" || typeof av !== "number") continue;
      if (Math.abs(kv - av) > 1e-8 * Math.max(1, Math.abs(kv))) return { ok: true, equivalent: false };
    }
    return { ok: true, equivalent: true };
  }
  return { ok: false, error: { code: "UNKNOWN_OP", message: `unknown op ${String(request.op)}` } };
}

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  if (line.trim() === "") continue;
  let out;
  try {
    out = answer(JSON.parse(line));
  } catch (error) {
    out = { ok: false, error: { code: "ERROR", message: String(error) } };
  }
  if (!process.stdout.write(JSON.stringify(out) + "\n"))
    await new Promise((resolve) => process.stdout.once("drain", resolve));
}
