// Benchmarks of the calculus core against math.js, in one process on the same inputs:
// 1. derivatives: ours (parse + differentiate + simplify + print) vs math.js `derivative` as its users
//    call it (default options, then toString);
// 2. equivalence: ours (parse both + seeded check at 40 points with scaled tolerance) vs math.js
//    compile-and-evaluate at 5 points (parse both, compile, evaluate, compare).
// 3. matrix grading: mequiv and mderiv (parse + type check + grade, as the command-line tool runs them)
//    on typical Part 2/3 answers, right and wrong, sizes up to 10.
// 4. limits: typical textbook limits as the command-line tool's limit request answers them (parse,
//    decide each side, confirm by numbers, exact form), ours only.
// Nothing is cached across repeated inputs. Usage: npm run bench [-- --quick]
import os from "node:os";
import { compile as mathCompile, derivative as mathDerivative, parse as mathParse } from "mathjs";
import { derivative } from "../lib/calculus/diff";
import { equivalent } from "../lib/calculus/equiv";
import { matrixOps } from "../lib/calculus/matrix";
import { parse } from "../lib/calculus/parse";
import { toText } from "../lib/calculus/print";
import { handle } from "../lib/calculus/tool-protocol";
import { INNER, OUTER, TEXTBOOK } from "../tests/unit/fixtures/derivative-corpus";

const quick = process.argv.includes("--quick");
const minMs = quick ? 300 : 2000;

function toMathjs(s: string): string {
  return s.replace(/\bln\(/g, "log(").replace(/\blog_([0-9.]+)\(([^()]*)\)/g, "log($2, $1)");
}

/** Run `fn` over all inputs repeatedly for at least `minMs`; the mean time per input in microseconds. */
function measure<T>(inputs: readonly T[], fn: (x: T) => unknown): { perOpUs: number; ops: number } {
  // Start each measurement with a clean heap, so that one side does not pay for the other's garbage.
  (globalThis as { gc?: () => void }).gc?.();
  for (let i = 0; i < Math.min(inputs.length, 50); i++) fn(inputs[i]!); // warm-up
  let ops = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (const x of inputs) fn(x);
    ops += inputs.length;
    elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  }
  return { perOpUs: (elapsed * 1000) / ops, ops };
}

// ---------------------------------------------------------------- inputs

const sources = [...TEXTBOOK, ...OUTER.flatMap((o) => INNER.map((i) => o.replaceAll("u", i)))];
const corpus: { learner: string; mathjs: string }[] = [];
for (const s of sources) {
  const p = parse(s, { vars: ["x"] });
  if (!p.ok) continue;
  const m = toMathjs(toText(p.expr));
  try {
    mathDerivative(m, "x");
    corpus.push({ learner: s, mathjs: m });
  } catch {
    // math.js cannot differentiate this one (abs, sign, ...): leave it out of both sides
  }
}

const pairs: { key: string; answer: string; mjKey: string; mjAnswer: string }[] = [];
for (const { learner, mathjs } of corpus) {
  const p = parse(learner, { vars: ["x"] });
  if (!p.ok) continue;
  const d = derivative(p.expr, "x");
  if (!d.ok) continue;
  const key = toText(d.expr);
  const other = mathDerivative(mathjs, "x").toString();
  const reread = parse(other, { vars: ["x"] });
  if (!reread.ok) continue;
  pairs.push({ key, answer: other, mjKey: toMathjs(key), mjAnswer: other });
  // and a near miss
  pairs.push({ key, answer: `${other} + x/1000`, mjKey: toMathjs(key), mjAnswer: `${other} + x/1000` });
}

// ---------------------------------------------------------------- derivatives

const oursD = measure(corpus, ({ learner }) => {
  const p = parse(learner, { vars: ["x"] });
  if (!p.ok) return null;
  const d = derivative(p.expr, "x");
  return d.ok ? toText(d.expr) : null;
});
const mathD = measure(corpus, ({ mathjs }) => mathDerivative(mathjs, "x").toString());

// ---------------------------------------------------------------- equivalence

const opts = { vars: ["x"] };
const oursE = measure(pairs, ({ key, answer }) => {
  const k = parse(key, opts);
  const a = parse(answer, opts);
  if (!k.ok || !a.ok) return null;
  return equivalent(k.expr, a.expr, opts);
});
const POINTS = [-1.7, -0.45, 0.33, 1.21, 2.6];
const mathE = measure(pairs, ({ mjKey, mjAnswer }) => {
  const k = mathCompile(mjKey);
  const a = mathCompile(mjAnswer);
  for (const x of POINTS) {
    const kv: unknown = k.evaluate({ x });
    const av: unknown = a.evaluate({ x });
    if (typeof kv !== "number" || typeof av !== "number") continue;
    if (Math.abs(kv - av) > 1e-8 * Math.max(1, Math.abs(kv))) return false;
  }
  return true;
});
void mathParse;

// ---------------------------------------------------------------- matrix grading

