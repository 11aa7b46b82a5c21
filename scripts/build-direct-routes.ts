// Bundles the routes the app's server answers before Next.js (lib/server/direct-routes.ts) into one ES
// module inside the build (.next/direct-routes.mjs), so scripts/serve.mjs loads them without a
// TypeScript loader. Packages stay outside the bundle (loaded from node_modules, as Next.js's server
// loads them); "server-only" is the empty module it is on the server. Run after `next build`
// (`npm run build`, scripts/build-if-stale.ts).
import { build, type Plugin } from "esbuild";
import path from "node:path";

export const DIRECT_ROUTES_BUNDLE = path.join(".next", "direct-routes.mjs");

const serverOnly: Plugin = {
  name: "server-only",
  setup(build) {
    build.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "empty" }));
    build.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "", loader: "js" }));
  },
};

// Next.js's subpath modules have no exports map: Node's ES module loader needs their file names.
const nextSubpaths: Plugin = {
  name: "next-subpaths",
  setup(build) {
    build.onResolve({ filter: /^next\/(headers|navigation)$/ }, (args) => ({
      path: `${args.path}.js`,
      external: true,
    }));
  },
};

export async function buildDirectRoutes(root = process.cwd()): Promise<void> {
  await build({
    absWorkingDir: root,
    entryPoints: ["lib/server/direct-routes.ts"],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    plugins: [serverOnly, nextSubpaths],
    outfile: path.join(root, DIRECT_ROUTES_BUNDLE),
    logLevel: "warning",
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildDirectRoutes();
