// A formula rendered on the server with KaTeX (HTML for the eye, MathML for screen readers). A display
// formula is typeset in display style but laid out as inline maths, so that a long one breaks after
// a relation or an operator instead of running off a phone's screen; a piece that cannot break and is
// still too wide is scaled down to fit (components/ScaleToFit.tsx).
import katex from "katex";
import { ScaleToFit } from "@/components/ScaleToFit";

const DISPLAY = "\\displaystyle ";
const ANNOTATION = '<annotation encoding="application/x-tex">';

export function Formula({ tex, display = false, label }: { tex: string; display?: boolean; label?: string }) {
  const rendered = katex.renderToString(display ? `${DISPLAY}${tex}` : tex, {
    output: "htmlAndMathml",
    throwOnError: false,
    displayMode: false,
  });
  // The TeX source kept in the MathML is the formula as written, without the layout command.
  const html = display ? rendered.replace(`${ANNOTATION}${DISPLAY}`, ANNOTATION) : rendered;
  if (!display)
    return (
      <span
        className="math-inline"
        data-testid="math"
        aria-label={label}
        dangerouslySetInnerHTML={{ __html: html }}
      />
    );
  return (
    <ScaleToFit className="math-display">
      <div
        className="math-display-body"
        data-testid="math"
        aria-label={label}
        dangerouslySetInnerHTML={{ __html: html }}
      />
    </ScaleToFit>
  );
}
