// The root layout: theme (set before paint), KaTeX's stylesheet (loaded once, here), header.
import "katex/dist/katex.min.css";
import "./globals.css";
import "./teaching.css";
import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { Header } from "@/components/Header";
import { NONCE_HEADER } from "@/lib/server/security-headers.mjs";
import { getCurrentUser } from "@/lib/server/session";

export const metadata: Metadata = {
  title: { default: "Gradient Drill", template: "%s · Gradient Drill" },
  description: "Practise the calculus behind training neural networks.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Applies a theme chosen earlier before the first paint, so the page does not flash.
const THEME_SCRIPT = `try{var t=localStorage.getItem("theme");if(t==="dark"||t==="light")document.documentElement.dataset.theme=t}catch(e){}`;

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  // The page's scripts run only with this request's nonce (Content-Security-Policy, scripts/serve.mjs).
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body>
        <Header user={user} />
        <main id="main" className="main">
          {children}
        </main>
      </body>
    </html>
  );
}
