// Limit skills (curriculum Part 1): each key is known by construction and confirmed in the tests by the
// core's limit evaluator.
// Over 500 lines: the topic's fifteen generators, each short and independent, share this file's
// text helpers; the file is the topic, as each skills-*.ts is.
import { type Expr } from "../calculus/ast";
import { expand } from "../calculus/simplify";
import type { Draft } from "./build";
import { P, T, exactAt, fracText, reject } from "./exact";
import type { Rng } from "./random";
import { lin, shift, sum, term } from "./text";
import type { SkillDef } from "./catalogue-types";

const X = (s: string): Expr => P(s, ["x"]);

function expanded(text: string): Expr {
  const e = expand(X(text));
  if (!e.ok) reject("too large");
  return e.expr;
}

const sideSign = (side: "left" | "right"): number => (side === "left" ? -1 : 1);
const inf = (s: number): "inf" | "-inf" => (s > 0 ? "inf" : "-inf");

function substitution(r: Rng): Draft {
  const p = r.int(-4, 4);
  let f: Expr;
  const form = r.int(0, 3);
  switch (form) {
    case 0: {
      const d = r.nonzero(-4, 4);
      const e = r.int(-6, 6);
      if (d * p + e === 0) reject("pole");
      f = X(
        `(${sum(term(r.nonzero(-5, 5), "x^2"), term(r.int(-6, 6), "x"), String(r.int(-9, 9)))})/(${lin(d, e)})`,
      );
      break;
    }
    case 1: {
      const s = r.int(1, 6);
      const a = r.nonzero(-4, 4);
      const b = s * s - a * p;
      f = X(sum(term(r.nonzero(-3, 3), `sqrt(${lin(a, b)})`), term(r.int(-5, 5), "x")));
      break;
    }
    case 2: {
      const b = r.int(1, 9);
      f = X(`(${sum("x^2", String(r.int(-9, 9)))})/(${sum("x^2", String(b))})`);
      f = X(`${term(r.nonzero(-4, 4), `(${T(f)})`)}`);
      break;
    }
    default:
      f = X(
        sum(
          term(r.nonzero(-4, 4), "x^3"),
          term(r.nonzero(-6, 6), "x"),
          String(r.int(-9, 9)),
          term(r.nonzero(-5, 5), `e^${shift("x", p)}`),
        ),
      );
  }
  const { exact } = exactAt(f, { x: P(String(p), []) });
  const template = ["rational", "root", "quadratic-ratio", "polynomial-exponential"][form]!;
  return { kind: "limit", f, to: String(p), key: exact, template };
}

/** A factor that stays after cancelling (x - a): a constant, a linear factor, or the cofactor of a cube or square difference. */
function cofactor(r: Rng, a: number): { text: string; at: number; form: string } {
  switch (r.int(0, 3)) {
    case 0: {
      const k = r.nonzero(-5, 5);
      return { text: String(k), at: k, form: "constant" };
    }
    case 1:
    case 2: {
      const p = r.int(1, 3);
      const q = r.int(-9, 9);
      return { text: `(${lin(p, q)})`, at: p * a + q, form: "linear" };
    }
    default:
      return r.next() < 0.5
        ? { text: `(x + ${a})`, at: 2 * a, form: "square-difference" }
        : { text: `(x^2 + ${a}*x + ${a * a})`, at: 3 * a * a, form: "cube-difference" };
  }
}

function factorCancel(r: Rng): Draft {
  const a = r.nonzero(-5, 5);
  const top = cofactor(r, a);
  const bottom = cofactor(r, a);
  if (top.at === 0 || bottom.at === 0) reject("not removable");
  if (!/x/.test(top.text) && !/x/.test(bottom.text)) reject("only a linear factor");
  if (top.text === bottom.text) reject("numerator equals denominator");
  const num = `${shift("x", a)}*${top.text}`;
  const den = `${shift("x", a)}*${bottom.text}`;
  const f = { kind: "div", num: expanded(num), den: expanded(den) } as const;
  return {
    kind: "limit",
    f,
    to: String(a),
    key: P(fracText(top.at, bottom.at), []),
    detail: { factored: T(X(`(${num})/(${den})`)), cancelled: T(X(`${top.text}/${bottom.text}`)) },
    template: `${top.form}/${bottom.form}`,
  };
}

