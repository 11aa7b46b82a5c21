// The expression tree shared by every part of the core: plain, serialisable data (JSON round-trips),
// tagged by `kind` so that every switch over it is checked for exhaustiveness.

/** Functions of one argument that learners may type, by canonical name. */
export const UNARY_FUNCTIONS = [
  "sin",
  "cos",
  "tan",
  "sec",
  "csc",
  "cot",
  "asin",
  "acos",
  "atan",
  "asec",
  "acsc",
  "acot",
  "sinh",
  "cosh",
  "tanh",
  "exp",
  "ln",
  "log10",
  "log2",
  "sqrt",
  "abs",
  "sign",
] as const;

export type UnaryFunction = (typeof UNARY_FUNCTIONS)[number];

export type ConstantName = "pi" | "e";

/**
 * An expression over the reals.
 * Invariants kept by the parser and the constructors below:
 * - `num.value` is finite and >= 0 (a negative number is `neg(num)`);
 * - `add.terms` and `mul.factors` have at least two members and hold no `add` / `mul` directly
 *   (they are flattened);
 * - subtraction is `add` with a `neg` term; `a/b` is `div`.
 */
export type Expr =
  | { readonly kind: "num"; readonly value: number }
  | { readonly kind: "const"; readonly name: ConstantName }
  | { readonly kind: "var"; readonly name: string }
  | { readonly kind: "add"; readonly terms: readonly Expr[] }
  | { readonly kind: "mul"; readonly factors: readonly Expr[] }
  | { readonly kind: "neg"; readonly arg: Expr }
  | { readonly kind: "div"; readonly num: Expr; readonly den: Expr }
  | { readonly kind: "pow"; readonly base: Expr; readonly exp: Expr }
  | { readonly kind: "call"; readonly fn: UnaryFunction; readonly arg: Expr }
  /** Logarithm to a constant base: `log_b(x)`. `base` is a positive number other than 1. */
  | { readonly kind: "logb"; readonly base: number; readonly arg: Expr };

export type ExprKind = Expr["kind"];

export const num = (value: number): Expr =>
  value < 0 ? neg({ kind: "num", value: -value }) : { kind: "num", value };
export const cnst = (name: ConstantName): Expr => ({ kind: "const", name });
export const variable = (name: string): Expr => ({ kind: "var", name });
export const neg = (arg: Expr): Expr => ({ kind: "neg", arg });
export const div = (numerator: Expr, den: Expr): Expr => ({ kind: "div", num: numerator, den });
export const pow = (base: Expr, exp: Expr): Expr => ({ kind: "pow", base, exp });
export const call = (fn: UnaryFunction, arg: Expr): Expr => ({ kind: "call", fn, arg });
export const logb = (base: number, arg: Expr): Expr => ({ kind: "logb", base, arg });

/** A sum, flattened; one term is returned as itself. */
export function add(...terms: Expr[]): Expr {
  const flat: Expr[] = [];
  for (const t of terms) {
    if (t.kind === "add") flat.push(...t.terms);
    else flat.push(t);
  }
  if (flat.length === 0) return { kind: "num", value: 0 };
  if (flat.length === 1) return flat[0]!;
  return { kind: "add", terms: flat };
}

/** A product, flattened; one factor is returned as itself. */
export function mul(...factors: Expr[]): Expr {
  const flat: Expr[] = [];
  for (const f of factors) {
    if (f.kind === "mul") flat.push(...f.factors);
    else flat.push(f);
  }
  if (flat.length === 0) return { kind: "num", value: 1 };
  if (flat.length === 1) return flat[0]!;
  return { kind: "mul", factors: flat };
}

export const sub = (a: Expr, b: Expr): Expr => add(a, neg(b));

