// Words with inline mathematics: `$...$` in the text is typeset with KaTeX (MathML for screen readers).
import { Formula } from "@/components/Formula";

export function MathText({ text }: { text: string }) {
  const parts = text.split("$");
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? <Formula key={i} tex={part} /> : part ? <span key={i}>{part}</span> : null,
      )}
    </>
  );
}
