// A generated statement as a learner reads it: the prose as text and every piece of mathematics in it
// typeset (`f(x, y) = 4x²y − y + 2 sin(πxy)`, `x → 3`, points, `f'(−3)`), instead of the code notation
// the statement is stored in (`sin(pi*x*y)`, `x -> 3`). The pieces are found from the problem's
// `given` (its function, inner functions) and a few fixed patterns; anything not recognised stays
// text, made readable by readableText. Pure: the server renders the parts with KaTeX.
import { parse } from "../calculus/parse";
import { toLatex } from "../calculus/print";
import { readableText } from "./readable";

export type StatementPart = { text: string } | { tex: string };

interface Piece {
  start: number;
  end: number;
  tex: string;
}

function exprTex(text: string, vars: readonly string[]): string | null {
  const r = parse(text, { vars: [...vars] });
  return r.ok ? toLatex(r.expr) : null;
}

const numberTex = (n: string) => n.replace(/infinity/, "\\infty");

/** The parts of `statement`, in order; text parts are made readable, maths parts are LaTeX. */
export function statementParts(p: {
  statement: string;
  given?: unknown;
  vars: readonly string[];
}): StatementPart[] {
  const s = p.statement;
  const pieces: Piece[] = [];
  const free = (start: number, end: number) => pieces.every((q) => end <= q.start || start >= q.end);
  const add = (start: number, end: number, tex: string | null) => {
    if (tex !== null && start >= 0 && end > start && free(start, end)) pieces.push({ start, end, tex });
  };
  const given = (p.given ?? {}) as Record<string, unknown>;

  const vars = Array.isArray(given.vars) ? (given.vars as unknown[]).map(String) : p.vars;
  // The function, with its name before it: "f(x, y) = ...", "y = ...". A statement without one (the
  // matrix skills, which have their own notation) stays text.
  if (typeof given.f !== "string" || given.f.length === 0 || !s.includes(given.f))
    return [{ text: readableText(s) }];
  {
    const at = s.indexOf(given.f);
    const tex = exprTex(given.f, vars);
    if (at >= 0 && tex !== null) {
      const name = /(?:\b[a-zA-Z]\((?:[a-z], )*[a-z]\)|\by) = $/.exec(s.slice(0, at));
      const start = name ? at - name[0].length : at;
      add(start, at + given.f.length, `${name ? name[0] : ""}${tex}`);
    }
    if (pieces.length === 0) return [{ text: readableText(s) }];
  }
  // Inner functions of a chain rule: "x = -3*t^2".
  if (given.inner && typeof given.inner === "object" && typeof given.param === "string") {
    for (const [k, v] of Object.entries(given.inner as Record<string, unknown>)) {
      if (typeof v !== "string") continue;
      const text = `${k} = ${v}`;
      const at = s.indexOf(text);
      const tex = exprTex(v, [given.param]);
      if (tex !== null) add(at, at + text.length, `${k} = ${tex}`);
    }
  }
  // A number as statements write it: -3, 0.5, 2/3, pi/6, 3*pi/4, -infinity.
  const N = String.raw`-?(?:\d+(?:\.\d+)?(?:\*pi)?|pi|infinity)(?:\/\d+)?`;
  const num = (t: string) => (t.includes("infinity") ? numberTex(t) : exprTex(t, []));
  const tuple = (list: string) => {
    const xs = list.split(", ").map(num);
    return xs.every((x) => x !== null) ? `(${xs.join(", ")})` : null;
  };
  const patterns: [RegExp, (m: RegExpExecArray) => string | null][] = [
    // A limit's approach: "x -> -3", "x -> infinity".
    [new RegExp(String.raw`\b([a-z]) -> (${N})`, "g"), (m) => `${m[1]} \\to ${num(m[2]!)}`],
    [new RegExp(String.raw`\bf'\((${N})\)`, "g"), (m) => `f'\\left(${num(m[1]!)}\\right)`],
    [/\bd\/dt f\(x\(t\), y\(t\)\)/g, () => "\\frac{d}{dt} f\\big(x(t), y(t)\\big)"],
    [
      /\((df\/d[a-z](?:, df\/d[a-z])+)\)/g,
      (m) =>
        `\\left(${m[1]!
          .split(", ")
          .map((d) => `\\frac{\\partial f}{\\partial ${d.slice(-1)}}`)
          .join(", ")}\\right)`,
    ],
    [new RegExp(String.raw`\bv = \((${N}(?:, ${N})+)\)`, "g"), (m) => `\\mathbf{v} = ${tuple(m[1]!)}`],
    // A point: "(2, -1)", and a value: "t = 1", "x = -2".
    [new RegExp(String.raw`\((${N}(?:, ${N})+)\)`, "g"), (m) => tuple(m[1]!)],
    [new RegExp(String.raw`\b([a-z]) = (${N})(?![\w(])`, "g"), (m) => `${m[1]} = ${num(m[2]!)}`],
  ];
  for (const [re, tex] of patterns) {
    for (const m of s.matchAll(re)) add(m.index, m.index + m[0].length, tex(m));
  }

  pieces.sort((a, b) => a.start - b.start);
  const parts: StatementPart[] = [];
  let at = 0;
  for (const q of pieces) {
    if (q.start > at) parts.push({ text: readableText(s.slice(at, q.start)) });
    parts.push({ tex: q.tex });
    at = q.end;
  }
  if (at < s.length) parts.push({ text: readableText(s.slice(at)) });
  return parts;
}
