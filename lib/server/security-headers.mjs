// Security headers of every response (pages, API, files), set by the app's HTTP server
// (scripts/serve.mjs). Pages run only scripts that carry this request's nonce: Next.js reads the nonce
// from the request's Content-Security-Policy header and puts it on its own scripts; the root layout
// reads NONCE_HEADER for its theme script. KaTeX and the inline SVG pictures need inline style
// attributes and the bundled fonts, nothing from another origin. Plain JavaScript, like the server.
import { randomBytes } from "node:crypto";

/** The request header that carries this request's nonce to the app (set by the server, never the client). */
export const NONCE_HEADER = "x-gd-nonce";

export function newNonce() {
  return randomBytes(16).toString("base64");
}

/**
 * @param {string} nonce
 * @param {{ dev: boolean }} options
 * @returns {Record<string, string>}
 */
export function securityHeaders(nonce, options) {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${options.dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  return {
    "Content-Security-Policy": csp,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
}