/** Version 1: a root over a linear factor, or the flipped quotient. */
export function rationaliseV1(r: Rng): Draft {
  const m = r.int(1, 6);
  const p = r.int(-5, 5);
  const a = r.int(1, 5);
  const k = m * m - a * p;
  const c = r.nonzero(-4, 4);
  const root = `sqrt(${lin(a, k)})`;
  const den = expand(X(`${c}*${shift("x", p)}`));
  if (!den.ok) reject("too large");
  const flip = r.next() < 0.4;
  const top = X(`${root} - ${m}`);
  const f: Expr = flip ? { kind: "div", num: den.expr, den: top } : { kind: "div", num: top, den: den.expr };
  const key = flip ? fracText(2 * m * c, a) : fracText(a, 2 * m * c);
  return {
    kind: "limit",
    f,
    to: String(p),
    key: P(key, []),
    detail: { conjugate: T(X(`${root} + ${m}`)), root: T(X(root)), m: String(m) },
    template: flip ? "root-below" : "root-above",
  };
}

/** Version 2: a root minus a number above or below a linear factor, or a difference of two roots. */
function rationalise(r: Rng): Draft {
  const m = r.int(1, 6);
  const p = r.int(-5, 5);
  const a = r.int(1, 5);
  const c = r.nonzero(-4, 4);
  const root = `sqrt(${lin(a, m * m - a * p)})`;
  const den = expand(X(`${c}*${shift("x", p)}`));
  if (!den.ok) reject("too large");
  const form = r.pick(["root-above", "root-below", "two-roots"] as const);
  if (form === "two-roots") {
    const b = r.int(1, 5);
    if (b === a) reject("the roots cancel");
    const other = `sqrt(${lin(b, m * m - b * p)})`;
    return {
      kind: "limit",
      f: { kind: "div", num: X(`${root} - ${other}`), den: den.expr },
      to: String(p),
      key: P(fracText(a - b, 2 * m * c), []),
      detail: { conjugate: T(X(`${root} + ${other}`)), root: T(X(root)), other: T(X(other)), m: String(m) },
      template: form,
    };
  }
  const top = X(`${root} - ${m}`);
  const flip = form === "root-below";
  const f: Expr = flip ? { kind: "div", num: den.expr, den: top } : { kind: "div", num: top, den: den.expr };
  const key = flip ? fracText(2 * m * c, a) : fracText(a, 2 * m * c);
  return {
    kind: "limit",
    f,
    to: String(p),
    key: P(key, []),
    detail: { conjugate: T(X(`${root} + ${m}`)), root: T(X(root)), m: String(m) },
    template: form,
  };
}

function sinStandard(r: Rng): Draft {
  const a = r.nonzero(-9, 9);
  const b = r.int(1, 9);
  const c = r.int(1, 6);
  const C = c === 1 ? "" : `${c}*`;
  let f: string;
  let key: string;
  const form = r.int(0, 4);
  switch (form) {
    case 0:
      f = `${C}sin(${term(a, "x")})/(${term(b, "x")})`;
      key = fracText(c * a, b);
      break;
    case 1:
      f = `${C}tan(${term(a, "x")})/(${term(b, "x")})`;
      key = fracText(c * a, b);
      break;
    case 2:
      if (Math.abs(a) === b) reject("trivial");
      f = `${C}sin(${term(a, "x")})/sin(${term(b, "x")})`;
      key = fracText(c * a, b);
      break;
    case 3:
      f = `${C}sin(${term(a, "x")})/tan(${term(b, "x")})`;
      key = fracText(c * a, b);
      break;
    default:
      f = `${term(c * b, "x")}/sin(${term(a, "x")})`;
      key = fracText(c * b, a);
  }
  const template = ["sin/x", "tan/x", "sin/sin", "sin/tan", "x/sin"][form]!;
  return { kind: "limit", f: X(f), to: "0", key: P(key, []), template };
}

