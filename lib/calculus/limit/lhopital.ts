// L'Hopital's rule with our own differentiator: lim f/g = lim f'/g' when g' keeps one sign near the
// point (read from samples) and the limit of f'/g' exists, finite or infinite.
import { type Expr, div } from "../ast";
import { derivative } from "../diff";
import { limitOf } from "./laws";
import { signNear } from "./numeric";
import { MAX_DERIVATIVE_SIZE, type SideSearch, attempt, simplified, tooLarge } from "./search";
import { type Tendency, undecided } from "./value";

/** The limit of n/d through n'/d' (finite or infinite), or undecided. Counts the step when it decides. */
export function byLHopital(n: Expr, d: Expr, c: SideSearch): Tendency {
  const dn = derivative(n, c.variable);
  const dd = derivative(d, c.variable);
  if (dn.ok && dd.ok && !(dd.expr.kind === "num" && dd.expr.value === 0)) {
    const q = simplified(div(dn.expr, dd.expr));
    // the hypothesis of the rule: g' != 0 near the point (read from samples)
    const gSign = signNear(dd.expr, c.variable, c.approach);
    if (!tooLarge(q, MAX_DERIVATIVE_SIZE) && (gSign === 1 || gSign === -1)) {
      const r = attempt(c, () => limitOf(q, c));
      if (r.k === "fin" || r.k === "inf") {
        c.lhopitalSteps++;
        return r;
      }
    }
  }
  return undecided("L'Hopital");
}
