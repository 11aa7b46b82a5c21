// The one rule for free text people type (names, titles, notes, reports): no control characters.
// A NUL byte cannot be stored in PostgreSQL text and the others only hide or garble what is shown,
// so they are refused with a message that says which field and why. Tabs and line breaks are kept.
import { z } from "zod";

// C0 controls but tab, line feed and carriage return; DEL; C1 controls.
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** A string schema that refuses control characters, naming `field` in the message. */
export function typedText(field: string) {
  return z.string().refine((value) => !CONTROL_CHARACTER.test(value), {
    error: `The ${field} contains a control character (such as NUL); remove it and try again.`,
  });
}