/** Version 1: a quarter of the problems were (1 - cos(ax))/(bx), whose limit is 0. */
export function oneMinusCosV1(r: Rng): Draft {
  const a = r.int(1, 9);
  const b = r.int(1, 9);
  const c = r.nonzero(-6, 6);
  let f: string;
  let key: string;
  const form = r.int(0, 3);
  switch (form) {
    case 0:
      f = `${c}*(1 - cos(${term(a, "x")}))/(${term(b, "x^2")})`;
      key = fracText(c * a * a, 2 * b);
      break;
    case 1:
      f = `${c}*(cos(${term(a, "x")}) - 1)/(${term(b, "x^2")})`;
      key = fracText(-c * a * a, 2 * b);
      break;
    case 2:
      f = `${c}*(1 - cos(${term(a, "x")}))/(x*sin(${term(b, "x")}))`;
      key = fracText(c * a * a, 2 * b);
      break;
    default:
      f = `${c}*(1 - cos(${term(a, "x")}))/(${term(b, "x")})`;
      key = "0";
  }
  const template = ["one-minus-cos/x^2", "cos-minus-one/x^2", "one-minus-cos/x-sin", "one-minus-cos/x"][
    form
  ]!;
  return { kind: "limit", f: X(f.replace(/^1\*/, "")), to: "0", key: P(key, []), template };
}

/** Version 2: (1 - cos)/x^2 in several dresses, sin^2 over 1 - cos, and (1 - cos)/x (limit 0) rarely. */
function oneMinusCos(r: Rng): Draft {
  const a = r.int(1, 9);
  const b = r.int(1, 9);
  const c = r.nonzero(-6, 6);
  const form = r.pick([
    "one-minus-cos/x^2",
    "cos-minus-one/x^2",
    "one-minus-cos/x-sin",
    "one-minus-cos/x-tan",
    "sin^2/one-minus-cos",
    "one-minus-cos/x",
  ] as const);
  let f: string;
  let key: string;
  switch (form) {
    case "one-minus-cos/x^2":
      f = `${c}*(1 - cos(${term(a, "x")}))/(${term(b, "x^2")})`;
      key = fracText(c * a * a, 2 * b);
      break;
    case "cos-minus-one/x^2":
      f = `${c}*(cos(${term(a, "x")}) - 1)/(${term(b, "x^2")})`;
      key = fracText(-c * a * a, 2 * b);
      break;
    case "one-minus-cos/x-sin":
      f = `${c}*(1 - cos(${term(a, "x")}))/(x*sin(${term(b, "x")}))`;
      key = fracText(c * a * a, 2 * b);
      break;
    case "one-minus-cos/x-tan":
      f = `${c}*(1 - cos(${term(a, "x")}))/(x*tan(${term(b, "x")}))`;
      key = fracText(c * a * a, 2 * b);
      break;
    case "sin^2/one-minus-cos":
      f = `${c}*sin(${term(a, "x")})^2/(1 - cos(${term(b, "x")}))`;
      key = fracText(2 * c * a * a, b * b);
      break;
    default:
      f = `${c}*(1 - cos(${term(a, "x")}))/(${term(b, "x")})`;
      key = "0";
  }
  return { kind: "limit", f: X(f.replace(/^1\*/, "")), to: "0", key: P(key, []), template: form };
}

function expStandard(r: Rng): Draft {
  const a = r.nonzero(-9, 9);
  const b = r.nonzero(-9, 9);
  const c = r.int(1, 6);
  const C = c === 1 ? "" : `${c}*`;
  let f: string;
  let key: string;
  const form = r.int(0, 2);
  switch (form) {
    case 0:
      f = `${C}(e^(${term(a, "x")}) - 1)/(${term(b, "x")})`;
      key = fracText(c * a, b);
      break;
    case 1:
      if (a === b) reject("zero numerator");
      f = `(e^(${term(a, "x")}) - e^(${term(b, "x")}))/(${term(c, "x")})`;
      key = fracText(a - b, c);
      break;
    default:
      f = `${C}(1 - e^(${term(a, "x")}))/(${term(b, "x")})`;
      key = fracText(-c * a, b);
  }
  const template = ["exp-minus-one/x", "exp-minus-exp/x", "one-minus-exp/x"][form]!;
  return { kind: "limit", f: X(f), to: "0", key: P(key, []), template };
}

