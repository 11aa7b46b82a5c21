// The state every form action returns: one message for the form, and per-field messages.
export interface FormState {
  error?: string;
  success?: string;
  fields?: Record<string, string>;
}

export const initialFormState: FormState = {};
