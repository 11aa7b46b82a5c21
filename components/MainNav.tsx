"use client";
// The main navigation, which collapses into a menu on a phone: a button with aria-expanded that shows
// and hides the links; Escape closes it and gives focus back to the button; going to a page closes it.
// Without JavaScript there is no button and the links stay visible (they wrap), so nothing is trapped.
import { type ReactNode, useEffect, useRef, useState } from "react";
import { usePathname } from "next/navigation";

export function MainNav({ children }: { children: ReactNode }) {
  const [enhanced, setEnhanced] = useState(false);
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    setEnhanced(true);
  }, []);
  useEffect(() => {
    setOpen(false);
  }, [pathname]);
  return (
    <div
      className="nav-wrap"
      data-enhanced={enhanced ? "" : undefined}
      data-open={open ? "" : undefined}
      onKeyDown={(e) => {
        if (e.key === "Escape" && open) {
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className="button ghost menu-button"
        aria-expanded={open}
        aria-controls="main-nav"
        data-testid="menu-button"
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">{open ? "✕" : "☰"}</span>
        <span className="visually-hidden">Menu</span>
      </button>
      <nav id="main-nav" aria-label="Main" className="main-nav">
        {children}
      </nav>
    </div>
  );
}