function logStandard(r: Rng): Draft {
  const a = r.nonzero(-9, 9);
  const b = r.nonzero(-9, 9);
  const c = r.int(1, 6);
  const C = c === 1 ? "" : `${c}*`;
  let f: string;
  let key: string;
  const form = r.int(0, 2);
  switch (form) {
    case 0:
      f = `${C}ln(${lin(a, 1)})/(${term(b, "x")})`;
      key = fracText(c * a, b);
      break;
    case 1:
      if (a === b) reject("trivial");
      f = `${C}ln(${lin(a, 1)})/ln(${lin(b, 1)})`;
      key = fracText(c * a, b);
      break;
    default:
      f = `${term(b, "x")}/(${C}ln(${lin(a, 1)}))`;
      key = fracText(b, c * a);
  }
  const template = ["log/x", "log/log", "x/log"][form]!;
  return { kind: "limit", f: X(f), to: "0", key: P(key, []), template };
}

function polyText(r: Rng, degree: number, lead: number): string {
  const terms = [term(lead, degree === 1 ? "x" : `x^${degree}`)];
  for (let d = degree - 1; d >= 0; d--) {
    if (r.next() < 0.6) terms.push(term(r.int(-9, 9), d === 0 ? "" : d === 1 ? "x" : `x^${d}`));
  }
  return sum(...terms.map((t) => (t === "" ? "" : t)).filter((t) => t !== "" && t !== "0"));
}

/** Version 1: answers were 0 or a ratio most of the time, and top and bottom could share a factor. */
export function rationalInfinityV1(r: Rng): Draft {
  const n = r.int(1, 3);
  const choice = r.next();
  const m = choice < 0.5 ? n : choice < 0.75 ? Math.min(4, n + r.int(1, 2)) : Math.max(0, n - r.int(1, 2));
  const p = r.nonzero(-9, 9);
  const q = r.nonzero(-9, 9);
  const toPlus = r.next() < 0.65;
  const topText = polyText(r, n, p);
  const bottomText = m === 0 ? String(q) : polyText(r, m, q);
  if (m === 0) reject("constant denominator");
  const f = X(`(${topText})/(${bottomText})`);
  let key: Expr | "inf" | "-inf";
  if (n === m) key = P(fracText(p, q), []);
  else if (n < m) key = P("0", []);
  else key = inf(Math.sign(p / q) * (toPlus ? 1 : (-1) ** (n - m)));
  const template = n === m ? "equal-degrees" : n < m ? "lower-top" : "higher-top";
  return { kind: "limit", f, to: toPlus ? "inf" : "-inf", key, detail: { degrees: `${n},${m}` }, template };
}

/** Coefficients (highest degree first) of a polynomial with the leading coefficient and at least one more term. */
function polyCoefficients(r: Rng, degree: number, lead: number): number[] {
  const cs = [lead];
  for (let d = degree - 1; d >= 0; d--) cs.push(r.next() < 0.6 ? r.nonzero(-9, 9) : 0);
  if (degree > 0 && cs.slice(1).every((c) => c === 0)) cs[degree] = r.nonzero(-9, 9);
  return cs;
}

function polyOf(cs: readonly number[]): string {
  const n = cs.length - 1;
  return sum(...cs.map((c, i) => term(c, n - i === 0 ? "" : n - i === 1 ? "x" : `x^${n - i}`)));
}

const valueAt = (cs: readonly number[], x: number): number => cs.reduce((s, c) => s * x + c, 0);

function gcdOf(values: readonly number[]): number {
  let g = 0;
  for (let v of values) {
    v = Math.abs(v);
    while (v) [g, v] = [v, g % v];
  }
  return g;
}

/** Top and bottom share a factor: a common integer, or a common root p/q (p | constant terms, q | leads). */
function sharesFactor(top: readonly number[], bottom: readonly number[]): boolean {
  if (gcdOf([...top, ...bottom]) > 1) return true;
  const roots = [0];
  for (let q = 1; q <= 9; q++) for (let p = 1; p <= 9; p++) roots.push(p / q, -p / q);
  return roots.some((x) => Math.abs(valueAt(top, x)) < 1e-9 && Math.abs(valueAt(bottom, x)) < 1e-9);
}

