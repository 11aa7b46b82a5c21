// The client's address, as the app's HTTP server (scripts/serve.mjs) works it out for every request:
// the socket's address, or, when the socket is a configured trusted proxy (TRUSTED_PROXIES), the hop
// that proxy appended to X-Forwarded-For. Never the first, client-written hop. Plain JavaScript: the
// server runs it without a TypeScript loader.
import { isIP } from "node:net";

/** The header the server sets (and strips from incoming requests) for the app to read. */
export const CLIENT_ADDRESS_HEADER = "x-gd-client-address";

/** @param {string} address */
const plain = (address) => address.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");

/**
 * @param {string | undefined} socketAddress
 * @param {string | string[] | undefined} forwardedFor
 * @param {readonly string[]} trustedProxies
 * @returns {string}
 */
export function clientAddress(socketAddress, forwardedFor, trustedProxies) {
  let address = plain(socketAddress ?? "") || "unknown";
  const trusted = new Set(trustedProxies.map(plain));
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map(plain)
    .filter(Boolean);
  // Right to left: each trusted proxy appended the address it saw; the first untrusted one is the client.
  while (trusted.has(address)) {
    const hop = hops.pop();
    if (hop === undefined || isIP(hop) === 0) break;
    address = hop;
  }
  return address;
}
