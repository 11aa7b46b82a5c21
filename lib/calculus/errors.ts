// Structured errors of the core: a stable code, a message a learner understands, and where it is.

export const ERROR_CODES = [
  "EMPTY",
  "TOO_LONG",
  "TOO_DEEP",
  "UNEXPECTED_CHARACTER",
  "UNEXPECTED_TOKEN",
  "UNEXPECTED_END",
  "UNBALANCED_PAREN",
  "UNBALANCED_ABS",
  "UNKNOWN_NAME",
  "MISSING_ARGUMENT",
  "BAD_NUMBER",
  "BAD_LOG_BASE",
  "BAD_SHAPE",
  "BAD_LINE",
  "SPECIAL_NOT_ALLOWED",
  "NOT_A_VARIABLE",
  "RESULT_TOO_LARGE",
  "BAD_REQUEST",
  "CANNOT_CHECK",
  "CANNOT_DECIDE",
  "SHAPE_MISMATCH",
  "UNKNOWN_SIZE",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface CoreError {
  readonly code: ErrorCode;
  readonly message: string;
  /** 0-based offset in the input, in UTF-16 code units, where one applies. */
  readonly at?: number;
}

export type Result<T> = ({ readonly ok: true } & T) | { readonly ok: false; readonly error: CoreError };

export const fail = (code: ErrorCode, message: string, at?: number): { ok: false; error: CoreError } => ({
  ok: false,
  error: at === undefined ? { code, message } : { code, message, at },
});
