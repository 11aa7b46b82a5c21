// The app's HTTP server, started by scripts/start.ts (`npm start`, `npm run dev -- --dev`): Next.js's
// request handler behind a server that works out each request's client address from the socket and
// the configured trusted proxies (lib/server/client-address.mjs) and hands it to the app in one header
// that no client can set, sets the security headers of every response with a fresh script nonce
// (lib/server/security-headers.mjs), and refuses oversized bodies. Plain JavaScript so that Next.js runs without a TypeScript loader.
/* global Headers, Request */
import { Buffer } from "node:buffer";
import console from "node:console";
import { existsSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import process from "node:process";
import { setTimeout } from "node:timers";
import { URL, pathToFileURL } from "node:url";
import next from "next";
import { CLIENT_ADDRESS_HEADER, clientAddress } from "../lib/server/client-address.mjs";
import { NONCE_HEADER, newNonce, securityHeaders } from "../lib/server/security-headers.mjs";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? "3000");
const hostname = process.env.HOST ?? "127.0.0.1";
const trusted = (process.env.TRUSTED_PROXIES ?? "")
  .split(",")
  .map((part) => part.trim())
  .filter(Boolean);

const app = next({ dev, hostname, port, dir: process.cwd(), ...(dev ? { turbopack: true } : {}) });
const handle = app.getRequestHandler();
await app.prepare();

// No request the app serves needs a larger body (the JSON routes take 64 KiB, forms far less): a
// larger declared body is answered 413 before anything reads it. Bodies without a length are held to
// the same size by Next.js (serverActions.bodySizeLimit) and the JSON routes.
const MAX_BODY_BYTES = 64 * 1024;

// The graded answer is answered here, before Next.js's pipeline, by the same handler as its Next.js
// route (lib/server/direct-routes.ts, bundled into the build by scripts/build-direct-routes.ts). Without
// the bundle (a bare `next build`) every request goes to Next.js.
const directFile = path.join(process.cwd(), ".next", "direct-routes.mjs");
const direct = !dev && existsSync(directFile) ? await import(pathToFileURL(directFile).href) : null;

/** The request as a web Request (its body read, at most MAX_BODY_BYTES), or null when it is larger. */
async function webRequest(request) {
  const chunks = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (Array.isArray(value)) for (const one of value) headers.append(name, one);
    else if (value !== undefined) headers.set(name, value);
  }
  // Only the path is used (the same-origin check reads the Origin header): a fixed base, so that no
  // Host header a client sends can make the address unreadable.
  const url = new URL(request.url ?? "/", `http://${hostname}:${port}`);
  return new Request(url, { method: request.method, headers, body: Buffer.concat(chunks) });
}

async function answerDirectly(request, response) {
  try {
    const incoming = await webRequest(request);
    if (!incoming) {
      tooLarge(response);
      request.destroy();
      return;
    }
    const answer = await direct.answerDirect(incoming);
    response.statusCode = answer.status;
    answer.headers.forEach((value, name) => response.setHeader(name, value));
    response.end(Buffer.from(await answer.arrayBuffer()));
  } catch (error) {
    console.error(error);
    if (response.headersSent) return void response.destroy();
    response.writeHead(500, { "content-type": "application/json" });
    response.end(
      JSON.stringify({
        error: { code: "INTERNAL", message: "Something went wrong on our side; nothing was saved." },
      }),
    );
  }
}

function tooLarge(response) {
  response.writeHead(413, { "content-type": "application/json", connection: "close" });
  response.end(JSON.stringify({ error: { code: "TOO_LARGE", message: "The request is too large." } }));
}

const server = http.createServer((request, response) => {
  const nonce = newNonce();
  const headers = securityHeaders(nonce, { dev });
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  // Next.js takes the nonce for its scripts from the request's policy; the layout reads NONCE_HEADER.
  request.headers["content-security-policy"] = headers["Content-Security-Policy"];
  request.headers[NONCE_HEADER] = nonce;
  if (Number(request.headers["content-length"] ?? "0") > MAX_BODY_BYTES) {
    tooLarge(response);
    request.destroy();
    return;
  }
  request.headers[CLIENT_ADDRESS_HEADER] = clientAddress(
    request.socket.remoteAddress,
    request.headers["x-forwarded-for"],
    trusted,
  );
  if (direct?.directRouteFor(request.method ?? "", (request.url ?? "/").split("?")[0])) {
    void answerDirectly(request, response);
    return;
  }
  void handle(request, response);
});
server.listen(port, hostname, () =>
  process.stdout.write(`Next.js ${dev ? "(dev) " : ""}listening on ${hostname}:${port}\n`),
);

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
