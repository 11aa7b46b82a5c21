// A button that starts a practice problem: a form that POSTs to the start action (a link would let a
// prefetch or another site issue problems). Usable from server and client components alike.
import type { ReactNode, Ref } from "react";
import { startPracticeAction } from "@/app/actions/practice";
import type { PracticeStart } from "@/lib/practice/session";

export function StartPractice({
  start,
  className,
  children,
  testId,
  buttonRef,
}: {
  start: PracticeStart;
  className?: string;
  children: ReactNode;
  testId?: string;
  buttonRef?: Ref<HTMLButtonElement>;
}) {
  return (
    <form action={startPracticeAction} className="start-form">
      <input type="hidden" name="skill" value={start.skill} />
      {Object.entries(start.fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={className} ref={buttonRef} data-testid={testId}>
        {children}
      </button>
    </form>
  );
}
