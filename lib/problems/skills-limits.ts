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
  switch (r.int(0, 3)) {
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
  return { kind: "limit", f, to: String(p), key: exact };
}

/** A factor that stays after cancelling (x - a): a constant, a linear factor, or the cofactor of a cube or square difference. */
function cofactor(r: Rng, a: number): { text: string; at: number } {
  switch (r.int(0, 3)) {
    case 0: {
      const k = r.nonzero(-5, 5);
      return { text: String(k), at: k };
    }
    case 1:
    case 2: {
      const p = r.int(1, 3);
      const q = r.int(-9, 9);
      return { text: `(${lin(p, q)})`, at: p * a + q };
    }
    default:
      return r.next() < 0.5
        ? { text: `(x + ${a})`, at: 2 * a }
        : { text: `(x^2 + ${a}*x + ${a * a})`, at: 3 * a * a };
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
  };
}

function rationalise(r: Rng): Draft {
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
  };
}

function sinStandard(r: Rng): Draft {
  const a = r.nonzero(-9, 9);
  const b = r.int(1, 9);
  const c = r.int(1, 6);
  const C = c === 1 ? "" : `${c}*`;
  let f: string;
  let key: string;
  switch (r.int(0, 4)) {
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
  return { kind: "limit", f: X(f), to: "0", key: P(key, []) };
}

function oneMinusCos(r: Rng): Draft {
  const a = r.int(1, 9);
  const b = r.int(1, 9);
  const c = r.nonzero(-6, 6);
  let f: string;
  let key: string;
  switch (r.int(0, 3)) {
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
  return { kind: "limit", f: X(f.replace(/^1\*/, "")), to: "0", key: P(key, []) };
}

function expStandard(r: Rng): Draft {
  const a = r.nonzero(-9, 9);
  const b = r.nonzero(-9, 9);
  const c = r.int(1, 6);
  const C = c === 1 ? "" : `${c}*`;
  let f: string;
  let key: string;
  switch (r.int(0, 2)) {
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
  return { kind: "limit", f: X(f), to: "0", key: P(key, []) };
}

function logStandard(r: Rng): Draft {
  const a = r.nonzero(-9, 9);
  const b = r.nonzero(-9, 9);
  const c = r.int(1, 6);
  const C = c === 1 ? "" : `${c}*`;
  let f: string;
  let key: string;
  switch (r.int(0, 2)) {
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
  return { kind: "limit", f: X(f), to: "0", key: P(key, []) };
}

function polyText(r: Rng, degree: number, lead: number): string {
  const terms = [term(lead, degree === 1 ? "x" : `x^${degree}`)];
  for (let d = degree - 1; d >= 0; d--) {
    if (r.next() < 0.6) terms.push(term(r.int(-9, 9), d === 0 ? "" : d === 1 ? "x" : `x^${d}`));
  }
  return sum(...terms.map((t) => (t === "" ? "" : t)).filter((t) => t !== "" && t !== "0"));
}

function rationalInfinity(r: Rng): Draft {
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
  return { kind: "limit", f, to: toPlus ? "inf" : "-inf", key, detail: { degrees: `${n},${m}` } };
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
      };
    case 1:
      return {
        kind: "limit",
        f: X(`${term(c, `e^(${A})`)}/(${sum(xn, String(Math.abs(d)))})`),
        to: "inf",
        key: inf(c),
      };
    case 2: {
      const p = r.nonzero(-9, 9);
      const q = r.nonzero(-9, 9);
      const m = r.int(1, 5);
      const f = X(
        `(${sum(term(p, `e^(${A})`), term(c, xn))})/(${sum(term(q, `e^(${A})`), term(d === 0 ? 1 : d, m === 1 ? "x" : `x^${m}`))})`,
      );
      return { kind: "limit", f, to: "inf", key: P(fracText(p, q), []) };
    }
    default:
      return {
        kind: "limit",
        f: X(`(${sum(term(c, xn), String(d))})*e^(${A})`),
        to: "-inf",
        key: P("0", []),
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
      if (k % 2 === 0) return { kind: "limit", f, to: String(a), side: "both", key: inf(c) };
      return { kind: "limit", f, to: String(a), side, key: inf(c * sideSign(side)) };
    }
    case 1: {
      const b = r.int(-9, 9);
      const m = r.int(1, 4);
      if (m * a + b === 0) reject("removable");
      const f = { kind: "div", num: X(lin(m, b)), den: expanded(shift("x", a)) } as const;
      return { kind: "limit", f, to: String(a), side, key: inf((m * a + b) * sideSign(side)) };
    }
    default: {
      const b = r.nonzero(-5, 5);
      const d = r.int(-9, 9);
      if (b * a + d === 0) reject("removable");
      const f = { kind: "div", num: X(lin(b, d)), den: expanded(`${shift("x", a)}^2`) } as const;
      return { kind: "limit", f, to: String(a), side: "both", key: inf(b * a + d) };
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
      return { kind: "limit", f, to: String(a), side, key: P(fracText(2 * a * c * s, k), []) };
    }
    default: {
      const b = r.int(-9, 9);
      if (b === -a) reject("zero");
      const f = { kind: "div", num: expanded(`${c}*${shift("x", a)}*(x + ${b})`), den: X(absX) } as const;
      return { kind: "limit", f, to: String(a), side, key: P(String(c * (a + b) * s), []) };
    }
  }
}

function doesNotExist(r: Rng): Draft {
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
      return { kind: "limit", f, to: String(a), key: "DNE", detail: { why: "infinities" } };
    }
    default: {
      const b = r.int(1, 9);
      const f = X(`${term(c, `sin(${b}/${shift("x", a)})`)}`);
      return { kind: "limit", f, to: String(a), key: "DNE", detail: { why: "oscillation" } };
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
    version: 1,
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
    version: 1,
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
    version: 1,
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
    title: "Limits that do not exist",
    topic: "limits",
    kind: "limit",
    description:
      "A two-sided limit exists only when both one-sided limits exist and agree: compare the left and right limits (or spot oscillation).",
    prerequisites: ["limit-one-sided-abs", "limit-infinite"],
    version: 1,
    hint: "Work out the limit from the left and from the right separately and compare them.",
    gen: doesNotExist,
  },
];