/**
 * Version 2: equal degrees (a non-zero ratio), a lower top (0) and a higher top (an infinity) equally
 * often, towards +infinity or -infinity; top and bottom have at least two terms and no common factor.
 */
function rationalInfinity(r: Rng): Draft {
  const form = r.pick(["equal-degrees", "lower-top", "higher-top"] as const);
  const n = form === "lower-top" ? r.int(0, 2) : form === "higher-top" ? r.int(2, 3) : r.int(1, 3);
  const m = form === "equal-degrees" ? n : form === "lower-top" ? n + r.int(1, 2) : r.int(1, n - 1);
  const p = r.nonzero(-9, 9);
  const q = r.nonzero(-9, 9);
  const toPlus = r.next() < 0.5;
  const top = polyCoefficients(r, n, p);
  const bottom = polyCoefficients(r, m, q);
  if (sharesFactor(top, bottom)) reject("not in lowest terms");
  const f = X(`(${polyOf(top)})/(${polyOf(bottom)})`);
  let key: Expr | "inf" | "-inf";
  if (n === m) key = P(fracText(p, q), []);
  else if (n < m) key = P("0", []);
  else key = inf(Math.sign(p / q) * (toPlus ? 1 : (-1) ** (n - m)));
  return {
    kind: "limit",
    f,
    to: toPlus ? "inf" : "-inf",
    key,
    detail: { degrees: `${n},${m}` },
    template: form,
  };
}

function expVsPoly(r: Rng): Draft {
  const a = r.int(1, 4);
  const n = r.int(1, 6);
  const c = r.nonzero(-9, 9);
  const d = r.int(-5, 5);
  const A = a === 1 ? "x" : `${a}*x`;
  const xn = n === 1 ? "x" : `x^${n}`;
  switch (r.int(0, 3)) {
    case 0:
      return {
        kind: "limit",
        f: X(sum(`${term(c, xn)}/e^(${A})`, String(d))),
        to: "inf",
        key: P(String(d), []),
        template: "power-over-exponential",
      };
    case 1:
      return {
        kind: "limit",
        f: X(`${term(c, `e^(${A})`)}/(${sum(xn, String(Math.abs(d)))})`),
        to: "inf",
        key: inf(c),
        template: "exponential-over-power",
      };
    case 2: {
      const p = r.nonzero(-9, 9);
      const q = r.nonzero(-9, 9);
      const m = r.int(1, 5);
      const f = X(
        `(${sum(term(p, `e^(${A})`), term(c, xn))})/(${sum(term(q, `e^(${A})`), term(d === 0 ? 1 : d, m === 1 ? "x" : `x^${m}`))})`,
      );
      return { kind: "limit", f, to: "inf", key: P(fracText(p, q), []), template: "exponentials-lead" };
    }
    default:
      return {
        kind: "limit",
        f: X(`(${sum(term(c, xn), String(d))})*e^(${A})`),
        to: "-inf",
        key: P("0", []),
        template: "towards-minus-infinity",
      };
  }
}

function infinite(r: Rng): Draft {
  const a = r.int(-6, 6);
  const c = r.nonzero(-9, 9);
  const side = r.pick(["left", "right"] as const);
  switch (r.int(0, 2)) {
    case 0: {
      const k = r.int(1, 3);
      const den = k === 1 ? shift("x", a) : `${shift("x", a)}^${k}`;
      const f = X(sum(`${c}/${den}`, String(r.int(-5, 5))));
      if (k % 2 === 0)
        return { kind: "limit", f, to: String(a), side: "both", key: inf(c), template: "even-power" };
      return { kind: "limit", f, to: String(a), side, key: inf(c * sideSign(side)), template: "odd-power" };
    }
    case 1: {
      const b = r.int(-9, 9);
      const m = r.int(1, 4);
      if (m * a + b === 0) reject("removable");
      const f = { kind: "div", num: X(lin(m, b)), den: expanded(shift("x", a)) } as const;
      return {
        kind: "limit",
        f,
        to: String(a),
        side,
        key: inf((m * a + b) * sideSign(side)),
        template: "linear-over-linear",
      };
    }
    default: {
      const b = r.nonzero(-5, 5);
      const d = r.int(-9, 9);
      if (b * a + d === 0) reject("removable");
      const f = { kind: "div", num: X(lin(b, d)), den: expanded(`${shift("x", a)}^2`) } as const;
      return {
        kind: "limit",
        f,
        to: String(a),
        side: "both",
        key: inf(b * a + d),
        template: "linear-over-square",
      };
    }
  }
}

