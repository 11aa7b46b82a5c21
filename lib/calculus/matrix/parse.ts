// Reader for matrix answers. Precedence, loosest first:
//   1. `+ -`
//   2. products, all left-associative at one level: juxtaposition (`W x`, `2x`), `*`, `·` (dot),
//      `⊙ .* ⊗ ∘` (Hadamard), `⊘ ./`, `/` (by a scalar). So `W x ⊙ y` is `(W x) ⊙ y`.
//   3. unary minus: `-A B` is `(-A) B` (the same value).
//   4. postfix: `^T ᵀ '` (transpose), `^k ² ³`, `^-1 ⁻¹` (inverse of a square matrix).
// A function name followed by `(` takes the bracketed arguments; without `(` it takes a bare
// argument: the next run of juxtaposed factors, up to another function name or an explicit operator
// (`tanh Wx` is tanh(W x), as the scalar reader reads `sin 2x`). `max(0, z)` is relu(z); `e^z` is
// exp(z); `‖v‖`, `||v||`, `norm(v)` are norms; `[z > 0]` is an indicator per entry; `|s|` is the
// absolute value of a scalar (refused on a vector by the type checker). Products are resolved by
// shape in types.ts. Never throws; caps on length and depth; linear in the input.
import type { CoreError } from "../errors";
import { type Elementwise, type MExpr, type Structural, bin, neg, num, pow } from "./ast";
import { type FnName, MAX_LENGTH, MatrixFailure, type Tok, failAt, lex } from "./lex";
import type { Decls } from "./shape";

export const MAX_DEPTH = 64;

export type Parsed = { ok: true; expr: MExpr } | { ok: false; error: CoreError };

const ELEMENTWISE_FN: Partial<Record<FnName, Elementwise>> = {
  exp: "exp",
  ln: "ln",
  sin: "sin",
  cos: "cos",
  tanh: "tanh",
  sigmoid: "sigmoid",
  relu: "relu",
  sqrt: "sqrt",
  abs: "abs",
};
const STRUCTURAL_FN: Partial<Record<FnName, Structural>> = {
  softmax: "softmax",
  diag: "diag",
  sum: "sum",
  norm: "norm",
  inv: "inv",
  trace: "trace",
  det: "det",
};

/** Read `src` as a matrix expression over the declared symbols. Never throws. */
export function parseMatrix(src: string, decls: Decls): Parsed {
  if (typeof src !== "string" || src.trim() === "") {
    return { ok: false, error: { code: "EMPTY", message: "The answer is empty." } };
  }
  if (src.length > MAX_LENGTH) {
    return {
      ok: false,
      error: {
        code: "TOO_LONG",
        message: `The answer is too long (at most ${MAX_LENGTH} characters).`,
        at: MAX_LENGTH,
      },
    };
  }
  try {
    const p = new Reader(lex(src, decls));
    const e = p.sum();
    p.expectEnd();
    return { ok: true, expr: e };
  } catch (err) {
    if (err instanceof MatrixFailure) return { ok: false, error: err.error };
    if (err instanceof RangeError) {
      return { ok: false, error: { code: "TOO_DEEP", message: "The answer is nested too deeply." } };
    }
    return { ok: false, error: { code: "UNEXPECTED_TOKEN", message: "This answer could not be read." } };
  }
}

function describe(t: Tok): string {
  switch (t.t) {
    case "end":
      return "the end";
    case "op":
      return `'${t.op}'`;
    case "close":
    case "open":
      return `'${t.k}'`;
    case "norm":
      return "'‖'";
    case "bar":
      return "'|'";
    default:
      return "this";
  }
}

class Reader {
  private i = 0;
  private depth = 0;
  /** Inside how many ‖…‖ and |…|: a closing delimiter ends a factor there. */
  private norms = 0;
  private bars = 0;

  constructor(private readonly toks: readonly Tok[]) {}

  private peek(): Tok {
    return this.toks[this.i]!;
  }
  private next(): Tok {
    return this.toks[this.i++]!;
  }
  private isOp(op: string): boolean {
    const t = this.peek();
    return t.t === "op" && t.op === op;
  }
  private enter(at: number): void {
    if (++this.depth > MAX_DEPTH)
      failAt("TOO_DEEP", `The answer is nested too deeply (at most ${MAX_DEPTH} levels).`, at);
  }
  private leave(): void {
    this.depth--;
  }

  expectEnd(): void {
    const t = this.peek();
    if (t.t === "end") return;
    if (t.t === "close") failAt("UNBALANCED_PAREN", `There is a '${t.k}' without its opening bracket.`, t.at);
    if (t.t === "op" && (t.op === ">" || t.op === "<" || t.op === ">=" || t.op === "<=")) {
      failAt("UNEXPECTED_TOKEN", "Write a comparison inside square brackets, as in [z > 0].", t.at);
    }
    failAt("UNEXPECTED_TOKEN", `Unexpected ${describe(t)}.`, t.at);
  }

