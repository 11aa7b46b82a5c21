// The message a form action leaves in the address (?ok=... or ?error=...) after it redirects back.
export function Notice({
  ok,
  error,
}: {
  ok?: string | string[] | undefined;
  error?: string | string[] | undefined;
}) {
  const e = typeof error === "string" ? error.slice(0, 300) : undefined;
  const o = typeof ok === "string" ? ok.slice(0, 300) : undefined;
  if (e) {
    return (
      <p className="message message-error" role="alert" aria-label="Problem" data-testid="form-error">
        {e}
      </p>
    );
  }
  if (o) {
    return (
      <p className="message message-success" role="status" aria-label="Done" data-testid="form-success">
        {o}
      </p>
    );
  }
  return null;
}

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export const one = (v: string | string[] | undefined): string => (typeof v === "string" ? v : "");