function oneSidedAbs(r: Rng): Draft {
  const a = r.int(-6, 6);
  const c = r.nonzero(-9, 9);
  const side = r.pick(["left", "right"] as const);
  const s = sideSign(side);
  const absX = `abs(${T(X(shift("x", a)))})`;
  switch (r.int(0, 2)) {
    case 0: {
      const k = r.int(1, 5);
      const den = k === 1 ? shift("x", a) : `(${k}*${shift("x", a)})`;
      return {
        kind: "limit",
        f: X(`${term(c, absX)}/${den}`),
        to: String(a),
        side,
        key: P(fracText(c * s, k), []),
        template: "abs-over-linear",
      };
    }
    case 1: {
      if (a === 0) reject("zero");
      const k = r.int(1, 3);
      const f = {
        kind: "div",
        num: expanded(`${c}*${shift("x", a)}*${shift("x", -a)}`),
        den: X(k === 1 ? absX : `${k}*${absX}`),
      } as const;
      return {
        kind: "limit",
        f,
        to: String(a),
        side,
        key: P(fracText(2 * a * c * s, k), []),
        template: "square-difference-over-abs",
      };
    }
    default: {
      const b = r.int(-9, 9);
      if (b === -a) reject("zero");
      const f = { kind: "div", num: expanded(`${c}*${shift("x", a)}*(x + ${b})`), den: X(absX) } as const;
      return {
        kind: "limit",
        f,
        to: String(a),
        side,
        key: P(String(c * (a + b) * s), []),
        template: "product-over-abs",
      };
    }
  }
}

/** Version 1: every answer was DNE. */
export function doesNotExistV1(r: Rng): Draft {
  const a = r.int(-6, 6);
  const c = r.nonzero(-9, 9);
  const absX = `abs(${T(X(shift("x", a)))})`;
  switch (r.int(0, 3)) {
    case 0:
      return {
        kind: "limit",
        f: X(sum(`${term(c, absX)}/${shift("x", a)}`, String(r.int(-5, 5)))),
        to: String(a),
        key: "DNE",
        detail: { why: "jump" },
        template: "jump",
      };
    case 1: {
      const k = r.pick([1, 3]);
      const den = k === 1 ? shift("x", a) : `${shift("x", a)}^${k}`;
      return {
        kind: "limit",
        f: X(sum(`${c}/${den}`, String(r.int(-5, 5)))),
        to: String(a),
        key: "DNE",
        detail: { why: "infinities" },
        template: "opposite-infinities",
      };
    }
    case 2: {
      const b = r.int(-9, 9);
      if (a + b === 0) reject("removable");
      const f = {
        kind: "div",
        num: expanded(`${r.nonzero(1, 4)}*(x + ${b})`),
        den: expanded(shift("x", a)),
      } as const;
      return {
        kind: "limit",
        f,
        to: String(a),
        key: "DNE",
        detail: { why: "infinities" },
        template: "linear-over-linear",
      };
    }
    default: {
      const b = r.int(1, 9);
      const f = X(`${term(c, `sin(${b}/${shift("x", a)})`)}`);
      return {
        kind: "limit",
        f,
        to: String(a),
        key: "DNE",
        detail: { why: "oscillation" },
        template: "oscillation",
      };
    }
  }
}

/**
 * Version 2: the learner decides. Limits that do not exist (a jump, infinities of opposite signs,
 * oscillation) beside look-alikes whose limit exists: one side of a jump, one side of an asymptote,
 * an even power (both sides the same infinity), a removable 0/0, an absolute value that is continuous.
 */
