// Grading grid answers (concrete vectors and matrices of Parts 2 and 3): the key is right in every form
// a learner or the command line gives it, a perturbed answer is wrong, a transposed answer is named as
// a layout mistake, each typical wrong method is named, and bad input changes nothing.
import { describe, expect, it } from "vitest";
import { SKILLS, generate } from "@/lib/problems/catalogue";
import { grade } from "@/lib/problems/grade";
import { splitGridText } from "@/lib/calculus/answer-syntax";
import type { Problem } from "@/lib/problems/types";

const CONCRETE = SKILLS.filter((s) => s.kind === "concrete").map((s) => s.id);
const SEEDS = 25;

function problem(skill: string, seed: number): Problem {
  const g = generate(skill, seed);
  if (!g.ok) throw new Error(g.error.message);
  return g.problem;
}

function find(skill: string, pred: (p: Problem) => boolean): Problem {
  for (let seed = 0; seed < 3000; seed++) {
    const p = problem(skill, seed);
    if (pred(p)) return p;
  }
  throw new Error(`no ${skill} problem found`);
}

const key = (p: Problem): string[][] => p.answer as string[][];
const isWord = (c: string): boolean => /^[a-z ]+$/.test(c);
const transpose = (m: string[][]): string[][] => m[0]!.map((_, j) => m.map((r) => r[j]!));

/** One cell changed: a number or expression plus 1, a word swapped for another. */
function perturbed(p: Problem): string[][] {
  return key(p).map((r, i) =>
    r.map((c, j) => {
      if (i !== 0 || j !== r.length - 1) return c;
      if (isWord(c)) return Object.values(p.grid!.words!).find((w) => w !== c)!;
      return `${c} + 1`;
    }),
  );
}

describe.each(CONCRETE.map((id) => [id]))("grading %s", (id) => {
  const ps = Array.from({ length: SEEDS }, (_, seed) => problem(id, seed));

  it("grades the key right as rows of cells, and as one pasted matrix", () => {
    for (const p of ps) {
      const r = grade(p, key(p));
      expect(r.status, `${p.statement} ${JSON.stringify(p.answer)}: ${r.message}`).toBe("right");
      const pasted = `[${key(p)
        .map((row) => `[${row.join(", ")}]`)
        .join(", ")}]`;
      expect(grade(p, pasted).status, pasted).toBe("right");
    }
  });

  it("grades a perturbed answer wrong without revealing any entry of the key", () => {
    for (const p of ps) {
      const r = grade(p, perturbed(p));
      expect(r.status, JSON.stringify(perturbed(p))).toBe("wrong");
      const shown = `${r.message} ${r.diagnosis?.message ?? ""} ${r.counterexample ?? ""}`;
      // Every entry of the key as a whole number or expression (not a digit inside another); 0 and ±1
      // also stand in plain prose ("z < 0") and are left out.
      for (const c of key(p).flat()) {
        if (isWord(c) || ["0", "1", "-1"].includes(c)) continue;
        const whole = new RegExp(
          `(?<![\\w.\\/^])${c.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&")}(?![\\w.\\/^])`,
        );
        expect(shown, `${p.statement}: ${c}`).not.toMatch(whole);
      }
    }
  });

  it("names each typical wrong method its problem stores, and the transposed layout", () => {
    for (const p of ps) {
      for (const m of p.mistakes ?? []) {
        if (JSON.stringify(m.answer) === JSON.stringify(p.answer)) continue;
        const r = grade(p, m.answer as string[][]);
        expect(r.status).toBe("wrong");
        expect(r.diagnosis?.code, `${p.statement}: ${JSON.stringify(m.answer)}`).toBe(m.code);
      }
      const k = key(p);
      const t = transpose(k);
      if (k.flat().some(isWord) || JSON.stringify(t) === JSON.stringify(k)) continue;
      const r = grade(p, t);
      expect(r.status).toBe("wrong");
      expect(r.diagnosis?.code, `${p.statement}: ${JSON.stringify(t)}`).toBe("layout_transposed");
    }
  });
});

