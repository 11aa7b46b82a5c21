// Quotients at infinity: numerator and denominator divided by a term of the denominator, each sum
// term by term.
import { type Expr, add, div } from "../ast";
import { limitOf } from "./laws";
import { type SideSearch, attempt, simplified } from "./search";
import { type Tendency, quotientOf, undecided } from "./value";

/** n/d as (n/T)/(d/T) for a term T of d, each sum divided term by term; the first that decides. */
export function dividedByDominantTerm(n: Expr, d: Expr, c: SideSearch): Tendency {
  const over = (s: Expr, t: Expr): Expr =>
    s.kind === "add" ? add(...s.terms.map((u) => simplified(div(u, t)))) : simplified(div(s, t));
  const candidates = d.kind === "add" ? d.terms.slice(0, 4) : [d];
  for (const t of candidates) {
    const b = attempt(c, () => limitOf(over(d, t), c));
    if (b.k !== "fin" || b.v === 0) continue;
    const a = attempt(c, () => limitOf(over(n, t), c));
    if (a.k === "fin" || a.k === "inf" || a.k === "osc") return quotientOf(a, b, d, c);
  }
  return undecided("no dominant term");
}
