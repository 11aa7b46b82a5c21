// Small building blocks shared by the forms: a labelled field and the form's message.
import type { ReactNode } from "react";
import type { FormState } from "@/app/actions/form-state";
import { PASSWORD_MIN, PASSWORD_RULES } from "@/lib/validation/account";

export function Field(props: {
  name: string;
  label: string;
  type?: string;
  autoComplete?: string;
  defaultValue?: string;
  required?: boolean;
  error?: string | undefined;
  hint?: ReactNode;
  minLength?: number;
  /** For number fields: "any" for decimals. */
  step?: string;
}) {
  const id = `field-${props.name}`;
  const described = [props.hint ? `${id}-hint` : null, props.error ? `${id}-error` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        autoComplete={props.autoComplete}
        defaultValue={props.defaultValue}
        required={props.required ?? true}
        minLength={props.minLength}
        step={props.step}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={described || undefined}
      />
      {props.hint ? (
        <div id={`${id}-hint`} className="hint">
          {props.hint}
        </div>
      ) : null}
      {props.error ? (
        <p id={`${id}-error`} className="field-error">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

export function FormMessage({ state, label }: { state: FormState; label: string }) {
  if (state.error) {
    return (
      <p className="message message-error" role="alert" aria-label={label} data-testid="form-error">
        {state.error}
      </p>
    );
  }
  if (state.success) {
    return (
      <p className="message message-success" role="status" aria-label={label} data-testid="form-success">
        {state.success}
      </p>
    );
  }
  return null;
}

/** A new password, with the rules shown before the first attempt. */
export function NewPasswordField(props: { name: string; label: string; error?: string | undefined }) {
  return (
    <Field
      name={props.name}
      label={props.label}
      type="password"
      autoComplete="new-password"
      minLength={PASSWORD_MIN}
      error={props.error}
      hint={
        <ul className="rules" aria-label="Password rules" data-testid="password-rules">
          {PASSWORD_RULES.map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
        </ul>
      }
    />
  );
}
