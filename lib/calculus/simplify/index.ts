// Simplification to the form a textbook prints: constants folded, 0 and 1 identities gone, like terms
// and like factors collected, numeric coefficients in front, powers with negative exponents moved
// into a denominator, no `--`, `+ -`, `x^1` or `*1`.
//
// It works in two phases: `toInternal` turns a tree into a normal form with exact rational numbers
// (a - b is a + (-1)b, a/b is a*b^-1, sqrt(u) is u^(1/2), exp(u) is e^u), `simplifyNode` rewrites
// that bottom-up, and `present` turns it back into a display tree. Every rewrite keeps the value
// wherever the original is defined (it may extend the domain, as x^2/x -> x does, never shrink it).
//
// The stages, one a file: internal.ts (the form, its keys and budget), sums.ts, products.ts and
// functions.ts (the rewrites), present.ts (back to a display tree); here the walks and entry points.
import { type Expr } from "../ast";
import { isOne, value } from "../rational";
import { makeCall } from "./functions";
import { type N, type Run, N_ONE, N_ZERO, TooLarge, newRun, spend, toInternal } from "./internal";
import { present } from "./present";
import { makeMul, makePow } from "./products";
import { makeAdd } from "./sums";

const MAX_NODES = 200_000;

/** Simplifies an internal tree bottom-up. */
function simplifyNode(n: N, b: Run): N {
  spend(b);
  switch (n.k) {
    case "num":
    case "const":
    case "var":
      return n;
    case "add":
      return makeAdd(
        n.terms.map((t) => simplifyNode(t, b)),
        b,
      );
    case "mul":
      return makeMul(
        n.factors.map((f) => simplifyNode(f, b)),
        b,
      );
    case "pow":
      return makePow(simplifyNode(n.base, b), simplifyNode(n.exp, b), b);
    case "call":
      return makeCall(n.fn, simplifyNode(n.arg, b), b);
    case "logb": {
      const arg = simplifyNode(n.arg, b);
      if (arg.k === "num" && isOne(arg.q)) return N_ZERO;
      if (arg.k === "num" && value(arg.q) === n.base) return N_ONE;
      return { k: "logb", base: n.base, arg };
    }
  }
}

export type SimplifyResult = { ok: true; expr: Expr } | { ok: false; tooLarge: true };

/** Simplify a display tree into textbook form. */
export function simplify(e: Expr, budget = MAX_NODES): SimplifyResult {
  try {
    const n = simplifyNode(toInternal(e), newRun(budget));
    return { ok: true, expr: present(n) };
  } catch (err) {
    if (err instanceof TooLarge || err instanceof RangeError) return { ok: false, tooLarge: true };
    throw err;
  }
}

// ---------------------------------------------------------------- expansion

/** Multiply out products and small whole powers of sums, everywhere in the tree. */
function expandNode(n: N, b: Run): N {
  spend(b);
  switch (n.k) {
    case "num":
    case "const":
    case "var":
      return n;
    case "add":
      return makeAdd(
        n.terms.map((t) => expandNode(t, b)),
        b,
      );
    case "mul": {
      let acc: N[] = [N_ONE];
      for (const f of n.factors) {
        const g = expandNode(f, b);
        const parts = g.k === "add" ? g.terms : [g];
        const next: N[] = [];
        for (const a of acc) for (const p of parts) next.push(makeMul([a, p], b));
        spend(b, next.length);
        acc = next;
      }
      return makeAdd(acc, b);
    }
    case "pow": {
      const base = expandNode(n.base, b);
      const exp = expandNode(n.exp, b);
      if (base.k === "add" && exp.k === "num" && exp.q.d === 1 && exp.q.n >= 2 && exp.q.n <= 6) {
        let acc: N = base;
        for (let i = 1; i < exp.q.n; i++) acc = expandNode({ k: "mul", factors: [acc, base] }, b);
        return acc;
      }
      return makePow(base, exp, b);
    }
    case "call":
      return makeCall(n.fn, expandNode(n.arg, b), b);
    case "logb":
      return { k: "logb", base: n.base, arg: expandNode(n.arg, b) };
  }
}

/** The expanded form of an expression: (x + 1)^2 becomes x^2 + 2x + 1. */
export function expand(e: Expr, budget = MAX_NODES): SimplifyResult {
  try {
    const b = newRun(budget);
    return { ok: true, expr: present(expandNode(simplifyNode(toInternal(e), b), b)) };
  } catch (err) {
    if (err instanceof TooLarge || err instanceof RangeError) return { ok: false, tooLarge: true };
    throw err;
  }
}
