"use client";
// A student's "Reset link" button; the one-time link appears next to it (never in the address bar).
import { useActionState } from "react";
import { resetLinkAction, type ResetLinkState } from "@/app/actions/teaching";
import { FormMessage } from "@/components/forms/parts";

const initial: ResetLinkState = {};

export function ResetLinkForm({
  classId,
  userId,
  label,
}: {
  classId: string;
  userId: string;
  label: string;
}) {
  const [state, action, pending] = useActionState(resetLinkAction, initial);
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="classId" value={classId} />
      <input type="hidden" name="userId" value={userId} />
      <button
        type="submit"
        className="button small"
        disabled={pending}
        aria-label={`Password reset link for ${label}`}
      >
        Reset link
      </button>
      {state.link ? (
        <div
          className="message message-success"
          role="status"
          aria-label="Reset link"
          data-testid="reset-link"
        >
          One-time password reset link for {state.displayName} (valid 24 hours; give it to them privately):
          <br />
          <code>{state.link}</code>
        </div>
      ) : (
        <FormMessage state={state} label="Reset link" />
      )}
    </form>
  );
}
