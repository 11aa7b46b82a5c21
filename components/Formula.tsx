// A formula rendered on the server with KaTeX (HTML for the eye, MathML for screen readers).
import katex from "katex";

export function Formula({ tex, display = false, label }: { tex: string; display?: boolean; label?: string }) {
  const html = katex.renderToString(tex, {
    output: "htmlAndMathml",
    throwOnError: false,
    displayMode: display,
  });
  const Tag = display ? "div" : "span";
  return (
    <Tag
      className={display ? "math-display" : "math-inline"}
      data-testid="math"
      aria-label={label}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
