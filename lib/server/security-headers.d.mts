// Types of security-headers.mjs (plain JavaScript, run by the app's HTTP server).
export declare const NONCE_HEADER: "x-gd-nonce";
export declare function newNonce(): string;
export declare function securityHeaders(nonce: string, options: { dev: boolean }): Record<string, string>;
