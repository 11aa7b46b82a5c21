// How the answer typed so far is read, under its field: the typeset reading, or the error with the
// character where reading stopped marked, and the warnings about ambiguous forms.
import { Formula } from "@/components/Formula";
import type { AnswerPreview } from "@/lib/problems/preview";

/** The field's text with the character at `at` marked, so a parse error shows where it is. */
function Marked({ text, at }: { text: string; at: number }) {
  const i = Math.max(0, Math.min(at, text.length));
  const ch = text.slice(i, i + 1);
  return (
    <code className="parse-echo" data-testid="parse-echo">
      {text.slice(0, i)}
      <mark>{ch === "" || ch === " " ? "\u2009" : ch}</mark>
      {text.slice(i + 1)}
    </code>
  );
}

export function PreviewLine({ preview, text, id }: { preview: AnswerPreview; text: string; id: string }) {
  if (preview.state === "empty") {
    return (
      <div id={id} className="answer-preview muted" data-testid="answer-preview">
        Your answer will show here as it is read.
      </div>
    );
  }
  return (
    <div id={id} className="answer-preview" data-testid="answer-preview">
      {preview.state === "ok" ? (
        <div className="preview-ok">
          <span className="preview-label">Read as</span> <Formula tex={preview.latex} />
          {preview.shape ? <span className="preview-shape"> ({preview.shape})</span> : null}
        </div>
      ) : (
        <div className="preview-error" data-testid="parse-error">
          <p className="field-error">{preview.error.message}</p>
          {preview.error.at !== undefined ? <Marked text={text} at={preview.error.at} /> : null}
        </div>
      )}
      {preview.warnings.map((w, i) => (
        <p key={i} className="preview-warning" data-testid="parse-warning">
          {w.message}
        </p>
      ))}
    </div>
  );
}
