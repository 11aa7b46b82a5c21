// The command-line tool as other programs use it: JSON Lines in, one JSON line out per request.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const tsx = `${root}node_modules/.bin/tsx`;

function start() {
  const child = spawn(tsx, ["bin/calc.ts", "batch"], { cwd: root, stdio: ["pipe", "pipe", "pipe"] });
  const lines: string[] = [];
  const waiters: (() => void)[] = [];
  let buf = "";
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => {
    buf += chunk;
    let i: number;
    while ((i = buf.indexOf("\n")) >= 0) {
      lines.push(buf.slice(0, i));
      buf = buf.slice(i + 1);
      waiters.splice(0).forEach((w) => w());
    }
  });
  const nextLine = async (n: number): Promise<unknown> => {
    while (lines.length < n) await new Promise<void>((r) => waiters.push(r));
    return JSON.parse(lines[n - 1]!) as unknown;
  };
  const done = new Promise<number | null>((r) => child.on("close", r));
  return { child, lines, nextLine, done };
}

async function batch(input: string): Promise<unknown[]> {
  const p = start();
  p.child.stdin.end(input);
  await p.done;
  return p.lines.map((l) => JSON.parse(l) as unknown);
}

describe("calc batch", () => {
  it("answers each non-blank line in order, echoing ids, and survives bad lines", async () => {
    const out = await batch(
      [
        '{"op":"diff","expr":"x^2 sin x","var":"x","id":"a"}',
        "",
        "   ",
        "not json",
        '{"op":"parse","input":"sin^2 x + 1/2x","id":7}',
        '{"op":"grad","expr":"x^2 y","vars":["x","y"]}',
        '{"op":"jacobian","exprs":["x y","x + y^2"],"vars":["x","y"]}',
        '{"op":"hessian","expr":"x^3 y^2","vars":["x","y"]}',
        '{"op":"diff","expr":"sinz","var":"x","vars":["x"]}',
        '{"op":"frobnicate"}',
        "[1,2]",
        '{"op":"diff","expr":"x","var":"e"}',
        '{"op":"equiv","expected":"1/3","answer":"0.333","vars":[]}',
        '{"op":"equiv","expected":["2x y","x^2"],"answer":["x^2","2xy"],"vars":["x","y"]}',
        '{"op":"diagnose","task":"derivative","f":"sin(3x)","vars":["x"],"answer":"cos(3x)"}',
      ].join("\n") + "\n",
    );
    expect(out).toEqual([
      { id: "a", ok: true, result: "2*x*sin(x) + x^2*cos(x)", latex: "2x\\sin x + x^{2}\\cos x" },
      { ok: false, error: { code: "BAD_REQUEST", message: "This line is not valid JSON." } },
      {
        id: 7,
        ok: true,
        normalized: "sin(x)^2 + 1/2*x",
        latex: "\\sin^{2} x + \\frac{1}{2}x",
        warnings: ["read as (1/2)·x; type 1/(2x) if you meant that"],
      },
      { ok: true, result: ["2*x*y", "x^2"] },
      {
        ok: true,
        result: [
          ["y", "x"],
          ["1", "2*y"],
        ],
      },
      {
        ok: true,
        result: [
          ["6*x*y^2", "6*x^2*y"],
          ["6*x^2*y", "2*x^3"],
        ],
      },
      {
        ok: false,
        error: { code: "UNKNOWN_NAME", message: "unknown name 'sinz' - did you mean sin(z)?", at: 0 },
      },
      {
        ok: false,
        error: {
          code: "BAD_REQUEST",
          message: expect.stringContaining("Unknown or missing 'op' 'frobnicate'") as unknown as string,
        },
      },
      { ok: false, error: { code: "BAD_REQUEST", message: "Each line must be a JSON object with an 'op'." } },
      {
        ok: false,
        error: {
          code: "NOT_A_VARIABLE",
          message: "'e' is not a variable: use a single letter other than e.",
        },
      },
      { ok: true, equivalent: true },
      {
        ok: true,
        equivalent: false,
        reason: "Each component is right but they are in the wrong order (the order is x, y).",
      },
      {
        ok: true,
        correct: false,
        diagnosis: "chain_rule_inner",
        message: "You used the chain rule without multiplying by the derivative of the inner function.",
      },
    ]);
  }, 30_000);

  it("flushes each answer before the next request arrives", async () => {
    const p = start();
    p.child.stdin.write('{"op":"diff","expr":"x^3","var":"x","id":1}\n');
    expect(await p.nextLine(1)).toEqual({ id: 1, ok: true, result: "3*x^2", latex: "3x^{2}" });
    p.child.stdin.write('{"op":"diff","expr":"e^(2x)","var":"x","id":2}\n');
    expect(await p.nextLine(2)).toEqual({ id: 2, ok: true, result: "2*exp(2*x)", latex: "2e^{2x}" });
    p.child.stdin.end();
    expect(await p.done).toBe(0);
  }, 30_000);

  it("refuses oversized and malformed requests with a clear error and goes on", async () => {
    const out = await batch(
      [
        JSON.stringify({ op: "diff", expr: "x+".repeat(3000) + "x", var: "x" }),
        JSON.stringify({ op: "grad", expr: "x", vars: "x" }),
        JSON.stringify({ op: "diff", expr: "(".repeat(500) + "x" + ")".repeat(500), var: "x" }),
        JSON.stringify({ op: "diff", expr: "x^2", var: "x" }),
      ].join("\n"),
    );
    expect(out).toHaveLength(4);
    expect((out[0] as { error: { code: string } }).error.code).toBe("TOO_LONG");
    expect((out[1] as { error: { code: string } }).error.code).toBe("BAD_REQUEST");
    expect((out[2] as { error: { code: string } }).error.code).toBe("TOO_DEEP");
    expect(out[3]).toEqual({ ok: true, result: "2*x", latex: "2x" });
  }, 30_000);

  it("answers the matrix operations, echoing ids, as the README shows them", async () => {
    const out = await batch(
      [
        '{"op":"mparse","input":"2(Wx − y)xᵀ","decls":{"W":"m x n","x":"n","y":"m"},"id":"p"}',
        '{"op":"mequiv","decls":{"A":"n x n","x":"n"},"expected":"(A + A^T) x","answer":"A x + A^T x","id":2}',
        '{"op":"mderiv","decls":{"w":"n","x":"n"},"f":"w·x","wrt":"w","asks":"derivative","answer":"x^T"}',
        '{"op":"mparse","input":"W x^T","decls":{"W":"m x n","x":"n"},"id":4}',
      ].join("\n") + "\n",
    );
    expect(out).toEqual([
      {
        id: "p",
        ok: true,
        shape: "m x n",
        normalized: "2*(W*x - y)*x^T",
        latex: "2 \\left(W \\mathbf{x} - \\mathbf{y}\\right) {\\mathbf{x}}^{\\top}",
      },
      { id: 2, ok: true, equivalent: true },
      { ok: true, equivalent: true, correct: true },
      {
        id: 4,
        ok: false,
        error: {
          code: "SHAPE_MISMATCH",
          message: "W is m×n and x^T is 1×n: they cannot be multiplied: did you mean W x?",
          at: 0,
        },
      },
    ]);
  });
});