  sum(): MExpr {
    const start = this.peek().at;
    this.enter(start);
    let left = this.product();
    for (;;) {
      const t = this.peek();
      if (t.t === "op" && (t.op === "+" || t.op === "-")) {
        this.next();
        const right = this.product();
        left = { ...bin(t.op === "+" ? "add" : "sub", left, right), at: left.at ?? start };
        continue;
      }
      break;
    }
    this.leave();
    return left;
  }

  /** Whether the next token can start a factor (so that juxtaposition means a product). */
  private startsFactor(): boolean {
    const t = this.peek();
    switch (t.t) {
      case "num":
      case "sym":
      case "dim":
      case "const":
      case "fn":
      case "eye":
      case "ones":
        return true;
      case "open":
        return t.k !== "{";
      case "norm":
        return this.norms === 0;
      case "bar":
        return this.bars === 0;
      default:
        return false;
    }
  }

  private product(): MExpr {
    let left = this.unary();
    for (;;) {
      const t = this.peek();
      if (t.t === "op" && (t.op === "*" || t.op === "·" || t.op === "⊙" || t.op === "⊘" || t.op === "/")) {
        this.next();
        const right = this.unary();
        const k =
          t.op === "*" ? "mul" : t.op === "·" ? "dot" : t.op === "⊙" ? "had" : t.op === "⊘" ? "hdiv" : "div";
        left = { ...bin(k, left, right), at: left.at ?? t.at };
        continue;
      }
      if (this.startsFactor()) {
        const right = this.unary();
        left = { ...bin("mul", left, right), at: left.at ?? t.at };
        continue;
      }
      return left;
    }
  }

  private unary(): MExpr {
    const t = this.peek();
    if (t.t === "op" && (t.op === "-" || t.op === "+")) {
      this.next();
      this.enter(t.at);
      const a = this.unary();
      this.leave();
      return t.op === "-" ? { ...neg(a), at: t.at } : a;
    }
    return this.postfix();
  }

  private postfix(): MExpr {
    let e = this.primary();
    for (;;) {
      const t = this.peek();
      if (t.t === "tsup" || (t.t === "op" && t.op === "'")) {
        this.next();
        e = { k: "transpose", a: e, at: e.at ?? t.at };
      } else if (t.t === "sup") {
        this.next();
        e = { ...pow(e, t.value < 0 ? neg(num(1)) : num(t.value)), at: e.at ?? t.at };
      } else if (t.t === "op" && t.op === "^") {
        this.next();
        const x = this.exponent();
        e =
          e.k === "const" && e.name === "e"
            ? { k: "fn", fn: "exp", a: x, at: e.at ?? t.at }
            : { ...pow(e, x), at: e.at ?? t.at };
      } else {
        return e;
      }
    }
  }

  private exponent(): MExpr {
    const t = this.peek();
    if (t.t === "op" && (t.op === "-" || t.op === "+")) {
      this.next();
      this.enter(t.at);
      const a = this.exponent();
      this.leave();
      return t.op === "-" ? { ...neg(a), at: t.at } : a;
    }
    if (t.t === "open") return this.primary();
    if (t.t === "num" || t.t === "sym" || t.t === "dim" || t.t === "const") return this.primary();
    return failAt(
      "UNEXPECTED_TOKEN",
      t.t === "end" ? "An exponent is missing after '^'." : `Unexpected ${describe(t)} after '^'.`,
      t.at,
    );
  }

  private close(k: ")" | "]" | "}", openAt: number): void {
    const t = this.peek();
    if (t.t === "close" && t.k === k) {
      this.next();
      return;
    }
    if (t.t === "end")
      failAt("UNBALANCED_PAREN", `The bracket opened here is never closed with '${k}'.`, openAt);
    if (t.t === "op" && (t.op === ">" || t.op === "<" || t.op === ">=" || t.op === "<=")) {
      failAt("UNEXPECTED_TOKEN", "Write a comparison inside square brackets, as in [z > 0].", t.at);
    }
    failAt("UNEXPECTED_TOKEN", `Expected '${k}' but found ${describe(t)}.`, t.at);
  }