function doesNotExist(r: Rng): Draft {
  const a = r.int(-6, 6);
  const c = r.nonzero(-9, 9);
  const d = r.int(-5, 5);
  const absX = `abs(${T(X(shift("x", a)))})`;
  const side = r.pick(["left", "right"] as const);
  const s = sideSign(side);
  const form = r.pick([
    "jump",
    "opposite-infinities",
    "oscillation",
    "one-side-of-a-jump",
    "one-side-of-an-asymptote",
    "same-infinities",
    "removable",
  ] as const);
  const at = { kind: "limit", to: String(a), template: form } as const;
  switch (form) {
    case "jump":
      return {
        ...at,
        f: X(sum(`${term(c, absX)}/${shift("x", a)}`, String(d))),
        key: "DNE",
        detail: { why: "jump" },
      };
    case "one-side-of-a-jump":
      return {
        ...at,
        f: X(sum(`${term(c, absX)}/${shift("x", a)}`, String(d))),
        side,
        key: P(String(c * s + d), []),
        detail: { why: "one-sided" },
      };
    case "opposite-infinities": {
      const k = r.pick([1, 3]);
      const den = k === 1 ? shift("x", a) : `${shift("x", a)}^${k}`;
      return { ...at, f: X(sum(`${c}/${den}`, String(d))), key: "DNE", detail: { why: "infinities" } };
    }
    case "one-side-of-an-asymptote": {
      const k = r.pick([1, 3]);
      const den = k === 1 ? shift("x", a) : `${shift("x", a)}^${k}`;
      return {
        ...at,
        f: X(sum(`${c}/${den}`, String(d))),
        side,
        key: inf(c * s),
        detail: { why: "one-sided" },
      };
    }
    case "same-infinities": {
      const den = `${shift("x", a)}^${r.pick([2, 4])}`;
      return { ...at, f: X(sum(`${c}/${den}`, String(d))), key: inf(c), detail: { why: "same-infinities" } };
    }
    case "removable": {
      const b = r.int(-9, 9);
      if (a + b === 0) reject("cancels completely");
      const f = {
        kind: "div",
        num: expanded(`${c}*${shift("x", a)}*(x + ${b})`),
        den: expanded(shift("x", a)),
      } as const;
      return { ...at, f, key: P(String(c * (a + b)), []), detail: { why: "removable" } };
    }
    default: {
      const b = r.int(1, 9);
      const f = X(`${term(c, `sin(${b}/${shift("x", a)})`)}`);
      return { ...at, f, key: "DNE", detail: { why: "oscillation" } };
    }
  }
}