type MatrixRequest = { op: string } & Record<string, unknown>;
const layer = { W: "m x n", x: "n", y: "m", b: "m" };
const big = { W: "10 x 10", x: "10", y: "10", A: "10 x 10" };
const mequivs: MatrixRequest[] = [
  ["(A + A^T) x", "A x + A^T x", { A: "n x n", x: "n" }],
  ["(A + A^T) x", "2 A x", { A: "n x n", x: "n" }],
  ["diag(w) x", "w ⊙ x", { w: "n", x: "n" }],
  ["2(Wx - y)x^T", "2 W x x^T - 2 y x^T", layer],
  ["2(Wx - y)x^T", "2x(Wx - y)^T", layer],
  ["diag(softmax(z)) - softmax(z) softmax(z)^T", "diag(softmax(z)) (I - 1_n softmax(z)^T)", { z: "n" }],
  ["[w·x + b > 0] x^T", "x^T", { w: "n", x: "n", b: "scalar" }],
  ["x0 - inv(H) g", "x0 - H^-1 g", { x0: "n", g: "n", H: { shape: "n x n", props: ["spd"] } }],
  ["2(Wx - y)x^T", "2 W x x^T - 2 y x^T", big],
  ["(A + A^T) x", "2 A x", big],
].map(([expected, answer, decls]) => ({ op: "mequiv", expected, answer, decls }));
const mderivs: MatrixRequest[] = [
  ["‖Wx − y‖^2", "W", "gradient", "2(Wx - y)x^T", layer],
  ["‖Wx − y‖^2", "W", "gradient", "(Wx - y)x^T", layer],
  ["max(0, w·x + b)", "w", "derivative", "[w·x + b > 0] x^T", { w: "n", x: "n", b: "scalar" }],
  ["tanh(Wx)", "x", "derivative", "diag(1 - tanh(Wx) ⊙ tanh(Wx)) W", layer],
  ["softmax(z)", "z", "derivative", "diag(softmax(z)) - softmax(z) softmax(z)^T", { z: "n" }],
  ["‖relu(W x + b) − y‖^2", "W", "gradient", "2([Wx + b > 0] ⊙ (relu(Wx + b) − y)) x^T", layer],
  ["x^T A x", "x", "gradient", "(A + A^T) x", big],
  ["‖Wx − y‖^2", "W", "gradient", "2(Wx - y)x^T", big],
].map(([f, wrt, asks, answer, decls]) => ({ op: "mderiv", f, wrt, asks, answer, decls }));
const oursMequiv = measure(mequivs, (r) => matrixOps(r));
const oursMderiv = measure(mderivs, (r) => matrixOps(r));

// ---------------------------------------------------------------- limits

const limits: [string, string][] = [
  ["x^2 + 3x - 1", "2"],
  ["(x^2 - 1)/(x - 1)", "1"],
  ["(x^2 - 4)/(x^2 - 3x + 2)", "2"],
  ["sin(3x)/x", "0"],
  ["(1 - cos(x))/x^2", "0"],
  ["(e^x - 1)/x", "0"],
  ["ln(1 + 2x)/x", "0"],
  ["(sqrt(x + 4) - 2)/x", "0"],
  ["tan(x)/x", "0"],
  ["x ln(x)", "0"],
  ["(3x^2 + 2x)/(5x^2 - 1)", "inf"],
  ["(2x^3 - x)/(x^2 + 1)", "-inf"],
  ["sqrt(x^2 + x) - x", "inf"],
  ["(1 + 2/x)^x", "inf"],
  ["ln(x)/x", "inf"],
  ["x^2 e^(-x)", "inf"],
  ["x sin(1/x)", "inf"],
  ["1/(x - 3)", "3"],
  ["abs(x)/x", "0"],
  ["sin(1/x)", "0"],
];
const oursLimit = measure(limits, ([expr, to]) => handle({ op: "limit", expr, var: "x", to, side: "both" }));

// ---------------------------------------------------------------- report

const cpu = os.cpus()[0]?.model ?? "unknown CPU";
const line = (name: string, r: { perOpUs: number; ops: number }) =>
  `  ${name.padEnd(44)} ${r.perOpUs.toFixed(1).padStart(9)} µs/op  ${Math.round(1e6 / r.perOpUs)
    .toString()
    .padStart(7)} ops/s`;
console.log(`machine: ${cpu}, ${os.cpus().length} cores, Node ${process.version}`);
console.log(`derivatives (${corpus.length} inputs, parse + differentiate + simplify + print):`);
console.log(line("Gradient Drill core", oursD));
console.log(line("math.js derivative (default options)", mathD));
console.log(`  ratio: ours is ${(mathD.perOpUs / oursD.perOpUs).toFixed(1)}x faster (target: at least 50x)`);
console.log(`equivalence (${pairs.length} pairs, both parsed every time):`);
console.log(line("Gradient Drill core (40 points, scaled tolerance)", oursE));
console.log(line("math.js compile + evaluate at 5 points", mathE));
console.log(
  `  ratio: ours has ${(mathE.perOpUs / oursE.perOpUs).toFixed(1)}x the throughput (target: at least 2x)`,
);
console.log(`matrix grading (parse + type check + grade, right and wrong answers, sizes up to 10):`);
console.log(line(`mequiv (${mequivs.length} requests)`, oursMequiv));
console.log(line(`mderiv (${mderivs.length} requests, key by forward-mode AD)`, oursMderiv));
console.log(
  `limits (${limits.length} textbook limits, the limit request as the command-line tool answers it):`,
);
console.log(line("Gradient Drill core", oursLimit));
