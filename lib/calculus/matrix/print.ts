// Printers. `toText`: canonical plain text that reads back to the same tree (explicit `*`, minimal
// brackets, `x^T`, `⊙`, `⊘`, `·`, `‖v‖`, `[z > 0]`). `toLatex`: LaTeX for KaTeX with bold vectors,
// `^{\top}`, `\odot`, `\oslash`, `\operatorname{diag}`.
import type { MExpr } from "./ast";
import type { Decls } from "./shape";

const enum P {
  Sum = 1,
  Product = 2,
  Unary = 3,
  Postfix = 4,
  Atom = 5,
}

function level(e: MExpr): P {
  switch (e.k) {
    case "add":
    case "sub":
      return P.Sum;
    case "mul":
    case "dot":
    case "had":
    case "hdiv":
    case "div":
      return P.Product;
    case "neg":
      return P.Unary;
    case "pow":
    case "transpose":
      return P.Postfix;
    case "num":
      return e.value < 0 ? P.Unary : P.Atom;
    default:
      return P.Atom;
  }
}

const OP_TEXT: Record<string, string> = { mul: "*", dot: "·", had: " ⊙ ", hdiv: " ⊘ ", div: "/" };
const FN_TEXT: Record<string, string> = { sigmoid: "sigmoid", relu: "relu" };

export function numberText(e: Extract<MExpr, { k: "num" }>): string {
  if (Number.isFinite(e.p) && e.q !== 1 && Number.isSafeInteger(e.p)) {
    const digits = Math.round(Math.log10(e.q));
    if (10 ** digits === e.q)
      return (e.p / e.q).toFixed(digits).replace(/\.?0+$/, (m) => (m.startsWith(".") ? "" : m));
  }
  return String(e.value);
}

/** Canonical plain text; reads back (with the same declarations) to the same tree. */
export function toText(e: MExpr): string {
  const wrap = (c: MExpr, min: P) => (level(c) < min ? `(${toText(c)})` : toText(c));
  switch (e.k) {
    case "num":
      return numberText(e);
    case "const":
      return e.name;
    case "sym":
    case "dim":
      return e.name;
    case "ones":
      return e.dim === null ? "𝟏" : `1_${e.dim}`;
    case "eye":
      return e.dim === null ? "I" : `I_${e.dim}`;
    case "neg":
      return `-${wrap(e.a, P.Postfix)}`;
    case "add":
    case "sub":
      return `${wrap(e.a, P.Sum)} ${e.k === "add" ? "+" : "-"} ${wrap(e.b, P.Product)}`;
    case "mul":
    case "dot":
    case "had":
    case "hdiv":
    case "div":
      return `${wrap(e.a, P.Product)}${OP_TEXT[e.k]}${wrap(e.b, P.Unary)}`;
    case "pow": {
      const b = e.b.k === "num" && e.b.value >= 0 ? toText(e.b) : `(${toText(e.b)})`;
      return `${wrap(e.a, P.Atom)}^${b}`;
    }
    case "transpose":
      return `${wrap(e.a, P.Postfix)}^T`;
    case "fn":
      return `${FN_TEXT[e.fn] ?? e.fn}(${toText(e.a)})`;
    case "norm":
      return `‖${toText(e.a)}‖`;
    case "ind":
      return `[${toText(e.a)} ${e.op} ${toText(e.b)}]`;
    default:
      return `${e.k}(${toText(e.a)})`;
  }
}

const GREEK: Record<string, string> = {
  α: "\\alpha",
  β: "\\beta",
  γ: "\\gamma",
  δ: "\\delta",
  ε: "\\varepsilon",
  η: "\\eta",
  θ: "\\theta",
  λ: "\\lambda",
  μ: "\\mu",
  σ: "\\sigma",
  Σ: "\\Sigma",
};

