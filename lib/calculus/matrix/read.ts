// Reading an answer in one step: parse, then type-check against the declarations.
import type { CoreError } from "../errors";
import type { MExpr } from "./ast";
import { parseMatrix } from "./parse";
import type { Decls, Shape } from "./shape";
import { type Typed, typecheck } from "./types";

export type Read = { ok: true; expr: MExpr; typed: Typed; shape: Shape } | { ok: false; error: CoreError };

/** Parse `input` and give every node a shape; errors carry a code, a message and a position. */
export function readMatrix(input: string, decls: Decls, expect?: Shape): Read {
  const p = parseMatrix(input, decls);
  if (!p.ok) return p;
  const t = typecheck(p.expr, decls, expect);
  if (!t.ok) return t;
  return { ok: true, expr: p.expr, typed: t.typed, shape: t.typed.shape };
}
