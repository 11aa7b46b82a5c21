// CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads accents), a header row, every
// field quoted, and cells that a spreadsheet would run as a formula neutralised. Pure.

/** Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A plain decimal number (a spreadsheet reads it as a number, never as a formula). */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * One cell: text with a leading = + - @ (or tab / carriage return) gets a single quote in front, a
 * plain number such as -2.5 stays a number; quotes doubled.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export const BOM = "\uFEFF";

/** A whole file: BOM, header, rows; lines end with CRLF as RFC 4180 says. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | boolean | null | undefined)[])[],
): string {
  const lines = [header, ...rows].map((r) => r.map(csvCell).join(","));
  return `${BOM}${lines.join("\r\n")}\r\n`;
}
