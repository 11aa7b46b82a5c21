"use client";
// A display formula too wide for its column (a phone is 390 px wide) is scaled down to fit, to at
// most 55% of its size, instead of hiding its end in a scroll box; what is still too wide after that
// scrolls. The formula itself first wraps where it can (components/Formula.tsx).
import { type ReactNode, useLayoutEffect, useRef } from "react";

const SMALLEST = 0.55;

export function ScaleToFit({ children, className }: { children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fit = () => {
      el.style.fontSize = "";
      const over = el.scrollWidth / Math.max(1, el.clientWidth);
      if (over > 1.01) el.style.fontSize = `${Math.max(SMALLEST, 1 / over).toFixed(3)}em`;
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} className={className}>
      {children}
    </div>
  );
}
