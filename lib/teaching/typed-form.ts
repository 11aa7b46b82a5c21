// The form of a teacher's typed problem: which fields each kind asks for, and the request the data
// function reads, built from the form's fields (the "Add" form) or the page's address (after "Check").
// Pure; one home for both.

export const TYPED_KINDS = [
  { kind: "derivative", label: "The derivative of f" },
  { kind: "derivative_at", label: "The derivative of f at a point" },
  { kind: "partial", label: "A partial derivative of f" },
  { kind: "gradient", label: "The gradient of f" },
  { kind: "gradient_at", label: "The gradient of f at a point" },
  { kind: "limit", label: "The limit of f as the variable tends to a" },
  { kind: "hessian", label: "The Hessian of f (two or three variables)" },
  { kind: "taylor2", label: "The second-order Taylor approximation of f at a point" },
  { kind: "matrix", label: "Vectors and matrices: ∂f/∂V or ∇_V f" },
] as const;

export type TypedKind = (typeof TYPED_KINDS)[number]["kind"];

export type TypedField =
  "f" | "var" | "vars" | "wrt" | "to" | "side" | "at" | "symbols" | "asks" | "key" | "params";

/** The fields of each kind, in the order the form shows them. */
export const FIELDS_OF: Record<TypedKind, readonly TypedField[]> = {
  derivative: ["var", "f", "params"],
  derivative_at: ["var", "f", "at", "params"],
  partial: ["vars", "f", "wrt", "params"],
  gradient: ["vars", "f", "params"],
  gradient_at: ["vars", "f", "at", "params"],
  limit: ["var", "f", "to", "side", "params"],
  hessian: ["vars", "f", "params"],
  taylor2: ["vars", "f", "at", "params"],
  matrix: ["symbols", "f", "wrt", "asks", "key"],
};

export const ALL_FIELDS = [
  "kind",
  "f",
  "var",
  "vars",
  "wrt",
  "to",
  "side",
  "at",
  "symbols",
  "asks",
  "key",
  "params",
] as const;

/** Defaults shown in an empty form. */
export const FIELD_DEFAULTS: Record<Exclude<(typeof ALL_FIELDS)[number], "kind">, string> = {
  f: "",
  var: "x",
  vars: "x, y",
  wrt: "y",
  to: "0",
  side: "both",
  at: "",
  symbols: "W: m x n, x: n, y: m",
  asks: "gradient",
  key: "",
  params: "",
};

export const isTypedKind = (k: string): k is TypedKind => TYPED_KINDS.some((t) => t.kind === k);

/** The request of the data function (validated there) from the fields of a kind. */
export function typedRequest(get: (field: (typeof ALL_FIELDS)[number]) => string): Record<string, unknown> {
  const kind = get("kind");
  const vars = get("vars")
    .split(/[\s,]+/)
    .filter(Boolean);
  const f = get("f");
  const params = get("params");
  switch (kind) {
    case "matrix":
      return { kind, f, symbols: get("symbols"), wrt: get("wrt"), asks: get("asks"), key: get("key") };
    case "hessian":
    case "gradient":
      return { kind, f, vars, params };
    case "taylor2":
    case "gradient_at":
      return { kind, f, vars, at: get("at"), params };
    case "derivative":
      return { kind, f, var: get("var"), params };
    case "derivative_at":
      return { kind, f, var: get("var"), at: get("at"), params };
    case "partial":
      return { kind, f, vars, wrt: get("wrt"), params };
    default:
      return { kind, f, var: get("var"), to: get("to"), side: get("side"), params };
  }
}