/** Structural equality of two trees. */
export function equal(a: Expr, b: Expr): boolean {
  if (a === b) return true;
  switch (a.kind) {
    case "num":
      return b.kind === "num" && a.value === b.value;
    case "const":
      return b.kind === "const" && a.name === b.name;
    case "var":
      return b.kind === "var" && a.name === b.name;
    case "add":
      return b.kind === "add" && listEqual(a.terms, b.terms);
    case "mul":
      return b.kind === "mul" && listEqual(a.factors, b.factors);
    case "neg":
      return b.kind === "neg" && equal(a.arg, b.arg);
    case "div":
      return b.kind === "div" && equal(a.num, b.num) && equal(a.den, b.den);
    case "pow":
      return b.kind === "pow" && equal(a.base, b.base) && equal(a.exp, b.exp);
    case "call":
      return b.kind === "call" && a.fn === b.fn && equal(a.arg, b.arg);
    case "logb":
      return b.kind === "logb" && a.base === b.base && equal(a.arg, b.arg);
  }
}

function listEqual(a: readonly Expr[], b: readonly Expr[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!equal(a[i]!, b[i]!)) return false;
  return true;
}

/** The direct children of a node, in order. */
export function children(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case "num":
    case "const":
    case "var":
      return [];
    case "add":
      return e.terms;
    case "mul":
      return e.factors;
    case "neg":
    case "call":
    case "logb":
      return [e.arg];
    case "div":
      return [e.num, e.den];
    case "pow":
      return [e.base, e.exp];
  }
}

/** Whether `e` mentions variable `name`. */
export function dependsOn(e: Expr, name: string): boolean {
  if (e.kind === "var") return e.name === name;
  for (const c of children(e)) if (dependsOn(c, name)) return true;
  return false;
}

/** The variable names that occur in `e`, in order of first appearance. */
export function freeVariables(e: Expr): string[] {
  const seen = new Set<string>();
  const walk = (n: Expr): void => {
    if (n.kind === "var") seen.add(n.name);
    else for (const c of children(n)) walk(c);
  };
  walk(e);
  return [...seen];
}

/** Number of nodes, for work budgets. */
export function size(e: Expr): number {
  let n = 1;
  for (const c of children(e)) n += size(c);
  return n;
}

/** The tree rebuilt bottom-up: every node, its children already rebuilt, passed through `f`. */
export function mapNodes(e: Expr, f: (n: Expr) => Expr): Expr {
  const go = (n: Expr): Expr => {
    switch (n.kind) {
      case "num":
      case "const":
      case "var":
        return f(n);
      case "add":
        return f(add(...n.terms.map(go)));
      case "mul":
        return f(mul(...n.factors.map(go)));
      case "neg":
        return f(neg(go(n.arg)));
      case "div":
        return f(div(go(n.num), go(n.den)));
      case "pow":
        return f(pow(go(n.base), go(n.exp)));
      case "logb":
        return f(logb(n.base, go(n.arg)));
      case "call":
        return f(call(n.fn, go(n.arg)));
    }
  };
  return go(e);
}

/**
 * The tree with every function call rebuilt by `f` (given the call's function and its already
 * rewritten argument), bottom-up; everything else is rebuilt as it was.
 */
export function mapCalls(e: Expr, f: (fn: UnaryFunction, arg: Expr) => Expr): Expr {
  return mapNodes(e, (n) => (n.kind === "call" ? f(n.fn, n.arg) : n));
}

/** Replace variables by expressions. */
export function substitute(e: Expr, map: Readonly<Record<string, Expr>>): Expr {
  switch (e.kind) {
    case "num":
    case "const":
      return e;
    case "var":
      return map[e.name] ?? e;
    case "add":
      return add(...e.terms.map((t) => substitute(t, map)));
    case "mul":
      return mul(...e.factors.map((t) => substitute(t, map)));
    case "neg":
      return neg(substitute(e.arg, map));
    case "div":
      return div(substitute(e.num, map), substitute(e.den, map));
    case "pow":
      return pow(substitute(e.base, map), substitute(e.exp, map));
    case "call":
      return call(e.fn, substitute(e.arg, map));
    case "logb":
      return logb(e.base, substitute(e.arg, map));
  }
}
