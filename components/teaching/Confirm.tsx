// A destructive action in two steps without scripts: the first button opens (a <details>) the
// question and a second form whose button does it. Keyboard: Enter or Space on the first button opens
// it, Tab reaches "Yes", the first button again closes it.
import type { ReactNode } from "react";

export function Confirm({
  action,
  fields,
  label,
  question,
  confirmLabel,
  accessibleLabel,
  testId,
}: {
  action: (form: FormData) => Promise<void>;
  fields: Record<string, string>;
  /** The first button ("Delete class…"). */
  label: string;
  /** What will happen, said before it does. */
  question: ReactNode;
  /** The second button ("Yes, delete it"). */
  confirmLabel: string;
  /** Names the target for screen readers when several such buttons share a page. */
  accessibleLabel?: string;
  testId?: string;
}) {
  return (
    <details className="confirm" data-testid={testId}>
      <summary className="button small danger" aria-label={accessibleLabel}>
        {label}
      </summary>
      <form action={action} className="confirm-step" role="group" aria-label={accessibleLabel ?? label}>
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <p>{question}</p>
        <button type="submit" className="button small danger">
          {confirmLabel}
        </button>
      </form>
    </details>
  );
}
