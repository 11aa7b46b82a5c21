// Runs a TypeScript benchmark bundled by esbuild, as the product's code runs in production (bundled),
// rather than through a development loader that adds its own overhead to every call.
// Usage: node scripts/run-bench.mjs scripts/bench.ts [args...]
import process from "node:process";
import { build } from "esbuild";
import { mkdirSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  process.stderr.write("usage: node scripts/run-bench.mjs <entry.ts> [args...]\n");
  process.exit(2);
}
const outdir = path.resolve("node_modules/.cache/bench");
mkdirSync(outdir, { recursive: true });
const outfile = path.join(outdir, path.basename(entry).replace(/\.ts$/, ".mjs"));
await build({
  entryPoints: [entry],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  outfile,
  packages: "external",
  logLevel: "warning",
});
process.argv = [process.argv[0], outfile, ...rest];
await import(pathToFileURL(outfile).href);
