// Naming the mistake behind a wrong derivative: the keys of typical wrong methods are computed with
// the core's own differentiator and compared with the answer by the same equivalence check that
// grades it (the catalogue of mistakes: mistakes.ts).
import { type Expr, add, div, freeVariables, mul, neg, num, size } from "./ast";
import { type Mistake, derivative } from "./diff";
import { type EquivOptions, type Shaped, type Verdict, equivalent, equivalentShaped } from "./equiv";
import { compile } from "./eval";
import { type Diagnosis, type MistakeCode, MISTAKES, RULE_MISTAKES } from "./mistakes";
import { toText } from "./print";

export type Task = "derivative" | "partial" | "gradient";

export interface DiagnoseInput {
  readonly task: Task;
  /** The function that was to be differentiated. */
  readonly f: Expr;
  readonly vars: readonly string[];
  /** The variable of a derivative or partial derivative (default: the first variable). */
  readonly wrt?: string;
  readonly answer: Shaped;
  readonly domain?: EquivOptions["domain"];
}

export interface DiagnoseResult {
  readonly correct: boolean;
  readonly verdict: Verdict;
  readonly diagnosis?: Diagnosis;
}

type Variant = { code: MistakeCode; key: Shaped; detail?: string };

function diffOrNull(f: Expr, v: string, mistake?: Mistake): Expr | null {
  const r = derivative(f, v, mistake ? { mistake } : {});
  return r.ok ? r.expr : null;
}

/** The key: the derivative, the partial derivative, or the gradient. */
export function keyFor(
  task: Task,
  f: Expr,
  vars: readonly string[],
  wrt: string,
  mistake?: Mistake,
): Shaped | null {
  if (task === "gradient") {
    const out: Expr[] = [];
    for (const v of vars) {
      const d = diffOrNull(f, v, mistake);
      if (!d) return null;
      out.push(d);
    }
    return out;
  }
  return diffOrNull(f, wrt, mistake);
}

function negate(s: Shaped): Shaped {
  if (!Array.isArray(s)) return neg(s as Expr);
  return (s as readonly Shaped[]).map(negate) as Shaped;
}

function topTerms(f: Expr): readonly Expr[] {
  return f.kind === "add" ? f.terms : [f];
}

/** Variants of the key that typical wrong methods produce, most specific first. */
function variants(input: DiagnoseInput, key: Shaped, wrt: string): Variant[] {
  const { task, f, vars } = input;
  const out: Variant[] = [];
  if (task !== "gradient") {
    for (const v of vars) {
      if (v === wrt || !freeVariables(f).includes(v)) continue;
      const d = diffOrNull(f, v);
      if (d) out.push({ code: "wrong_variable", key: d, detail: v });
    }
  }
  for (const [mistake, code] of RULE_MISTAKES) {
    const k = keyFor(task, f, vars, wrt, mistake);
    if (k && toText(flatten(k)) !== toText(flatten(key))) out.push({ code, key: k });
  }
  if (task !== "derivative" && vars.length > 1) {
    // The other variables treated as if they varied with this one: d/dx of f(x, x, ...).
    const total = (): Expr | null => {
      const parts = vars.map((u) => diffOrNull(f, u));
      return parts.every((p): p is Expr => p !== null) ? add(...parts) : null;
    };
    // Terms without the variable differentiated anyway, each with respect to its own variable.
    const alsoOthers = (v: string): Expr | null => {
      const base = diffOrNull(f, v);
      if (!base) return null;
      const extra: Expr[] = [];
      for (const t of topTerms(f)) {
        if (freeVariables(t).includes(v)) continue;
        const own = freeVariables(t)[0];
        const d = own ? diffOrNull(t, own) : null;
        if (d) extra.push(d);
      }
      return extra.length ? add(base, ...extra) : null;
    };
    const build = (g: (v: string) => Expr | null): Shaped | null => {
      if (task === "partial") return g(wrt);
      const comps = vars.map(g);
      return comps.every((c): c is Expr => c !== null) ? comps : null;
    };
    for (const g of [total, alsoOthers]) {
      const k = build(g);
      if (k) out.push({ code: "partial_not_constant", key: k });
    }
  }
  out.push({ code: "sign_error", key: negate(key) });
  if (!Array.isArray(key))
    for (const k of oneTermNegated(key as Expr)) out.push({ code: "sign_error_term", key: k });
  return out;
}

