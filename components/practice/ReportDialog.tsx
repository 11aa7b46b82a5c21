"use client";
// "Report this grading": a small modal dialog with a comment, sent to the server, then confirmed.
import { useEffect, useRef, useState } from "react";

type Post = <T>(
  url: string,
  body: unknown,
) => Promise<{ ok: true; data: T } | { ok: false; message: string; retry: boolean; status: number }>;

export function ReportDialog(props: {
  open: boolean;
  instanceId: string;
  submissionId: string | undefined;
  onClose: (sent: boolean) => void;
  post: Post;
}) {
  const { open, instanceId, submissionId, onClose, post } = props;
  const ref = useRef<HTMLDialogElement | null>(null);
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  async function send() {
    if (sending) return;
    setSending(true);
    setError(null);
    const r = await post<{ id: string }>(`/api/practice/instances/${instanceId}/report`, {
      comment,
      ...(submissionId ? { submissionId } : {}),
    });
    setSending(false);
    if (!r.ok) {
      setError(r.message);
      return;
    }
    setComment("");
    onClose(true);
  }

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="report-title"
      onClose={() => onClose(false)}
      data-testid="report-dialog"
    >
      <form
        method="dialog"
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <h2 id="report-title">Report this grading</h2>
        <p className="muted">
          Say what looks wrong: a right answer marked wrong, a confusing message, a mistake in the solution.
        </p>
        <div className="field">
          <label htmlFor="report-comment">What is wrong?</label>
          <textarea
            id="report-comment"
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            rows={4}
            maxLength={2000}
            required
            minLength={3}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "report-error" : undefined}
            autoFocus
          />
        </div>
        {error ? (
          <p id="report-error" className="field-error" role="status">
            {error}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="button primary" disabled={sending}>
            {sending ? "Sending…" : "Send report"}
          </button>
          <button type="button" className="button" onClick={() => onClose(false)}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