function nameLatex(name: string, bold: boolean): string {
  const m = /^([^_0-9]+)_?([0-9A-Za-z]*)$/.exec(name);
  const base = m ? m[1]! : name;
  const sub = m ? m[2]! : "";
  let b = [...base].map((c) => GREEK[c] ?? c).join("");
  if ([...base].length > 1 && !b.startsWith("\\")) b = `\\mathit{${b}}`;
  if (bold) b = `\\mathbf{${b}}`;
  return sub ? `${b}_{${sub}}` : b;
}

const FN_LATEX: Record<string, string> = {
  exp: "\\exp",
  ln: "\\ln",
  sin: "\\sin",
  cos: "\\cos",
  tanh: "\\tanh",
  sigmoid: "\\sigma",
  relu: "\\operatorname{relu}",
  sqrt: "\\operatorname{sqrt}",
  abs: "\\operatorname{abs}",
  diag: "\\operatorname{diag}",
  sum: "\\operatorname{sum}",
  trace: "\\operatorname{tr}",
  det: "\\det",
  softmax: "\\operatorname{softmax}",
};
const OP_LATEX: Record<string, string> = { dot: " \\cdot ", had: " \\odot ", hdiv: " \\oslash " };
const IND_LATEX: Record<string, string> = { ">": ">", "<": "<", ">=": "\\ge", "<=": "\\le" };

/** LaTeX for KaTeX; vectors in bold (a declared vector, or the vector of ones). */
export function toLatex(e: MExpr, decls?: Decls): string {
  const isVector = (name: string) => {
    const d = decls?.symbols.get(name);
    return !!d && (d.shape.cols === 1) !== (d.shape.rows === 1);
  };
  const go = (n: MExpr): string => {
    const wrap = (c: MExpr, min: P) => (level(c) < min ? `\\left(${go(c)}\\right)` : go(c));
    switch (n.k) {
      case "num":
        return n.q !== 1 &&
          Number.isSafeInteger(n.p) &&
          n.q <= 1000 &&
          n.p % 1 === 0 &&
          numberText(n).length > 5
          ? `\\frac{${n.p}}{${n.q}}`
          : numberText(n);
      case "const":
        return n.name === "pi" ? "\\pi" : "e";
      case "sym":
        return nameLatex(n.name, isVector(n.name));
      case "dim":
        return nameLatex(n.name, false);
      case "ones":
        return n.dim === null ? "\\mathbf{1}" : `\\mathbf{1}_{${n.dim}}`;
      case "eye":
        return n.dim === null ? "I" : `I_{${n.dim}}`;
      case "neg":
        return `-${wrap(n.a, P.Postfix)}`;
      case "add":
      case "sub":
        return `${wrap(n.a, P.Sum)} ${n.k === "add" ? "+" : "-"} ${wrap(n.b, P.Product)}`;
      case "mul": {
        const a = wrap(n.a, P.Product);
        const b = wrap(n.b, P.Unary);
        const numeric = /[0-9]$/.test(a) && /^[0-9.]/.test(b);
        return `${a}${numeric ? " \\cdot " : " "}${b}`;
      }
      case "dot":
      case "had":
      case "hdiv":
        return `${wrap(n.a, P.Product)}${OP_LATEX[n.k]}${wrap(n.b, P.Unary)}`;
      case "div":
        return `\\frac{${go(n.a)}}{${go(n.b)}}`;
      case "pow":
        return `{${wrap(n.a, P.Atom)}}^{${go(n.b)}}`;
      case "transpose":
        return `{${wrap(n.a, P.Atom)}}^{\\top}`;
      case "inv":
        return `{${wrap(n.a, P.Atom)}}^{-1}`;
      case "norm":
        return `\\left\\lVert ${go(n.a)} \\right\\rVert`;
      case "ind":
        return `\\left[${go(n.a)} ${IND_LATEX[n.op]} ${go(n.b)}\\right]`;
      case "fn":
        return `${FN_LATEX[n.fn]}\\left(${go(n.a)}\\right)`;
      default:
        return `${FN_LATEX[n.k]}\\left(${go(n.a)}\\right)`;
    }
  };
  return go(e);
}
