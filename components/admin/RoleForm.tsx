"use client";
// One account's role buttons on the admin page, with the outcome next to them.
import { useActionState } from "react";
import { changeRoleAction } from "@/app/actions/admin";
import { initialFormState } from "@/app/actions/form-state";
import { FormMessage } from "@/components/forms/parts";

export function RoleForm({ userId, email, role }: { userId: string; email: string; role: string }) {
  const [state, action, pending] = useActionState(changeRoleAction, initialFormState);
  const teacher = role === "teacher";
  return (
    <form action={action} className="inline-form" aria-label={`Role of ${email}`}>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="role" value="teacher" />
      {role === "admin" ? (
        <span className="muted">Administrator (change with the admin command)</span>
      ) : (
        <button
          type="submit"
          name="change"
          value={teacher ? "revoke" : "grant"}
          className="button small"
          disabled={pending}
        >
          {teacher ? `Revoke teacher role of ${email}` : `Grant teacher role to ${email}`}
        </button>
      )}
      <FormMessage state={state} label={`Role change for ${email}`} />
    </form>
  );
}
