// `npm run calc`: runs the command-line tool (bin/calc.ts) from one bundled ES module, so that a batch
// pays no TypeScript loader at start. The bundle is built with esbuild when there is none yet or when
// any file it was built from (listed by esbuild itself) is newer than it, like the app's own build.
// Everything else (arguments, stdin, stdout, exit code) is bin/calc.ts's.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import process from "node:process";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outdir = path.join(root, "node_modules", ".cache", "calc");
const bundle = path.join(outdir, "calc.mjs");
const inputsFile = path.join(outdir, "inputs.json");

/** True when the bundle exists and none of the files it was built from changed since. */
function fresh() {
  if (!existsSync(bundle) || !existsSync(inputsFile)) return false;
  const builtAt = statSync(bundle).mtimeMs;
  /** @type {string[]} */
  const inputs = JSON.parse(readFileSync(inputsFile, "utf8"));
  for (const input of inputs) {
    const file = path.join(root, input);
    if (!existsSync(file) || statSync(file).mtimeMs > builtAt) return false;
  }
  return true;
}

async function rebuild() {
  const { build } = await import("esbuild");
  mkdirSync(outdir, { recursive: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: ["bin/calc.ts"],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile: bundle,
    metafile: true,
    minifySyntax: true,
    legalComments: "none",
    logLevel: "warning",
  });
  // The files the bundle was made of, plus the lock file (a dependency's new version changes it).
  const inputs = [...Object.keys(result.metafile.inputs), "package-lock.json"];
  writeFileSync(inputsFile, JSON.stringify(inputs));
}

if (!fresh()) await rebuild();
process.argv = [process.argv[0], bundle, ...process.argv.slice(2)];
await import(pathToFileURL(bundle).href);
