// A formula rendered on the server with KaTeX (HTML for the eye, MathML for screen readers).
import katex from "katex";

/**
 * `display`: a formula on its own line. `wrap` (with display): typeset in display style but as inline
 * mathematics, which KaTeX breaks after relations and binary operators, so a long line of a worked
 * solution wraps on a phone instead of scrolling.
 */
export function Formula({
  tex,
  display = false,
  wrap = false,
  label,
}: {
  tex: string;
  display?: boolean;
  wrap?: boolean;
  label?: string;
}) {
  const html = katex.renderToString(wrap ? `\\displaystyle ${tex}` : tex, {
    output: "htmlAndMathml",
    throwOnError: false,
    displayMode: display && !wrap,
  });
  const Tag = display ? "div" : "span";
  return (
    <Tag
      className={display ? (wrap ? "math-display math-wrap" : "math-display") : "math-inline"}
      data-testid="math"
      aria-label={label}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
