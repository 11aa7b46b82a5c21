// The indeterminate form 0 * inf: series expansion, growth rates at infinity, then the product as a
// quotient f/(1/g) either way round.
import { type Expr, div, mul, num } from "../ast";
import { byGrowthRates } from "./growth";
import { limitOf } from "./laws";
import { MAX_DEPTH, type SideSearch, attempt, bySeries, simplified } from "./search";
import { type Tendency, determinate, isZero, productOf, undecided } from "./value";

export function resolveZeroTimesInf(
  factors: readonly Expr[],
  ls: readonly Tendency[],
  c: SideSearch,
): Tendency {
  const zs: Expr[] = [];
  const is: Expr[] = [];
  const rest: Tendency[] = [];
  factors.forEach((f, i) => {
    const l = ls[i]!;
    if (isZero(l)) zs.push(f);
    else if (l.k === "inf") is.push(f);
    else rest.push(l);
  });
  const Z = mul(...zs);
  const I = mul(...is);
  const core = attempt(c, () => {
    const s = bySeries(mul(Z, I), c, "");
    if (determinate(s)) return s;
    if (c.depth >= MAX_DEPTH) return undecided("too many nested steps");
    c.depth++;
    try {
      if (c.approach.kind === "inf") {
        const g = attempt(c, () => byGrowthRates(mul(Z, I), c));
        if (determinate(g)) return g;
      }
      const a = attempt(c, () => limitOf(div(I, simplified(div(num(1), Z))), c));
      if (a.k === "fin" || a.k === "inf") return a;
      const b = attempt(c, () => limitOf(div(Z, simplified(div(num(1), I))), c));
      if (b.k === "fin" || b.k === "inf") return b;
      return undecided("0 * inf");
    } finally {
      c.depth--;
    }
  });
  if (!determinate(core)) return core;
  return productOf([core, ...rest], c);
}