export const LIMIT_SKILLS: SkillDef[] = [
  {
    id: "limit-direct-substitution",
    title: "Limits by direct substitution",
    topic: "limits",
    kind: "limit",
    description: "A function continuous at the point has its value there as its limit: substitute the point.",
    prerequisites: [],
    version: 1,
    hint: "The function is continuous at this point: substitute the value and simplify.",
    gen: substitution,
  },
  {
    id: "limit-factor-cancel",
    title: "Removable discontinuities: factor and cancel",
    topic: "limits",
    kind: "limit",
    description:
      "Substitution gives 0/0: factor numerator and denominator, cancel the common factor (x - a), then substitute.",
    prerequisites: ["limit-direct-substitution"],
    version: 1,
    hint: "Both top and bottom vanish at the point, so both have the factor (x - a): factor, cancel it, substitute.",
    gen: factorCancel,
  },
  {
    id: "limit-rationalise",
    title: "Limits by rationalising",
    topic: "limits",
    kind: "limit",
    description:
      "With a square root in a 0/0 form, multiply top and bottom by the conjugate so that the root disappears, cancel, substitute.",
    prerequisites: ["limit-factor-cancel"],
    version: 2,
    hint: "Multiply numerator and denominator by the conjugate sqrt(...) + m and use (A − B)(A + B) = A² − B².",
    gen: rationalise,
  },
  {
    id: "limit-sin-over-x",
    title: "The standard limit sin(u)/u → 1",
    topic: "limits",
    kind: "limit",
    description:
      "Rewrite the quotient so each sine or tangent appears as sin(ax)/(ax), which tends to 1, and collect the constants.",
    prerequisites: ["limit-direct-substitution"],
    version: 1,
    hint: "Multiply and divide so that sin(ax) is over ax (and tan(ax) over ax); each such quotient tends to 1.",
    gen: sinStandard,
  },
  {
    id: "limit-one-minus-cos",
    title: "The standard limit (1 − cos u)/u² → ½",
    topic: "limits",
    kind: "limit",
    description: "Use (1 − cos(ax))/(ax)² → ½ (and (1 − cos u)/u → 0), together with sin(u)/u → 1.",
    prerequisites: ["limit-sin-over-x"],
    version: 2,
    hint: "Write 1 − cos(ax) over (ax)², which tends to ½, and collect the constants.",
    gen: oneMinusCos,
  },
  {
    id: "limit-exp-standard",
    title: "The standard limit (eᵘ − 1)/u → 1",
    topic: "limits",
    kind: "limit",
    description: "Rewrite so that each eᵃˣ − 1 is divided by ax, which tends to 1.",
    prerequisites: ["limit-direct-substitution"],
    version: 1,
    hint: "Use (eᵘ − 1)/u → 1 with u = ax: multiply and divide by a.",
    gen: expStandard,
  },
  {
    id: "limit-log-standard",
    title: "The standard limit ln(1 + u)/u → 1",
    topic: "limits",
    kind: "limit",
    description: "Rewrite so that each ln(1 + ax) is divided by ax, which tends to 1.",
    prerequisites: ["limit-exp-standard"],
    version: 1,
    hint: "Use ln(1 + u)/u → 1 with u = ax: multiply and divide by a.",
    gen: logStandard,
  },
  {
    id: "limit-rational-at-infinity",
    title: "Rational functions at infinity",
    topic: "limits",
    kind: "limit",
    description:
      "Divide top and bottom by the highest power of x in the denominator: the limit depends on the degrees and the leading coefficients.",
    prerequisites: ["limit-direct-substitution"],
    version: 2,
    hint: "Compare the degrees of numerator and denominator, and divide both by the highest power of x in the denominator.",
    gen: rationalInfinity,
  },
  {
    id: "limit-exponential-vs-polynomial",
    title: "Exponentials against polynomials at infinity",
    topic: "limits",
    kind: "limit",
    description:
      "An exponential e^(ax) with a > 0 grows faster than every power of x; divide by the fastest-growing term.",
    prerequisites: ["limit-rational-at-infinity"],
    version: 1,
    hint: "Find the fastest-growing term (an exponential beats any power of x) and divide top and bottom by it.",
    gen: expVsPoly,
  },
  {
    id: "limit-infinite",
    title: "Infinite limits at a vertical asymptote",
    topic: "limits",
    kind: "limit",
    description:
      "When the denominator tends to 0 and the numerator does not, the limit is infinite; its sign comes from the signs of top and bottom on the side of approach.",
    prerequisites: ["limit-direct-substitution"],
    version: 1,
    hint: "The bottom tends to 0 and the top does not: find the sign of each just beside the point on the side asked.",
    gen: infinite,
  },
  {
    id: "limit-one-sided-abs",
    title: "One-sided limits with absolute values",
    topic: "limits",
    kind: "limit",
    description:
      "On one side of a the absolute value |x - a| is either x - a or -(x - a): replace it, simplify, substitute.",
    prerequisites: ["limit-factor-cancel"],
    version: 1,
    hint: "On the side asked, |x - a| equals x - a (right) or -(x - a) (left): replace it and simplify.",
    gen: oneSidedAbs,
  },
  {
    id: "limit-does-not-exist",
    title: "Does the limit exist?",
    topic: "limits",
    kind: "limit",
    description:
      "A two-sided limit exists only when both one-sided limits exist and agree. Decide: a number, an infinity (both sides the same), a one-sided limit, or DNE (the sides differ, or the function oscillates).",
    prerequisites: ["limit-one-sided-abs", "limit-infinite"],
    version: 2,
    hint: "Work out the limit from the left and from the right separately (only the side asked, if one is) and compare them.",
    gen: doesNotExist,
  },
];
