// The internal form of simplification: exact rational numbers, a - b as a + (-1)b, a/b as a*b^-1,
// sqrt(u) as u^(1/2), exp(u) as e^u. Also what one simplification carries from call to call: its
// budget of nodes and its table of structural keys (made fresh for each top-level call, never shared).
import { type ConstantName, type Expr, type UnaryFunction } from "../ast";
import { type Q, ONE, MINUS_ONE, ZERO, fromNumber, keyQ } from "../rational";

/** Functions that stay functions internally (sqrt and exp become powers). */
export type InnerFunction = Exclude<UnaryFunction, "sqrt" | "exp">;

export type N =
  | { readonly k: "num"; readonly q: Q }
  | { readonly k: "const"; readonly name: ConstantName }
  | { readonly k: "var"; readonly name: string }
  | { readonly k: "add"; readonly terms: readonly N[] }
  | { readonly k: "mul"; readonly factors: readonly N[] }
  | { readonly k: "pow"; readonly base: N; readonly exp: N }
  | { readonly k: "call"; readonly fn: InnerFunction; readonly arg: N }
  | { readonly k: "logb"; readonly base: number; readonly arg: N };

/** Thrown when a result grows past the budget; caught by the entry points, never escapes them. */
export class TooLarge extends Error {}

export const nq = (q: Q): N => ({ k: "num", q });
export const N_ZERO = nq(ZERO);
export const N_ONE = nq(ONE);
export const N_MINUS_ONE = nq(MINUS_ONE);
const E: N = { k: "const", name: "e" };

/** Euler's number (e^-2 is presented as e^-2, as textbooks write it, not 1/e^2). */
export function isE(n: N): boolean {
  return n.k === "const" && n.name === "e";
}

// ---------------------------------------------------------------- keys for structural comparison

/**
 * Structures are interned: equal subtrees get the same short id, so comparing and grouping by key
 * costs the same at every depth. One table serves one top-level simplification; ids from two tables
 * must not be compared.
 */
export class KeyTable {
  private readonly ids = new Map<string, number>();
  private readonly nodeKeys = new Map<N, string>();

  private intern(s: string): string {
    let i = this.ids.get(s);
    if (i === undefined) {
      i = this.ids.size;
      this.ids.set(s, i);
    }
    return "#" + i;
  }

  /** A short id that two structurally equal trees share (within this table). */
  key(n: N): string {
    const cached = this.nodeKeys.get(n);
    if (cached !== undefined) return cached;
    let k: string;
    switch (n.k) {
      case "num":
        k = keyQ(n.q);
        break;
      case "const":
        k = n.name === "pi" ? "π" : "ℯ";
        break;
      case "var":
        k = "$" + n.name;
        break;
      case "add": {
        let s = "+";
        for (const t of n.terms) s += this.key(t) + ",";
        k = s;
        break;
      }
      case "mul": {
        let s = "*";
        for (const t of n.factors) s += this.key(t) + ",";
        k = s;
        break;
      }
      case "pow":
        k = "^" + this.key(n.base) + "," + this.key(n.exp);
        break;
      case "call":
        k = n.fn + " " + this.key(n.arg);
        break;
      case "logb":
        k = "log" + n.base + " " + this.key(n.arg);
        break;
    }
    const id = this.intern(k);
    this.nodeKeys.set(n, id);
    return id;
  }
}

// ---------------------------------------------------------------- one simplification's state

/** What one simplification carries: the nodes it may still build, and its key table. */
export interface Run {
  left: number;
  readonly keys: KeyTable;
}

export function newRun(budget: number): Run {
  return { left: budget, keys: new KeyTable() };
}

/** Counts `n` nodes against the budget; throws TooLarge when it is spent. */
export function spend(b: Run, n = 1): void {
  b.left -= n;
  if (b.left < 0) throw new TooLarge("result too large");
}

// ---------------------------------------------------------------- to the internal form

export function toInternal(e: Expr): N {
  switch (e.kind) {
    case "num":
      return nq(fromNumber(e.value));
    case "const":
      return { k: "const", name: e.name };
    case "var":
      return { k: "var", name: e.name };
    case "add":
      return { k: "add", terms: e.terms.map(toInternal) };
    case "mul":
      return { k: "mul", factors: e.factors.map(toInternal) };
    case "neg":
      return { k: "mul", factors: [N_MINUS_ONE, toInternal(e.arg)] };
    case "div":
      return {
        k: "mul",
        factors: [toInternal(e.num), { k: "pow", base: toInternal(e.den), exp: N_MINUS_ONE }],
      };
    case "pow":
      return { k: "pow", base: toInternal(e.base), exp: toInternal(e.exp) };
    case "call":
      if (e.fn === "sqrt") return { k: "pow", base: toInternal(e.arg), exp: nq({ n: 1, d: 2 }) };
      if (e.fn === "exp") return { k: "pow", base: E, exp: toInternal(e.arg) };
      return { k: "call", fn: e.fn, arg: toInternal(e.arg) };
    case "logb":
      return { k: "logb", base: e.base, arg: toInternal(e.arg) };
  }
}