describe("grid answers: forms, decimals and bad input", () => {
  it("splits pasted matrices, rows, columns and spreadsheet rows", () => {
    expect(splitGridText("[[1,2],[3,4]]")).toEqual([
      ["1", "2"],
      ["3", "4"],
    ]);
    expect(splitGridText("1, 2; 3, 4")).toEqual([
      ["1", "2"],
      ["3", "4"],
    ]);
    expect(splitGridText("1\t2\n3\t4")).toEqual([
      ["1", "2"],
      ["3", "4"],
    ]);
    expect(splitGridText("(1, -2, 3/4)")).toEqual([["1", "-2", "3/4"]]);
    expect(splitGridText("1 -2 3")).toEqual([["1", "-2", "3"]]);
    expect(splitGridText("x^2 + 1")).toEqual([["x^2 + 1"]]);
    expect(splitGridText("   ")).toBeNull();
  });

  it("accepts a decimal with enough figures, refuses one with too few, and names the cell", () => {
    // A step size such as 13/82 that no short decimal writes exactly.
    const p = find("optimal-step-size", (q) =>
      /^\d+\/(3|7|11|13|17|19|23|29|31|37|41|43|47|53)\d*$/.test(key(q)[0]![0]!),
    );
    const [n, dd] = key(p)[0]![0]!.split("/").map(Number) as [number, number];
    expect(grade(p, [[(n / dd).toPrecision(4)]]).status).toBe("right");
    const few = grade(p, [[(n / dd).toPrecision(2)]]);
    expect(few.status).toBe("wrong");
    expect(few.diagnosis?.code).toBe("too_few_figures");
  });

  it("names a row typed where a column was asked (the layout), and a wrong shape", () => {
    const p = find(
      "neuron-gradient",
      (q) =>
        q.grid!.cols === 1 &&
        key(q)
          .flat()
          .some((c) => c !== "0"),
    );
    const asRow = [key(p).map((r) => r[0]!)];
    const r = grade(p, asRow);
    expect(r.status).toBe("wrong");
    expect(r.diagnosis?.code).toBe("layout_transposed");
    expect(r.message).toMatch(/column/);
    const short = grade(p, [["1"]]);
    expect(short.status).toBe("wrong");
    expect(short.diagnosis?.code).toBe("wrong_shape");
  });

  it("names a dropped ReLU gate, 2A for A + Aᵀ, and a Taylor polynomial without the ½", () => {
    const gate = find("backpropagation-two-layers", (q) =>
      (q.mistakes ?? []).some((m) => m.code === "missing_gate"),
    );
    const m = gate.mistakes!.find((x) => x.code === "missing_gate")!;
    expect(grade(gate, m.answer as string[][]).diagnosis?.code).toBe("missing_gate");
    const q = find("hessian-quadratic-form", () => true);
    const A = q.given.A as number[][];
    expect(
      grade(
        q,
        A.map((r) => r.map((v) => String(2 * v))),
      ).diagnosis?.code,
    ).toBe("hessian_2a");
    const t = find("second-order-taylor", (x) => x.vars.length === 1);
    expect(grade(t, key(t)).status).toBe("right");
    const noHalf = t.mistakes!.find((x) => x.code === "taylor_no_half")!;
    expect(grade(t, noHalf.answer as string[][]).diagnosis?.code).toBe("taylor_no_half");
    // The same polynomial typed by hand, in another order, is still right.
    const e2x = find("second-order-taylor", (x) => x.given.f === "e^(2*x)" || x.given.f === "2*e^(2*x)");
    const c = e2x.given.f === "e^(2*x)" ? 1 : 2;
    expect(grade(e2x, [[`${c}*(2x^2 + 2x + 1)`]]).status).toBe("right");
    expect(grade(e2x, [[`${c}*(4x^2 + 2x + 1)`]]).diagnosis?.code).toBe("taylor_no_half");
  });

  it("refuses empty cells, unreadable cells, unknown words, oversized grids and non-text: nothing is graded", () => {
    const p = find("jacobian-at-a-point", (q) => q.grid!.rows === 2 && q.grid!.cols === 2);
    const empty = grade(p, [
      ["1", ""],
      ["2", "3"],
    ]);
    expect(empty.status).toBe("invalid");
    expect(empty.message).toMatch(/empty/);
    const bad = grade(p, [
      ["1", "2+"],
      ["2", "3"],
    ]);
    expect(bad.status).toBe("invalid");
    expect(bad.message).toMatch(/∂f₁\/∂y/);
    const letters = grade(p, [
      ["1", "x"],
      ["2", "3"],
    ]);
    expect(letters.status).toBe("invalid");
    const big = Array.from({ length: 9 }, () => Array.from({ length: 9 }, () => "1"));
    expect(grade(p, big).error?.code).toBe("TOO_LONG");
    expect(grade(p, [[1, 2]] as unknown as string[][]).status).toBe("invalid");
    const c = find("classifying-critical-points", () => true);
    const word = grade(c, [[...key(c)[0]!.slice(0, 2), "bowl"]]);
    expect(word.status).toBe("invalid");
    expect(word.message).toMatch(/minimum/);
    // Positive control: the key itself.
    expect(grade(p, key(p)).status).toBe("right");
  });
});
