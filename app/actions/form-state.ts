// The state every form action returns: one message for the form, and per-field messages.
export interface FormState {
  error?: string;
  success?: string;
  fields?: Record<string, string>;
}

export const initialFormState: FormState = {};

/** A text field of a submitted form ("" when missing or a file). */
export function text(form: FormData, name: string, fallback = ""): string {
  const value = form.get(name);
  return typeof value === "string" ? value : fallback;
}