/** The key with the sign of one of its terms flipped, for each term (a sum of two to six terms). */
export function oneTermNegated(key: Expr): Expr[] {
  if (key.kind !== "add" || key.terms.length > 6) return [];
  return key.terms.map((_, i) => add(...key.terms.map((t, j) => (i === j ? neg(t) : t))));
}

function flatten(s: Shaped): Expr {
  if (!Array.isArray(s)) return s as Expr;
  return add(...(s as readonly Shaped[]).map(flatten));
}

/** d(answer)/d(wrt) is the original function: the learner integrated. */
function integrated(input: DiagnoseInput, wrt: string, opts: EquivOptions): boolean {
  if (Array.isArray(input.answer)) return false;
  // The learner's own text is differentiated here: keep that work small.
  if (size(input.answer as Expr) > 300) return false;
  const d = derivative(input.answer as Expr, wrt);
  if (!d.ok) return false;
  const v = equivalent(input.f, d.expr, opts);
  return v.ok && v.equivalent;
}

/** A rational p/q close to r (denominators up to 12), or null. */
function asFraction(r: number): { p: number; q: number } | null {
  for (let q = 1; q <= 12; q++) {
    const p = Math.round(r * q);
    if (p !== 0 && Math.abs(p / q - r) <= 1e-9 * Math.abs(r)) return { p, q };
  }
  return null;
}

/** A constant c other than 1 and -1 with answer = c * key, estimated at one point and confirmed everywhere. */
function constantFactor(key: Expr, answer: Expr, opts: EquivOptions): string | null {
  const k = compile(key, opts.vars);
  const a = compile(answer, opts.vars);
  if (!k.ok || !a.ok) return null;
  const x = opts.vars.map((_, i) => 0.7311 + 0.1931 * i);
  const kv = k.fn(x);
  const av = a.fn(x);
  if (!Number.isFinite(kv) || !Number.isFinite(av) || kv === 0 || av === 0) return null;
  const frac = asFraction(av / kv);
  if (!frac || (frac.q === 1 && Math.abs(frac.p) === 1)) return null;
  const c = frac.q === 1 ? num(Math.abs(frac.p)) : div(num(Math.abs(frac.p)), num(frac.q));
  const scaled = mul(c, key);
  const v = equivalent(frac.p < 0 ? neg(scaled) : scaled, answer, opts);
  if (!v.ok || !v.equivalent) return null;
  return frac.q === 1 ? String(frac.p) : `${frac.p}/${frac.q}`;
}

/** Grade an answer to a differentiation task and, when it is wrong, name the mistake if one matches. */
export function diagnose(input: DiagnoseInput): DiagnoseResult | { error: Verdict & { ok: false } } {
  const wrt = input.wrt ?? input.vars[0] ?? "x";
  const key = keyFor(input.task, input.f, input.vars, wrt);
  const base: EquivOptions = { vars: input.vars, defined: [input.f] };
  const opts: EquivOptions = input.domain ? { ...base, domain: input.domain } : base;
  if (!key) {
    return {
      error: {
        ok: false,
        error: { code: "RESULT_TOO_LARGE", message: "The derivative is too large to check." },
      },
    };
  }
  const verdict = equivalentShaped(key, input.answer, opts);
  if (!verdict.ok) return { error: verdict };
  if (verdict.equivalent) return { correct: true, verdict };
  if (verdict.code === "ORDER") {
    return {
      correct: false,
      verdict,
      diagnosis: { code: "gradient_swapped", message: MISTAKES.gradient_swapped },
    };
  }
  if (input.task !== "gradient" && integrated(input, wrt, opts)) {
    return { correct: false, verdict, diagnosis: { code: "integrated", message: MISTAKES.integrated } };
  }
  for (const v of variants(input, key, wrt)) {
    const r = equivalentShaped(v.key, input.answer, opts);
    if (r.ok && r.equivalent) {
      const message =
        v.code === "wrong_variable" && v.detail
          ? `You differentiated with respect to ${v.detail} instead of ${wrt}.`
          : MISTAKES[v.code];
      return { correct: false, verdict, diagnosis: { code: v.code, message } };
    }
  }
  if (!Array.isArray(key) && !Array.isArray(input.answer)) {
    const r = constantFactor(key as Expr, input.answer as Expr, opts);
    if (r !== null) {
      return {
        correct: false,
        verdict,
        diagnosis: { code: "constant_factor", message: `Your answer is ${r} times the right one.` },
      };
    }
  }
  return { correct: false, verdict };
}