  private primary(): MExpr {
    const t = this.next();
    switch (t.t) {
      case "num":
        return { ...num(t.value, t.p, t.q), at: t.at };
      case "sym":
        return { k: "sym", name: t.name, at: t.at };
      case "dim":
        return { k: "dim", name: t.name, at: t.at };
      case "const":
        return { k: "const", name: t.name, at: t.at };
      case "eye":
        return { k: "eye", dim: t.dim, at: t.at };
      case "ones":
        return { k: "ones", dim: t.dim, at: t.at };
      case "fn":
        return this.call(t.fn, t.at);
      case "open": {
        this.enter(t.at);
        const savedN = this.norms;
        const savedB = this.bars;
        this.norms = 0;
        this.bars = 0;
        const inner = this.sum();
        let e = inner;
        if (t.k === "[") {
          const c = this.peek();
          if (c.t === "op" && (c.op === ">" || c.op === "<" || c.op === ">=" || c.op === "<=")) {
            this.next();
            const right = this.sum();
            e = { k: "ind", op: c.op, a: inner, b: right, at: t.at };
          }
        }
        this.close(t.k === "(" ? ")" : t.k === "[" ? "]" : "}", t.at);
        this.norms = savedN;
        this.bars = savedB;
        this.leave();
        return e;
      }
      case "norm": {
        this.enter(t.at);
        this.norms++;
        const inner = this.sum();
        this.norms--;
        const c = this.next();
        if (c.t !== "norm") failAt("UNBALANCED_ABS", "The norm opened here is never closed with '‖'.", t.at);
        this.leave();
        return { k: "norm", a: inner, at: t.at };
      }
      case "bar": {
        this.enter(t.at);
        this.bars++;
        const inner = this.sum();
        this.bars--;
        const c = this.next();
        if (c.t !== "bar") failAt("UNBALANCED_ABS", "The '|' opened here is never closed.", t.at);
        this.leave();
        return { k: "fn", fn: "abs", a: inner, at: t.at, bars: true } as MExpr;
      }
      case "end":
        return failAt("UNEXPECTED_END", "The answer ends too early: something is missing here.", t.at);
      case "tsup":
        return failAt("UNEXPECTED_TOKEN", "A transpose needs something before it, as in x^T.", t.at);
      default:
        return failAt("UNEXPECTED_TOKEN", `Unexpected ${describe(t)}.`, t.at);
    }
  }

  /** Arguments in brackets, separated by commas. */
  private args(at: number): MExpr[] {
    const open = this.next() as Extract<Tok, { t: "open" }>;
    this.enter(at);
    const savedN = this.norms;
    const savedB = this.bars;
    this.norms = 0;
    this.bars = 0;
    const out = [this.sum()];
    while (this.isOp(",")) {
      this.next();
      if (out.length >= 2) failAt("UNEXPECTED_TOKEN", "Too many arguments.", this.peek().at);
      out.push(this.sum());
    }
    this.close(open.k === "(" ? ")" : open.k === "[" ? "]" : "}", open.at);
    this.norms = savedN;
    this.bars = savedB;
    this.leave();
    return out;
  }

  private call(f: FnName, at: number): MExpr {
    const t = this.peek();
    const bracketed = t.t === "open" && t.k !== "[";
    if (f === "max" || f === "dot" || f === "ones") {
      if (!bracketed) failAt("MISSING_ARGUMENT", `Write ${f}(…) with brackets.`, at);
      const args = this.args(at);
      return this.special(f, args, at);
    }
    let arg: MExpr;
    if (bracketed) {
      const args = this.args(at);
      if (args.length !== 1) failAt("UNEXPECTED_TOKEN", `${f} takes one argument.`, at);
      arg = args[0]!;
    } else {
      if (!this.startsFactor()) failAt("MISSING_ARGUMENT", `${f} needs an argument, as in ${f}(x).`, at);
      this.enter(at);
      arg = this.unary();
      while (this.startsFactor() && this.peek().t !== "fn")
        arg = { ...bin("mul", arg, this.unary()), at: arg.at ?? at };
      this.leave();
    }
    const ew = ELEMENTWISE_FN[f];
    if (ew) return { k: "fn", fn: ew, a: arg, at };
    return { k: STRUCTURAL_FN[f]!, a: arg, at };
  }

  private special(f: "max" | "dot" | "ones", args: MExpr[], at: number): MExpr {
    if (f === "ones") {
      const a = args[0]!;
      if (
        args.length !== 1 ||
        !(a.k === "dim" || (a.k === "num" && a.q === 1 && a.value >= 1 && a.value <= 999))
      ) {
        failAt("UNEXPECTED_TOKEN", "ones(…) takes a dimension, as in ones(n).", at);
      }
      return { k: "ones", dim: a.k === "dim" ? a.name : (a as { value: number }).value, at };
    }
    if (args.length !== 2)
      failAt(
        "MISSING_ARGUMENT",
        `${f} takes two arguments, as in ${f === "max" ? "max(0, z)" : "dot(w, x)"}.`,
        at,
      );
    const [a, b] = args as [MExpr, MExpr];
    if (f === "dot") return { ...bin("dot", a, b), at };
    const isZero = (e: MExpr) => e.k === "num" && e.value === 0;
    if (isZero(a)) return { k: "fn", fn: "relu", a: b, at };
    if (isZero(b)) return { k: "fn", fn: "relu", a, at };
    return failAt("UNEXPECTED_TOKEN", "Only max(0, z) (the ReLU) is known; write it as max(0, z).", at);
  }
}
